import { SUMMABLE_ROLES } from '../recognize/vocabulary';
import type { TableContext } from './context';
import { explainGap } from './explain';
import { collect, sumFix, sumOf, sumParams } from './totals';

/** A program row (by Kode Rekening) or an 'I Urusan ...' row must equal the rows under it. */
export function checkParentSums(ctx: TableContext): void {
  const cols = ctx.table.columns.filter((k) => SUMMABLE_ROLES.has(k.role));
  for (const parent of ctx.rows('parent')) {
    const children = ctx.table.rows.filter((r) => r.parentRow === parent.row);
    if (children.length === 0) continue;
    for (const k of cols) {
      const cell = ctx.num(parent.row, k.col);
      if (cell.value === null || cell.state === 'error') continue;
      const { parts, filled } = collect(ctx, children, k.col);
      if (filled === 0) continue;
      const expected = sumOf(parts);
      if (expected.eq(cell.value)) continue;
      const why = explainGap(ctx, k.col, expected, cell.value, parts, cell.decimals);
      ctx.report({
        code: 'parent-sum-mismatch',
        severity: why.roundingOnly ? 'info' : 'error',
        row: parent.row,
        col: k.col,
        key: 'parent-sum-mismatch',
        params: { column: k.header, label: parent.label, count: children.length, ...sumParams(ctx, expected, cell.value) },
        expected,
        actual: cell.value,
        extra: why.text,
        fix: sumFix(children.map((r) => r.row), k.col),
      });
    }
  }
}
