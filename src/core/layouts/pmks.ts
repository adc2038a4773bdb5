import { peopleSpec } from '../tables/specs';
import type { LayoutDescriptor } from './types';

/** PMKS by type: population, provincial share, handled, %, regency share. */
export const pmks: LayoutDescriptor = {
  kind: 'pmks',
  detect: (has) => has('kewenangan-prov') && has('ditangani'),
  ratio: { num: 'ditangani', den: 'kewenangan-prov' },
  sums: true,
  pusat: true,
  build: (c) => peopleSpec(c, 'pmks'),
  source: 'seed reports (Dinas Sosial NTT, Flores Timur)',
};
