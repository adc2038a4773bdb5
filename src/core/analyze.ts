import { checkBreakdowns, checkCrossTables } from './checks/crossTable';
import { checkErrorCells } from './checks/errorCells';
import { DEFAULT_PUSAT_MARKER } from './defaults';
import { farCellNotes } from './checks/farCells';
import { groupRepeats } from './checks/groupRepeats';
import { TABLE_CHECKS } from './checks/registry';
import { TableContext, type ResolvedOptions } from './checks/context';
import type { Finding } from './findings';
import { Grid } from './grid';
import { scaleFromWorkbook } from './iku/scaleFromWorkbook';
import { resolveScale } from './iku/scales';
import { NarrativeChecker } from './narrative/check';
import { narrativeFromWorkbook } from './narrative/fromWorkbook';
import type { AnalyzeOptions, RecognizedTable, WorkbookReport } from './model';
import { findTables } from './recognize/findTables';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { parseA1 } from './a1';

export { DEFAULT_PUSAT_MARKER };


export function resolveOptions(options: AnalyzeOptions = {}): ResolvedOptions {
  return {
    lang: options.lang ?? 'id',
    pusatMarker: options.pusatMarker?.trim() || DEFAULT_PUSAT_MARKER,
    scale: resolveScale(options.scale),
  };
}

/**
 * Options with the predikat scale settled: an explicit setting, else the
 * office's own scale sheet, else the default. Looking for a scale sheet reads
 * every text cell of the workbook, so it is done only when a check first asks
 * for the scale (IKU tables, predikat claims in prose); budget and PMKS
 * workbooks never pay for it.
 */
export function resolveWithWorkbookScale(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): ResolvedOptions {
  if (options.scale) return resolveOptions(options);
  const base = resolveOptions(options);
  let scale: ResolvedOptions['scale'] | undefined;
  let looked = false;
  return {
    lang: base.lang,
    pusatMarker: base.pusatMarker,
    // Looked for once: a workbook without a scale sheet is not read again for every paragraph or IKU row that asks.
    get scale() {
      if (!looked) {
        scale = resolveScale(scaleFromWorkbook(snapshot));
        looked = true;
      }
      return scale;
    },
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings in sheet order, then top to bottom, left to right, so every view lists them the same way. */
function sortFindings(findings: Finding[], sheetOrder: Map<string, number>): Finding[] {
  const pos = (f: Finding) => parseA1(f.cell) ?? { row: 0, col: 0 };
  return findings.sort((a, b) => {
    const s = (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0);
    if (s) return s;
    const pa = pos(a);
    const pb = pos(b);
    return pa.row - pb.row || pa.col - pb.col || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code);
  });
}

/** Recognise every table of every worksheet and run every check on it. Pure: same snapshot, same report. */
export function analyzeWorkbook(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): WorkbookReport {
  const resolved = resolveWithWorkbookScale(snapshot, options);
  const tables: RecognizedTable[] = [];
  const contexts: TableContext[] = [];
  const order = new Map<string, number>();
  const grids: Grid[] = [];
  const gridOf = new Map<SheetSnapshot, Grid>();
  snapshot.sheets.forEach((sheet, i) => {
    order.set(sheet.name, i);
    if (sheet.kind === 'chart') return;
    const grid = new Grid(sheet);
    grids.push(grid);
    gridOf.set(sheet, grid);
    for (const table of findTables(grid)) {
      tables.push(table);
      const ctx = new TableContext(grid, table, resolved);
      for (const check of TABLE_CHECKS) check.run(ctx);
      ctx.flushNotChecked();
      contexts.push(ctx);
    }
  });
  checkCrossTables(contexts);
  checkBreakdowns(contexts);
  const inTables = contexts.flatMap((c) => c.findings);
  const errorCells = new Set(inTables.filter((f) => f.code === 'error-value' || f.code === 'division-by-zero').map((f) => `${f.sheet}!${f.cell}`));
  const tableFindings = groupRepeats(
    sortFindings([...inTables, ...checkErrorCells(grids, errorCells, resolved.lang), ...farCellNotes(snapshot.sheets, resolved.lang)], order),
    resolved.lang,
  );
  const narrative = new NarrativeChecker(contexts, resolved);
  for (const source of [...narrativeFromWorkbook(snapshot, tables, gridOf), ...(options.narratives ?? [])]) narrative.checkSource(source);
  narrative.finish(tableFindings);
  const findings: Finding[] = [...tableFindings, ...narrative.findings];
  return { tables, findings };
}
