/**
 * An office's own predikat scale written as one line, so it can be typed in the
 * pane's settings, given to `lakip --scale`, stored in the workbook and carried by a
 * sample: "85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil".
 * Bands from highest to lowest; '>' makes a band's minimum exclusive (the report's
 * "55 < X < 70"); a decimal comma is read as Indonesian staff type it.
 */
import Decimal from 'decimal.js';
import type { Lang } from '../findings';
import type { PredikatBand, PredikatScale } from '../model';

export type ScaleProblem =
  | { code: 'syntax'; band: number; text: string }
  | { code: 'too-few' }
  | { code: 'not-number'; band: number; text: string }
  | { code: 'empty-label'; band: number }
  | { code: 'repeat-label'; band: number; label: string; first: number }
  | { code: 'order'; band: number; min: string; above: string };

/** Whether a scale setting is written out as bands rather than named by a preset id. */
export function isScaleSpec(text: string): boolean {
  return text.includes('=');
}

function readMin(raw: string): Decimal | null {
  const s = raw.trim().replace(/%$/, '').trim();
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return null;
  return new Decimal(s.replace(',', '.'));
}

const sameLabel = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/** The scale a line describes, or the first problem with it (1-based band numbers). */
export function parseScaleSpec(text: string, name = 'Skala instansi'): { scale: PredikatScale } | { problem: ScaleProblem } {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return { problem: { code: 'too-few' } };
  const bands: PredikatBand[] = [];
  let above: Decimal | null = null;
  for (let i = 0; i < parts.length; i++) {
    const eq = parts[i].indexOf('=');
    if (eq < 0) return { problem: { code: 'syntax', band: i + 1, text: parts[i] } };
    let left = parts[i].slice(0, eq).trim();
    const label = parts[i].slice(eq + 1).trim();
    const exclusive = left.startsWith('>');
    if (exclusive) left = left.slice(1).trim();
    else if (left.startsWith('>=') || left.startsWith('≥')) left = left.replace(/^(>=|≥)/, '').trim();
    const min = readMin(left);
    if (!min) return { problem: { code: 'not-number', band: i + 1, text: left } };
    if (label === '') return { problem: { code: 'empty-label', band: i + 1 } };
    const first = bands.findIndex((b) => sameLabel(b.label, label));
    if (first >= 0) return { problem: { code: 'repeat-label', band: i + 1, label, first: first + 1 } };
    if (above && !min.lt(above)) return { problem: { code: 'order', band: i + 1, min: min.toString(), above: above.toString() } };
    above = min;
    bands.push(exclusive ? { min: min.toString(), lowerExclusive: true, label } : { min: min.toString(), label });
  }
  return { scale: { id: 'custom', name, bands } };
}

/** The one-line form of a scale, as parseScaleSpec reads it back. */
export function formatScaleSpec(scale: PredikatScale): string {
  return scale.bands.map((b) => `${b.lowerExclusive ? '>' : ''}${new Decimal(b.min).toString()}=${b.label}`).join('; ');
}

/** What is wrong with a scale line, in the user's language, with how to write it. */
export function scaleProblemText(p: ScaleProblem, lang: Lang): string {
  const id = lang === 'id';
  const example = '85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil';
  const how = id ? ` Tulis dari predikat tertinggi, mis. "${example}".` : ` Write from the highest band down, e.g. "${example}".`;
  switch (p.code) {
    case 'too-few':
      return (id ? 'Skala predikat memerlukan sedikitnya 2 predikat.' : 'A predikat scale needs at least 2 bands.') + how;
    case 'syntax':
      return (id ? `Predikat ke-${p.band} ("${p.text}") tidak memakai bentuk nilai=predikat.` : `Band ${p.band} ("${p.text}") is not written as min=label.`) + how;
    case 'not-number':
      return (id ? `Batas bawah predikat ke-${p.band} ("${p.text}") bukan angka.` : `The minimum of band ${p.band} ("${p.text}") is not a number.`) + how;
    case 'empty-label':
      return (id ? `Predikat ke-${p.band} tidak bernama.` : `Band ${p.band} has no label.`) + how;
    case 'repeat-label':
      return id ? `Predikat "${p.label}" tertulis dua kali (ke-${p.first} dan ke-${p.band}).` : `Label "${p.label}" appears twice (bands ${p.first} and ${p.band}).`;
    case 'order':
      return (
        (id
          ? `Batas bawah predikat ke-${p.band} (${p.min}) harus lebih kecil dari predikat di atasnya (${p.above}).`
          : `The minimum of band ${p.band} (${p.min}) must be lower than the band above (${p.above}).`) + how
      );
  }
}
