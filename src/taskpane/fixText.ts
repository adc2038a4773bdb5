/**
 * Words for a planned cell edit: what the cell holds before and after, as
 * the fix preview shows them. Pure (no DOM).
 */
import type { CellEdit, CellState } from '../core/fixes/types';
import type { Finding } from '../core/findings';
import type { FixPlan } from '../core/fixes/types';
import type { Lang } from '../core/findings';
import { t } from './i18n';

/** 'Kewenangan Pusat' (teks), =SUM(E4:E29), 1595, (kosong). */
export function describeContent(s: CellState, lang: Lang): string {
  if (s.formula) return s.formula;
  const v = s.value;
  if (v === '' || v === undefined || v === null) return t(lang, 'emptyCell');
  if (typeof v === 'number') return String(v).replace('.', lang === 'id' ? ',' : '.');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (/^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(v)) return v;
  return t(lang, 'textValue', { text: v });
}

export interface EditLine {
  content: { before: string; after: string; changed: boolean };
  format: { before: string; after: string; changed: boolean };
}

export function describeEdit(e: CellEdit, lang: Lang): EditLine {
  const cb = describeContent(e.before, lang);
  const ca = describeContent(e.after, lang);
  return {
    content: { before: cb, after: ca, changed: cb !== ca },
    format: { before: e.before.numberFormat, after: e.after.numberFormat, changed: e.before.numberFormat !== e.after.numberFormat },
  };
}

function key(sheet: string, cell: string, code: string): string {
  return `${sheet}\u0000${cell}\u0000${code}`;
}

/** The planned edit for each finding that has one (same sheet, cell and code). */
export function editsByFinding(plan: FixPlan): Map<string, CellEdit> {
  const m = new Map<string, CellEdit>();
  for (const e of plan.edits) m.set(key(e.sheet, e.finding.cell, e.finding.code), e);
  return m;
}

export function editFor(index: Map<string, CellEdit>, f: Finding): CellEdit | undefined {
  if (!f.fix || f.source) return undefined;
  return index.get(key(f.sheet, f.cell, f.code));
}

/** Every planned edit of a finding: one, or one per cell of a grouped finding (first cell first). */
export function editsFor(index: Map<string, CellEdit>, f: Finding): CellEdit[] {
  if (f.source) return [];
  if (!f.group) {
    const e = editFor(index, f);
    return e ? [e] : [];
  }
  return f.group.members.map((m) => index.get(key(f.sheet, m.cell, f.code))).filter((e): e is CellEdit => e !== undefined);
}
