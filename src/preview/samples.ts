import type { StringKey } from '../taskpane/i18n';

/** The workbooks bundled with the preview (copied into dist-web/examples by the build). */
export const SAMPLES: readonly { id: string; file: string; label: StringKey }[] = [
  { id: 'ntt', file: 'dinsos-ntt-2021.xlsx', label: 'sampleNtt' },
  { id: 'flotim', file: 'dinsos-flotim-2020.xlsx', label: 'sampleFlotim' },
];

export function sampleUrl(file: string): string {
  return `examples/${encodeURIComponent(file)}`;
}
