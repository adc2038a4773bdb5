/**
 * The predikat scale setting as stored: which option it shows as, and its canonical form.
 * Reads scale lines with core/iku/scaleSpec (and so decimal.js), which the first screen does
 * not carry: the pane fetches this module only when there is a stored scale to read
 * (loadSettings.ts) or the settings panel opens.
 */
import { formatScaleSpec, isScaleSpec, parseScaleSpec } from '../core/iku/scaleSpec';

/** Which option a stored scale setting shows as. */
export function scaleMode(scale: string): string {
  return isScaleSpec(scale) ? 'own' : scale;
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
