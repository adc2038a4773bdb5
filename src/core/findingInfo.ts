/**
 * What each finding code means, in both languages, for the generated docs
 * page (docs/findings.md) and anyone reading the JSON. Codes are a stable
 * contract: add, never rename.
 */
import type { FindingCode, Severity } from './findings';

export interface FindingInfo {
  /** The severities the code is reported with, most usual first. */
  severities: Severity[];
  id: string;
  en: string;
}

export const FINDING_INFO: Record<FindingCode, FindingInfo> = {
  'total-mismatch': {
    severities: ['error', 'info'],
    id: 'Baris total (Jumlah/Total) atau kolom Jumlah tidak sama dengan jumlah rinciannya. Info bila selisihnya hanya pembulatan tampilan.',
    en: 'A total row (Jumlah/Total) or a Jumlah column differs from the sum of its parts. Info when the gap is display rounding only.',
  },
  'parent-sum-mismatch': {
    severities: ['error', 'info'],
    id: 'Baris induk (Urusan, Program, kode rekening di atas rinciannya) tidak sama dengan jumlah baris di bawahnya.',
    en: 'A parent row (Urusan, Program, an account code above its lines) differs from the sum of the rows under it.',
  },
  'percent-mismatch': {
    severities: ['error'],
    id: 'Persentase tidak sama dengan pembilang / penyebut × 100 (realisasi / anggaran, ditangani / kewenangan, atau porsi terhadap total), dibulatkan ke desimal yang ditampilkan.',
    en: 'A percentage differs from numerator / denominator × 100 (realisation / budget, handled / share, or share of the total), rounded to the decimals shown.',
  },
  'division-by-zero': {
    severities: ['error', 'warning'],
    id: '#DIV/0! karena pembagi 0. Peringatan bila urusan itu kewenangan pusat (tulis penanda "Kewenangan Pusat"); kesalahan bila target 0 atau pembagi lain kosong.',
    en: '#DIV/0! from a zero divisor. A warning when the matter is central government\'s (write the "Kewenangan Pusat" marker); an error for a target of 0 or another empty divisor.',
  },
  'error-value': {
    severities: ['error'],
    id: 'Sel berisi nilai kesalahan Excel (#REF!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!), di dalam tabel atau di mana pun, dengan rumus asalnya.',
    en: 'A cell holds an Excel error (#REF!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!), inside a table or anywhere, with the formula behind it.',
  },
  'text-number': {
    severities: ['warning', 'info'],
    id: 'Angka tersimpan sebagai teks sehingga SUM melewatinya; perbaikan menyimpannya sebagai angka.',
    en: 'A number stored as text, which SUM skips; the fix stores it as a number.',
  },
  'ambiguous-number': {
    severities: ['warning'],
    id: 'Teks angka yang bisa dibaca dua cara ("1.595": seribu lebih atau satu koma) dan tidak ada yang memastikan.',
    en: 'Number text that reads two ways ("1.595": over a thousand, or one point something) with nothing to settle it.',
  },
  'identity-mismatch': {
    severities: ['error'],
    id: 'Hubungan antarkolom tabel PMKS tidak terpenuhi (Populasi = Provinsi + Kab/Kota; ditangani ≤ kewenangan).',
    en: 'A PMKS table identity fails (population = provincial + regency shares; handled ≤ share).',
  },
  'duplicate-code': {
    severities: ['error'],
    id: 'Kode rekening yang sama dipakai dua kali (bukan pada ekspor yang mengulang kode per tahun/triwulan).',
    en: 'The same account code used twice (not in exports that repeat codes per year or quarter).',
  },
  'numbering-gap': {
    severities: ['warning'],
    id: 'Nomor urut melompat atau berulang.',
    en: 'Row numbering skips or repeats.',
  },
  'missing-value': {
    severities: ['warning'],
    id: 'Sel angka kosong di antara baris yang terisi, atau total tanpa rincian.',
    en: 'An empty figure among filled rows, or a total over empty rows.',
  },
  'capaian-mismatch': {
    severities: ['error'],
    id: 'Capaian IKU tidak sama dengan realisasi / target × 100 (atau (2 × target − realisasi) / target × 100 bila makin kecil makin baik).',
    en: 'An IKU achievement differs from realisation / target × 100 (or (2 × target − realisation) / target × 100 when lower is better).',
  },
  'predikat-mismatch': {
    severities: ['error'],
    id: 'Predikat tidak sesuai capaiannya pada skala instansi (dipilih, atau tabel skala di buku kerja); tanpa skala tidak dinilai.',
    en: 'A predikat does not fit its achievement on the office\'s scale (chosen, or a scale table in the workbook); with no scale it is not judged.',
  },
  'formula-uncalculated': {
    severities: ['info'],
    id: 'Rumus tanpa nilai tersimpan (belum pernah dihitung); nilainya dihitung ulang.',
    en: 'A formula with no stored result (never calculated); its value is recomputed.',
  },
  'cross-table-mismatch': {
    severities: ['warning', 'error'],
    id: 'Dua tabel yang merinci angka yang sama tidak cocok.',
    en: 'Two tables that break down the same figure disagree.',
  },
  'narrative-mismatch': {
    severities: ['error'],
    id: 'Angka di narasi berbeda dengan sel tabel yang dinyatakannya, atau selisih yang disebut tidak sama dengan anggaran − realisasi.',
    en: 'A figure in the prose differs from the table cell it restates, or a stated difference is not budget − realisation.',
  },
  'terbilang-mismatch': {
    severities: ['error'],
    id: 'Angka dalam kata-kata (terbilang) tidak sama dengan angkanya, atau tidak membentuk bilangan yang sah.',
    en: 'An amount in words does not match its digits, or spells no valid number.',
  },
  'narrative-rounded': {
    severities: ['info'],
    id: 'Narasi menyebut angka tabel yang dibulatkan: dicatat, bukan kesalahan.',
    en: 'The prose states a table figure rounded: noted, not an error.',
  },
  'narrative-unlinked': {
    severities: ['info'],
    id: 'Angka di narasi yang tidak dapat dikaitkan dengan tabel mana pun, sehingga tidak diperiksa.',
    en: 'Figures in the prose that could not be tied to any table, so they were not checked.',
  },
  'date-value': {
    severities: ['warning'],
    id: 'Tanggal di kolom angka (biasanya angka yang terbaca Excel sebagai tanggal).',
    en: 'A date in a figure column (usually a number Excel took for a date).',
  },
  'not-checked': {
    severities: ['info'],
    id: 'Bagian tabel yang tidak dinilai karena pembacaannya tidak pasti, dan alasannya; sekali per tabel.',
    en: 'Parts of a table not judged because their reading is unsure, and why; once per table.',
  },
  'capaian-capped': {
    severities: ['info'],
    id: 'Capaian ditulis 100 padahal realisasi melampaui target: dibatasi 100%, sesuai aturan sebagian instansi.',
    en: 'An achievement written as 100 although the result exceeds the target: capped at 100 %, as some offices rule.',
  },
  'number-malformed': {
    severities: ['warning'],
    id: 'Teks yang tampak seperti angka tetapi pengelompokan digitnya tidak sah ("1.5277.858.386,00"), sehingga tidak terbaca.',
    en: 'Text that looks like a number but has invalid digit grouping ("1.5277.858.386,00"), so it cannot be read.',
  },
  'kriteria-mismatch': {
    severities: ['error', 'warning'],
    id: 'Kata kriteria (Tercapai / Tidak Tercapai) tidak sesuai capaian dibanding 100.',
    en: 'An attainment word (Tercapai / Tidak Tercapai) does not fit the achievement against 100.',
  },
};
