/**
 * The table checks, in the order they run, with what each one reports. One
 * entry per check, as ESLint keeps its rules: analyzeWorkbook runs them in this
 * order, and docs/findings.md is generated from this list and findingInfo.ts.
 * Workbook-wide checks (error cells anywhere, cross-table totals, the
 * narrative) run after every table and are listed in WORKBOOK_CHECKS.
 */
import type { FindingCode } from '../findings';
import type { TableKind } from '../model';
import { checkCellStates } from './cellStates';
import { checkDuplicateCodes } from './codes';
import type { TableContext } from './context';
import { checkIku } from './iku';
import { checkMissingValues } from './missing';
import { checkNumbering } from './numbering';
import { checkParentSums } from './parentSum';
import { checkPercentages } from './percent';
import { checkPmksIdentity } from './pmksIdentity';
import { checkShares } from './shares';
import { checkTotals } from './totals';

export interface TableCheck {
  id: string;
  run(ctx: TableContext): void;
  /** Finding codes it can report ('not-checked' aside, which any check may note). */
  codes: FindingCode[];
  /** Table layouts it looks at; 'all' for every layout. */
  kinds: TableKind[] | 'all';
  /** Whether its findings carry a fix. */
  fixable: boolean;
}

export const TABLE_CHECKS: readonly TableCheck[] = [
  {
    id: 'cell-states',
    run: checkCellStates,
    codes: ['error-value', 'division-by-zero', 'text-number', 'number-malformed', 'date-value', 'ambiguous-number', 'formula-uncalculated'],
    kinds: 'all',
    fixable: true,
  },
  { id: 'totals', run: checkTotals, codes: ['total-mismatch', 'missing-value'], kinds: 'all', fixable: true },
  { id: 'parent-sums', run: checkParentSums, codes: ['parent-sum-mismatch'], kinds: ['budget', 'belanja', 'count'], fixable: true },
  { id: 'percentages', run: checkPercentages, codes: ['percent-mismatch', 'division-by-zero'], kinds: ['pmks', 'spm', 'budget', 'belanja'], fixable: true },
  { id: 'shares', run: checkShares, codes: ['percent-mismatch'], kinds: ['count'], fixable: false },
  { id: 'pmks-identity', run: checkPmksIdentity, codes: ['identity-mismatch'], kinds: ['pmks'], fixable: true },
  { id: 'iku', run: checkIku, codes: ['capaian-mismatch', 'capaian-capped', 'predikat-mismatch', 'kriteria-mismatch', 'division-by-zero'], kinds: ['iku'], fixable: true },
  { id: 'duplicate-codes', run: checkDuplicateCodes, codes: ['duplicate-code'], kinds: ['belanja', 'budget', 'count'], fixable: false },
  { id: 'numbering', run: checkNumbering, codes: ['numbering-gap'], kinds: 'all', fixable: false },
  { id: 'missing-values', run: checkMissingValues, codes: ['missing-value'], kinds: 'all', fixable: false },
];

export interface WorkbookCheck {
  id: string;
  codes: FindingCode[];
  fixable: boolean;
}

export const WORKBOOK_CHECKS: readonly WorkbookCheck[] = [
  { id: 'cross-tables', codes: ['cross-table-mismatch'], fixable: false },
  { id: 'breakdowns', codes: ['cross-table-mismatch'], fixable: false },
  { id: 'error-cells', codes: ['error-value'], fixable: false },
  { id: 'narrative', codes: ['narrative-mismatch', 'terbilang-mismatch', 'narrative-rounded', 'narrative-unlinked', 'predikat-mismatch'], fixable: false },
];
