/**
 * One check of a workbook snapshot: the report and the fix plan. Pure (no DOM,
 * no Office.js), so it runs in the engine worker and, as a fallback, on the
 * pane's own thread. Everything it returns is plain data that survives
 * structured clone (strings, numbers, arrays, plain objects).
 */
import { analyzeWorkbook } from '../core/analyze';
import { planConverging } from '../core/fixes/converge';
import type { FixPlan } from '../core/fixes/types';
import type { AnalyzeOptions, WorkbookReport } from '../core/model';
import type { WorkbookSnapshot } from '../core/snapshot';

export interface Analysis {
  report: WorkbookReport;
  plan: FixPlan;
  /** Worksheets of the workbook, in order (chart sheets left out). */
  sheetNames: string[];
}

export function analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions): Analysis {
  const report = analyzeWorkbook(snapshot, options);
  // One plan for the whole workbook: what depends on a fixed cell is planned with it.
  const plan = planConverging(snapshot, report.findings, options);
  const sheetNames = snapshot.sheets.filter((s) => s.kind !== 'chart').map((s) => s.name);
  return { report, plan, sheetNames };
}
