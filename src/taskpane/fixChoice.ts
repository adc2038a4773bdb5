/**
 * "Perbaiki semua" with a choice per fix: which planned edits the dialog lists,
 * which start ticked, and which edits a given choice writes. Pure (no DOM).
 *
 * The plan (planConverging) has three kinds of edit:
 *  - mechanical: a total, percentage, error or text number a finding proposes,
 *    computed from the workbook as it is now;
 *  - judgement: a typed data figure changed; listed, never ticked by default;
 *  - dependent: computed on the workbook as it would be after EVERY mechanical
 *    edit and NO judgement edit. These are the follow-ups of later passes, and
 *    the mechanical edits a later pass rewrote (a percentage first planned
 *    against a wrong parent, then against the fixed one): their `after` no
 *    longer is what their own finding proposed.
 *
 * The rule for a choice that differs from that assumption: the plan carries no
 * pass-by-pass dependency, so no dependent edit can be shown to be independent of
 * an unticked mechanical edit (a narrative follow-up may even sit on another sheet).
 * Dependent edits are therefore applied only when the choice is exactly the plan's
 * assumption (all mechanical ticked, no judgement ticked), and then all together
 * or none (a pass-3 percentage rests on a pass-2 total). Otherwise they are held
 * back, not guessed: applying re-checks the workbook, and whatever is still wrong
 * is proposed again, computed from the workbook as it then is. Mechanical and
 * judgement edits stand on their own: each was computed from the workbook as the
 * check saw it, exactly as the one-by-one "Perbaiki" applies it.
 */
import type { CellEdit, FixPlan } from '../core/fixes/types';
import type { Finding, FixProposal } from '../core/findings';
import { rowLabelAt, type LabelledTable } from './rowLabels';

export type FixKind = 'mechanical' | 'judgement' | 'dependent';

export interface FixChoiceItem {
  /** 'Sheet\u0000A1': one edit per cell in a plan. */
  id: string;
  edit: CellEdit;
  kind: FixKind;
  /** The table's label for the cell's row, when a recognised table covers it. */
  rowLabel?: string;
  /** The message of the finding the edit fixes (absent for follow-ups, whose findings appear only after the first fixes). */
  message?: string;
}

export const itemId = (e: Pick<CellEdit, 'sheet' | 'address'>) => `${e.sheet}\u0000${e.address}`;

const findingKey = (sheet: string, cell: string, code: string) => `${sheet}\u0000${cell}\u0000${code}`;

/** Each finding under its own cell and under every cell of its group, with that cell's own proposal. */
function findingIndex(findings: readonly Finding[]): Map<string, { finding: Finding; fix?: FixProposal }> {
  const m = new Map<string, { finding: Finding; fix?: FixProposal }>();
  for (const f of findings) {
    if (f.source) continue;
    m.set(findingKey(f.sheet, f.cell, f.code), { finding: f, fix: f.fix });
    for (const member of f.group?.members ?? []) m.set(findingKey(f.sheet, member.cell, f.code), { finding: f, fix: member.fix });
  }
  return m;
}

/** Whether an edit writes what its finding proposed (rather than what a later pass made of it). Number formats are the planner's own choice and not compared. */
export function writesProposal(edit: CellEdit, fix: FixProposal | undefined): boolean {
  if (!fix) return false;
  const a = edit.after;
  switch (fix.kind) {
    case 'set-formula':
      return a.formula === String(fix.value);
    case 'set-text':
      return !a.formula && a.value === String(fix.value);
    case 'set-value':
    case 'convert-text-number':
      return !a.formula && typeof a.value === 'number' && a.value === Number(fix.value);
  }
}

/** The dialog's items, in plan order. */
export function fixChoiceItems(plan: FixPlan, findings: readonly Finding[], tables: readonly LabelledTable[]): FixChoiceItem[] {
  const index = findingIndex(findings);
  return plan.edits.map((edit) => {
    const hit = index.get(findingKey(edit.sheet, edit.finding.cell, edit.finding.code));
    const kind: FixKind = edit.judgement ? 'judgement' : edit.followUp || !writesProposal(edit, hit?.fix) ? 'dependent' : 'mechanical';
    const item: FixChoiceItem = { id: itemId(edit), edit, kind };
    const rowLabel = rowLabelAt(tables, edit.sheet, edit.address) ?? labelParam(hit?.finding);
    if (rowLabel) item.rowLabel = rowLabel;
    if (hit && !edit.followUp) item.message = hit.finding.message;
    return item;
  });
}

/** The row a finding's message names, when no recognised table covers the cell (a table the check read but the pane lists no rows for). */
function labelParam(f: Finding | undefined): string | undefined {
  const v = f?.params?.label;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export interface FixChoice {
  /** Ids of the ticked mechanical and judgement items. */
  ticked: ReadonlySet<string>;
  /** Whether the dependent items are wanted (they apply only when `dependentsAllowed`). */
  dependents: boolean;
}

/** As the dialog opens: every mechanical fix and the dependents ticked, no judgement. */
export function defaultChoice(items: readonly FixChoiceItem[]): FixChoice {
  return { ticked: new Set(items.filter((i) => i.kind === 'mechanical').map((i) => i.id)), dependents: true };
}

/** True while the choice is the plan's own assumption: every mechanical edit ticked, no judgement edit. */
export function dependentsAllowed(items: readonly FixChoiceItem[], choice: FixChoice): boolean {
  return items.every((i) => (i.kind === 'mechanical' ? choice.ticked.has(i.id) : i.kind === 'judgement' ? !choice.ticked.has(i.id) : true));
}

/** The edits a choice writes, in plan order. */
export function chosenEdits(items: readonly FixChoiceItem[], choice: FixChoice): CellEdit[] {
  const withDependents = choice.dependents && dependentsAllowed(items, choice);
  return items.filter((i) => (i.kind === 'dependent' ? withDependents : choice.ticked.has(i.id))).map((i) => i.edit);
}
