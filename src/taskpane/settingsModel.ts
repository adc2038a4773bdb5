/**
 * The settings panel's choices: predikat scales, the language override.
 * Pure (no DOM); the language preference is kept by the caller.
 */
import type { Lang } from '../core/findings';
import type { StringKey } from './i18n';

// The scale setting's reader is its own module (it needs decimal.js, which the first screen does not
// carry); re-exported for the settings panel and the tests. webpack.config.js marks both modules free of
// side effects, so this line brings scaleSetting.ts only to the chunks that use it.
export { normaliseScale, scaleMode } from './scaleSetting';

/** 'own' stands for the office's own bands written out; the setting then holds that line. */
export const SCALE_OPTIONS: readonly { value: string; label: StringKey }[] = [
  { value: '', label: 'scaleWorkbook' },
  { value: 'rkpd-5', label: 'scalePermenpan' },
  { value: 'own', label: 'scaleOwn' },
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
