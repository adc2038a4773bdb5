/**
 * Capaian (achievement) of an IKU row and a guess at which way the indicator
 * points, so the checks can recompute the capaian column.
 */
import Decimal from 'decimal.js';

export type Polarity = 'positive' | 'negative';

export type CapaianResult = { ok: true; value: Decimal } | { ok: false; reason: 'target-zero' };

/**
 * positive: realisasi / target x 100; negative (lower is better):
 * (2 x target - realisasi) / target x 100. Target 0 => { ok:false,
 * reason:'target-zero' } (this is NOT 'kewenangan pusat'; the caller reports it).
 */
export function computeCapaian(target: Decimal, realisasi: Decimal, polarity: Polarity): CapaianResult {
  if (target.isZero()) return { ok: false, reason: 'target-zero' };
  const achieved = polarity === 'negative' ? target.times(2).minus(realisasi) : realisasi;
  // Multiply before dividing so the only rounding is the final division.
  return { ok: true, value: achieved.times(100).div(target) };
}

/**
 * Phrases whose presence means the value should go down ("lower is better").
 * Kept short on purpose: a wrong 'negative' silently turns 40% into 160%, so
 * only wording that is unambiguous in Indonesian LAKIP indicators is listed.
 * Matched at a word start, so suffixed forms ('menurunnya', 'berkurangnya') count.
 */
const LOWER_IS_BETTER = [
  'menurun', // menurunnya angka ...
  'penurunan',
  'berkurang',
  'angka kemiskinan',
  'tingkat kemiskinan',
  'persentase penduduk miskin',
  'jumlah penduduk miskin',
  'jumlah kasus',
  'prevalensi',
  'tingkat pengangguran',
  // Corpus: iku-kab-klaten-lkjip-2016-pendidikan, iku-kab-manggaraitimur-lkjip-2019-sasaran5.
  'angka putus sekolah',
  'angka kematian',
]

/**
 * Wording that turns the indicator into a count of people reached or cases
 * handled, which is higher-is-better whatever group it is about, e.g. a seed report's
 * 'Persentase Penduduk Miskin ... Yang Terakses Perlindungan Sosial'.
 * 'persentase penurunan' measures the size of a decrease, so more is better too.
 */
const REACH_OVERRIDES = [
  'terakses',
  'yang memperoleh',
  'yang menerima',
  'yang mendapat',
  'tertangani',
  'yang ditangani',
  'terlayani',
  'cakupan',
  'persentase penurunan',
];

function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\s+/g, ' ')
      // 'Presentase' and 'Prosentase' are common spellings in real reports.
      .replace(/\b(?:presentase|prosentase)\b/g, 'persentase')
  );
}

/** Any of the phrases at a word start, compiled once (every IKU row is asked, several times). */
function atWordStart(phrases: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${phrases.join('|')})`);
}

const REACH = atWordStart(REACH_OVERRIDES);
const LOWER = atWordStart(LOWER_IS_BETTER);

// Every check of an IKU row asks again (each candidate pair, the capaian, the predikat): answered once per wording.
const polarityOf = new Map<string, Polarity>();

/** Guess polarity from the indicator's wording; 'positive' unless it clearly says lower is better. */
export function guessPolarity(indicator: string): Polarity {
  let p = polarityOf.get(indicator);
  if (p === undefined) {
    const text = normalize(indicator);
    p = REACH.test(text) ? 'positive' : LOWER.test(text) ? 'negative' : 'positive';
    if (polarityOf.size < 10000) polarityOf.set(indicator, p);
  }
  return p;
}
