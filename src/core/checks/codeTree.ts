import type { TableRow } from '../model';

/**
 * Parents whose Kode Rekening tree is unclear: between a parent and the next
 * row at its depth or shallower, some coded row is not its descendant by code
 * (' 5.2.2.' typed for 5.1.02 leaves 5.1.02.01.01.0024 hanging on 5). Their
 * sums, and the table's total, rest on a tree nobody can be sure of.
 */
export function unclearParents(rows: readonly TableRow[]): Set<number> {
  const out = new Set<number>();
  const depth = (code: string) => code.split('.').length;
  const lastUnder = lastDescendants(rows);
  rows.forEach((p, i) => {
    if (p.role !== 'parent' || !p.code) return;
    const d = depth(p.code);
    let j = i + 1;
    for (; j < rows.length; j++) {
      const r = rows[j];
      if (r.role === 'total' || r.role === 'subtotal') break;
      if (!r.code || (r.role !== 'item' && r.role !== 'parent')) continue;
      if (depth(r.code) <= d) break;
      if (!r.code.startsWith(p.code + '.')) {
        out.add(p.row);
        break;
      }
    }
    // SIPD lists an organisation's sub-units (RSUD, Puskesmas 1.02.2.14.0.00.01.0001 …) after
    // another urusan's block: rows of this code further down are its children too.
    if ((lastUnder.get(p.code) ?? -1) >= j) out.add(p.row);
  });
  return out;
}

/** For each parent's code, the index of the last row whose code lies under it. */
function lastDescendants(rows: readonly TableRow[]): Map<string, number> {
  const parents = new Set<string>();
  for (const r of rows) if (r.role === 'parent' && r.code) parents.add(r.code);
  const last = new Map<string, number>();
  if (parents.size === 0) return last;
  rows.forEach((r, j) => {
    const code = r.code;
    if (!code || (r.role !== 'item' && r.role !== 'parent')) return;
    // Only the prefixes that are some parent's code, found without splitting the code.
    for (let dot = code.indexOf('.'); dot > 0; dot = code.indexOf('.', dot + 1)) {
      const prefix = code.slice(0, dot);
      if (parents.has(prefix)) last.set(prefix, j);
    }
  });
  return last;
}
