import { SUMMABLE_ROLES } from '../recognize/vocabulary';
import type { TableContext } from './context';
import { explainGap } from './explain';
import type { TableRow } from '../model';
import { columnSum } from './columnSum';
import { collect, sumFix, sumParams } from './totals';

/** A program row (by Kode Rekening) or an 'I Urusan ...' row must equal the rows under it. */
export function checkParentSums(ctx: TableContext): void {
  const cols = ctx.table.columns.filter((k) => SUMMABLE_ROLES.has(k.role));
  // Children by parent in one pass: a Kode Rekening table can have hundreds of parents over thousands of rows.
  const childrenOf = new Map<number, TableRow[]>();
  for (const r of ctx.table.rows) {
    if (r.parentRow === undefined) continue;
    const list = childrenOf.get(r.parentRow);
    if (list) list.push(r);
    else childrenOf.set(r.parentRow, [r]);
  }
  for (const parent of ctx.rows('parent')) {
    const children = childrenOf.get(parent.row) ?? [];
    if (children.length === 0) continue;
    for (const k of cols) {
      const cell = ctx.num(parent.row, k.col);
      if (cell.value === null || cell.state === 'error') continue;
      const { sum: expected, filled } = columnSum(ctx, children, k.col);
      if (filled === 0) continue;
      if (expected.eq(cell.value)) continue;
      const { parts } = collect(ctx, children, k.col);
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
