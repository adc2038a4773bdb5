import { SUMMABLE_ROLES } from '../recognize/vocabulary';
import type { TableContext } from './context';

/** An item row with an empty figure where most rows have one: a line typed without its amounts. */
export function checkMissingValues(ctx: TableContext): void {
  const items = ctx.table.rows.filter((r) => r.role === 'item' || r.role === 'parent');
  if (items.length < 2) return;
  for (const k of ctx.table.columns) {
    if (!SUMMABLE_ROLES.has(k.role)) continue;
    const empty = items.filter((r) => ctx.state(r.row, k.col) === 'empty');
    if (empty.length === 0 || empty.length * 2 >= items.length) continue;
    for (const row of empty) {
      ctx.report({
        code: 'missing-value',
        severity: 'warning',
        row: row.row,
        col: k.col,
        key: 'missing-value',
        params: { column: k.header, label: row.label },
      });
    }
  }
}
