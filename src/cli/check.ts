/**
 * `lakip check`: expands the arguments into files, reads and checks them one at a
 * time (so memory stays flat for large batches), streams each file's report and
 * ends with a summary.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../core/analyze';
import type { Lang, Severity } from '../core/findings';
import { planFixes } from '../core/fixes/plan';
import { fixableFindings, IgnoreList, partitionIgnored } from '../core/ignore';
import type { AnalyzeOptions } from '../core/model';
import type { NarrativeSource } from '../core/narrative/types';
import { isNarrativeReadError, narrativeErrorMessage, readNarrativeFile } from '../io/readNarrative';
import { readWorkbookFile } from '../xlsx/readWorkbook';
import { readErrorMessage } from '../xlsx/errors';
import { JsonWriter } from './formatJson';
import { formatFileText, formatNarrativeFailureText, formatSummaryText, makeStyle } from './formatText';
import { messages, type CliMessages, type FailOn, type Format, type SummaryCounts } from './messages';
import { Progress } from './progress';
import type { FileResult, NarrativeResult } from './result';
import { isWorkbookReadError, namingFile } from './readErrors';

export interface CheckOptions {
  format: Format;
  lang: Lang;
  scale?: string;
  marker?: string;
  failOn?: FailOn;
  /** Narrative files (.docx/.txt) from --narrative, checked against every workbook. */
  narratives?: string[];
  /** Text format: list unchecked narrative figures in full. */
  verbose?: boolean;
  /** List the findings the workbook's ignore list dismissed (text) or include them as `ignored` (JSON). */
  showIgnored?: boolean;
}

export interface CheckIO {
  write(s: string): void;
  writeErr(s: string): void;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  colour: boolean;
  columns?: number;
}

/** One entry to check: a file path, or a problem found while expanding the arguments. */
export type Input = { file: string; error?: { code: string; message: string } };

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_READ_FAILED = 2;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function detailOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** Workbook files a folder is searched for: those the readers open (.xml is left out: a folder holds other XML). */
function isWorkbookName(name: string): boolean {
  // '~$name.xlsx' are the lock files Excel leaves next to an open workbook.
  return /\.(xlsx|xlsm|xls|ods|fods)$/i.test(name) && !name.startsWith('~$');
}

/** Files named on the command line, with every folder replaced by the workbook files in it (sorted, not recursive). */
export function expandInputs(args: readonly string[], m: CliMessages): Input[] {
  const out: Input[] = [];
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined; // the reader reports missing files in its own words
    }
    if (!stat || !stat.isDirectory()) {
      out.push({ file: arg });
      continue;
    }
    let names: string[];
    try {
      names = fs
        .readdirSync(arg, { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && isWorkbookName(e.name))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (err) {
      out.push({ file: arg, error: { code: 'unreadable-directory', message: m.unreadableDirectory(arg, detailOf(err)) } });
      continue;
    }
    if (names.length === 0) {
      out.push({ file: arg, error: { code: 'empty-directory', message: m.emptyDirectory(arg) } });
      continue;
    }
    for (const name of names) out.push({ file: path.join(arg, name) });
  }
  return out;
}


/**
 * Reads the narrative files once (each path once, in the order given); the same
 * prose is then checked against every workbook. Never throws: a file that cannot
 * be read is reported and left out.
 */
export async function loadNarratives(
  paths: readonly string[],
  lang: Lang,
): Promise<{ sources: NarrativeSource[]; results: NarrativeResult[] }> {
  const m = messages(lang);
  const sources: NarrativeSource[] = [];
  const results: NarrativeResult[] = [];
  for (const file of [...new Set(paths)]) {
    try {
      const source = await readNarrativeFile(file);
      sources.push(source);
      results.push({ file, paragraphs: source.paragraphs.length });
    } catch (err) {
      const error = isNarrativeReadError(err)
        ? { code: err.code, message: namingFile(narrativeErrorMessage(err, lang), file) }
        : { code: 'read-failed', message: m.unexpectedNarrativeError(file, detailOf(err)) };
      results.push({ file, error });
    }
  }
  return { sources, results };
}

/** Reads and checks one file; never throws. */
export async function checkOne(input: Input, opts: CheckOptions, narratives: readonly NarrativeSource[] = []): Promise<FileResult> {
  const m = messages(opts.lang);
  const { file } = input;
  if (input.error) return { file, error: input.error, tables: [], findings: [] };

  let snapshot;
  try {
    snapshot = await readWorkbookFile(file);
  } catch (err) {
    const error = isWorkbookReadError(err)
      ? { code: String(err.code), message: namingFile(readErrorMessage(err, opts.lang), file) }
      : { code: 'read-failed', message: m.unexpectedReadError(file, detailOf(err)) };
    return { file, error, tables: [], findings: [] };
  }

  const analyzeOptions: AnalyzeOptions = { lang: opts.lang };
  if (opts.scale !== undefined) analyzeOptions.scale = opts.scale;
  if (opts.marker !== undefined) analyzeOptions.pusatMarker = opts.marker;
  if (narratives.length > 0) analyzeOptions.narratives = [...narratives];
  try {
    const report = analyzeWorkbook(snapshot, analyzeOptions);
    const ignoredEntries = snapshot.ignored ?? [];
    const list = new IgnoreList(ignoredEntries);
    const { shown, ignored } = partitionIgnored(report.findings, ignoredEntries);
    return {
      file,
      tables: report.tables.map((t) => ({
        sheet: t.sheet,
        range: t.range,
        kind: t.kind,
        confidence: t.confidence ?? 'high',
        lowConfidence: t.columns.filter((k) => k.confidence === 'low').map((k) => k.letter),
      })),
      findings: shown,
      fixes: planFixes(snapshot, fixableFindings(shown, ignoredEntries)).edits,
      ignored: ignored.map((finding) => ({ finding, entry: list.entryFor(finding) })),
    };
  } catch (err) {
    return { file, error: { code: 'analysis-failed', message: m.analysisFailed(file, detailOf(err)) }, tables: [], findings: [] };
  }
}

export async function runCheck(args: readonly string[], opts: CheckOptions, io: CheckIO): Promise<number> {
  const m = messages(opts.lang);
  const inputs = expandInputs(args, m);
  const progress = new Progress(io.writeErr, io.stderrTTY, io.columns);
  // A batch shows each file at once; one to three files only when one takes long.
  const showProgress = (text: string) => (inputs.length > 3 ? progress.update(text) : progress.updateAfter(text, 400));
  const style = makeStyle(opts.format === 'text' && io.colour);
  const json = opts.format === 'json' ? new JsonWriter(io.write, { showIgnored: opts.showIgnored }) : undefined;

  const counts: SummaryCounts = { filesRead: 0, filesFailed: 0, tables: 0, bySeverity: { error: 0, warning: 0, info: 0 } };
  let worst = -1;

  const narrative = opts.narratives?.length ? await loadNarratives(opts.narratives, opts.lang) : undefined;
  let narrativesFailed = 0;
  if (narrative) {
    for (const n of narrative.results) {
      if (!n.error) continue;
      narrativesFailed++;
      if (json) io.writeErr(`lakip: ${n.error.message} ${m.narrativeSkipped}\n`);
      else io.write(formatNarrativeFailureText(n, opts.lang, style));
    }
    counts.narratives = { read: narrative.results.length - narrativesFailed, failed: narrativesFailed };
  }

  json?.begin();
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    showProgress(m.progress(i + 1, inputs.length, path.basename(input.file)));
    const result = await checkOne(input, opts, narrative?.sources);

    if (result.error) counts.filesFailed++;
    else counts.filesRead++;
    counts.tables += result.tables.length;
    if (result.ignored?.length) counts.ignored = (counts.ignored ?? 0) + result.ignored.length;
    for (const f of result.findings) {
      if (f.severity in counts.bySeverity) counts.bySeverity[f.severity]++;
      worst = Math.max(worst, SEVERITY_RANK[f.severity] ?? -1);
    }

    progress.clear();
    if (json) {
      json.file(result);
      if (result.error) io.writeErr(`lakip: ${result.error.message}\n`);
    } else {
      io.write(formatFileText(result, opts.lang, style, { verbose: opts.verbose, showIgnored: opts.showIgnored }));
    }
  }
  progress.clear();
  json?.end(narrative?.results);

  if (json) io.writeErr(formatSummaryText(counts, opts.lang));
  else io.write(formatSummaryText(counts, opts.lang, style));

  if (counts.filesFailed > 0 || narrativesFailed > 0) return EXIT_READ_FAILED;
  if (opts.failOn && worst >= SEVERITY_RANK[opts.failOn]) return EXIT_FINDINGS;
  return EXIT_OK;
}
