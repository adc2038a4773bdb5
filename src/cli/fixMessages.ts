/** Every string `lakip fix` prints itself, in Bahasa Indonesia (default) and English. */
import type { Lang } from '../core/findings';

export interface FixMessages {
  noInput: string;
  noOutput: string;
  outIsInput(file: string): string;
  outAndInPlace: string;
  extensionMismatch(input: string, out: string): string;
  heading(file: string, dryRun: boolean): string;
  followUp: string;
  formatChange(before: string, after: string): string;
  judgementTag: string;
  nothingToFix: string;
  skippedHeading(n: number): string;
  plannerSkipped(n: number): string;
  summary(c: { written: number; judgementLeft: number; skipped: number; out?: string; dryRun: boolean; inPlace: boolean }): string;
  copiedUnchanged(out: string): string;
  cantWrite(out: string, detail: string): string;
  notVerified(file: string, detail: string): string;
}

const id: FixMessages = {
  noInput: 'tidak ada berkas yang disebutkan. Contoh: lakip fix laporan.xlsx --out laporan-perbaikan.xlsx',
  noOutput:
    'sebutkan berkas hasil dengan --out (mis. --out laporan-perbaikan.xlsx), atau --in-place untuk menimpa berkas asli, atau --dry-run untuk melihat perbaikannya saja.',
  outIsInput: (file) => `--out menunjuk ke berkas masukan "${file}". Berkas asli tidak pernah ditimpa kecuali dengan --in-place; pilih nama lain untuk --out.`,
  outAndInPlace: '--out dan --in-place tidak dapat dipakai bersama; pilih salah satu.',
  extensionMismatch: (input, out) =>
    `berkas hasil harus berekstensi ${input} seperti berkas masukan (bukan ${out}); Excel menolak membuka buku kerja dengan ekstensi yang tidak sesuai isinya.`,
  heading: (file, dryRun) => (dryRun ? `== ${file} (uji coba: tidak ada yang ditulis) ==` : `== ${file} ==`),
  followUp: 'menyesuaikan dengan perbaikan lain',
  formatChange: (before, after) => `format ${before} → ${after}`,
  judgementTag: '[keputusan]',
  nothingToFix: 'Tidak ada yang perlu diperbaiki secara mekanis.',
  skippedHeading: (n) => `Tidak ditulis (${n}):`,
  plannerSkipped: (n) => `${n} temuan yang memiliki perbaikan tidak direncanakan (mis. dua perbaikan pada satu sel); jalankan lakip check untuk melihatnya.`,
  summary: (c) =>
    `Ringkasan: ${c.written} perbaikan ${c.dryRun ? 'akan ditulis' : c.inPlace ? 'ditulis ke berkas asli' : `ditulis ke "${c.out}"`}` +
    (c.skipped ? `; ${c.skipped} tidak dapat ditulis dengan aman` : '') +
    (c.judgementLeft
      ? `; ${c.judgementLeft} perbaikan yang perlu keputusan kantor (mengubah angka data yang diketik) tidak disertakan — tambahkan --include-judgement untuk menyertakannya.`
      : '.'),
  copiedUnchanged: (out) => `Tidak ada yang diubah; "${out}" adalah salinan persis berkas asli.`,
  cantWrite: (out, detail) => `Berkas "${out}" tidak dapat ditulis (${detail}). Periksa folder dan izin aksesnya, atau tutup berkas itu di Excel, lalu coba lagi. Berkas asli tidak diubah.`,
  notVerified: (file, detail) =>
    `Perbaikan "${file}" dibatalkan: berkas hasil tidak terbaca kembali persis seperti yang direncanakan (${detail}). Tidak ada yang ditulis. Laporkan masalah ini beserta berkasnya kepada pengembang.`,
};

const en: FixMessages = {
  noInput: 'no file given. Example: lakip fix report.xlsx --out report-fixed.xlsx',
  noOutput: 'name the file to write with --out (e.g. --out report-fixed.xlsx), or use --in-place to overwrite the original, or --dry-run to only see the fixes.',
  outIsInput: (file) => `--out names the input file "${file}". The original is never overwritten except with --in-place; choose another name for --out.`,
  outAndInPlace: '--out and --in-place cannot be used together; choose one.',
  extensionMismatch: (input, out) =>
    `the file written must have the extension ${input}, like the input (not ${out}); Excel refuses to open a workbook whose extension does not match its content.`,
  heading: (file, dryRun) => (dryRun ? `== ${file} (dry run: nothing written) ==` : `== ${file} ==`),
  followUp: 'follows from the other fixes',
  formatChange: (before, after) => `format ${before} → ${after}`,
  judgementTag: '[judgement]',
  nothingToFix: 'Nothing to fix mechanically.',
  skippedHeading: (n) => `Not written (${n}):`,
  plannerSkipped: (n) => `${n} ${n === 1 ? 'finding' : 'findings'} with a fix could not be planned (e.g. two fixes on one cell); run lakip check to see them.`,
  summary: (c) =>
    `Summary: ${c.written} ${c.written === 1 ? 'fix' : 'fixes'} ${c.dryRun ? 'would be written' : c.inPlace ? 'written to the original file' : `written to "${c.out}"`}` +
    (c.skipped ? `; ${c.skipped} could not be written safely` : '') +
    (c.judgementLeft
      ? `; ${c.judgementLeft} ${c.judgementLeft === 1 ? 'fix that needs' : 'fixes that need'} the office's judgement (changing a typed data figure) left out — add --include-judgement to include them.`
      : '.'),
  copiedUnchanged: (out) => `Nothing changed; "${out}" is an exact copy of the original.`,
  cantWrite: (out, detail) => `The file "${out}" could not be written (${detail}). Check the folder and its permissions, or close the file in Excel, and try again. The original was not changed.`,
  notVerified: (file, detail) =>
    `Fixing "${file}" was stopped: the fixed file did not read back exactly as planned (${detail}). Nothing was written. Please report this, with the file, to the developers.`,
};

export function fixMessages(lang: Lang): FixMessages {
  return lang === 'en' ? en : id;
}
