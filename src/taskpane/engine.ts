/**
 * The checking engine, loaded lazily (its own chunk) so the pane shows before
 * the engine arrives. Everything here runs on the snapshot the host read.
 */
import { analyzeWorkbook } from '../core/analyze';
import { planFixes } from '../core/fixes/plan';
import type { FixPlan } from '../core/fixes/types';
import type { AnalyzeOptions, WorkbookReport } from '../core/model';
import type { WorkbookSnapshot } from '../core/snapshot';
export { readNarrativeBuffer } from '../io/narrativeBuffer';

export interface Analysis {
  report: WorkbookReport;
  plan: FixPlan;
  /** Worksheets of the workbook, in order (chart sheets left out). */
  sheetNames: string[];
}

export function analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions): Analysis {
  const report = analyzeWorkbook(snapshot, options);
  const plan = planFixes(snapshot, report.findings);
  const sheetNames = snapshot.sheets.filter((s) => s.kind !== 'chart').map((s) => s.name);
  return { report, plan, sheetNames };
}
