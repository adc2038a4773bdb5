import { budgetSpec } from '../tables/specs';
import type { LayoutDescriptor } from './types';

/** Spending by Kode Rekening (DPA, LRA, SIPD rekap): a code tree over anggaran and realisasi. */
export const belanja: LayoutDescriptor = {
  kind: 'belanja',
  detect: (has) => has('code') && (has('anggaran') || has('realisasi')),
  ratio: { num: 'realisasi', den: 'anggaran' },
  sums: true,
  build: (c) => budgetSpec(c, 'belanja'),
  source: 'seed report (NTT belanja); real SIPD/DPA exports tried locally; corpus bud-* cases',
};
