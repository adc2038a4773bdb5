import { analyzeWorkbook, resolveWithWorkbookScale } from '../analyze';
import { TableContext } from '../checks/context';
import { applyToSnapshot } from '../fixes/applyToSnapshot';
import { planFixes } from '../fixes/plan';
import { Grid } from '../grid';
import { layoutOf } from '../layouts';
import type { AnalyzeOptions } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import type { TableSpec } from './types';

/**
 * The report's tables, rebuilt from the workbook after applying every
 * proposed fix, with every total and percentage recomputed: what staff paste
 * into the report.
 */
export function buildTableSpecs(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): TableSpec[] {
  const first = analyzeWorkbook(snapshot, options);
  const fixed = applyToSnapshot(snapshot, planFixes(snapshot, first.findings).edits);
  const resolved = resolveWithWorkbookScale(fixed, options);
  const { tables } = analyzeWorkbook(fixed, options);
  const specs: TableSpec[] = [];
  const grids = new Map(fixed.sheets.map((s) => [s.name, new Grid(s)]));
  for (const table of tables) {
    const ctx = new TableContext(grids.get(table.sheet)!, table, resolved);
    const spec = layoutOf(table.kind).build?.({ ctx, scale: resolved.scale, marker: resolved.pusatMarker });
    if (spec) specs.push(spec);
  }
  return specs;
}
