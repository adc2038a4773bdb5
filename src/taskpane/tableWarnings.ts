/**
 * What the "Tabel LAKIP" view says about each report table before it leaves the
 * pane: how its values stand against the workbook (values that differ with the
 * accepted fixes, values the check flags) and why its reading is unsure.
 */
import type { TableSpec } from '../core/tables/types';
import type { Translate } from './i18n';

/** One line: values that differ from the workbook, values the check flags; '' when neither. */
export function truthLine(t: Translate, spec: TableSpec): string {
  const differs = spec.differences?.length ?? 0;
  const flagged = spec.flagged?.length ?? 0;
  return [differs ? t('tableDiffers', { n: differs }) : '', flagged ? t('tableFlagged', { n: flagged }) : ''].filter(Boolean).join(' · ');
}

/** The warning on a low-confidence table; '' for a table read with confidence. */
export function lowConfidenceWarning(t: Translate, spec: TableSpec): string {
  const low = spec.lowConfidence;
  if (!low) return '';
  const why = low.columns.length ? t('tableLowColumns', { n: low.columns.length, cols: low.columns.map((c) => `"${c}"`).join(', ') }) : t('tableLowHeader');
  return t('tableLowConfidence', { why });
}

/** Titles of the low-confidence tables among those about to be exported: the user confirms these first. */
export function needsConfirmation(list: readonly TableSpec[]): string[] {
  return list.filter((s) => s.lowConfidence).map((s) => s.titleLines[0] ?? s.id);
}
