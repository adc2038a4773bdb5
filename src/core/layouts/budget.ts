import { budgetSpec } from '../tables/specs';
import type { LayoutDescriptor } from './types';

/** APBN / APBD by program: anggaran, realisasi and their %. */
export const budget: LayoutDescriptor = {
  kind: 'budget',
  detect: (has) => has('anggaran') && (has('realisasi') || has('percent')),
  ratio: { num: 'realisasi', den: 'anggaran' },
  sums: true,
  build: (c) => budgetSpec(c, 'anggaran'),
  source: 'seed reports (APBN/APBD tables); corpus bud-* cases',
};
