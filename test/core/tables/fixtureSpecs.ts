/**
 * Hand-made TableSpecs, one per kind, for the renderers' tests (HTML, .docx, CLI).
 * They carry what the renderers must get right: header cells spanning columns and
 * rows, parent/section/total rows, kegiatan indented, sum/ratio formulas (never
 * rendered), the 'Kewenangan Pusat' marker, and hostile cell texts.
 */
import type { SpecCell, TableSpec } from '../../../src/core/tables/types';

export const SCRIPT_TEXT = '<script>alert(1)</script>';
export const HYPERLINK_TEXT = '=HYPERLINK("http://x","y")';

const h = (text: string, extra: Partial<SpecCell> = {}): SpecCell => ({ text, kind: 'text', bold: true, align: 'center', ...extra });
const t = (text: string, extra: Partial<SpecCell> = {}): SpecCell => ({ text, kind: 'text', ...extra });
const n = (text: string, value: number, kind: 'count' | 'money' | 'percent' = 'count', extra: Partial<SpecCell> = {}): SpecCell => ({
  text,
  value,
  kind,
  decimals: kind === 'percent' ? 2 : 0,
  align: 'right',
  ...extra,
});

/** PMKS: a two-row header (Kewenangan Provinsi spans 3 columns; No, Jenis, Populasi, Kab/Kota, Keterangan span 2 rows); 8 columns. */
export const pmksSpec: TableSpec = {
  id: 'pmks-Indikator 1 PMKS',
  kind: 'pmks',
  titleLines: ['Tabel 3.4', 'Penanganan PMKS Tahun 2021'],
  columns: [
    { kind: 'no', width: 5 },
    { kind: 'text', width: 30 },
    { kind: 'count', width: 12 },
    { kind: 'count', width: 12 },
    { kind: 'count', width: 12 },
    { kind: 'percent', width: 9 },
    { kind: 'count', width: 12 },
    { kind: 'text', width: 24 },
  ],
  headerRows: [
    [
      h('No', { rowSpan: 2 }),
      h('Jenis PMKS', { rowSpan: 2 }),
      h('Populasi', { rowSpan: 2 }),
      h('Kewenangan Provinsi', { colSpan: 3 }),
      h('Kewenangan Kab/Kota', { rowSpan: 2 }),
      h('Keterangan', { rowSpan: 2 }),
    ],
    [h('Jumlah'), h('Ditangani'), h('%')],
  ],
  bodyRows: [
    {
      role: 'item',
      cells: [
        t('1', { kind: 'no', align: 'center' }),
        t('Anak Balita Terlantar'),
        n('201.667', 201667),
        n('156', 156),
        n('150', 150),
        n('96,15', 96.15, 'percent', { formula: { kind: 'ratio', num: 4, den: 3, marker: 'Kewenangan Pusat' } }),
        n('201.511', 201511),
        t(SCRIPT_TEXT),
      ],
    },
    {
      role: 'item',
      cells: [
        t('2', { kind: 'no', align: 'center' }),
        t('Tuna Susila'),
        n('12', 12),
        n('-', 0),
        n('-', 0),
        t('Kewenangan Pusat', { kind: 'marker', align: 'center', formula: { kind: 'ratio', num: 4, den: 3, marker: 'Kewenangan Pusat' } }),
        n('12', 12),
        t(HYPERLINK_TEXT),
      ],
    },
    {
      role: 'total',
      cells: [
        t('', { kind: 'no' }),
        t('TOTAL', { bold: true }),
        n('201.679', 201679, 'count', { bold: true, formula: { kind: 'sum', rows: [0, 1] } }),
        n('156', 156, 'count', { bold: true, formula: { kind: 'sum', rows: [0, 1] } }),
        n('150', 150, 'count', { bold: true, formula: { kind: 'sum', rows: [0, 1] } }),
        n('96,15', 96.15, 'percent', { bold: true, formula: { kind: 'ratio', num: 4, den: 3 } }),
        n('201.523', 201523, 'count', { bold: true, formula: { kind: 'sum', rows: [0, 1] } }),
        t(''),
      ],
    },
  ],
  notes: ['"Kewenangan Pusat": penanganannya menjadi kewenangan pemerintah pusat.'],
  source: 'Sumber: Bidang Rehabilitasi Sosial, 2021',
  from: { sheet: 'Indikator 1 PMKS', range: 'A3:H6' },
};

export const spmSpec: TableSpec = {
  id: 'spm-Indikator 2 SPM',
  kind: 'spm',
  titleLines: ['Tabel 3.5 Pencapaian SPM Bidang Sosial'],
  columns: [
    { kind: 'no', width: 5 },
    { kind: 'text', width: 36 },
    { kind: 'count', width: 12 },
    { kind: 'count', width: 12 },
    { kind: 'percent', width: 9 },
  ],
  headerRows: [[h('No'), h('Jenis Layanan'), h('Populasi'), h('Yang ditangani'), h('%')]],
  bodyRows: [
    {
      role: 'item',
      cells: [
        t('1', { kind: 'no', align: 'center' }),
        t('Rehabilitasi sosial dasar penyandang disabilitas terlantar'),
        n('1.104', 1104),
        n('1.000', 1000),
        n('90,58', 90.58, 'percent', { formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'total',
      cells: [
        t('', { kind: 'no' }),
        t('TOTAL', { bold: true }),
        n('1.104', 1104, 'count', { bold: true, formula: { kind: 'sum', rows: [0] } }),
        n('1.000', 1000, 'count', { bold: true, formula: { kind: 'sum', rows: [0] } }),
        n('90,58', 90.58, 'percent', { bold: true, formula: { kind: 'ratio', num: 3, den: 2 } }),
      ],
    },
  ],
  notes: [],
  source: 'Sumber: Dinas Sosial Provinsi NTT',
  from: { sheet: 'Indikator 2 SPM', range: 'A3:E5' },
};

/** Capaian: the Sasaran cell spans two body rows. */
export const capaianSpec: TableSpec = {
  id: 'capaian-Tabel 3.1 IKU',
  kind: 'capaian',
  titleLines: ['Tabel 3.1', 'Capaian IKU Dinas Sosial', 'Tahun 2020'],
  columns: [
    { kind: 'text', width: 28 },
    { kind: 'text', width: 42 },
    { kind: 'percent', width: 10 },
    { kind: 'percent', width: 10 },
    { kind: 'percent', width: 11 },
    { kind: 'text', width: 16 },
  ],
  headerRows: [[h('Sasaran'), h('Indikator Kinerja'), h('Target'), h('Realisasi'), h('Capaian (%)'), h('Predikat')]],
  bodyRows: [
    {
      role: 'item',
      cells: [
        t('Meningkatnya kesejahteraan sosial PMKS', { rowSpan: 2 }),
        t('Persentase PMKS yang tertangani'),
        n('80', 80, 'percent', { decimals: 0 }),
        n('78,5', 78.5, 'percent', { decimals: 1 }),
        n('98,13', 98.13, 'percent'),
        t('Sangat Baik', { align: 'center' }),
      ],
    },
    {
      role: 'item',
      cells: [
        t('Persentase penduduk miskin'),
        n('10', 10, 'percent', { decimals: 0 }),
        n('12', 12, 'percent', { decimals: 0 }),
        n('80,00', 80, 'percent'),
        t('Baik', { align: 'center' }),
      ],
    },
  ],
  notes: ['Skala predikat (flotim-5): ≥ 90 Sangat Baik; ≥ 75 Baik; di bawahnya Kurang.'],
  source: 'Sumber: Renstra Dinas Sosial 2016-2021',
  from: { sheet: 'Tabel 3.1 IKU', range: 'A4:F6' },
};

/** Anggaran: a section row, a parent row over two programs, a total. */
export const anggaranSpec: TableSpec = {
  id: 'anggaran-APBD',
  kind: 'anggaran',
  titleLines: ['ALOKASI DAN REALISASI ANGGARAN DANA APBD', 'TAHUN ANGGARAN 2021'],
  columns: [
    { kind: 'no', width: 5 },
    { kind: 'text', width: 48 },
    { kind: 'money', width: 18 },
    { kind: 'money', width: 18 },
    { kind: 'percent', width: 9 },
  ],
  headerRows: [[h('No'), h('Program'), h('Anggaran (Rp)'), h('Realisasi (Rp)'), h('%')]],
  bodyRows: [
    { role: 'section', cells: [t('', { kind: 'no' }), t('Dana Dekonsentrasi', { bold: true }), t(''), t(''), t('')] },
    {
      role: 'parent',
      cells: [
        t('I', { kind: 'no', align: 'center', bold: true }),
        t('Urusan Pemerintahan Bidang Sosial', { bold: true }),
        n('3.000.000', 3000000, 'money', { bold: true, formula: { kind: 'sum', rows: [2, 3] } }),
        n('2.500.000', 2500000, 'money', { bold: true, formula: { kind: 'sum', rows: [2, 3] } }),
        n('83,33', 83.33, 'percent', { bold: true, formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'item',
      cells: [
        t('1', { kind: 'no', align: 'center' }),
        t('Program Perlindungan dan Jaminan Sosial'),
        n('1.000.000', 1000000, 'money'),
        n('500.000', 500000, 'money'),
        n('50,00', 50, 'percent', { formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'item',
      cells: [
        t('2', { kind: 'no', align: 'center' }),
        t('Program Rehabilitasi Sosial'),
        n('2.000.000', 2000000, 'money'),
        n('2.000.000', 2000000, 'money'),
        n('100,00', 100, 'percent', { formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'total',
      cells: [
        t('', { kind: 'no' }),
        t('Jumlah', { bold: true }),
        n('3.000.000', 3000000, 'money', { bold: true, formula: { kind: 'sum', rows: [1] } }),
        n('2.500.000', 2500000, 'money', { bold: true, formula: { kind: 'sum', rows: [1] } }),
        n('83,33', 83.33, 'percent', { bold: true, formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
  ],
  notes: [],
  source: 'Sumber: DPA Dinas Sosial 2021',
  from: { sheet: 'APBD', range: 'A5:E10' },
};

/** Belanja: program (parent) with indented kegiatan; the JUMLAH label spans Kode + Uraian. */
export const belanjaSpec: TableSpec = {
  id: 'belanja-Tabel 3.2 Belanja',
  kind: 'belanja',
  titleLines: ['Tabel 3.2', 'Realisasi Belanja Langsung APBD TA. 2020'],
  columns: [
    { kind: 'code', width: 16 },
    { kind: 'text', width: 48 },
    { kind: 'money', width: 18 },
    { kind: 'money', width: 18 },
    { kind: 'percent', width: 9 },
  ],
  headerRows: [[h('Kode Rekening'), h('Uraian'), h('Anggaran (Rp)'), h('Realisasi (Rp)'), h('%')]],
  bodyRows: [
    {
      role: 'parent',
      cells: [
        t('1 06 01 01', { kind: 'code', bold: true }),
        t('Program Pelayanan Administrasi Perkantoran', { bold: true }),
        n('300.000', 300000, 'money', { bold: true, formula: { kind: 'sum', rows: [1, 2] } }),
        n('250.000', 250000, 'money', { bold: true, formula: { kind: 'sum', rows: [1, 2] } }),
        n('83,33', 83.33, 'percent', { bold: true, formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'item',
      cells: [
        t('1 06 01 01 01', { kind: 'code' }),
        t('Penyediaan jasa surat menyurat', { indent: 1 }),
        n('100.000', 100000, 'money'),
        n('50.000', 50000, 'money'),
        n('50,00', 50, 'percent', { formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'item',
      cells: [
        t('1 06 01 01 02', { kind: 'code' }),
        t('Penyediaan alat tulis kantor', { indent: 1 }),
        n('200.000', 200000, 'money'),
        n('200.000', 200000, 'money'),
        n('100,00', 100, 'percent', { formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
    {
      role: 'total',
      cells: [
        t('JUMLAH BELANJA LANGSUNG', { bold: true, colSpan: 2 }),
        n('300.000', 300000, 'money', { bold: true, formula: { kind: 'sum', rows: [0] } }),
        n('250.000', 250000, 'money', { bold: true, formula: { kind: 'sum', rows: [0] } }),
        n('83,33', 83.33, 'percent', { bold: true, formula: { kind: 'ratio', num: 3, den: 2, marker: '-' } }),
      ],
    },
  ],
  notes: [],
  source: 'Sumber: LRA Dinas Sosial Kab. Flores Timur 2020',
  from: { sheet: 'Tabel 3.2 Belanja', range: 'A4:E8' },
};

export const ALL_SPECS: TableSpec[] = [capaianSpec, anggaranSpec, pmksSpec, spmSpec, belanjaSpec];
