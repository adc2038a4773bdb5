/**
 * What the workbook itself shows in a cell a report table takes a figure from,
 * and the rule that keeps a report table truthful: a figure the table computes
 * (a total, a parent, a %, a capaian, a predikat) is shown as computed only where
 * it agrees with what the workbook shows there; where they disagree the table
 * shows the workbook's value, as a constant. Built on a workbook after the accepted
 * fixes, the same rule gives that workbook's values, and the note under the table
 * lists what differs from the original (see truthNotes.ts).
 */
import Decimal from 'decimal.js';
import type { TableContext } from '../checks/context';
import { formatNumber } from '../numbers/format';
import type { SpecCell, SpecCellKind } from './types';

export type Typed =
  /** A figure (a dash reads as 0 and keeps its dash). */
  | { kind: 'number'; value: Decimal; decimals: number; dash?: boolean }
  /** Text that is no figure: an error value, a word, an unreadable number. */
  | { kind: 'text'; text: string }
  /** An empty cell: the table's own figure adds to the workbook, it contradicts nothing. */
  | { kind: 'none' };

/** The cell as the checks read it. */
export function typedAt(ctx: TableContext, row: number, col: number): Typed {
  const n = ctx.num(row, col);
  if (n.state === 'empty' || (n.state === 'uncalculated' && !n.value)) return { kind: 'none' };
  if (n.state === 'dash') return { kind: 'number', value: new Decimal(0), decimals: 0, dash: true };
  if (n.value && (n.state === 'number' || n.state === 'text-number' || n.state === 'uncalculated')) {
    return { kind: 'number', value: n.value, decimals: Math.max(0, Math.min(10, n.decimals)) };
  }
  const text = (n.raw || ctx.grid.textAt(row, col)).trim();
  return text ? { kind: 'text', text } : { kind: 'none' };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether a table cell shows what the workbook shows: figures equal at the decimals the workbook shows, words equal. */
export function agrees(cell: SpecCell, typed: Typed): boolean {
  if (typed.kind === 'none') return true;
  if (typed.kind === 'text') return typeof cell.value !== 'number' && norm(cell.text) === norm(typed.text);
  if (typeof cell.value !== 'number') return typed.dash === true && cell.text.trim() === '-';
  const d = typed.decimals;
  return new Decimal(cell.value).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).eq(typed.value.toDecimalPlaces(d, Decimal.ROUND_HALF_UP));
}

/** How a typed value reads in a note or a table: Indonesian or English number style. */
export function typedText(typed: Typed, lang: 'id' | 'en' = 'id'): string {
  if (typed.kind === 'none') return '';
  if (typed.kind === 'text') return typed.text;
  return typed.dash ? '-' : formatNumber(typed.value, lang, typed.decimals);
}

/** The workbook's value in the table's place: a constant, never a formula (a formula would show the computed figure). */
function asTyped(cell: SpecCell, typed: Exclude<Typed, { kind: 'none' }>, numberKind: SpecCellKind): SpecCell {
  const keep: Partial<SpecCell> = {};
  if (cell.bold !== undefined) keep.bold = cell.bold;
  if (cell.indent !== undefined) keep.indent = cell.indent;
  if (cell.colSpan !== undefined) keep.colSpan = cell.colSpan;
  if (cell.rowSpan !== undefined) keep.rowSpan = cell.rowSpan;
  if (typed.kind === 'text') return { ...keep, text: typed.text, kind: 'marker', align: 'center' };
  return { ...keep, text: typedText(typed), value: typed.value.toNumber(), kind: numberKind, decimals: typed.decimals, align: typed.dash ? 'center' : 'right' };
}

/**
 * The table's cell for a workbook cell: the computed one where the workbook agrees
 * (its formula kept, so the inserted table stays live), the workbook's value
 * otherwise. Either way the cell remembers where it came from.
 */
export function settle(ctx: TableContext, cell: SpecCell, row: number | undefined, col: number | undefined, numberKind: SpecCellKind): SpecCell {
  if (row === undefined || col === undefined) return cell;
  const typed = typedAt(ctx, row, col);
  const shown = typed.kind === 'none' || agrees(cell, typed) ? cell : asTyped(cell, typed, numberKind);
  return { ...shown, source: { row, col } };
}
