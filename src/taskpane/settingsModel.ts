/**
 * The settings panel's choices: predikat scales, the language override.
 * Pure (no DOM); the language preference is kept by the caller.
 */
import type { Lang } from '../core/findings';
import { formatScaleSpec, isScaleSpec, parseScaleSpec } from '../core/iku/scaleSpec';
import type { StringKey } from './i18n';

/** 'own' stands for the office's own bands written out; the setting then holds that line. */
export const SCALE_OPTIONS: readonly { value: string; label: StringKey }[] = [
  { value: '', label: 'scaleWorkbook' },
  { value: 'rkpd-5', label: 'scalePermenpan' },
  { value: 'own', label: 'scaleOwn' },
];

/** Which option a stored scale setting shows as. */
export function scaleMode(scale: string): string {
  return isScaleSpec(scale) ? 'own' : scale;
}

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

/**
 * A stored scale: a preset id, or the office's bands written out (kept in the one-line
 * form they read back as). Anything else (edited by hand, or an id this version no
 * longer has) falls back to the workbook's own scale.
 */
export function normaliseScale(v: unknown): string {
  const raw = typeof v === 'string' ? v.trim() : '';
  if (isScaleSpec(raw)) {
    const parsed = parseScaleSpec(raw);
    return 'scale' in parsed ? formatScaleSpec(parsed.scale) : '';
  }
  const s = raw.toLowerCase();
  // Workbooks saved before the RKPD scale was named by its source hold its old id.
  if (s === 'permenpan-5') return 'rkpd-5';
  return s === 'rkpd-5' ? s : '';
}
