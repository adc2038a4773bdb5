import { countSpec } from '../tables/countSpec';
import type { LayoutDescriptor } from './types';

/** Counts under any header (BPS, DTKS rekap, staff by rank): only their own sums are judged. */
export const count: LayoutDescriptor = {
  kind: 'count',
  detect: (has) => has('count') || has('jumlah') || has('anggaran'),
  sums: true,
  build: countSpec,
  source: 'seed reports (pegawai tables); corpus cnt-* cases',
};
