import type Decimal from 'decimal.js';
import { SUMMABLE_ROLES } from '../recognize/vocabulary';
import type { TableContext } from './context';
import { explainGap } from './explain';
import type { TableRow } from '../model';
import { columnSum } from './columnSum';
import { unclearParents } from './codeTree';
import { collect, styledSumFix, sumParams } from './totals';
import { mirroredFrom } from './mirrored';
import { message } from '../messages';

function oneDepthAddsUp(ctx: TableContext, children: TableRow[], col: number, value: Decimal): boolean {
  const byDepth = new Map<number, TableRow[]>();
  for (const c of children) {
    const depth = c.code ? c.code.split('.').length : 0;
    const list = byDepth.get(depth);
    if (list) list.push(c);
    else byDepth.set(depth, [c]);
  }
  if (byDepth.size < 2) return false;
  for (const rows of byDepth.values()) {
    const { sum, filled } = columnSum(ctx, rows, col);
    if (filled > 0 && sum.eq(value)) return true;
  }
  return false;
}

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
  const unclear = unclearParents(ctx.table.rows);
  for (const parent of ctx.rows('parent')) {
    const children = childrenOf.get(parent.row) ?? [];
    if (children.length === 0) continue;
    for (const k of cols) {
      const cell = ctx.num(parent.row, k.col);
      if (cell.value === null || cell.state === 'error') continue;
      const { sum: expected, filled } = columnSum(ctx, children, k.col);
      if (filled === 0) continue;
      if (expected.eq(cell.value)) continue;
      // A code tree broken by a mistyped or mixed-format code (' 5.2.2.', 5.1.02.02.01 beside
      // 5.1.02.02.001.00001) hangs deeper rows on this parent too: when the children of one
      // code depth add up to the parent, the sum holds and only the tree is unclear.
      if (unclear.has(parent.row) || oneDepthAddsUp(ctx, children, k.col, cell.value)) {
        ctx.notChecked(parent.row, 'tree', { label: parent.label });
        continue;
      }
      const { parts } = collect(ctx, children, k.col);
      const why = explainGap(ctx, k.col, expected, cell.value, parts, cell.decimals);
      const mirror = why.roundingOnly ? undefined : mirroredFrom(ctx, parent, children, k.col);
      ctx.report({
        code: 'parent-sum-mismatch',
        severity: why.roundingOnly ? 'info' : mirror ? 'warning' : 'error',
        row: parent.row,
        col: k.col,
        key: 'parent-sum-mismatch',
        params: { column: k.header, label: parent.label, count: children.length, ...sumParams(ctx, expected, cell.value) },
        expected,
        actual: cell.value,
        extra: mirror ? message('why-mirrored', mirror, ctx.lang) : why.text,
        fix: mirror ? undefined : styledSumFix(ctx, parent.row, k.col, children.map((r) => r.row), expected),
      });
    }
  }
}
