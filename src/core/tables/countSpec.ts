import Decimal from 'decimal.js';
import type { RecognizedTable, TableColumn } from '../model';
import type { SpecContext } from './specs';
import { header, kindOfRole, LABELS, num, sourceLine, text, titleLines, topLevel, widthOf } from './specs';
import { settle } from './typed';
import type { SpecCell, SpecRow, TableSpec } from './types';

const ZERO = new Decimal(0);
/** Columns whose figures add up down the rows, so the Jumlah row sums them. */
const SUMMED = new Set(['count', 'jumlah', 'anggaran', 'realisasi', 'populasi', 'ditangani', 'kewenangan-prov', 'kewenangan-kab']);

/**
 * The office's header as it is laid out: a group word ('Jenjang Pendidikan')
 * merged over its columns above their own words, each cell spanning what its
 * merge spans within the table.
 */
function headerGrid(c: SpecContext, cols: TableColumn[]): SpecCell[][] {
  const { grid, table } = c.ctx;
  const rows = table.headerRows.length ? table.headerRows : [];
  if (rows.length < 2) return [cols.map((k) => header(k.header))];
  const inRows = (top: number, bottom: number) => rows.filter((r) => r >= top && r <= bottom).length;
  return rows.map((hr) =>
    cols.flatMap((k, i): SpecCell[] => {
      const m = grid.merge(hr, k.col);
      if (!m) return [header(grid.textAt(hr, k.col) || (hr === rows[0] ? k.header : ''))];
      const first = cols.findIndex((x) => x.col >= m.left && x.col <= m.right);
      if (m.top !== hr && rows.includes(m.top)) return [];
      if (first !== i) return [];
      const colSpan = cols.filter((x) => x.col >= m.left && x.col <= m.right).length;
      const rowSpan = inRows(hr, m.bottom);
      return [header(grid.textAt(m.top, m.left), { colSpan: colSpan > 1 ? colSpan : undefined, rowSpan: rowSpan > 1 ? rowSpan : undefined })];
    }),
  );
}

/**
 * Counts (staff by rank and education, assets): every figure as the workbook
 * shows it, and a Jumlah row summing each column over the top-level rows, as a
 * formula where it agrees with the workbook's own total.
 */
export function countSpec(c: SpecContext): TableSpec {
  const { ctx } = c;
  const t: RecognizedTable = ctx.table;
  const cols = t.columns.filter((k) => k.role !== 'sumber-dana');
  const rows = t.rows.filter((r) => r.role === 'item' || r.role === 'parent' || r.role === 'section');
  const tops = topLevel({ ...t, rows }).filter((i) => rows[i].role !== 'section');
  const shown = (cell: SpecCell) => new Decimal(typeof cell.value === 'number' ? cell.value : 0);
  const figure = (row: number, k: TableColumn, bold: boolean): SpecCell => {
    const kind = kindOfRole(k.role);
    const value = ctx.value(row, k.col);
    const cell = value ? { ...num(value, kind, kind === 'percent' ? Math.min(value.decimalPlaces(), 2) : undefined), bold } : text('-', 'marker', { align: 'center', bold });
    return settle(ctx, cell, row, k.col, kind);
  };
  const body: SpecRow[] = rows.map((r) => {
    const strong = r.role !== 'item';
    const cells = cols.map((k): SpecCell => {
      if (k.role === 'no') return text(r.no ?? '', 'no', { align: 'center', bold: strong });
      if (k.role === 'code') return text(r.code ?? ctx.grid.textAt(r.row, k.col), 'code', { bold: strong });
      if (k.role === 'label') return text(r.label, 'text', { bold: strong, indent: r.parentRow !== undefined ? 1 : 0 });
      if (kindOfRole(k.role) === 'text') return text(ctx.grid.textAt(r.row, k.col));
      if (r.role === 'section') return text('');
      return figure(r.row, k, strong);
    });
    return { role: r.role === 'parent' ? 'parent' : r.role === 'section' ? 'section' : 'item', cells };
  });
  const typedTotal = t.rows.find((r) => r.role === 'total');
  const labelAt = Math.max(0, cols.findIndex((k) => k.role === 'label'));
  const total = cols.map((k, i): SpecCell => {
    if (i === labelAt) return text(typedTotal?.label || 'Jumlah', 'text', { bold: true });
    if (SUMMED.has(k.role)) {
      const sum = tops.reduce((s, idx) => s.plus(shown(body[idx].cells[i])), ZERO);
      return settle(ctx, { ...num(sum, kindOfRole(k.role)), bold: true, formula: { kind: 'sum', rows: tops } }, typedTotal?.row, k.col, kindOfRole(k.role));
    }
    // A share or a unit has no sum: the workbook's own total, if it has one, is shown as typed.
    if (kindOfRole(k.role) !== 'text' && typedTotal && ctx.value(typedTotal.row, k.col)) return figure(typedTotal.row, k, true);
    return text('');
  });
  if (typedTotal || tops.length > 1) body.push({ role: 'total', cells: total });
  return {
    id: `count-${t.sheet}`,
    kind: 'count',
    titleLines: titleLines(t, LABELS.count),
    columns: cols.map((k) => ({ kind: kindOfRole(k.role), width: k.role === 'label' ? 32 : widthOf(k.role) })),
    headerRows: headerGrid(c, cols),
    bodyRows: body,
    notes: [],
    source: sourceLine(ctx.grid, t),
    from: { sheet: t.sheet, range: t.range },
  };
}
