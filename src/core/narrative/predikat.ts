import Decimal from 'decimal.js';
import type { TableContext } from '../checks/context';
import { computeCapaian, guessPolarity } from '../iku/capaian';
import { predikatFor, samePredikat, SCALE_PRESETS } from '../iku/scales';
import type { PredikatScale } from '../model';

export interface PredikatClaim {
  label?: string;
  range?: [Decimal, Decimal];
  /** Figures inside these spans belong to the claim, not to a table cell. */
  spans: { start: number; end: number }[];
}

/**
 * Predikat words reports use whatever their scale (the RKPD evaluation's, and the
 * '... Berhasil' family printed in LKjIP of provinces and regencies), so a claim in
 * another scale's words is still found, and told apart from the scale in use.
 */
const COMMON_PREDIKAT = ['sangat berhasil', 'berhasil', 'cukup berhasil', 'kurang berhasil', 'tidak berhasil', 'belum berhasil'];

function allLabels(scale: PredikatScale): string[] {
  const labels = new Set<string>(scale.bands.map((b) => b.label.toLowerCase()));
  for (const s of Object.values(SCALE_PRESETS)) for (const b of s.bands) labels.add(b.label.toLowerCase());
  for (const l of COMMON_PREDIKAT) labels.add(l);
  return [...labels].sort((a, b) => b.length - a.length);
}

/** 'dapat dikategorikan cukup berhasil ... rata-rata capaian ... berada di interval 70 - 80%'. */
export function findPredikatClaim(text: string, scale: PredikatScale): PredikatClaim | null {
  const lower = text.toLowerCase();
  if (!/capaian|kinerja/.test(lower)) return null;
  const claim: PredikatClaim = { spans: [] };
  for (const label of allLabels(scale)) {
    const re = new RegExp(`(kategori\\w*|predikat|dinilai|tergolong|termasuk)[^.]{0,25}?\\b${label.replace(/\s+/g, '\\s+')}\\b`);
    const m = re.exec(lower);
    if (m) {
      claim.label = label;
      break;
    }
  }
  const r = /(interval|antara|rentang|kisaran)\s*(\d+(?:,\d+)?)\s*%?\s*(?:-|–|s\/d|sampai|hingga)\s*(\d+(?:,\d+)?)\s*%?/.exec(lower);
  if (r) {
    claim.range = [new Decimal(r[2].replace(',', '.')), new Decimal(r[3].replace(',', '.'))];
    claim.spans.push({ start: r.index, end: r.index + r[0].length });
  }
  return claim.label || claim.range ? claim : null;
}

/** Average capaian over every IKU row with a target and a realisation. */
export function averageCapaian(contexts: TableContext[]): { average: Decimal; count: number } | null {
  const values: Decimal[] = [];
  for (const ctx of contexts) {
    if (ctx.table.kind !== 'iku') continue;
    const t = ctx.col('target');
    const r = ctx.col('realisasi');
    if (!t || !r) continue;
    for (const row of ctx.rows('item')) {
      const tv = ctx.num(row.row, t.col).value;
      const rv = ctx.num(row.row, r.col).value;
      if (!tv || !rv) continue;
      const c = computeCapaian(tv, rv, guessPolarity(row.label));
      if (c.ok) values.push(c.value);
    }
  }
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s.plus(v), new Decimal(0));
  return { average: sum.div(values.length), count: values.length };
}

/** Whether the computed average supports what the text claims. */
export function claimHolds(claim: PredikatClaim, average: Decimal, scale: PredikatScale): boolean {
  if (claim.label && !samePredikat(claim.label, predikatFor(average, scale))) return false;
  if (claim.range && (average.lt(claim.range[0]) || average.gt(claim.range[1]))) return false;
  return true;
}
