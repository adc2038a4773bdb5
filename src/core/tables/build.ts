import { analyzeWorkbook, resolveWithWorkbookScale } from '../analyze';
import { TableContext } from '../checks/context';
import { applyToSnapshot } from '../fixes/applyToSnapshot';
import { planConverging } from '../fixes/converge';
import { Grid } from '../grid';
import { layoutOf } from '../layouts';
import type { AnalyzeOptions } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { differencesFrom, flaggedCells, lowConfidenceOf, truthNotes } from './truthNotes';
import type { TableSpec } from './types';

export interface TableBuildOptions extends AnalyzeOptions {
  /**
   * Build from the workbook as 'Perbaiki semua' would leave it (the mechanical
   * fixes; never a judgement on a typed figure), with a note under each table
   * listing every value that differs from the workbook. Default: as it is.
   */
  withFixes?: boolean;
}

/**
 * The report's tables, rebuilt from the workbook as it is (or, when asked, after
 * the accepted fixes): what staff paste into the report. A total or % the table
 * computes is shown only where the workbook agrees; otherwise the workbook's
 * value is shown and a note says the check flags it (see tables/typed.ts).
 */
export function buildTableSpecs(snapshot: WorkbookSnapshot, options: TableBuildOptions = {}): TableSpec[] {
  const { withFixes = false, ...analyzeOptions } = options;
  const lang = analyzeOptions.lang ?? 'id';
  const first = analyzeWorkbook(snapshot, analyzeOptions);
  let used = snapshot;
  let report = first;
  if (withFixes) {
    // The plan 'Perbaiki semua' applies; judgement fixes (a typed data figure) are the office's call, never baked in.
    const accepted = planConverging(snapshot, first.findings, analyzeOptions).edits.filter((e) => !e.judgement);
    used = applyToSnapshot(snapshot, accepted);
    report = analyzeWorkbook(used, analyzeOptions);
  }
  const resolved = resolveWithWorkbookScale(used, analyzeOptions);
  const grids = new Map(used.sheets.map((s) => [s.name, new Grid(s)]));
  const originalGrids = withFixes ? new Map(snapshot.sheets.map((s) => [s.name, new Grid(s)])) : grids;
  const specs: TableSpec[] = [];
  for (const table of report.tables) {
    const ctx = new TableContext(grids.get(table.sheet)!, table, resolved);
    const spec = layoutOf(table.kind).build?.({ ctx, scale: resolved.scale, marker: resolved.pusatMarker });
    if (!spec) continue;
    if (withFixes) {
      spec.withFixes = true;
      spec.differences = differencesFrom(spec, new TableContext(originalGrids.get(table.sheet)!, table, resolved), ctx, lang);
    }
    spec.flagged = flaggedCells(spec, report.findings);
    const low = lowConfidenceOf(spec, table);
    if (low) spec.lowConfidence = low;
    spec.notes = [...spec.notes, ...truthNotes(spec, lang)];
    specs.push(spec);
  }
  return specs;
}
