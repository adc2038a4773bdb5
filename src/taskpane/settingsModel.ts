/**
 * The settings panel's choices: predikat scales, the language override.
 * Pure (no DOM); the language preference is kept by the caller.
 */
import type { Lang } from '../core/findings';
import type { StringKey } from './i18n';

export const SCALE_OPTIONS: readonly { value: string; label: StringKey }[] = [
  { value: '', label: 'scaleWorkbook' },
  { value: 'rkpd-5', label: 'scalePermenpan' },
  { value: 'ntt-4', label: 'scaleNtt' },
  { value: 'flotim-5', label: 'scaleFlotim' },
];

export type LangPreference = 'auto' | Lang;

export const LANG_OPTIONS: readonly { value: LangPreference; label: StringKey }[] = [
  { value: 'auto', label: 'languageAuto' },
  { value: 'id', label: 'languageId' },
  { value: 'en', label: 'languageEn' },
];

export function parseLangPreference(v: unknown): LangPreference {
  return v === 'id' || v === 'en' ? v : 'auto';
}

export function effectiveLang(pref: LangPreference, display: Lang): Lang {
  return pref === 'auto' ? display : pref;
}

/** A stored scale id that is not a preset (edited by hand) falls back to the workbook's own scale. */
export function normaliseScale(v: unknown): string {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  // Workbooks saved before the RKPD scale was named by its source hold its old id.
  if (s === 'permenpan-5') return 'rkpd-5';
  return SCALE_OPTIONS.some((o) => o.value === s) ? s : '';
}
