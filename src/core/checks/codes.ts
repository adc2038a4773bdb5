import type { TableRow } from '../model';
import { isFlatPath } from '../recognize/rows';
import { isPeriodHeader } from '../recognize/vocabulary';
import type { TableContext } from './context';

/**
 * The same Kode Rekening twice means one activity was typed over another's
 * code. When codes repeat on many rows the column is no account list (a
 * region code on every beneficiary, one row per item and month): a typo
 * shows as the odd repeat, not as one row in five.
 */
export function checkDuplicateCodes(ctx: TableContext): void {
  const codeCols = ctx.cols('code');
  if (codeCols.length === 0) return;
  const last = codeCols[codeCols.length - 1];
  // Long-format exports repeat each code per year and quarter ('2023 | I | 5111', '2023 | II | 5111'):
  // the code is unique only together with the period.
  const periods = ctx.table.columns.filter((k) => isPeriodHeader(k.header));
  const seen = new Map<string, { row: number; label: string }>();
  const repeats: { row: TableRow; first: { row: number; label: string } }[] = [];
  let coded = 0;
  for (const row of ctx.table.rows) {
    if (!row.code) continue;
    coded++;
    const key = periods.length ? [row.code, ...periods.map((k) => ctx.grid.textAt(row.row, k.col))].join('\u0000') : row.code;
    const first = seen.get(key);
    if (first) repeats.push({ row, first });
    else seen.set(key, { row: row.row, label: row.label });
  }
  if (repeats.length > 3 && repeats.length * 5 > coded) return;
  // A flat SIPD export lists budget lines under their full path: the same price-list item
  // budgeted twice in one sub kegiatan is two lines, not a conflict (a real 2024 rincian
  // export gave 346 such repeats). One path under two names still is.
  const flat = isFlatPath(ctx.table.columns);
  for (const { row, first } of repeats) {
    if (flat && same(row.label, first.label)) continue;
    const code = flat ? ctx.grid.textAt(row.row, last.col).trim() || row.code! : row.code!.replace(/\./g, ' ');
    ctx.report({
      code: 'duplicate-code',
      // In a system export the code comes from the system: worth a look, not a typing mistake to fix here.
      severity: flat ? 'warning' : 'error',
      row: row.row,
      col: last.col,
      key: 'duplicate-code',
      params: { code, otherRow: first.row + 1, otherLabel: first.label },
      actual: row.code,
    });
  }
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
}
