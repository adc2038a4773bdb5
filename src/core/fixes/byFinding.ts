/** Which planned edits belong to which finding: the pane's preview, the CLI's JSON `fix` and `lakip fix` read the plan the same way. */
import type { Finding } from '../findings';
import type { CellEdit, FixPlan } from './types';

function key(sheet: string, cell: string, code: string): string {
  return `${sheet}\u0000${cell}\u0000${code}`;
}

/** The planned edit for each finding that has one (same sheet, cell and code). */
export function editsByFinding(plan: FixPlan): Map<string, CellEdit> {
  const m = new Map<string, CellEdit>();
  for (const e of plan.edits) m.set(key(e.sheet, e.finding.cell, e.finding.code), e);
  return m;
}

/** A finding's own edit, as applying that one fix writes it (its proposal, not what the whole plan made of the cell). */
function own(e: CellEdit | undefined): CellEdit | undefined {
  if (!e?.alone) return e;
  const { alone, ...rest } = e;
  return { ...rest, after: alone };
}

export function editFor(index: Map<string, CellEdit>, f: Finding): CellEdit | undefined {
  if (!f.fix || f.source) return undefined;
  return own(index.get(key(f.sheet, f.cell, f.code)));
}

/** Every planned edit of a finding: one, or one per cell of a grouped finding (first cell first). */
export function editsFor(index: Map<string, CellEdit>, f: Finding): CellEdit[] {
  if (f.source) return [];
  if (!f.group) {
    const e = editFor(index, f);
    return e ? [e] : [];
  }
  return f.group.members.map((m) => own(index.get(key(f.sheet, m.cell, f.code)))).filter((e): e is CellEdit => e !== undefined);
}

/** What 'Perbaiki semua' writes: every mechanical edit of the plan, follow-ups included, no judgement. */
export function fixAllEdits(plan: FixPlan): CellEdit[] {
  return plan.edits.filter((e) => !e.judgement);
}

/** A cell's content as a program reads it: the formula with '=', else the value as typed. */
export function contentOf(s: CellEdit['before']): string | number | boolean {
  return s.formula ?? s.value;
}
