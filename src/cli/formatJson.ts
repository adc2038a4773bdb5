/**
 * JSON output: one object `{"files":[...]}` on stdout, written one file at a time
 * so a 500-file batch never holds every result in memory. Key order is part of the
 * contract and is fixed here: a finding's optional `related` and `source`
 * come after `actual`, then `repeatedIn`, `group`, `messageId` and `params`.
 */
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
}

export function jsonFinding(f: Finding): JsonFinding {
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
  return out;
}

/** The object for one file, keys in contract order. */
export function jsonFile(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = { file: r.file };
  if (r.error) out.error = { code: r.error.code, message: r.error.message };
  out.tables = r.tables.map((t) => ({ sheet: t.sheet, range: t.range, kind: t.kind, confidence: t.confidence, lowConfidence: t.lowConfidence }));
  out.findings = r.findings.map(jsonFinding);
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

  constructor(private readonly write: (s: string) => void) {}

  begin(): void {
    this.count = 0;
    this.write('{"files":[');
  }

  file(r: FileResult): void {
    this.write((this.count++ === 0 ? '\n' : ',\n') + JSON.stringify(jsonFile(r)));
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
