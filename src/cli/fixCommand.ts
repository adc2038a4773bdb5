/**
 * `lakip fix` as a command: its options, help and usage checks. The fixer itself
 * (reader, engine, patcher) is loaded only when the command runs.
 */
import type { Command } from 'commander';
import type { Lang } from '../core/findings';
import { FORMATS, LANGS, messages, type Format } from './messages';
import { MARKER_HELP, SCALE_HELP, scaleOptionProblem } from './scaleOption';
import { FixUsageError } from './usageErrors';

const FIX_HELP_AFTER = `
Contoh (examples):
  lakip fix laporan-2021.xlsx --out laporan-2021-perbaikan.xlsx
  lakip fix laporan-2021.xlsx --dry-run
  lakip fix laporan-2021.xlsx --dry-run --format json > perbaikan.json
  lakip fix laporan-2021.xlsm --out laporan-2021-perbaikan.xlsm --include-judgement
  lakip fix laporan-2021.xlsx --in-place

Hanya sel yang diperbaiki yang berubah; bagian lain berkas (grafik, tabel pivot, gambar,
format bersyarat, validasi data, nama, komentar, makro .xlsm, gaya) tetap sama persis.
Perbaikan mekanis (angka tersimpan sebagai teks, #DIV/0! menjadi "Kewenangan Pusat",
total dan persentase) ditulis; perbaikan yang mengubah angka data yang diketik perlu
keputusan kantor dan hanya ditulis dengan --include-judgement. Temuan yang diabaikan
(daftar Abaikan di buku kerja) tidak diperbaiki. Excel menghitung ulang rumus saat
berkas dibuka.
(Only the fixed cells change; every other part of the file (charts, pivot tables,
pictures, conditional formats, data validation, names, comments, .xlsm macros, styles)
stays exactly as it was. Mechanical fixes (numbers stored as text, #DIV/0! to
"Kewenangan Pusat", totals and percentages) are written; fixes that change a typed data
figure need the office's judgement and are written only with --include-judgement.
Findings on the workbook's ignore list are not fixed. Excel recalculates the formulas
when the file is opened.)

Kode keluar (exit codes):
  0   perbaikan ditulis, atau ditampilkan dengan --dry-run (fixes written, or shown)
  1   berkas ditulis, tetapi sebagian perbaikan tidak dapat ditulis dengan aman dan
      dilewati (written, but some fixes could not be written safely and were skipped)
  2   berkas .xlsx tidak dapat dibaca (the workbook could not be read)
  64  kesalahan penggunaan (usage error), mis. --out tidak disebutkan atau sama dengan
      berkas masukan (e.g. no --out, or --out names the input file)
  70  berkas hasil tidak terbaca kembali seperti direncanakan; tidak ada yang ditulis
      (the fixed file did not read back as planned; nothing written)
  73  berkas hasil tidak dapat ditulis (the output could not be written)
`;

export interface FixCommandContext {
  argvLang: Lang;
  out(s: string): void;
  err(s: string): void;
  setExitCode(code: number): void;
}

function choice<T extends string>(lang: Lang, option: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = String(value);
  if (!(allowed as readonly string[]).includes(v)) throw new FixUsageError(messages(lang).badChoice(option, v, allowed));
  return v as T;
}

export function registerFix(program: Command, ctx: FixCommandContext): void {
  program
    .command('fix')
    .description(
      'Tulis perbaikan mekanis ke salinan berkas .xlsx/.xlsm; hanya sel yang diperbaiki yang berubah.\n' +
        '(Write the mechanical fixes into a copy of the .xlsx/.xlsm file; only the fixed cells change.)',
    )
    .usage('<berkas> [opsi]')
    .argument('[berkas]', 'berkas .xlsx atau .xlsm (the .xlsx or .xlsm workbook)')
    .option('--out <berkas>', 'berkas hasil, mis. laporan-perbaikan.xlsx (the fixed file to write)')
    .option('--in-place', 'timpa berkas asli, lewat berkas sementara di folder yang sama (overwrite the original, through a temporary file)')
    .option('--dry-run', 'tampilkan perbaikan tanpa menulis apa pun (show the fixes, write nothing)')
    .option('--include-judgement', 'sertakan perbaikan yang mengubah angka data yang diketik (include fixes that change typed data figures)')
    .option('--format <format>', 'bentuk keluaran: text atau json; bawaan text (output format: text or json; default text)')
    .option('--lang <lang>', 'bahasa pesan: id atau en; bawaan id (message language: id or en; default id)')
    .option('--scale <skala>', SCALE_HELP)
    .option('--marker <teks>', MARKER_HELP)
    .addHelpText('after', FIX_HELP_AFTER)
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const lang = choice<Lang>(ctx.argvLang, '--lang', opts.lang, LANGS) ?? 'id';
      const format = choice<Format>(lang, '--format', opts.format, FORMATS) ?? 'text';
      const badScale = scaleOptionProblem(opts.scale, lang);
      if (badScale) throw new FixUsageError(badScale);
      const scale = typeof opts.scale === 'string' ? opts.scale.trim() : undefined;
      const { runFix } = await import('./fix');
      const code = await runFix(
        file,
        {
          lang,
          format,
          out: typeof opts.out === 'string' ? opts.out : undefined,
          inPlace: opts.inPlace === true,
          dryRun: opts.dryRun === true,
          includeJudgement: opts.includeJudgement === true,
          scale,
          marker: typeof opts.marker === 'string' ? opts.marker : undefined,
        },
        { write: ctx.out, writeErr: ctx.err },
      );
      ctx.setExitCode(code);
    });
}
