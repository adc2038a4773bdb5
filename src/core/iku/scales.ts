/**
 * Predikat scales: which label a capaian earns. Reports differ in bands and
 * wording, so the scale is a setting: a preset id or a custom scale.
 */
import Decimal from 'decimal.js';
import type { PredikatBand, PredikatScale } from '../model';
import { isScaleSpec, parseScaleSpec, scaleProblemText } from './scaleSpec';

export type ScalePresetId = 'rkpd-5' | 'permenpan-5';

// The last band of every scale catches everything below the band above it,
// so its min (0 here) only documents the intended floor; negative capaian
// from 'lower is better' indicators still lands there.
// No preset is a default: an office's scale is its own. The scale is the one
// chosen (settings, --scale: a preset id or the office's bands written out, see
// scaleSpec.ts), else a scale table found in the workbook, else predikat is not
// judged (one 'not-checked' note per table). Offices' own scales are not presets:
// the bundled samples carry theirs as written-out bands.
const RKPD_5: PredikatScale = {
  id: 'rkpd-5',
  name: 'Skala evaluasi RKPD (5 kategori: 91 / 76 / 66 / 51)',
  bands: [
    { min: 91, label: 'Sangat Tinggi' },
    { min: 76, label: 'Tinggi' },
    { min: 66, label: 'Sedang' },
    { min: 51, label: 'Rendah' },
    { min: 0, label: 'Sangat Rendah' },
  ],
};

export const SCALE_PRESETS: Record<ScalePresetId, PredikatScale> = {
  // The 91-100 / 76-90 / 66-75 / 51-65 / <=50 scale that many LKjIP cite from
  // the Permendagri annexes on evaluating the RKPD (54/2010, later 86/2017);
  // the citation is the reports', not checked against the regulation here.
  // Its printed ranges leave gaps (90.5): a value in a gap belongs to the
  // lower band, hence inclusive mins of 91, 76, 66 and 51.
  'rkpd-5': RKPD_5,
  // The id this scale had before it was named by its source; kept so that
  // settings saved in workbooks still resolve.
  'permenpan-5': RKPD_5,
};

const PRESET_IDS = Object.keys(SCALE_PRESETS) as ScalePresetId[];

function isPresetId(id: string): id is ScalePresetId {
  return (PRESET_IDS as string[]).includes(id);
}

/** undefined => no scale (predikat is not judged); a custom scale is validated like customScale(). */
export function resolveScale(s: string | PredikatScale | undefined): PredikatScale | undefined {
  if (s === undefined) return undefined;
  if (typeof s === 'string') {
    if (isScaleSpec(s)) {
      const parsed = parseScaleSpec(s);
      if ('problem' in parsed) throw new Error(scaleProblemText(parsed.problem, 'en'));
      return parsed.scale;
    }
    // Ids come from settings typed by people, so ' RKPD-5 ' should still work.
    const id = s.trim().toLowerCase();
    if (isPresetId(id)) return SCALE_PRESETS[id];
    throw new Error(`Unknown predikat scale '${s}'. Valid ids: ${PRESET_IDS.join(', ')}, or the bands written out (85=Sangat Berhasil; 70=Berhasil; 0=Belum Berhasil).`);
  }
  // A scale stored in the workbook may have been edited by hand.
  const id = typeof s.id === 'string' && s.id.trim() !== '' ? s.id : 'custom';
  return { ...customScale(s.name, s.bands), id };
}

function meets(capaian: Decimal, band: PredikatBand): boolean {
  const cmp = capaian.cmp(new Decimal(band.min));
  return band.lowerExclusive ? cmp > 0 : cmp >= 0;
}

export function predikatFor(capaian: Decimal, scale: PredikatScale): string {
  const bands = scale.bands;
  for (let i = 0; i < bands.length - 1; i++) {
    if (meets(capaian, bands[i])) return bands[i].label;
  }
  return bands[bands.length - 1].label;
}

function normalizeLabel(text: string): string {
  // Whitespace is dropped entirely, not collapsed: typed cells contain double
  // spaces, non-breaking spaces and line breaks inside the label.
  return text.replace(/\s+/g, '').toLowerCase();
}

/** Whether typed text names any band of the scale: words from another scale are not judged against this one. */
export function isScaleLabel(typed: string, scale: PredikatScale): boolean {
  return scale.bands.some((b) => samePredikat(typed, b.label));
}

/** Does typed text name this band? Case/space-insensitive. */
export function samePredikat(typed: string, label: string): boolean {
  return normalizeLabel(typed) === normalizeLabel(label);
}

function toDecimal(value: Decimal.Value, index: number): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new Error(`Band ${index + 1}: min '${String(value)}' is not a number.`);
  }
  if (!d.isFinite()) throw new Error(`Band ${index + 1}: min '${String(value)}' is not a finite number.`);
  return d;
}

/**
 * Builds a scale from user input, highest band first. Throws when there are
 * fewer than 2 bands, mins are not strictly decreasing, or labels are empty
 * or repeated (compared the way samePredikat compares them).
 */
export function customScale(name: string, bands: PredikatBand[]): PredikatScale {
  if (!Array.isArray(bands) || bands.length < 2) {
    throw new Error(`A predikat scale needs at least 2 bands, got ${Array.isArray(bands) ? bands.length : 0}.`);
  }
  const seen = new Map<string, number>();
  let previous: Decimal | null = null;
  const checked = bands.map((band, i): PredikatBand => {
    if (typeof band !== 'object' || band === null) throw new Error(`Band ${i + 1} is not a { min, label } object.`);
    const label = typeof band.label === 'string' ? band.label.trim() : '';
    if (label === '') throw new Error(`Band ${i + 1}: label is empty.`);
    const key = normalizeLabel(label);
    const first = seen.get(key);
    if (first !== undefined) throw new Error(`Band ${i + 1}: label '${label}' repeats band ${first + 1}.`);
    seen.set(key, i);
    const min = toDecimal(band.min, i);
    if (previous && !min.lt(previous)) {
      throw new Error(
        `Band ${i + 1} ('${label}'): min ${min.toString()} must be lower than the band above (${previous.toString()}); list bands from highest to lowest.`,
      );
    }
    previous = min;
    return band.lowerExclusive ? { min: band.min, lowerExclusive: true, label } : { min: band.min, label };
  });
  const title = typeof name === 'string' ? name.trim() : '';
  return { id: 'custom', name: title || 'Custom', bands: checked };
}
