import type { ColumnRole } from '../model';

/**
 * A pure function's answers for the short texts a workbook repeats (headers, row labels,
 * titles on sheet after sheet), kept up to a bound: a report of 800 sheets asks the same
 * few hundred labels thousands of times.
 */
function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > 200) return compute(text);
    let v = known.get(text);
    if (v === undefined && !known.has(text)) {
      v = compute(text);
      if (known.size >= 20000) known.clear();
      known.set(text, v);
    }
    return v as T;
  };
}

/** Lower-case, accents and punctuation folded, so 'Presentase', 'PERSENTASE (%)' and 'kwenangan' compare easily. */
export const normalizeHeader: (text: string) => string = remembered((text) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .replace(/[^a-z0-9%/() ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** One header spelling and the role it names, with the material that taught it. */
export interface HeaderRule {
  re: RegExp;
  role: ColumnRole;
  /** Where the spelling was seen: the seed reports, a corpus case (test/corpus/cases), or real workbooks tried locally. */
  source: string;
}

const SEEDS = 'seed reports (two Dinas Sosial LKjIP/LAKIP)';
const SIPD = 'real SIPD/DPA exports tried locally (not in the repository)';

/**
 * Header spellings seen in LAKIP/LKjIP workbooks. Order matters: the first
 * rule that matches wins, so the narrower phrases come first
 * ('yang ditangani sesuai kewenangan prov' is a handled count, not the share).
 */
export const HEADER_RULES: readonly HeaderRule[] = [
  { re: /^(no|nomor|no urut|nmr)$/, role: 'no', source: SEEDS },
  // Jumlah = Volume x Harga Satuan in a rincian: never summed.
  { re: /^(volume|vol|koefisien|harga satuan|harga|tarif)$/, role: 'volume', source: SIPD },
  // A region code names where a person lives, not an account: an identifier.
  { re: /^kode (wilayah|pos|desa|kelurahan|kecamatan|kab|prov)/, role: 'text', source: 'a PKH beneficiary list tried locally' },
  { re: /^kode( rek(ening)?)?\b/, role: 'code', source: SEEDS },
  // 'Kodepemda', 'kodewilayahbps': one word naming a region or office code, an identifier.
  { re: /^rumus|^formula|cara (perhitungan|menghitung)/, role: 'rumus', source: SEEDS },
  { re: /^(ket|keterangan)$/, role: 'keterangan', source: SEEDS },
  { re: /sumber dana|sumber anggaran/, role: 'sumber-dana', source: SEEDS },
  { re: /^satuan\b/, role: 'satuan', source: SEEDS },
  { re: /predikat|^kategori|^kriteria/, role: 'predikat', source: 'seed reports; corpus iku-kab-sampang-inspektorat-lkjip-2019-skala' },
  { re: /^(% )?capaian|capaian kinerja|tingkat capaian/, role: 'capaian', source: 'seed reports; corpus iku-kab-wonogiri-lppd-2020-sasaran16 (% Capaian …)' },
  { re: /(di)?tangani|tertangani|terlayani|dilayani/, role: 'ditangani', source: SEEDS },
  { re: /k(e)?w(e)?nangan (kab|kota)/, role: 'kewenangan-kab', source: SEEDS },
  { re: /k(e)?w(e)?nangan prov/, role: 'kewenangan-prov', source: SEEDS },
  { re: /^populasi|jumlah pmks|sasaran populasi/, role: 'populasi', source: SEEDS },
  { re: /kondisi awal|baseline|capaian awal/, role: 'baseline', source: 'seed reports; corpus iku-kab-wonogiri-lppd-2020-sasaran16' },
  { re: /^target|^rencana|^sasaran target/, role: 'target', source: 'seed reports; corpus iku-* cases' },
  { re: /penyerapan|^realisasi|total realisasi|keuangan \(rp\)|^keuangan$/, role: 'realisasi', source: 'seed reports; corpus bud-* cases' },
  { re: /anggaran|^pagu|jumlah belanja|^alokasi|^dana\b|^belanja/, role: 'anggaran', source: 'seed reports; corpus bud-djpk-postur-apbd-2023-kab (Anggaran/Pagu)' },
  // '% SISA' (sisa / anggaran) and '% AKAS' are other ratios; read as realisasi / anggaran they gave
  // thousands of wrong errors on a SIPD rekap.
  {
    re: /%.*\b(sisa|selisih|silpa|akas|kas|deviasi|porsi|proporsi|kontribusi|terhadap total)\b|\b(sisa|selisih|silpa|akas|deviasi|porsi|proporsi|kontribusi)\b.*(%|persen)/,
    role: 'ratio',
    source: `${SIPD}; issue 10 class 5 (Porsi, Proporsi, % terhadap total)`,
  },
  { re: /^(%|\(%\)|persentase|presentase|prosentase|persen)$/, role: 'percent', source: SEEDS },
  { re: /^sasaran/, role: 'sasaran', source: SEEDS },
  { re: /^indikator/, role: 'indikator', source: SEEDS },
  { re: /^jumlah( pegawai| total| keseluruhan)?$|^total$/, role: 'jumlah', source: SEEDS },
  {
    re: /^(jenis|uraian|program|kegiatan|nama|eselon|pendidikan|golongan|misi|tujuan|strategi|kebijakan|urusan|bidang|unit|layanan|pmks|barang)/,
    role: 'label',
    source: SEEDS,
  },
];

export const roleForHeader: (text: string) => ColumnRole | null = remembered(roleOf);

function roleOf(text: string): ColumnRole | null {
  const h = normalizeHeader(text)
    // A year in the header ('Populasi 2021', 'Target 2021 (%)') says nothing about the role.
    .replace(/\b(19|20)\d\d\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (h === '') return null;
  for (const rule of HEADER_RULES) if (rule.re.test(h)) return rule.role;
  // '(%)' or a trailing '%' anywhere else still marks a percentage column.
  if (/%/.test(h)) return 'percent';
  return null;
}

/** True for a header whose column holds a percentage even when the role says realisasi/target. */
export function headerSaysPercent(text: string): boolean {
  return /%|persen|presentase|persentase|prosentase/.test(normalizeHeader(text));
}

export const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'populasi',
  'kewenangan-prov',
  'ditangani',
  'kewenangan-kab',
  'percent',
  'anggaran',
  'realisasi',
  'target',
  'capaian',
  'baseline',
  'count',
  'jumlah',
]);

/** Columns whose items add up to the total row (percentages and ratios do not). */
export const SUMMABLE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'populasi',
  'kewenangan-prov',
  'ditangani',
  'kewenangan-kab',
  'anggaran',
  'realisasi',
  'count',
  'jumlah',
]);

export const LABEL_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['label', 'indikator', 'sasaran']);

const TOTAL_RE = /^(grand )?(total|jumlah|sub ?total|sub jumlah)\b/;

const ASCII = /^[\x00-\x7f]*$/;
const TOTAL_WORD = /total|jumlah/i;

export function isTotalLabel(text: string): boolean {
  // Every data row's label is asked: plain ASCII without either word cannot match after folding, so skip the folding.
  if (!TOTAL_WORD.test(text) && ASCII.test(text)) return false;
  return TOTAL_RE.test(normalizeHeader(text));
}

export function isSubtotalLabel(text: string): boolean {
  return /^(sub ?total|sub jumlah)\b/.test(normalizeHeader(text));
}

/**
 * Words after 'Jumlah' / 'Total' that still name a total row: 'Jumlah
 * Keseluruhan', 'TOTAL PMKS', 'Jumlah Belanja Langsung', 'Jumlah I'. Sources:
 * the two seed reports (TOTAL, Jumlah, JUMLAH BELANJA LANGSUNG) and the corpus's
 * budget tables (Jumlah Belanja Operasi, Total Pendapatan).
 */
const TOTAL_TAIL = new Set([
  'total', 'keseluruhan', 'seluruhnya', 'semua', 'akhir', 'umum', 'pmks', 'pegawai', 'asn', 'pns',
  'belanja', 'langsung', 'tidak', 'operasi', 'modal', 'pendapatan', 'pembiayaan', 'anggaran', 'realisasi',
  'program', 'kegiatan', 'sub', 'urusan', 'bidang', 'dana', 'daerah', 'transfer', 'netto', 'kab', 'kota',
  'kabupaten', 'provinsi', 'kecamatan', 'desa', 'kelurahan', 'barang', 'jasa', 'i', 'ii', 'iii', 'iv', 'v', 'a', 'b', 'c', 'd',
]);

/**
 * How surely a label names a total row. 'Jumlah', 'TOTAL PMKS' and 'Jumlah
 * Belanja Langsung' are totals ('strong'); 'Jumlah Rancangan Perda yang
 * tersusun' or 'Jumlah PMKS yang mendapat bantuan' is an indicator whose
 * name starts with the word ('weak'): it is taken for a total only where the
 * table gives other evidence (see classifyRows and the total check).
 */
export function totalLabelStrength(text: string): 'strong' | 'weak' | null {
  if (!isTotalLabel(text)) return null;
  const words = normalizeHeader(text)
    .replace(/[()%/]/g, ' ')
    .split(' ')
    .filter(Boolean);
  let i = 0;
  if (words[i] === 'grand') i++;
  if (words[i] === 'sub') i++;
  i++;
  const tail = words.slice(i);
  if (tail.length <= 4 && tail.every((w) => TOTAL_TAIL.has(w) || /^\d+$/.test(w))) return 'strong';
  return 'weak';
}

/** 'Rata-rata', 'Rata-rata Capaian', 'Capaian rata-rata': an average row, neither an item nor a total. */
export function isAverageLabel(text: string): boolean {
  // Every row's label is asked: without 'rata' or 'rerata' it cannot match, so skip the folding.
  if (!/rata|rerata/i.test(text)) return false;
  const h = normalizeHeader(text);
  return /^(rata rata|rerata|rata2)( capaian| kinerja| capaian kinerja| persentase)?( \(%\))?$/.test(h) || /^(capaian|nilai) rata rata$/.test(h);
}

/** Kewenangan pusat: central government's responsibility, said in many ways in Keterangan. */
export function saysPusat(text: string): boolean {
  return /k(e)?w(e)?nangan (pemerintah )?pusat|ditangani (oleh )?(pemerintah )?pusat|urusan (pemerintah )?pusat/.test(
    normalizeHeader(text),
  );
}

/**
 * Attainment words in a 'Kriteria' / 'Keterangan' column: whether the target
 * was met, not a predikat band. Source: IKU tables of the corpus (iku-* cases).
 */
export function attainmentOf(text: string): 'met' | 'unmet' | null {
  const h = normalizeHeader(text);
  if (/^(tidak|belum) (tercapai|mencapai target|sesuai target)$|^tidak tercapai$/.test(h)) return 'unmet';
  if (/^(tercapai|terlampaui|melampaui( target)?|sesuai target|mencapai target|tercapai 100 ?%?)$/.test(h)) return 'met';
  return null;
}

/**
 * 'Tahun', 'Tahun Anggaran', 'Bulan', 'Triwulan': a column that names each
 * row's period. Source: corpus cases cnt-kab-lebak-kesos-2004-2008 and
 * nar-prov-kalteng-rkpd-2016-konsumsi (a Tahun column beside Jumlah/Total).
 */
export function isPeriodHeader(text: string): boolean {
  return /^(tahun|thn|tahun anggaran|ta|periode|bulan|triwulan|semester|tw)$/.test(normalizeHeader(text));
}

/**
 * Identifiers: NIK, No. KK, No. Kartu (BPJS), NIP, NPWP, ID DTKS, phone
 * numbers. Digits, never figures: stored as numbers they lose leading zeros
 * and, past 15 digits, their last digits. Source: a BPJS PBI beneficiary list
 * tried locally (85,023 wrong "store as number" warnings).
 */
export function isIdentifierHeader(text: string): boolean {
  const h = normalizeHeader(text).replace(/\bno\b\s*/g, 'no ').trim();
  if (/^(jumlah|total|banyaknya)\b/.test(h)) return false;
  // 'Kodepemda' (Kemendagri APBD rekap) and 'kdgiat', 'kd satker' (RKP/KRISNA exports), tried locally.
  if (/^kode[a-z]{3,}$|^kd( [a-z]+|[a-z]{2,})$/.test(h)) return true;
  return /\b(nik|nkk|no kk|nomor kk|no kartu|nomor kartu|nip|nipp|npwp|nisn|nuptk|id dtks|idsemesta|no hp|telepon|telp|no telp|kode pos|kode wilayah|no rekening bank|no rek)\b|^id$/.test(h);
}
