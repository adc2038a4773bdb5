import type { Finding } from '../core/findings';
import type { TableKind } from '../core/model';

/** What the CLI keeps of one file once the workbook itself has been let go. */
export interface FileResult {
  file: string;
  error?: { code: string; message: string };
  /** lowConfidence: the columns whose role was inferred from the cells alone (letters). */
  tables: { sheet: string; range: string; kind: TableKind; confidence: 'high' | 'low'; lowConfidence: string[] }[];
  findings: Finding[];
}

/** A narrative file given with --narrative, once read (or not). */
export interface NarrativeResult {
  /** The path as given on the command line. */
  file: string;
  paragraphs?: number;
  error?: { code: string; message: string };
}
