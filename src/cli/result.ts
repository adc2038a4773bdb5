import type { CellEdit } from '../core/fixes/types';
import type { Finding } from '../core/findings';
import type { IgnoreEntry } from '../core/ignore';
import type { TableKind } from '../core/model';

/** What the CLI keeps of one file once the workbook itself has been let go. */
export interface FileResult {
  file: string;
  error?: { code: string; message: string };
  /** lowConfidence: the columns whose role was inferred from the cells alone (letters). */
  tables: { sheet: string; range: string; kind: TableKind; confidence: 'high' | 'low'; lowConfidence: string[] }[];
  findings: Finding[];
  /** The first-pass fix of every shown finding that has one (what each finding itself proposes). */
  fixes?: CellEdit[];
  /** Findings the office dismissed in the workbook's ignore list, with the entry that dismissed each. */
  ignored?: { finding: Finding; entry?: IgnoreEntry }[];
}

/** A narrative file given with --narrative, once read (or not). */
export interface NarrativeResult {
  /** The path as given on the command line. */
  file: string;
  paragraphs?: number;
  error?: { code: string; message: string };
}
