/**
 * The row label of a cell ("Tuna Susila", "Program Perlindungan Sosial",
 * "TOTAL") as the recognised table names it, so a fix or a changed cell is
 * shown the way staff know the row, not only by its address. Pure.
 */
import { parseA1, parseRange } from '../core/a1';
import type { RecognizedTable } from '../core/model';

export type LabelledTable = Pick<RecognizedTable, 'sheet' | 'range' | 'rows'>;

/** The label of the table row holding `address`, or undefined when no recognised table covers it or its label is empty. */
export function rowLabelAt(tables: readonly LabelledTable[], sheet: string, address: string): string | undefined {
  const at = parseA1(address.replace(/\$/g, '').toUpperCase());
  if (!at) return undefined;
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    const r = parseRange(t.range);
    if (!r || at.row < r.top || at.row > r.bottom || at.col < r.left || at.col > r.right) continue;
    const label = t.rows.find((row) => row.row === at.row)?.label.trim();
    if (label) return label;
  }
  return undefined;
}
