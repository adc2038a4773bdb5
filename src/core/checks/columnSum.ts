import Decimal from 'decimal.js';
import { typedWholeAt } from '../cells';
import type { TableRow } from '../model';
import type { TableContext } from './context';

/**
 * The exact sum of a column over some rows, as Excel's SUM would see the
 * figures (text numbers included, as the report means them), and how many of
 * the cells are filled. Whole numbers are added as BigInt, which is exact at
 * any size, and the rest as Decimal; the result is the same Decimal that
 * adding every cell as a Decimal gives, at a fraction of the cost on a table
 * of ten thousand rows.
 */
export function columnSum(ctx: TableContext, rows: readonly TableRow[], col: number): { sum: Decimal; filled: number } {
  let whole = 0n;
  let rest: Decimal | undefined;
  let filled = 0;
  for (const r of rows) {
    const w = typedWholeAt(ctx.grid, r.row, col);
    if (w !== undefined) {
      filled++;
      whole += BigInt(w);
      continue;
    }
    const n = ctx.num(r.row, col);
    if (n.state === 'empty') continue;
    filled++;
    if (n.value !== null) rest = rest ? rest.plus(n.value) : n.value;
  }
  const sum = new Decimal(whole.toString());
  return { sum: rest ? sum.plus(rest) : sum, filled };
}
