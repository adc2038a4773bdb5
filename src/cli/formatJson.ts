/**
 * JSON output: one object `{"files":[...]}` on stdout, written one file at a time
 * so a 500-file batch never holds every result in memory. Key order is part of the
 * contract and is fixed here: a finding's optional `related` and `source`
 * come after `actual`, then `repeatedIn`, `group`, `messageId`, `params` and `fix`.
 * A file's `ignoredCount` (findings the office dismissed) follows `findings` when
 * there are any; with --show-ignored, `ignored` lists them instead.
 */
import { contentOf, editsByFinding, editsFor } from '../core/fixes/byFinding';
import type { CellEdit } from '../core/fixes/types';
import type { Finding } from '../core/findings';
import type { FileResult, NarrativeResult } from './result';

export interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  table?: string;
  message: string;
  expected?: string;
  actual?: string;
  /** The table cell a narrative finding restates. */
  related?: { sheet: string; cell: string };
  /** Where the paragraph is, for prose read from a narrative file. */
  source?: { file: string; paragraph: number };
  /** For a wrong table figure: the prose that repeats it. */
  repeatedIn?: Finding['repeatedIn'];
  /** Many findings of one kind down one column, as one: every cell with its own fix. */
  group?: Finding['group'];
  messageId?: string;
  params?: Record<string, string | number>;
  /** The finding's own fix as planned for this workbook: every cell it writes, before and after. */
  fix?: JsonFix;
}

export interface JsonFix {
  /** 'judgement' when it changes a figure staff typed (never in 'fix all' or plain `lakip fix`). */
  kind: 'mechanical' | 'judgement';
  edits: { sheet: string; cell: string; before: string | number | boolean; after: string | number | boolean }[];
}

export interface JsonIgnored extends JsonFinding {
  ignored: { at: string; reason?: string };
}

function jsonFix(edits: CellEdit[]): JsonFix | undefined {
  if (edits.length === 0) return undefined;
  return {
    kind: edits.some((e) => e.judgement) ? 'judgement' : 'mechanical',
    edits: edits.map((e) => ({ sheet: e.sheet, cell: e.address, before: contentOf(e.before), after: contentOf(e.after) })),
  };
}

export function jsonFinding(f: Finding, fixes?: Map<string, CellEdit>): JsonFinding {
  const out: JsonFinding = { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell } as JsonFinding;
  if (f.table !== undefined) out.table = f.table;
  out.message = f.message;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.related !== undefined) out.related = { sheet: f.related.sheet, cell: f.related.cell };
  if (f.source !== undefined) out.source = { file: f.source.file, paragraph: f.source.paragraph };
  if (f.repeatedIn !== undefined) out.repeatedIn = f.repeatedIn;
  if (f.group !== undefined) out.group = f.group;
  if (f.messageId !== undefined) out.messageId = f.messageId;
  if (f.params !== undefined) out.params = f.params;
  const fix = fixes ? jsonFix(editsFor(fixes, f)) : undefined;
  if (fix) out.fix = fix;
  return out;
}

/** The object for one file, keys in contract order. */
export function jsonFile(r: FileResult, options: { showIgnored?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { file: r.file };
  if (r.error) out.error = { code: r.error.code, message: r.error.message };
  out.tables = r.tables.map((t) => ({ sheet: t.sheet, range: t.range, kind: t.kind, confidence: t.confidence, lowConfidence: t.lowConfidence }));
  const fixes = editsByFinding({ edits: r.fixes ?? [], skipped: [] });
  out.findings = r.findings.map((f) => jsonFinding(f, fixes));
  const ignored = r.ignored ?? [];
  if (options.showIgnored) {
    out.ignored = ignored.map(({ finding, entry }): JsonIgnored => {
      const j = jsonFinding(finding) as JsonIgnored;
      j.ignored = entry?.reason ? { at: entry.at, reason: entry.reason } : { at: entry?.at ?? '' };
      return j;
    });
  } else if (ignored.length > 0) out.ignoredCount = ignored.length;
  return out;
}

/** One narrative file given with --narrative: how many paragraphs were read, or why it could not be. */
export function jsonNarrative(n: NarrativeResult): Record<string, unknown> {
  const out: Record<string, unknown> = { file: n.file };
  if (n.error) out.error = { code: n.error.code, message: n.error.message };
  else out.paragraphs = n.paragraphs ?? 0;
  return out;
}

export class JsonWriter {
  private count = 0;

  constructor(
    private readonly write: (s: string) => void,
    private readonly options: { showIgnored?: boolean } = {},
  ) {}

  begin(): void {
    this.count = 0;
    this.write('{"files":[');
  }

  file(r: FileResult): void {
    this.write((this.count++ === 0 ? '\n' : ',\n') + JSON.stringify(jsonFile(r, this.options)));
  }

  /**
   * Closes the object. With --narrative, `"narratives":[...]` follows `"files"`
   * (only then, so the output without it is unchanged).
   */
  end(narratives?: readonly NarrativeResult[]): void {
    this.write(this.count === 0 ? ']' : '\n]');
    if (narratives) {
      this.write(',"narratives":[');
      this.write(narratives.map((n) => '\n' + JSON.stringify(jsonNarrative(n))).join(','));
      this.write(narratives.length === 0 ? ']' : '\n]');
    }
    this.write('}\n');
  }
}
