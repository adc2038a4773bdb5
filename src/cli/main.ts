/**
 * `lakip` command line. `run()` is what bin/lakip.js calls, and what the tests call
 * in-process with captured output. It never calls process.exit: it returns the exit code.
 *
 * Exit codes (check): 0 all files read (whatever they contain); 1 findings at or above
 * --fail-on; 2 some file (workbook or --narrative file) could not be read (the
 * others are still reported);
 * 64 usage error; 70 unexpected program error.
 * `tables` adds 65 (no report table recognised) and 73 (an output could not be
 * written); see ./tables.ts. `fix` has its own (1: some fixes skipped); see ./fix.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError } from 'commander';
import type { Lang } from '../core/findings';
import { registerFix } from './fixCommand';
import { FixUsageError, TablesUsageError } from './usageErrors';
import { FAIL_ON_HELP, FAIL_ON_WORDS, failOnFrom } from './failOn';
import { MARKER_HELP, SCALE_HELP, scaleOptionProblem } from './scaleOption';
import { FORMATS, LANGS, langFromArgv, messages, type CliMessages, type Format } from './messages';

export const EXIT_USAGE = 64;
export const EXIT_INTERNAL = 70;

export interface Writer {
  write(s: string): unknown;
}

export interface CliIO {
  stdout: Writer;
  stderr: Writer;
  /** true/false for both streams, or per stream. */
  isTTY: boolean | { stdout?: boolean; stderr?: boolean };
  /** Environment used for NO_COLOR; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Terminal width for the progress line. */
  columns?: number;
}

class UsageError extends Error {}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const TITLES: Record<string, string> = {
  'Usage:': 'Cara pakai (usage):',
  'Options:': 'Opsi (options):',
  'Commands:': 'Perintah (commands):',
  'Arguments:': 'Argumen (arguments):',
  'Global Options:': 'Opsi umum (global options):',
};

const CHECK_HELP_AFTER = `
Contoh (examples):
  lakip check laporan-2021.xlsx
  lakip check folder-lakip/ --format json > hasil.json
  lakip check *.xlsx --lang en --fail-on error
  lakip check laporan-2021.xlsx --narrative laporan-2021.docx
  lakip check laporan-2021.xlsx --narrative bab3.txt --narrative bab4.txt --verbose

Narasi (narrative):
  --narrative memeriksa apakah angka dalam uraian laporan (.docx atau .txt) sama
  dengan tabelnya. Dengan beberapa berkas .xlsx, berkas narasi yang sama dipakai
  untuk setiap buku kerja. Berkas narasi yang tidak dapat dibaca dilaporkan (kode
  keluar 2) dan buku kerja tetap diperiksa tanpanya.
  (--narrative checks that the figures in the report's prose agree with its tables.
  With several .xlsx files, the same narrative files apply to each workbook. A
  narrative file that cannot be read is reported (exit code 2) and the workbooks
  are still checked without it.)

Kode keluar (exit codes):
  0   semua berkas terbaca (all files read), apa pun isinya
  1   ada temuan setingkat --fail-on atau lebih berat (findings at or above --fail-on)
  2   ada berkas (buku kerja atau narasi) yang tidak dapat dibaca
      (some file, workbook or narrative, could not be read)
  64  kesalahan penggunaan (usage error)
`;

const TABLES_HELP_AFTER = `
Contoh (examples):
  lakip tables laporan-2021.xlsx --out tabel-lakip.docx
  lakip tables laporan-2021.xlsx --out tabel-lakip.docx --html tabel-lakip.html
  lakip tables laporan-2021.xlsx --html tabel-lakip.html --scale rkpd-5
  lakip tables laporan-2021.xlsx --out tabel-lakip.docx --with-fixes

Tabel disusun seperti di buku kerja: nilai yang ditandai pemeriksaan tetap seperti
tertulis, dan catatan di bawah tabel menyebut sel-selnya. Dengan --with-fixes, perbaikan
mekanis (angka tersimpan sebagai teks, "Kewenangan Pusat", total dan persentase) diterapkan
lebih dulu, tidak pernah perbaikan yang perlu keputusan kantor, dan catatan di bawah tabel
menyebut setiap nilai yang berbeda dari buku kerja. Tabel yang dikenali dengan keyakinan
rendah dilewati dengan peringatan, kecuali dengan --include-low-confidence (tetap ditulis,
dengan peringatan). Berkas .xlsx tidak diubah. Dokumen Word: A4, Arial, baris judul tabel
berulang di setiap halaman. Halaman HTML dapat dibuka di peramban lalu disalin ke Word.
(Tables are built as in the workbook: values the check flags stay as typed, and a note
under the table names their cells. With --with-fixes the mechanical fixes (numbers stored
as text, "Kewenangan Pusat", totals and percentages) are applied first, never a fix that
needs the office's judgement, and a note under the table lists every value that differs
from the workbook. Tables recognised with low confidence are skipped with a warning unless
--include-low-confidence (then written, with the warning). The .xlsx file is not changed.
Word document: A4, Arial, table header rows repeat on every page. The HTML page can be
opened in a browser and copied into Word.)

Kode keluar (exit codes):
  0   tabel ditulis (tables written)
  2   berkas .xlsx tidak dapat dibaca (the workbook could not be read)
  64  kesalahan penggunaan (usage error), mis. --out/--html tidak disebutkan atau sama
      dengan berkas masukan (e.g. no --out/--html, or one names the input file)
  65  tidak ada tabel laporan yang dikenali, atau semuanya berkeyakinan rendah dan
      dilewati; tidak ada yang ditulis (no report table recognised, or only
      low-confidence ones, skipped; nothing written)
  73  berkas keluaran tidak dapat ditulis (an output file could not be written)
`;

function pickChoice<T extends string>(m: CliMessages, option: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = String(value);
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(m.badChoice(option, v, allowed));
  return v as T;
}

function commanderMessage(m: CliMessages, err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(err.message)?.[1];
  switch (err.code) {
    case 'commander.unknownOption':
      return m.unknownOption(quoted, suggestion);
    case 'commander.unknownCommand':
      return m.unknownCommand(quoted, suggestion);
    case 'commander.optionMissingArgument':
      return m.optionMissingArgument(quoted.split(/[ ,]/).find((s) => s.startsWith('--')) ?? quoted);
    case 'commander.excessArguments':
      return m.tooManyArguments;
    case 'commander.help':
      return m.noCommand;
    default:
      return err.message.replace(/^error: /, '');
  }
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const out = (s: string): void => void io.stdout.write(s);
  const err = (s: string): void => void io.stderr.write(s);
  const tty = typeof io.isTTY === 'boolean' ? { stdout: io.isTTY, stderr: io.isTTY } : io.isTTY;
  const env = io.env ?? process.env;
  const argvLang: Lang = langFromArgv(argv);
  let exitCode = 0;

  const program = new Command();
  program
    .name('lakip')
    .description(
      'Pemeriksa tabel laporan LAKIP/LKjIP dalam berkas Excel (.xlsx).\n' +
        '(Checks the tables of LAKIP/LKjIP reports kept in Excel workbooks.)',
    )
    .version(packageVersion(), '-V, --version', 'tampilkan versi (show the version)')
    .helpOption('-h, --help', 'tampilkan bantuan (show help)')
    .helpCommand('help [perintah]', 'tampilkan bantuan perintah (show help for a command)')
    .configureOutput({ writeOut: out, writeErr: err, outputError: () => undefined })
    .configureHelp({ styleTitle: (s: string) => TITLES[s] ?? s })
    .exitOverride()
    .showSuggestionAfterError(true);

  program
    .command('check')
    .description(
      'Periksa satu atau banyak berkas .xlsx (atau semua .xlsx dalam folder).\n' +
        '(Check one or many .xlsx files, or every .xlsx in a folder.)',
    )
    .argument('[berkas...]', 'berkas .xlsx atau folder (.xlsx files or folders)')
    .option('--format <format>', 'bentuk keluaran: text atau json; bawaan text (output format: text or json; default text)')
    .option('--lang <lang>', 'bahasa laporan: id atau en; bawaan id (report language: id or en; default id)')
    .option('--scale <skala>', SCALE_HELP)
    .option('--marker <teks>', MARKER_HELP)
    .option('--fail-on <tingkat>', FAIL_ON_HELP)
    .option(
      '--narrative <berkas>',
      'berkas narasi laporan (.docx atau .txt) yang angkanya dicocokkan dengan tabel; boleh diulang; ' +
        'dipakai untuk setiap buku kerja (report prose to check against the tables; repeatable; applies to every workbook)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option(
      '--verbose',
      'tampilkan lengkap angka narasi yang tidak dapat diperiksa (list the narrative figures that could not be checked in full)',
    )
    .option(
      '--show-ignored',
      'tampilkan juga temuan yang diabaikan menurut daftar abaikan buku kerja (Abaikan di panel) ' +
        '(also list the findings dismissed by the workbook\'s ignore list)',
    )
    .addHelpText('after', CHECK_HELP_AFTER)
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const m = messages(argvLang);
      const format = pickChoice<Format>(m, '--format', opts.format, FORMATS) ?? 'text';
      const lang = pickChoice<Lang>(m, '--lang', opts.lang, LANGS) ?? 'id';
      const badScale = scaleOptionProblem(opts.scale, argvLang);
      if (badScale) throw new UsageError(badScale);
      const scale = typeof opts.scale === 'string' ? opts.scale.trim() : undefined;
      const failOn = opts.failOn === undefined ? undefined : failOnFrom(String(opts.failOn));
      if (opts.failOn !== undefined && !failOn) throw new UsageError(m.badChoice('--fail-on', String(opts.failOn), FAIL_ON_WORDS));
      if (!files || files.length === 0) throw new UsageError(m.noFiles);
      const marker = typeof opts.marker === 'string' ? opts.marker : undefined;
      const narratives = Array.isArray(opts.narrative) ? opts.narrative.map(String) : undefined;
      const verbose = opts.verbose === true;
      const showIgnored = opts.showIgnored === true;
      // The reader and the engine load only for a command that needs them: --help and --version stay quick.
      const { runCheck } = await import('./check');
      exitCode = await runCheck(
        files,
        { format, lang, scale, marker, failOn, narratives, verbose, showIgnored },
        {
          write: out,
          writeErr: err,
          stdoutTTY: !!tty.stdout,
          stderrTTY: !!tty.stderr,
          colour: !!tty.stdout && env.NO_COLOR === undefined,
          columns: io.columns,
        },
      );
    });

  program
    .command('tables')
    .description(
      'Tulis tabel laporan ke dokumen Word (.docx) dan/atau halaman HTML, seperti di buku kerja atau dengan perbaikan yang diterima.\n' +
        '(Write the report tables to a Word document (.docx) and/or an HTML page, as in the workbook or with the accepted fixes.)',
    )
    // Required, as the usage line says; a missing file is still reported by runTables, in the user's language.
    .usage('<berkas> [opsi]')
    .argument('[berkas]', 'berkas .xlsx (the .xlsx workbook)')
    .option('--out <berkas.docx>', 'dokumen Word yang ditulis, mis. tabel-lakip.docx (Word document to write)')
    .option('--html <berkas.html>', 'halaman HTML yang ditulis, mis. tabel-lakip.html (HTML page to write)')
    .option('--lang <lang>', 'bahasa pesan: id atau en; bawaan id (message language: id or en; default id)')
    .option('--scale <skala>', SCALE_HELP)
    .option('--marker <teks>', MARKER_HELP)
    .option(
      '--with-fixes',
      'susun tabel dengan perbaikan mekanis yang diterima, dengan catatan nilai yang berbeda dari buku kerja ' +
        '(build the tables with the accepted mechanical fixes, noting every value that differs from the workbook)',
    )
    .option(
      '--include-low-confidence',
      'tulis juga tabel yang dikenali dengan keyakinan rendah (tetap dengan peringatan); bawaan: dilewati ' +
        '(also write tables recognised with low confidence, still with a warning; default: skipped)',
    )
    .addHelpText('after', TABLES_HELP_AFTER)
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const m = messages(argvLang);
      const lang = pickChoice<Lang>(m, '--lang', opts.lang, LANGS) ?? 'id';
      const badScale = scaleOptionProblem(opts.scale, argvLang);
      if (badScale) throw new UsageError(badScale);
      const scale = typeof opts.scale === 'string' ? opts.scale.trim() : undefined;
      try {
        const { runTables } = await import('./tables');
        exitCode = await runTables(
          file,
          {
            lang,
            out: typeof opts.out === 'string' ? opts.out : undefined,
            html: typeof opts.html === 'string' ? opts.html : undefined,
            scale,
            marker: typeof opts.marker === 'string' ? opts.marker : undefined,
            withFixes: opts.withFixes === true,
            includeLowConfidence: opts.includeLowConfidence === true,
          },
          { write: out, writeErr: err },
        );
      } catch (e) {
        if (e instanceof TablesUsageError) throw new UsageError(e.message);
        throw e;
      }
    });

  registerFix(program, { argvLang, out, err, setExitCode: (code: number) => (exitCode = code) });

  const usageHint = (m: CliMessages): string => {
    const command = argv.find((a) => a === 'check' || a === 'tables' || a === 'fix');
    return m.usageHint(command ? `${command} ` : '');
  };

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    const m = messages(argvLang);
    if (e instanceof UsageError || e instanceof FixUsageError) {
      err(`${m.usagePrefix} ${e.message}\n${usageHint(m)}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CommanderError) {
      // 'commander.help' is also used by `lakip help [command]` (exit code 0); with a
      // non-zero exit code it is the help printed on stderr because no command was given.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help' && e.exitCode === 0) return 0;
      err(`${m.usagePrefix} ${commanderMessage(m, e)}\n${usageHint(m)}\n`);
      return EXIT_USAGE;
    }
    err(messages(argvLang).internalError(e instanceof Error ? e.stack ?? e.message : String(e)) + '\n');
    return EXIT_INTERNAL;
  }
}
