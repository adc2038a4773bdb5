import { capaianSpec } from '../tables/specs';
import type { LayoutDescriptor } from './types';

/**
 * Indicators (IKU / capaian): target, realisasi, capaian, predikat. Rows are
 * different indicators, so nothing adds up down the table.
 */
export const iku: LayoutDescriptor = {
  kind: 'iku',
  // Realisasi and Capaian per year without a target column are indicators too (corpus: Tanah Datar persampahan).
  detect: (has) => (has('target') && (has('realisasi') || has('capaian'))) || (has('realisasi') && has('capaian')),
  sums: false,
  build: (c) => (c.ctx.col('target') && c.ctx.col('realisasi') ? capaianSpec(c) : undefined),
  source: 'seed reports (IKU tables); corpus iku-* cases',
};
