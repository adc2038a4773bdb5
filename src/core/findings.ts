/**
 * The one finding format used by the CLI JSON, the task pane and the tests.
 * Finding codes are a stable contract: add new ones, never rename.
 */
export const FINDING_CODES = [
  'total-mismatch',
  'parent-sum-mismatch',
  'percent-mismatch',
  'division-by-zero',
  'error-value',
  'text-number',
  'ambiguous-number',
  'identity-mismatch',
  'duplicate-code',
  'numbering-gap',
  'missing-value',
  'capaian-mismatch',
  'predikat-mismatch',
  'formula-uncalculated',
  'cross-table-mismatch',
  'narrative-mismatch',
  'terbilang-mismatch',
  'narrative-rounded',
  'narrative-unlinked',
  'date-value',
  'not-checked',
  'capaian-capped',
  'number-malformed',
  'kriteria-mismatch',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export type Lang = 'id' | 'en';

/** A proposed change to one cell; the add-in previews and applies it. */
export interface FixProposal {
  kind: 'set-value' | 'set-formula' | 'set-text' | 'convert-text-number';
  /** Value or formula (with '=') to write. */
  value: string | number;
  numberFormat?: string;
  /**
   * The fix changes a figure staff typed as data (which of two disagreeing cells is
   * wrong is their call): offered one by one with its reason, never in 'fix all'.
   */
  judgement?: true;
}

/** One cell of a grouped finding: the same mistake repeated down a column. */
export interface FindingGroupMember {
  cell: string;
  expected?: string;
  actual?: string;
  fix?: FixProposal;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell holding the reported (wrong) value. */
  cell: string;
  message: string;
  /**
   * The message template's id and its parameters, so a program can word the finding
   * itself (another language, a shorter form) instead of parsing `message`.
   */
  messageId?: string;
  params?: Record<string, string | number>;
  /** Plain decimal strings when numeric, e.g. "38104680384". */
  expected?: string;
  actual?: string;
  /** Range of the table the finding belongs to, when it belongs to one. */
  table?: string;
  fix?: FixProposal;
  /** For narrative findings: the table cell the prose restates. */
  related?: { sheet: string; cell: string };
  /**
   * Many findings of one kind down one column (an export with every amount stored as
   * text) are one finding: `cell` is the first, `group.members` lists every cell with
   * its own fix, so one action fixes them all.
   */
  group?: { count: number; members: FindingGroupMember[] };
  /** For a wrong table figure: the prose that repeats it, which must change with it. */
  repeatedIn?: { sheet: string; cell: string; source?: { file: string; paragraph: number } }[];
  /** For prose read from a file rather than the workbook: where the paragraph is. */
  source?: { file: string; paragraph: number };
}
