import { peopleSpec } from '../tables/specs';
import type { LayoutDescriptor } from './types';

/** SPM: people to serve and people served, with the share served. */
export const spm: LayoutDescriptor = {
  kind: 'spm',
  detect: (has) => has('populasi') && has('ditangani'),
  ratio: { num: 'ditangani', den: 'populasi' },
  sums: true,
  build: (c) => peopleSpec(c, 'spm'),
  source: 'seed reports (SPM Indikator 2); corpus ds-kota-blitar-spm-sosial-2019-target',
};
