/**
 * JSON output: one object `{"files":[...]}` on stdout, written one file at a time
 * so a 500-file batch never holds every result in memory. Key order is part of the
 * contract and is fixed here.
 */
import type { Finding } from '../core/findings';
import type { FileResult } from './result';

export interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  table?: string;
  message: string;
  expected?: string;
  actual?: string;
}

export function jsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell } as JsonFinding;
  if (f.table !== undefined) out.table = f.table;
  out.message = f.message;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  return out;
}

/** The object for one file, keys in contract order. */
export function jsonFile(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = { file: r.file };
  if (r.error) out.error = { code: r.error.code, message: r.error.message };
  out.tables = r.tables.map((t) => ({ sheet: t.sheet, range: t.range, kind: t.kind }));
  out.findings = r.findings.map(jsonFinding);
  return out;
}

export class JsonWriter {
  private count = 0;

  constructor(private readonly write: (s: string) => void) {}

  begin(): void {
    this.write('{"files":[');
  }

  file(r: FileResult): void {
    this.write((this.count++ === 0 ? '\n' : ',\n') + JSON.stringify(jsonFile(r)));
  }

  end(): void {
    this.write(this.count === 0 ? ']}\n' : '\n]}\n');
  }
}
