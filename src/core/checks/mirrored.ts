import { columnIndex } from '../a1';
import type { TableRow } from '../model';
import type { TableContext } from './context';

// '=DPA!S38', "='DPA 2.2.1'!$S$38": one cell of another sheet, nothing else.
const SHEET_REF = /^=\s*(?:'((?:[^']|'')+)'|([^'!=()+\-*/,;:<>&^\s]+))!\$?[A-Z]{1,3}\$?\d+\s*$/i;

// 'K21', '$K$21' in a formula of this sheet.
const LOCAL_REF = /(?<![A-Z!$'])\$?([A-Z]{1,3})\$?(\d+)(?![\d(!])/gi;


/**
 * The sheet a cell copies: a single reference to it, or a formula over cells of its
 * own row that copy it ('SISA' =K21-L21 beside =DPA!S38).
 */
function referencedSheet(ctx: TableContext, row: number, col: number, depth = 0): string | undefined {
  const f = ctx.grid.formulaAt(row, col);
  if (typeof f !== 'string' || !f.startsWith('=')) return undefined;
  const m = SHEET_REF.exec(f);
  if (m) return (m[1] ?? m[2]).replace(/''/g, "'");
  if (depth > 1 || f.includes('!')) return undefined;
  let sheet: string | undefined;
  for (const r of f.matchAll(LOCAL_REF)) {
    if (Number(r[2]) - 1 !== row) return undefined;
    const c = columnIndex(r[1]);
    if (c === col) return undefined;
    sheet ??= referencedSheet(ctx, row, c, depth + 1);
  }
  return sheet;
}

/**
 * Monthly and report sheets are often built by pointing each cell at a DPA or RKA
 * sheet (=DPA!S38). When a parent and every filled row under it copy single cells of
 * one other sheet, a gap means some source rows were not carried over: the parent is
 * right at its source, so the sheet is told to check there and nothing is rewritten.
 * Seen in real SIPD realisation workbooks (monthly sheets over a DPA sheet), tried
 * locally; not in the corpus (fetched files are not committed).
 */
export function mirroredFrom(ctx: TableContext, parent: TableRow, children: TableRow[], col: number): { sheet: string; formula: string } | undefined {
  const sheet = referencedSheet(ctx, parent.row, col);
  if (!sheet || sheet === ctx.table.sheet) return undefined;
  let filled = 0;
  for (const c of children) {
    if (ctx.grid.typeAt(c.row, col) === 'Empty') continue;
    if (referencedSheet(ctx, c.row, col) !== sheet) return undefined;
    filled++;
  }
  return filled > 0 ? { sheet, formula: String(ctx.grid.formulaAt(parent.row, col)) } : undefined;
}
