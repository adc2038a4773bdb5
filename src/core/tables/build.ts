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
 * The report's tables, rebuilt from the workbook after applying the mechanical
 * fixes (text numbers, #DIV/0! markers; never a judgement on a typed figure), with
 * every total and percentage recomputed: what staff paste into the report.
 */
export function buildTableSpecs(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): TableSpec[] {
  const first = analyzeWorkbook(snapshot, options);
  // Judgement fixes (a typed data figure) are the office's call: never baked into a report table.
  const accepted = planFixes(snapshot, first.findings).edits.filter((e) => !e.judgement);
  const fixed = applyToSnapshot(snapshot, accepted);
  const resolved = resolveWithWorkbookScale(fixed, options);
  const { tables } = analyzeWorkbook(fixed, options);
  const specs: TableSpec[] = [];
  const grids = new Map(fixed.sheets.map((s) => [s.name, new Grid(s)]));
  for (const table of tables) {
    const ctx = new TableContext(grids.get(table.sheet)!, table, resolved);
    const spec = layoutOf(table.kind).build?.({ ctx, scale: resolved.scale, marker: resolved.pusatMarker });
    if (!spec) continue;
    specs.push(spec);
  }
  return specs;
}
