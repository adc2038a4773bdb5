import { analyzeWorkbook } from '../analyze';
import type { Finding } from '../findings';
import { fixableFindings } from '../ignore';
import type { AnalyzeOptions } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { applyToSnapshot } from './applyToSnapshot';
import { planFixes } from './plan';
import type { CellEdit, FixPlan } from './types';

/** Enough for a parent, its total and the percentage beside them; a plan that still moves after this is stopped. */
const MAX_PASSES = 4;
const FOLLOW_UP_CELLS = 300_000;

const sameState = (a: CellEdit['before'], b: CellEdit['before']) => a.value === b.value && a.formula === b.formula && a.numberFormat === b.numberFormat;

/**
 * One plan for the whole workbook: the fixes the findings propose, then, on the
 * workbook as those mechanical fixes leave it, the fixes that newly appear (a Jumlah
 * that equalled a wrong parent, the % beside a restored total), until nothing moves.
 * Applying its mechanical edits and checking again leaves nothing a mechanical fix
 * could resolve. Judgement fixes (a typed data figure) stay in the plan, flagged, and
 * are never applied by 'fix all', so nothing is planned on top of them.
 */
export function planConverging(snapshot: WorkbookSnapshot, findings: Finding[], options: AnalyzeOptions = {}): FixPlan {
  // What the office dismissed is never fixed, whoever calls (the pane, lakip fix, the exports).
  const first = planFixes(snapshot, fixableFindings(findings, snapshot.ignored ?? []));
  const byCell = new Map<string, CellEdit>();
  const order: string[] = [];
  const keep = (e: CellEdit) => {
    const key = `${e.sheet}!${e.address}`;
    const had = byCell.get(key);
    if (had) byCell.set(key, { ...had, after: e.after, alone: had.alone ?? had.after });
    else {
      byCell.set(key, e);
      order.push(key);
    }
  };
  first.edits.forEach(keep);
  const skipped = [...first.skipped];
  let current = applyToSnapshot(snapshot, first.edits.filter((e) => !e.judgement));
  const judged = new Set(first.edits.filter((e) => e.judgement).map((e) => `${e.sheet}!${e.address}`));
  // Each pass checks the workbook again: past a few hundred thousand cells the first plan stands alone.
  const cells = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  const passes = cells > FOLLOW_UP_CELLS ? 1 : MAX_PASSES;
  for (let pass = 1; pass < passes; pass++) {
    // Findings the office dismissed stay unfixed in later passes too (the copies drop the workbook's ignore list).
    const found = fixableFindings(analyzeWorkbook(current, options).findings, snapshot.ignored ?? []);
    const again = found.filter((f) => !(f.fix?.judgement || f.group?.members.some((m) => m.fix?.judgement)));
    const next = planFixes(current, again).edits.filter((e) => !judged.has(`${e.sheet}!${e.address}`));
    if (next.length === 0) break;
    for (const e of next) keep({ ...e, followUp: true });
    current = applyToSnapshot(current, next);
  }
  // A cell a later pass put back as it was needs no edit at all.
  const edits = order.map((k) => byCell.get(k)!).filter((e) => !sameState(e.before, e.after));
  return { edits, skipped };
}
