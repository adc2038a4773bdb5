/**
 * `lakip fix`: reads one workbook as `check` does, plans the fixes for what the check
 * finds (one converging plan, the mechanical fixes; judgement fixes only with
 * --include-judgement) and writes them into a copy of the file with patchCells, which
 * changes only the fixed cells. The input is never overwritten unless --in-place, and
 * then through a temporary file in the same folder renamed over it.
 *
 * Exit codes: 0 written (or, with --dry-run, shown); 1 written, but some fixes could
 * not be written safely and were left out (listed); 2 the workbook could not be read
 * (same messages as `check`); 64 usage error; 70 the fixed file did not read back as
 * planned (nothing written) or another program error; 73 the output could not be written.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../core/analyze';
import { contentOf } from '../core/fixes/byFinding';
import { planConverging } from '../core/fixes/converge';
import { findingsToFix } from '../core/fixes/select';
import type { CellEdit } from '../core/fixes/types';
import type { Finding, Lang } from '../core/findings';
import type { AnalyzeOptions } from '../core/model';
import type { WorkbookSnapshot } from '../core/snapshot';
import { fixNeedsXlsxMessage, legacyFormatOf, readErrorMessage } from '../xlsx/errors';
import { legacyKindOf } from '../xlsx/sniff';
import { patchCells, patchSkipMessage, PatchVerifyError, type PatchSkip } from '../xlsx/patchCells';
import { readWorkbookFile } from '../xlsx/readWorkbook';
import { fixMessages } from './fixMessages';
import { describeContent, describeFormat } from '../core/fixes/describe';
import { messages, type Format } from './messages';
import { isWorkbookReadError, namingFile } from './readErrors';
import { samePath } from './samePath';
import { FixUsageError } from './usageErrors';

export const EXIT_FIX_OK = 0;
export const EXIT_FIX_PARTIAL = 1;
export const EXIT_FIX_READ_FAILED = 2;
export const EXIT_FIX_USAGE = 64;
export const EXIT_FIX_INTERNAL = 70;
export const EXIT_FIX_CANT_WRITE = 73;

export interface FixOptions {
  lang: Lang;
  format: Format;
  out?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  includeJudgement?: boolean;
  scale?: string;
  marker?: string;
}

export interface FixIO {
  write(s: string): void;
  writeErr(s: string): void;
}

export { FixUsageError };

const PACKAGE_EXT = /\.(xlsx|xlsm)$/i;

/** Checks the options before any reading; throws FixUsageError. */
export function checkFixArgs(file: string | undefined, opts: FixOptions): asserts file is string {
  const m = fixMessages(opts.lang);
  if (!file) throw new FixUsageError(m.noInput);
  if (opts.out && opts.inPlace) throw new FixUsageError(m.outAndInPlace);
  if (!opts.out && !opts.inPlace && !opts.dryRun) throw new FixUsageError(m.noOutput);
  if (opts.out && samePath(file, opts.out)) throw new FixUsageError(m.outIsInput(file));
  const inExt = PACKAGE_EXT.exec(file)?.[1].toLowerCase();
  if (opts.out && inExt && path.extname(opts.out).slice(1).toLowerCase() !== inExt) {
    throw new FixUsageError(m.extensionMismatch(`.${inExt}`, path.extname(opts.out) || '""'));
  }
}

/** What `lakip fix` writes: the mechanical edits of the converging plan, and the judgement ones when asked. */
export function editsToWrite(snapshot: WorkbookSnapshot, findings: Finding[], options: AnalyzeOptions, includeJudgement: boolean) {
  const plan = planConverging(snapshot, findingsToFix(snapshot, findings), options);
  const edits = plan.edits.filter((e) => includeJudgement || !e.judgement);
  return { edits, judgementLeft: plan.edits.length - edits.length, plannerSkipped: plan.skipped.length };
}

function detailOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Written next to the target and renamed over it: a reader never sees half a file, and a failed write leaves the target as it was. */
async function writeAtomically(target: string, data: Uint8Array, mode?: number): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.lakip-${process.pid}-${Date.now()}.tmp`);
  try {
    await fsp.writeFile(tmp, data, { flag: 'wx', mode });
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

interface FileReport {
  file: string;
  out?: string;
  dryRun: boolean;
  edits: CellEdit[];
  skipped: PatchSkip[];
  judgementLeft: number;
  plannerSkipped: number;
  error?: { code: string; message: string };
}

function jsonEdit(e: CellEdit) {
  const o: Record<string, unknown> = {
    sheet: e.sheet,
    cell: e.address,
    before: contentOf(e.before),
    after: contentOf(e.after),
    kind: e.judgement ? 'judgement' : 'mechanical',
    code: e.finding.code,
  };
  if (e.before.numberFormat !== e.after.numberFormat) o.numberFormat = { before: e.before.numberFormat, after: e.after.numberFormat };
  return o;
}

function printJson(r: FileReport, lang: Lang, io: FixIO): void {
  const file: Record<string, unknown> = { file: r.file };
  if (r.error) file.error = r.error;
  else {
    if (r.out) file.out = r.out;
    file.dryRun = r.dryRun;
    file.edits = r.edits.map(jsonEdit);
    file.skipped = r.skipped.map((s) => ({ sheet: s.sheet, cell: s.address, code: s.code, reason: s.reason, message: patchSkipMessage(s, lang) }));
    file.judgementLeftOut = r.judgementLeft;
  }
  io.write(JSON.stringify({ files: [file] }, null, 2) + '\n');
}

function printText(r: FileReport, findings: Finding[], opts: FixOptions, io: FixIO): void {
  const m = fixMessages(opts.lang);
  io.write(m.heading(r.file, r.dryRun) + '\n');
  const reason = (e: CellEdit) => {
    const f = findings.find((x) => x.sheet === e.sheet && x.code === e.finding.code && (x.cell === e.finding.cell || x.group?.members.some((g) => g.cell === e.finding.cell)));
    return `(${e.finding.code}: ${f && !e.followUp ? f.message : m.followUp})`;
  };
  for (const e of r.edits) {
    const format = e.before.numberFormat !== e.after.numberFormat ? `  [${m.formatChange(describeFormat(e.before.numberFormat, opts.lang), describeFormat(e.after.numberFormat, opts.lang))}]` : '';
    const tag = e.judgement ? ` ${m.judgementTag}` : '';
    io.write(`  ${e.sheet}!${e.address}  ${describeContent(e.before, opts.lang)} → ${describeContent(e.after, opts.lang)}${format}${tag}  ${reason(e)}\n`);
  }
  if (r.edits.length === 0 && r.skipped.length === 0) io.write(`  ${m.nothingToFix}\n`);
  if (r.skipped.length > 0) {
    io.write(`  ${m.skippedHeading(r.skipped.length)}\n`);
    for (const s of r.skipped) io.write(`    ${patchSkipMessage(s, opts.lang)}\n`);
  }
  if (r.plannerSkipped > 0) io.write(`  ${m.plannerSkipped(r.plannerSkipped)}\n`);
  io.write(m.summary({ written: r.edits.length, judgementLeft: r.judgementLeft, skipped: r.skipped.length, out: r.out, dryRun: r.dryRun, inPlace: !!opts.inPlace && !r.dryRun }) + '\n');
}

export async function runFix(file: string | undefined, opts: FixOptions, io: FixIO): Promise<number> {
  checkFixArgs(file, opts);
  const m = fixMessages(opts.lang);
  const dryRun = !!opts.dryRun;
  const report: FileReport = { file, dryRun, edits: [], skipped: [], judgementLeft: 0, plannerSkipped: 0 };
  if (!dryRun && opts.out) report.out = opts.out;

  let snapshot: WorkbookSnapshot;
  let data: Uint8Array;
  try {
    snapshot = await readWorkbookFile(file);
    data = new Uint8Array(await fsp.readFile(file));
  } catch (err) {
    report.error = isWorkbookReadError(err)
      ? { code: String(err.code), message: namingFile(readErrorMessage(err, opts.lang), file) }
      : { code: 'read-failed', message: messages(opts.lang).unexpectedReadError(file, detailOf(err)) };
    if (opts.format === 'json') printJson(report, opts.lang, io);
    io.writeErr(`lakip: ${report.error.message}\n`);
    return EXIT_FIX_READ_FAILED;
  }

  // .xls, .ods and web exports are read, but fixes are written only into an .xlsx/.xlsm
  // package (every other part kept byte for byte): said plainly, with what to do.
  const legacy = legacyKindOf(data);
  if (legacy) {
    report.error = { code: 'needs-xlsx', message: fixNeedsXlsxMessage(file, legacyFormatOf(legacy, data), opts.lang) };
    if (opts.format === 'json') printJson(report, opts.lang, io);
    io.writeErr(`lakip: ${report.error.message}\n`);
    return EXIT_FIX_READ_FAILED;
  }

  const analyzeOptions: AnalyzeOptions = { lang: opts.lang };
  if (opts.scale !== undefined) analyzeOptions.scale = opts.scale;
  if (opts.marker !== undefined) analyzeOptions.pusatMarker = opts.marker;
  const findings = analyzeWorkbook(snapshot, analyzeOptions).findings;
  const planned = editsToWrite(snapshot, findings, analyzeOptions, !!opts.includeJudgement);
  report.judgementLeft = planned.judgementLeft;
  report.plannerSkipped = planned.plannerSkipped;

  let patched;
  try {
    patched = await patchCells(data, planned.edits, { snapshot, name: file });
  } catch (err) {
    if (err instanceof PatchVerifyError || isWorkbookReadError(err)) {
      io.writeErr(`lakip: ${m.notVerified(file, detailOf(err))}\n`);
      return EXIT_FIX_INTERNAL;
    }
    throw err;
  }
  report.edits = patched.written;
  report.skipped = patched.skipped;

  if (!dryRun) {
    const target = opts.inPlace ? file : opts.out!;
    const unchanged = patched.data === data;
    try {
      if (!(opts.inPlace && unchanged)) {
        const mode = opts.inPlace ? (await fsp.stat(file)).mode & 0o7777 : undefined;
        await writeAtomically(target, patched.data, mode);
      }
    } catch (err) {
      if (opts.format === 'json') printJson({ ...report, error: { code: 'cant-write', message: m.cantWrite(target, detailOf(err)) } }, opts.lang, io);
      io.writeErr(`lakip: ${m.cantWrite(target, detailOf(err))}\n`);
      return EXIT_FIX_CANT_WRITE;
    }
    if (unchanged && opts.out && opts.format !== 'json') io.write(`${m.copiedUnchanged(opts.out)}\n`);
  }

  if (opts.format === 'json') printJson(report, opts.lang, io);
  else printText(report, findings, opts, io);
  return report.skipped.length > 0 ? EXIT_FIX_PARTIAL : EXIT_FIX_OK;
}
