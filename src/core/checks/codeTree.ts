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
  rows.forEach((p, i) => {
    if (p.role !== 'parent' || !p.code) return;
    const d = depth(p.code);
    for (let j = i + 1; j < rows.length; j++) {
      const r = rows[j];
      if (r.role === 'total' || r.role === 'subtotal') break;
      if (!r.code || (r.role !== 'item' && r.role !== 'parent')) continue;
      if (depth(r.code) <= d) break;
      if (!r.code.startsWith(p.code + '.')) {
        out.add(p.row);
        break;
      }
    }
  });
  return out;
}
