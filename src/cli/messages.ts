/**
 * Every string the CLI prints itself, in Bahasa Indonesia (default) and English.
 * Finding messages come from the engine, read-error messages from the xlsx reader.
 */
import type { Lang, Severity } from '../core/findings';
import type { TableKind } from '../core/model';

export const LANGS: readonly Lang[] = ['id', 'en'];
export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];
/** Preset ids; 'permenpan-5' is the RKPD scale's old id, still read from older settings. Offices' own scales are written out (scaleOption.ts). */
export const SCALES = ['rkpd-5', 'permenpan-5'] as const;
export const FAIL_ON = ['error', 'warning'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface SummaryCounts {
  filesRead: number;
  filesFailed: number;
  tables: number;
  bySeverity: Record<Severity, number>;
  /** Narrative files given with --narrative: how many were read and how many failed. */
  narratives?: { read: number; failed: number };
  /** Findings left out because the workbook's ignore list dismissed them. */
  ignored?: number;
}

export interface CliMessages {
  kind: Record<TableKind, string>;
  severity: Record<Severity, string>;
  /** Heading before the list of recognised tables. */
  tablesHeading(n: number): string;
  noTables: string;
  findingsHeading(n: number): string;
  noFindings: string;
  sheetHeading(sheet: string): string;
  expected: string;
  found: string;
  emptyValue: string;
  fileFailed: string;
  /** Heading over the findings about the prose of one narrative file, or of one sheet's prose. */
  narrativeHeading(name: string, inSheet: boolean): string;
  /** Short form of a 'narrative-unlinked' finding, one line per paragraph. */
  notChecked(figures: string): string;
  andMore(n: number): string;
  /** Hint after the short 'not checked' lines. */
  unlinkedHint(paragraphs: number): string;
  /** One line after the findings: how many the office dismissed, and how to see them. */
  ignoredHint(n: number): string;
  ignoredHeading(n: number): string;
  ignoredReason(reason: string): string;
  narrativeFailed: string;
  narrativeSkipped: string;
  unexpectedNarrativeError(file: string, detail: string): string;
  summary(c: SummaryCounts): string;
  progress(i: number, n: number, name: string): string;

  // Per-file problems the reader does not cover.
  emptyDirectory(dir: string): string;
  unreadableDirectory(dir: string, detail: string): string;
  unexpectedReadError(file: string, detail: string): string;
  analysisFailed(file: string, detail: string): string;

  // Usage errors (exit 64).
  usagePrefix: string;
  usageHint(command: string): string;
  noFiles: string;
  badChoice(option: string, value: string, allowed: readonly string[]): string;
  unknownOption(option: string, suggestion?: string): string;
  unknownCommand(command: string, suggestion?: string): string;
  optionMissingArgument(option: string): string;
  tooManyArguments: string;
  noCommand: string;

  internalError(detail: string): string;
}

const id: CliMessages = {
  kind: {
    pmks: 'Tabel PMKS',
    spm: 'Tabel SPM',
    budget: 'Tabel anggaran (APBN/APBD)',
    belanja: 'Tabel belanja per kode rekening',
    iku: 'Tabel IKU/capaian',
    count: 'Tabel jumlah',
  },
  severity: { error: 'KESALAHAN', warning: 'PERINGATAN', info: 'INFO' },
  tablesHeading: (n) => `Tabel yang dikenali (${n}):`,
  noTables: 'Tidak ada tabel yang dikenali.',
  findingsHeading: (n) => `Temuan (${n}):`,
  noFindings: 'Tidak ada temuan.',
  sheetHeading: (sheet) => `Lembar "${sheet}":`,
  expected: 'seharusnya',
  found: 'tertulis',
  emptyValue: '(kosong)',
  fileFailed: 'Berkas tidak dapat dibaca:',
  narrativeHeading: (name, inSheet) => (inSheet ? `Narasi di lembar "${name}":` : `Narasi "${name}":`),
  notChecked: (figures) => `angka tidak diperiksa: ${figures}`,
  andMore: (n) => `… (+${n} lagi)`,
  ignoredHint: (n) => `${n} temuan diabaikan menurut daftar abaikan buku kerja ini (tampilkan dengan --show-ignored).`,
  ignoredHeading: (n) => `Diabaikan (${n}), menurut daftar abaikan buku kerja ini:`,
  ignoredReason: (r) => `alasan: ${r}`,
  unlinkedHint: (n) =>
    `(${n} paragraf memuat angka yang tidak dapat dikaitkan dengan tabel mana pun; jalankan dengan --verbose untuk pesan lengkapnya.)`,
  narrativeFailed: 'Berkas narasi tidak dapat dibaca:',
  narrativeSkipped: 'Buku kerja tetap diperiksa tanpa berkas narasi ini.',
  unexpectedNarrativeError: (file, detail) =>
    `Berkas narasi "${file}" tidak dapat dibaca (${detail}). Buka berkas itu di Word, simpan ulang sebagai ` +
    `"Dokumen Word (*.docx)" atau "Teks Biasa (*.txt)", lalu coba lagi.`,
  summary: (c) =>
    `Ringkasan: ${c.filesRead} berkas dibaca, ${c.filesFailed} gagal dibaca, ${c.tables} tabel; ` +
    `temuan: ${c.bySeverity.error} kesalahan, ${c.bySeverity.warning} peringatan, ${c.bySeverity.info} info.` +
    (c.narratives ? ` Narasi: ${c.narratives.read} berkas dibaca, ${c.narratives.failed} gagal dibaca.` : '') +
    (c.ignored ? ` ${c.ignored} temuan diabaikan.` : ''),
  progress: (i, n, name) => `Memeriksa ${i}/${n}: ${name}`,

  emptyDirectory: (dir) =>
    `Folder "${dir}" tidak berisi buku kerja (.xlsx, .xlsm, .xls, .ods). Periksa nama foldernya, atau sebutkan berkasnya satu per satu.`,
  unreadableDirectory: (dir, detail) =>
    `Folder "${dir}" tidak dapat dibuka (${detail}). Periksa izin akses folder itu lalu coba lagi.`,
  unexpectedReadError: (file, detail) =>
    `Berkas "${file}" tidak dapat dibaca (${detail}). Buka berkas itu di Excel, simpan ulang sebagai ` +
    `"Excel Workbook (*.xlsx)", lalu periksa lagi.`,
  analysisFailed: (file, detail) =>
    `Pemeriksaan berkas "${file}" terhenti karena kesalahan program (${detail}). ` +
    `Berkas lain tetap diperiksa. Laporkan masalah ini beserta berkasnya kepada pengembang.`,

  usagePrefix: 'lakip: kesalahan penggunaan:',
  usageHint: (command) => `Jalankan "lakip ${command}--help" untuk melihat cara pakai.`,
  noFiles: 'tidak ada berkas yang disebutkan. Contoh: lakip check laporan.xlsx',
  badChoice: (option, value, allowed) =>
    `nilai "${value}" tidak berlaku untuk ${option}. Pilihan: ${allowed.join(', ')}.`,
  unknownOption: (option, suggestion) =>
    `opsi tidak dikenal: ${option}.` + (suggestion ? ` Mungkin maksud Anda ${suggestion}?` : ''),
  unknownCommand: (command, suggestion) =>
    `perintah tidak dikenal: ${command}.` + (suggestion ? ` Mungkin maksud Anda ${suggestion}?` : ''),
  optionMissingArgument: (option) => `opsi ${option} memerlukan nilai.`,
  tooManyArguments: 'argumen terlalu banyak.',
  noCommand: 'perintah belum disebutkan. Contoh: lakip check laporan.xlsx',

  internalError: (detail) =>
    `lakip: kesalahan program yang tidak terduga (${detail}). Laporkan masalah ini kepada pengembang.`,
};

const en: CliMessages = {
  kind: {
    pmks: 'PMKS table',
    spm: 'SPM table',
    budget: 'Budget table (APBN/APBD)',
    belanja: 'Spending by account code (kode rekening)',
    iku: 'IKU/achievement table',
    count: 'Count table',
  },
  severity: { error: 'ERROR', warning: 'WARNING', info: 'INFO' },
  tablesHeading: (n) => `Recognised tables (${n}):`,
  noTables: 'No table recognised.',
  findingsHeading: (n) => `Findings (${n}):`,
  noFindings: 'No findings.',
  sheetHeading: (sheet) => `Sheet "${sheet}":`,
  expected: 'expected',
  found: 'found',
  emptyValue: '(empty)',
  fileFailed: 'File could not be read:',
  narrativeHeading: (name, inSheet) => (inSheet ? `Narrative in sheet "${name}":` : `Narrative "${name}":`),
  notChecked: (figures) => `figures not checked: ${figures}`,
  andMore: (n) => `… (+${n} more)`,
  ignoredHint: (n) => `${n} finding(s) ignored by this workbook's ignore list (show them with --show-ignored).`,
  ignoredHeading: (n) => `Ignored (${n}), by this workbook's ignore list:`,
  ignoredReason: (r) => `reason: ${r}`,
  unlinkedHint: (n) =>
    `(${n} ${n === 1 ? 'paragraph has' : 'paragraphs have'} figures that could not be linked to any table; run with --verbose for the full messages.)`,
  narrativeFailed: 'Narrative file could not be read:',
  narrativeSkipped: 'The workbooks are still checked without this narrative file.',
  unexpectedNarrativeError: (file, detail) =>
    `Narrative file "${file}" could not be read (${detail}). Open it in Word, save it again as ` +
    `"Word Document (*.docx)" or "Plain Text (*.txt)" and try again.`,
  summary: (c) =>
    `Summary: ${c.filesRead} ${c.filesRead === 1 ? 'file' : 'files'} read, ${c.filesFailed} failed, ` +
    `${c.tables} ${c.tables === 1 ? 'table' : 'tables'}; findings: ${c.bySeverity.error} ` +
    `${c.bySeverity.error === 1 ? 'error' : 'errors'}, ${c.bySeverity.warning} ` +
    `${c.bySeverity.warning === 1 ? 'warning' : 'warnings'}, ${c.bySeverity.info} info.` +
    (c.narratives
      ? ` Narrative: ${c.narratives.read} ${c.narratives.read === 1 ? 'file' : 'files'} read, ${c.narratives.failed} failed.`
      : '') +
    (c.ignored ? ` ${c.ignored} ignored.` : ''),
  progress: (i, n, name) => `Checking ${i}/${n}: ${name}`,

  emptyDirectory: (dir) =>
    `Folder "${dir}" contains no workbook (.xlsx, .xlsm, .xls, .ods). Check the folder name, or list the files one by one.`,
  unreadableDirectory: (dir, detail) =>
    `Folder "${dir}" could not be opened (${detail}). Check the folder's access rights and try again.`,
  unexpectedReadError: (file, detail) =>
    `File "${file}" could not be read (${detail}). Open it in Excel, save it again as ` +
    `"Excel Workbook (*.xlsx)" and check it again.`,
  analysisFailed: (file, detail) =>
    `Checking "${file}" stopped because of a program error (${detail}). ` +
    `The other files are still checked. Please report this, with the file, to the developers.`,

  usagePrefix: 'lakip: usage error:',
  usageHint: (command) => `Run "lakip ${command}--help" to see how to use it.`,
  noFiles: 'no file given. Example: lakip check report.xlsx',
  badChoice: (option, value, allowed) =>
    `"${value}" is not a valid value for ${option}. Choices: ${allowed.join(', ')}.`,
  unknownOption: (option, suggestion) =>
    `unknown option: ${option}.` + (suggestion ? ` Did you mean ${suggestion}?` : ''),
  unknownCommand: (command, suggestion) =>
    `unknown command: ${command}.` + (suggestion ? ` Did you mean ${suggestion}?` : ''),
  optionMissingArgument: (option) => `option ${option} needs a value.`,
  tooManyArguments: 'too many arguments.',
  noCommand: 'no command given. Example: lakip check report.xlsx',

  internalError: (detail) => `lakip: unexpected program error (${detail}). Please report this to the developers.`,
};

export function messages(lang: Lang): CliMessages {
  return lang === 'en' ? en : id;
}

/**
 * The language asked for on the command line, looked up before commander parses
 * it, so that usage errors are already in the right language.
 */
export function langFromArgv(argv: readonly string[]): Lang {
  let lang: Lang = 'id';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    let v: string | undefined;
    if (a === '--lang') v = argv[i + 1];
    else if (a.startsWith('--lang=')) v = a.slice('--lang='.length);
    if (v === 'en' || v === 'id') lang = v;
  }
  return lang;
}
