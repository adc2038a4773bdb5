import type { StringKey } from '../taskpane/i18n';

export interface Sample {
  id: string;
  file: string;
  label: StringKey;
  /**
   * The predikat scale printed in the sample's own report, written out as an office
   * types it in Pengaturan: opening the sample sets it, as the office's workbook would
   * carry it. It belongs to that report, never a default for others.
   */
  scale: string;
}

/** The workbooks bundled with the preview (copied into dist-web/examples by the build). */
export const SAMPLES: readonly Sample[] = [
  // LKjIP Dinas Sosial Provinsi NTT 2021: X >= 85; 70 <= X < 85; 55 < X < 70; X <= 55.
  { id: 'ntt', file: 'dinsos-ntt-2021.xlsx', label: 'sampleNtt', scale: '85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil' },
  // LKjIP Dinas Sosial Kab. Flores Timur 2020 prints "80 s/d 90 Berhasil, 90 s/d 100 Sangat Berhasil":
  // a shared boundary goes to the band it starts.
  {
    id: 'flotim',
    file: 'dinsos-flotim-2020.xlsx',
    label: 'sampleFlotim',
    scale: '90=Sangat Berhasil; 80=Berhasil; 70=Cukup Berhasil; 60=Kurang Berhasil; 0=Tidak Berhasil',
  },
];

export function sampleUrl(file: string): string {
  return `examples/${encodeURIComponent(file)}`;
}
