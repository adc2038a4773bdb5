/**
 * Any error the pane can meet -> one clear sentence in the UI language that
 * says what happened and what to do. Pure (no DOM).
 */
import { isTableOutputError } from '../host/tableOutput';
import { HostError } from '../host/types';
import { isNarrativeReadError, narrativeErrorMessage, type NarrativeReadError } from '../io/narrativeErrors';
import { fixNeedsXlsxMessage, readErrorMessage, WorkbookReadError, type FixNeedsXlsxError } from '../xlsx/errors';
import type { Lang } from '../core/findings';
import { cellRef } from './findingGroups';
import { t } from './i18n';

function isHostError(e: unknown): e is HostError {
  return e instanceof HostError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'HostError' && typeof (e as { code?: unknown }).code === 'string');
}

function place(e: HostError, lang: Lang): string {
  const d = e.detail ?? {};
  if (d.sheet && d.address) return cellRef(d.sheet, d.address);
  if (d.address) return d.address;
  if (d.sheet) return lang === 'id' ? `lembar "${d.sheet}"` : `sheet "${d.sheet}"`;
  return lang === 'id' ? 'sel itu' : 'that cell';
}

export function hostErrorMessage(e: HostError, lang: Lang): string {
  if (isTableOutputError(e)) {
    if (e.reason === 'target-not-empty') return t(lang, 'errTargetNotEmpty', { ref: place(e, lang) });
    if (e.reason === 'target-merged') return t(lang, 'errTargetMerged', { ref: place(e, lang) });
    if (e.reason === 'workbook-protected') return t(lang, 'errWorkbookProtected');
  }
  switch (e.code) {
    case 'protected-sheet':
      return e.detail?.sheet ? t(lang, 'errProtectedSheet', { sheet: e.detail.sheet }) : t(lang, 'errProtectedSheetUnknown');
    case 'access-denied':
      return t(lang, 'errAccessDenied', { ref: place(e, lang) });
    case 'cell-editing':
      return t(lang, 'errCellEditing');
    case 'operation-refused':
      return t(lang, 'errOperationRefused');
    case 'sheet-hidden':
    case 'sheet-very-hidden': {
      const sheet = e.detail?.sheet ?? '';
      return t(lang, e.code === 'sheet-hidden' ? 'errSheetHidden' : 'errSheetVeryHidden', { ref: e.detail?.address ?? '', sheet });
    }
    case 'write-failed':
      return t(lang, 'errWriteFailed', { ref: place(e, lang) });
    case 'read-failed':
      return t(lang, 'errReadFailed');
    case 'changed-since-check':
      return t(lang, 'errChangedSinceCheck', { ref: place(e, lang) });
    case 'nothing-to-revert':
      return t(lang, 'errNothingToRevert');
    case 'too-large':
      return t(lang, 'errTooLarge');
    case 'read-too-large':
      return readTooLargeMessage(e, lang);
    default:
      return t(lang, 'errUnexpected', { detail: String((e as { code?: unknown }).code) });
  }
}

function readTooLargeMessage(e: HostError, lang: Lang): string {
  const n = (v: number | undefined) => (v ?? 0).toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');
  const d = e.detail ?? {};
  return t(lang, 'errReadTooLarge', { cells: n(d.cells), limit: n(d.limit), sheet: d.sheet ?? '', range: d.address ?? '' });
}

/** True when the read was refused as too large: the pane offers a smaller scope. */
export function isReadTooLarge(e: unknown): boolean {
  return isHostError(e) && e.code === 'read-too-large';
}

function detailOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** The message for anything thrown by the host, the readers or the engine. */
export function errorMessage(e: unknown, lang: Lang): string {
  if (isHostError(e)) return hostErrorMessage(e, lang);
  if (e instanceof WorkbookReadError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'WorkbookReadError')) {
    return readErrorMessage(e as WorkbookReadError, lang);
  }
  if (isNarrativeReadError(e)) return narrativeErrorMessage(e as NarrativeReadError, lang);
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  if (name === 'FixNeedsXlsxError') {
    const f = e as FixNeedsXlsxError;
    return fixNeedsXlsxMessage(f.file, f.format, lang);
  }
  // The engine worker died mid-check (engineClient.ts).
  if (name === 'EngineWorkerError') return t(lang, 'errEngineWorker', { detail: String((e as { detail?: unknown }).detail ?? detailOf(e)) });
  // webpack could not fetch one of the pane's chunks (offline, server gone, a new version deployed).
  if (name === 'ChunkLoadError') return t(lang, 'errEngineLoad', { detail: detailOf(e) });
  return t(lang, 'errUnexpected', { detail: detailOf(e) });
}

/** True when the error means the workbook moved on and the pane should check it again. */
export function needsRecheck(e: unknown): boolean {
  return isHostError(e) && e.code === 'changed-since-check';
}
