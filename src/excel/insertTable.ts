/// <reference types="office-js" />
/**
 * Write sheet plans (src/core/tables/sheetPlan.ts) into the open workbook in
 * two syncs, whatever the number of tables:
 *   1. check: the workbook's sheet names and structure protection (new
 *      sheets), or the active cell, its sheet's protection and whether the
 *      region the tables need from there holds any value or reaches into
 *      any merged area (selection); an unusable target throws HostError
 *      before anything is written;
 *   2. write: per block one 2D numberFormat and one 2D formulas array (text
 *      that Excel would read as a formula or number is text-formatted '@' in
 *      the plan, and the format goes in first); merges; each formatting
 *      rectangle's font, alignment, wrap, indent, fill and borders once;
 *      column widths; row heights; for new sheets the print setup (A4, one
 *      page wide, header rows repeated, print area).
 * A failed write is cleaned up in one more batch and reported as a
 * HostError: new sheets are deleted; at the selection only what the insert
 * wrote is taken back (its own merges, the contents, the number formats and
 * column widths read in step 1), so the user's cells keep their formatting.
 * Calculation and screen updating are suspended for the write (bulkWrite.ts).
 */
import type { PlanStyle, SheetPlan } from '../core/tables/sheetPlan';
import { blockArrays, planBlocks, rangeA1, sheetNameFor, stackPlans, stackSize, STYLE_KEYS_BUT_BORDER, styleRuns } from '../core/tables/sheetPlan';
import type { RangeAddress } from '../core/a1';
import { areaToA1, parseArea, splitAreaAddresses } from './addresses';
import { HostError } from '../host/types';
import { TableOutputError, type InsertedTable, type InsertWhere } from '../host/tableOutput';
import { syncOr, toHostError } from './errors';
import { BulkWrite } from './bulkWrite';

export interface InsertOptions {
  where: InsertWhere;
  /** Empty rows between tables inserted one below the other at the selection (default 2). */
  gap?: number;
}

/** Excel column width in characters -> points (Calibri 11: 7 px a character plus 5 px padding; 0.75 pt a pixel). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** Queue one rectangle's formatting. */
function queueStyle(range: Excel.Range, style: PlanStyle, rows: number, cols: number): void {
  const f = range.format;
  if (style.bold) f.font.bold = true;
  if (style.italic) f.font.italic = true;
  if (style.align) f.horizontalAlignment = style.align === 'center' ? 'Center' : style.align === 'right' ? 'Right' : 'Left';
  if (style.valign) f.verticalAlignment = style.valign === 'center' ? 'Center' : 'Top';
  if (style.wrap) f.wrapText = true;
  if (style.indent) f.indentLevel = style.indent;
  if (style.fill) f.fill.color = style.fill;
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (cols > 1) edges.push('InsideVertical');
    if (rows > 1) edges.push('InsideHorizontal');
    for (const edge of edges) {
      const b = f.borders.getItem(edge as Excel.BorderIndex);
      b.style = 'Continuous';
      b.color = '#000000';
      b.weight = edge === 'EdgeTop' && style.border === 'top-thick' ? 'Medium' : 'Thin';
    }
  }
}

interface WriteOptions {
  /** Set the plan's column widths (a new sheet); at the selection the caller sets them once for all tables. */
  widths: boolean;
  /** Page setup (a new sheet only: at the selection the sheet's own setup stays). */
  print: boolean;
}

/** Queue everything one plan needs on one sheet. No sync. */
export function queuePlan(ws: Excel.Worksheet, plan: SheetPlan, opts: WriteOptions): void {
  for (const b of planBlocks(plan)) {
    const range = ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols);
    const a = blockArrays(b);
    // The format first: a text-formatted ('@') cell then keeps '=HYPERLINK(…)' as text.
    range.numberFormat = a.numberFormat;
    range.formulas = a.formulas as (string | number)[][];
  }
  for (const m of plan.merges) ws.getRange(m).merge(false);
  // Fonts, alignment and fill by their own rectangles, borders by theirs (the whole table is one or two).
  for (const keys of [STYLE_KEYS_BUT_BORDER, ['border'] as const]) {
    for (const run of styleRuns(plan, keys)) queueStyle(ws.getRange(run.range), run.style, run.bottom - run.top + 1, run.right - run.left + 1);
  }
  if (opts.widths) plan.columnWidths.forEach((w, i) => void (ws.getRangeByIndexes(plan.top, plan.left + i, 1, 1).format.columnWidth = widthToPoints(w)));
  // Excel fits row heights to wrapped text itself, except in merged cells (the notes): those are set.
  const { header, body } = plan.blocks;
  const first = header.rows > 0 ? header : body;
  const last = body.rows > 0 ? body : header;
  if (first.rows > 0) ws.getRange(rangeA1(first.top, plan.left, last.top + last.rows - 1, plan.left + plan.cols - 1)).format.autofitRows();
  for (const h of plan.rowHeights) {
    if (h.merged) ws.getRangeByIndexes(h.row, plan.left, 1, 1).format.rowHeight = h.height;
  }
  if (opts.print) {
    const pl = ws.pageLayout;
    pl.paperSize = 'A4';
    pl.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: pagesTall(plan) };
    if (plan.print.repeatRows) pl.setPrintTitleRows(plan.print.repeatRows.split(':').map((r) => `$${r}`).join(':'));
    pl.setPrintArea(plan.print.area);
  }
}

/**
 * 'One page wide' in documented terms: Excel fits both ways, so the height
 * gets a page count it can never need (a row never fills a page: 409 pt at
 * most), and the width alone sets the scale.
 */
export function pagesTall(plan: SheetPlan): number {
  return Math.min(32767, Math.max(1, plan.rows));
}

/** Insert the plans: a new sheet each, or one below the other from the active cell. Two syncs. */
export async function insertTables(context: Excel.RequestContext, plans: SheetPlan[], opts: InsertOptions): Promise<InsertedTable[]> {
  if (plans.length === 0) return [];
  return opts.where === 'new-sheet' ? intoNewSheets(context, plans) : atSelection(context, plans, opts.gap ?? 2);
}

async function intoNewSheets(context: Excel.RequestContext, plans: SheetPlan[]): Promise<InsertedTable[]> {
  // Sync 1: the names in use and whether sheets may be added at all.
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const protection = context.workbook.protection;
  protection.load('protected');
  const bulk = new BulkWrite(context);
  bulk.prepare();
  await syncOr(context, 'write-failed');
  if (protection.protected) throw new TableOutputError('workbook-protected');

  const taken = sheets.items.map((s) => s.name);
  const names: string[] = [];
  for (const p of plans) {
    const name = sheetNameFor(p.sheetName, [...taken, ...names]);
    names.push(name);
  }

  // Sync 2: every sheet, cell and format.
  bulk.suspend();
  const added: Excel.Worksheet[] = [];
  plans.forEach((plan, i) => {
    const ws = sheets.add(names[i]);
    added.push(ws);
    queuePlan(ws, plan, { widths: true, print: true });
  });
  added[0].activate();
  added[0].getRangeByIndexes(plans[0].top, plans[0].left, 1, 1).select();
  try {
    await context.sync();
  } catch (e) {
    // Batches are not transactions: remove whatever sheets were added.
    try {
      const now = context.workbook.worksheets;
      now.load('items/name');
      await context.sync();
      const mine = new Set(names.map((n) => n.toLowerCase()));
      for (const s of now.items) if (mine.has(s.name.toLowerCase())) s.delete();
      bulk.queueRecalc();
      await context.sync();
    } catch {
      // Best effort; the error below says what failed.
    }
    throw toHostError(e, 'write-failed', { sheet: names[0] });
  }
  await bulk.recalc(context);
  return plans.map((p, i) => ({ id: p.id, sheet: names[i], range: p.range }));
}

async function atSelection(context: Excel.RequestContext, plans: SheetPlan[], gap: number): Promise<InsertedTable[]> {
  // Sync 1: where the active cell is, the sheet's protection, whether the region is free, and what a cleanup would put back.
  const { rows, cols } = stackSize(plans, gap);
  const cell = context.workbook.getActiveCell();
  cell.load('rowIndex,columnIndex');
  const ws = cell.worksheet;
  ws.load('name');
  ws.protection.load('protected');
  const region = cell.getAbsoluteResizedRange(rows, cols);
  region.load('rowIndex,columnIndex,numberFormat');
  const used = region.getUsedRangeOrNullObject(true);
  used.load('address');
  const formatted = region.getUsedRangeOrNullObject(false);
  formatted.load('address');
  const merged = mergesReaching(ws, region);
  const widths = Array.from({ length: cols }, (_, i) => region.getColumn(i).format.load('columnWidth'));
  const bulk = new BulkWrite(context);
  bulk.prepare();
  await syncOr(context, 'write-failed');
  const sheet = ws.name;
  if (ws.protection.protected) throw new HostError('protected-sheet', { sheet });
  if (!used.isNullObject) {
    const first = splitAreaAddresses(used.address)[0] ?? used.address;
    const area = parseArea(first);
    throw new TableOutputError('target-not-empty', { sheet, address: area ? areaToA1(area) : first });
  }
  const target = { top: region.rowIndex, left: region.columnIndex, bottom: region.rowIndex + rows - 1, right: region.columnIndex + cols - 1 };
  const blocking = (await mergedAreas(context, merged)).find((m) => overlaps(m, target));
  if (blocking) throw new TableOutputError('target-merged', { sheet, address: areaToA1(blocking) });

  // Sync 2: the tables, one below the other from the active cell.
  bulk.suspend();
  const placed = stackPlans(plans, cell.rowIndex, cell.columnIndex, gap);
  for (const plan of placed) queuePlan(ws, plan, { widths: false, print: false });
  // Columns only grow: the sheet's other content keeps its room.
  const widened: { col: number; was: number }[] = [];
  widths.forEach((f, i) => {
    const want = widthToPoints(Math.max(...placed.map((p) => p.columnWidths[i] ?? 0)));
    if (want > f.columnWidth) {
      ws.getRangeByIndexes(cell.rowIndex, cell.columnIndex + i, 1, 1).format.columnWidth = want;
      widened.push({ col: cell.columnIndex + i, was: f.columnWidth });
    }
  });
  const whole = rangeA1(cell.rowIndex, cell.columnIndex, cell.rowIndex + rows - 1, cell.columnIndex + cols - 1);
  ws.getRange(whole).select();
  try {
    await context.sync();
  } catch (e) {
    // Take back only what this insert wrote: the region held no value and no merge reached into it.
    try {
      for (const plan of placed) for (const m of plan.merges) ws.getRange(m).unmerge();
      const r = ws.getRange(whole);
      if (formatted.isNullObject) {
        // Nothing in the region was formatted before: every format there is the insert's.
        r.clear('All');
      } else {
        // The user's formatting stays; the number formats were read in sync 1.
        r.clear('Contents');
        r.numberFormat = region.numberFormat;
      }
      for (const w of widened) ws.getRangeByIndexes(cell.rowIndex, w.col, 1, 1).format.columnWidth = w.was;
      bulk.queueRecalc();
      await context.sync();
    } catch {
      // Best effort.
    }
    throw toHostError(e, 'write-failed', { sheet, address: whole });
  }
  await bulk.recalc(context);
  return placed.map((p) => ({ id: p.id, sheet, range: p.range }));
}

/**
 * The merged areas that may reach into `region`, queued. Office returns only
 * the areas whose top-left cell lies in the range asked about (and hosts
 * differ at the edges: office-js#3611), so the range asked about runs from
 * A1 to the region's bottom-right corner, where every merged area touching
 * the region has its top-left cell; which of them really overlap is decided
 * here, not by Office.
 */
function mergesReaching(ws: Excel.Worksheet, region: Excel.Range): Excel.RangeAreas {
  const band = ws.getRange('A1').getBoundingRect(region);
  const merged = band.getMergedAreasOrNullObject();
  merged.load('address,areaCount');
  return merged;
}

/** The areas of a loaded RangeAreas; a list Office cut short is read again through `areas` (one more sync, rare). */
async function mergedAreas(context: Excel.RequestContext, merged: Excel.RangeAreas): Promise<RangeAddress[]> {
  if (merged.isNullObject) return [];
  let parts = splitAreaAddresses(merged.address ?? '');
  if (parts.length !== merged.areaCount) {
    const items = merged.areas.load('address');
    await syncOr(context, 'write-failed');
    parts = items.items.map((r) => r.address);
  }
  return parts.map((p) => parseArea(p)).filter((a): a is RangeAddress => a !== null);
}

function overlaps(a: RangeAddress, b: RangeAddress): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
