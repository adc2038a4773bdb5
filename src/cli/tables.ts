/**
 * `lakip tables`: reads one workbook, rebuilds its report tables and writes them as
 * a Word document (--out) and/or an HTML page (--html), then lists the tables written.
 * As the workbook is by default (a value the check flags stays as typed, and a note
 * under the table says so); --with-fixes applies the mechanical fixes first and
 * notes every value that then differs from the workbook. A table recognised with low
 * confidence is skipped with a warning unless --include-low-confidence.
 *
 * Exit codes: 0 written; 2 the workbook could not be read (same messages as
 * `check`); 64 usage error (no output named, an output that is the input file, ...);
 * 65 no report table to write (none recognised, or only low-confidence ones skipped;
 * nothing written); 73 an output file could not be written; 70 unexpected program error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { samePath } from './samePath';
import { TablesUsageError } from './usageErrors';
import type { Lang } from '../core/findings';
import { buildTableSpecs, type TableBuildOptions } from '../core/tables/build';
import { tablesToHtmlDocument } from '../core/tables/html';
import type { TableSpec } from '../core/tables/types';
import { tablesToDocx } from '../io/tablesDocx';
import { readWorkbookFile } from '../xlsx/readWorkbook';
import { readErrorMessage } from '../xlsx/errors';
import { isWorkbookReadError, namingFile } from './readErrors';

export const EXIT_TABLES_OK = 0;
export const EXIT_TABLES_READ_FAILED = 2;
export const EXIT_NO_TABLES = 65;
export const EXIT_INTERNAL_TABLES = 70;
export const EXIT_CANT_WRITE = 73;

export interface TablesOptions {
  lang: Lang;
  /** .docx to write. */
  out?: string;
  /** .html to write. */
  html?: string;
  scale?: string;
  marker?: string;
  /** Build after the accepted (mechanical) fixes, noting every value that differs from the workbook. */
  withFixes?: boolean;
  /** Write tables recognised with low confidence too (with a warning) instead of skipping them. */
  includeLowConfidence?: boolean;
}

export interface TablesIO {
  write(s: string): void;
  writeErr(s: string): void;
}

export { TablesUsageError };

interface TablesMessages {
  noInput: string;
  noOutput: string;
  sameAsInput(option: string, file: string): string;
  sameOutputs(file: string): string;
  wrongExtension(option: string, file: string, ext: string): string;
  unexpectedReadError(file: string, detail: string): string;
  buildFailed(file: string, detail: string): string;
  noTables(file: string): string;
  allLowConfidence(file: string): string;
  /** A low-confidence table: skipped, or written because --include-low-confidence. */
  lowConfidence(title: string, where: string, columns: string[], written: boolean): string;
  written(n: number, withFixes: boolean): string;
  /** One table in the list: 'Tabel 3.2 Realisasi ... (belanja, 37 baris)'. */
  tableLine(title: string, kind: string, rows: number): string;
  /** What the table's notes say, after its line: values changed by the fixes, values the check flags. */
  tableTruth(differences: number, flagged: number): string;
  wroteFile(kind: 'docx' | 'html', file: string): string;
  cannotWrite(file: string, reason: string): string;
  reason(code: string | undefined, detail: string): string;
}

const ID: TablesMessages = {
  noInput: 'berkas .xlsx belum disebutkan. Contoh: lakip tables laporan.xlsx --out tabel-lakip.docx',
  noOutput:
    'sebutkan berkas keluaran dengan --out (Word .docx) dan/atau --html. Contoh: lakip tables laporan.xlsx --out tabel-lakip.docx',
  sameAsInput: (option, file) => `${option} "${file}" adalah berkas masukan itu sendiri; berkas masukan tidak akan ditimpa. Pilih nama lain.`,
  sameOutputs: (file) => `--out dan --html menunjuk berkas yang sama ("${file}"). Pilih dua nama berbeda.`,
  wrongExtension: (option, file, ext) => `${option} "${file}" harus berakhiran ${ext}.`,
  unexpectedReadError: (file, detail) =>
    `Berkas "${file}" tidak dapat dibaca (${detail}). Buka berkas itu di Excel, simpan ulang sebagai ` +
    `"Excel Workbook (*.xlsx)", lalu coba lagi.`,
  buildFailed: (file, detail) =>
    `Tabel dari berkas "${file}" tidak dapat disusun karena kesalahan program (${detail}). ` +
    `Laporkan masalah ini beserta berkasnya kepada pengembang.`,
  noTables: (file) =>
    `Tidak ada tabel laporan (capaian, anggaran, PMKS, SPM, belanja) yang dikenali di "${file}"; tidak ada berkas yang ditulis. ` +
    `Jalankan "lakip check ${file}" untuk melihat tabel yang dikenali.`,
  allLowConfidence: (file) =>
    `Semua tabel laporan di "${file}" dikenali dengan keyakinan rendah dan dilewati; tidak ada berkas yang ditulis. ` +
    `Periksa tabelnya dengan "lakip check ${file}", atau tambahkan --include-low-confidence untuk tetap menulisnya.`,
  lowConfidence: (title, where, columns, written) =>
    `peringatan: tabel "${title}" (${where}) dikenali dengan keyakinan rendah` +
    (columns.length ? ` (kolom ${columns.map((c) => `"${c}"`).join(', ')} dibaca dari isinya saja)` : ' (judul kolomnya tidak dikenal)') +
    (written
      ? '; tetap ditulis karena --include-low-confidence: periksa isinya sebelum dipakai.'
      : '; tabel ini tidak ditulis. Periksa tabelnya, atau tambahkan --include-low-confidence untuk tetap menulisnya.'),
  written: (n, withFixes) => (withFixes ? `Tabel yang ditulis dengan perbaikan yang diterima (${n}):` : `Tabel yang ditulis seperti di buku kerja (${n}):`),
  tableLine: (title, kind, rows) => `${title} (${kind}, ${rows} baris)`,
  tableTruth: (differences, flagged) =>
    [differences ? `${differences} nilai berbeda dari buku kerja` : '', flagged ? `${flagged} nilai ditandai pemeriksaan` : ''].filter(Boolean).join(', '),
  wroteFile: (kind, file) => (kind === 'docx' ? `Dokumen Word: ${file}` : `Halaman HTML: ${file}`),
  cannotWrite: (file, reason) => `Berkas "${file}" tidak dapat ditulis: ${reason}`,
  reason: (code, detail) => {
    switch (code) {
      case 'ENOENT':
        return 'foldernya tidak ada. Buat foldernya dulu atau pilih folder lain.';
      case 'EACCES':
      case 'EPERM':
      case 'EBUSY':
        return 'tidak ada izin menulis, atau berkas itu sedang dibuka di program lain (misalnya Word). Tutup berkasnya atau pilih folder lain.';
      case 'EISDIR':
        return 'nama itu adalah sebuah folder. Sebutkan nama berkas, misalnya tabel-lakip.docx.';
      case 'ENOTDIR':
        return 'salah satu bagian jalurnya bukan folder.';
      case 'EROFS':
        return 'disknya hanya dapat dibaca.';
      case 'ENOSPC':
        return 'disknya penuh.';
      default:
        return `${detail}.`;
    }
  },
};

const EN: TablesMessages = {
  noInput: 'no .xlsx file given. Example: lakip tables report.xlsx --out tables.docx',
  noOutput: 'name an output with --out (Word .docx) and/or --html. Example: lakip tables report.xlsx --out tables.docx',
  sameAsInput: (option, file) => `${option} "${file}" is the input file itself; the input is never overwritten. Choose another name.`,
  sameOutputs: (file) => `--out and --html name the same file ("${file}"). Choose two different names.`,
  wrongExtension: (option, file, ext) => `${option} "${file}" must end in ${ext}.`,
  unexpectedReadError: (file, detail) =>
    `File "${file}" could not be read (${detail}). Open it in Excel, save it again as ` + `"Excel Workbook (*.xlsx)" and try again.`,
  buildFailed: (file, detail) =>
    `The tables of "${file}" could not be built because of a program error (${detail}). ` +
    `Please report this, with the file, to the developers.`,
  noTables: (file) =>
    `No report table (capaian, anggaran, PMKS, SPM, belanja) was recognised in "${file}"; nothing was written. ` +
    `Run "lakip check ${file}" to see which tables are recognised.`,
  allLowConfidence: (file) =>
    `Every report table in "${file}" was recognised with low confidence and skipped; nothing was written. ` +
    `Check them with "lakip check ${file}", or add --include-low-confidence to write them anyway.`,
  lowConfidence: (title, where, columns, written) =>
    `warning: table "${title}" (${where}) was recognised with low confidence` +
    (columns.length ? ` (column${columns.length === 1 ? '' : 's'} ${columns.map((c) => `"${c}"`).join(', ')} read from the cells alone)` : ' (its header words are not known)') +
    (written
      ? '; written because of --include-low-confidence: check it before use.'
      : '; it was not written. Check the table, or add --include-low-confidence to write it anyway.'),
  written: (n, withFixes) => (withFixes ? `Tables written with the accepted fixes (${n}):` : `Tables written as in the workbook (${n}):`),
  tableLine: (title, kind, rows) => `${title} (${kind}, ${rows} ${rows === 1 ? 'row' : 'rows'})`,
  tableTruth: (differences, flagged) =>
    [
      differences ? `${differences} ${differences === 1 ? 'value differs' : 'values differ'} from the workbook` : '',
      flagged ? `${flagged} ${flagged === 1 ? 'value' : 'values'} flagged by the check` : '',
    ]
      .filter(Boolean)
      .join(', '),
  wroteFile: (kind, file) => (kind === 'docx' ? `Word document: ${file}` : `HTML page: ${file}`),
  cannotWrite: (file, reason) => `Cannot write "${file}": ${reason}`,
  reason: (code, detail) => {
    switch (code) {
      case 'ENOENT':
        return 'its folder does not exist. Create the folder first or choose another one.';
      case 'EACCES':
      case 'EPERM':
      case 'EBUSY':
        return 'permission denied, or the file is open in another program (such as Word). Close it or choose another folder.';
      case 'EISDIR':
        return 'that name is a folder. Give a file name, such as tables.docx.';
      case 'ENOTDIR':
        return 'part of the path is not a folder.';
      case 'EROFS':
        return 'the disk is read-only.';
      case 'ENOSPC':
        return 'the disk is full.';
      default:
        return `${detail}.`;
    }
  },
};

export function tablesMessages(lang: Lang): TablesMessages {
  return lang === 'en' ? EN : ID;
}

function detailOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}


/** Checks the options before any reading; throws TablesUsageError. */
export function checkTablesArgs(file: string | undefined, opts: TablesOptions): void {
  const m = tablesMessages(opts.lang);
  if (!file) throw new TablesUsageError(m.noInput);
  if (!opts.out && !opts.html) throw new TablesUsageError(m.noOutput);
  for (const [option, out] of [
    ['--out', opts.out],
    ['--html', opts.html],
  ] as const) {
    if (out && samePath(out, file)) throw new TablesUsageError(m.sameAsInput(option, out));
  }
  if (opts.out && opts.html && samePath(opts.out, opts.html)) throw new TablesUsageError(m.sameOutputs(opts.out));
  if (opts.out && !/\.docx$/i.test(opts.out)) throw new TablesUsageError(m.wrongExtension('--out', opts.out, '.docx'));
  if (opts.html && !/\.html?$/i.test(opts.html)) throw new TablesUsageError(m.wrongExtension('--html', opts.html, '.html'));
}

/**
 * Writes through a temporary file in the same folder, then renames it over the
 * target: a failed write never leaves half a document behind.
 */
function writeFileSafely(file: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean
    }
    throw err;
  }
}

/** Name of a table for the summary: its first title line, with the next one when the first is only 'Tabel 3.2'. */
export function tableTitle(spec: TableSpec): string {
  const lines = spec.titleLines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let title = lines[0] ?? spec.id;
  if (lines.length > 1 && /^tabel\s+[\w.]+$/i.test(title)) title = `${title} ${lines[1]}`;
  return title.length > 90 ? title.slice(0, 89).trimEnd() + '…' : title;
}

export async function runTables(file: string | undefined, opts: TablesOptions, io: TablesIO): Promise<number> {
  checkTablesArgs(file, opts);
  const input = file!;
  const m = tablesMessages(opts.lang);

  let snapshot;
  try {
    snapshot = await readWorkbookFile(input);
  } catch (err) {
    const message = isWorkbookReadError(err) ? namingFile(readErrorMessage(err, opts.lang), input) : m.unexpectedReadError(input, detailOf(err));
    io.writeErr(`lakip: ${message}\n`);
    return EXIT_TABLES_READ_FAILED;
  }

  const analyzeOptions: TableBuildOptions = { lang: opts.lang };
  if (opts.scale !== undefined) analyzeOptions.scale = opts.scale;
  if (opts.marker !== undefined) analyzeOptions.pusatMarker = opts.marker;
  if (opts.withFixes) analyzeOptions.withFixes = true;
  let built: TableSpec[];
  try {
    built = buildTableSpecs(snapshot, analyzeOptions);
  } catch (err) {
    io.writeErr(`lakip: ${m.buildFailed(input, detailOf(err))}\n`);
    return EXIT_INTERNAL_TABLES;
  }
  if (built.length === 0) {
    io.writeErr(`lakip: ${m.noTables(input)}\n`);
    return EXIT_NO_TABLES;
  }
  // A table read with low confidence may have its columns wrong: never exported without saying so.
  for (const spec of built) {
    if (!spec.lowConfidence) continue;
    const where = `${spec.from.sheet}!${spec.from.range}`;
    io.writeErr(`lakip: ${m.lowConfidence(tableTitle(spec), where, spec.lowConfidence.columns, !!opts.includeLowConfidence)}\n`);
  }
  const specs = opts.includeLowConfidence ? built : built.filter((s) => !s.lowConfidence);
  if (specs.length === 0) {
    io.writeErr(`lakip: ${m.allLowConfidence(input)}\n`);
    return EXIT_NO_TABLES;
  }

  const outputs: { kind: 'docx' | 'html'; file: string; data: () => Promise<string | Uint8Array> }[] = [];
  if (opts.out) {
    const title = `Tabel LAKIP — ${path.basename(input).replace(/\.xlsx$/i, '')}`;
    outputs.push({ kind: 'docx', file: opts.out, data: () => tablesToDocx(specs, { title }) });
  }
  if (opts.html) outputs.push({ kind: 'html', file: opts.html, data: async () => tablesToHtmlDocument(specs, { lang: opts.lang }) });

  let failed = false;
  const written: typeof outputs = [];
  for (const o of outputs) {
    const data = await o.data();
    try {
      writeFileSafely(o.file, data);
      written.push(o);
    } catch (err) {
      failed = true;
      const code = (err as NodeJS.ErrnoException)?.code;
      io.writeErr(`lakip: ${m.cannotWrite(o.file, m.reason(code, detailOf(err)))}\n`);
    }
  }

  if (written.length > 0) {
    let text = `== ${input} ==\n  ${m.written(specs.length, !!opts.withFixes)}\n`;
    for (const spec of specs) {
      const truth = m.tableTruth(spec.differences?.length ?? 0, spec.flagged?.length ?? 0);
      text += `    - ${m.tableLine(tableTitle(spec), spec.kind, spec.bodyRows.length)}${truth ? `: ${truth}` : ''}\n`;
    }
    for (const o of written) text += `  ${m.wroteFile(o.kind, o.file)}\n`;
    io.write(text);
  }
  return failed ? EXIT_CANT_WRITE : EXIT_TABLES_OK;
}
