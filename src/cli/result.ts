import type { Finding } from '../core/findings';
import type { TableKind } from '../core/model';

/** What the CLI keeps of one file once the workbook itself has been let go. */
export interface FileResult {
  file: string;
  error?: { code: string; message: string };
  tables: { sheet: string; range: string; kind: TableKind }[];
  findings: Finding[];
}
