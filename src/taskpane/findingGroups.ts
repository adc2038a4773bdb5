/**
 * How the pane lists findings: filtered by severity and search text, grouped
 * by sheet and table, with the report's prose in groups of its own. Pure (no
 * DOM, no React) so it is unit-tested on its own.
 */
import type { Finding, Severity } from '../core/findings';
import type { RecognizedTable, TableKind } from '../core/model';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

/**
 * A severity chip shows only its severity; clicked again (or when it was the only one
 * shown), every severity shows again. Staff ask "show me the Kesalahan", not "hide the rest".
 */
export function showOnly(shown: ReadonlySet<Severity>, clicked: Severity): Set<Severity> {
  return shown.size === 1 && shown.has(clicked) ? new Set(SEVERITIES) : new Set([clicked]);
}

/** A chip is pressed when the list shows only its severity. */
export function chipPressed(shown: ReadonlySet<Severity>, s: Severity): boolean {
  return shown.size === 1 && shown.has(s);
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const out: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/**
 * Findings about the report's prose rather than a table: every 'narrative-*'
 * and 'terbilang-mismatch', anything read from a narrative file, and a
 * 'predikat-mismatch' outside any table. (Same rule as the CLI's text output.)
 */
export function isNarrativeFinding(f: Finding): boolean {
  if (f.source !== undefined) return true;
  if (f.code.startsWith('narrative-') || f.code === 'terbilang-mismatch') return true;
  return f.code === 'predikat-mismatch' && f.table === undefined;
}

/** "'Sheet name'!D8", quoted the way Excel quotes sheet names. */
export function cellRef(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Stable key of a finding within one report (the engine lists each code once per cell). */
export function findingKey(f: Finding): string {
  const place = f.source ? `${f.source.file}\u0000¶${f.source.paragraph}` : `${f.sheet}\u0000${f.cell}`;
  return `${place}\u0000${f.code}\u0000${f.related ? `${f.related.sheet}!${f.related.cell}` : ''}`;
}

export interface FindingFilter {
  /** Severities shown; all when undefined (an empty set shows none). */
  severities?: ReadonlySet<Severity>;
  /** Words to look for in the message, sheet, cell, code and related cell (case- and accent-insensitive). */
  text?: string;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Every search word must appear somewhere in the finding. */
export function matchesFilter(f: Finding, filter: FindingFilter): boolean {
  if (filter.severities && !filter.severities.has(f.severity)) return false;
  const words = fold(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(
    [
      f.message,
      f.sheet,
      f.cell,
      cellRef(f.sheet, f.cell),
      f.code,
      f.table ?? '',
      f.related ? `${f.related.cell} ${cellRef(f.related.sheet, f.related.cell)}` : '',
      f.source ? `${f.source.file} ¶${f.source.paragraph}` : '',
    ].join(' \u0001 '),
  );
  return words.every((w) => hay.includes(w));
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => matchesFilter(f, filter));
}

export interface TableGroup {
  /** The table's range, or undefined for findings outside any recognised table. */
  range?: string;
  kind?: TableKind;
  findings: Finding[];
}

export interface SheetGroup {
  type: 'sheet';
  key: string;
  sheet: string;
  tables: TableGroup[];
  count: number;
}

export interface NarrativeGroup {
  type: 'narrative';
  key: string;
  /** A sheet holding prose, or a narrative file. */
  from: 'sheet' | 'file';
  name: string;
  /** Findings other than the collapsed 'narrative-unlinked' infos. */
  findings: Finding[];
  /** 'narrative-unlinked' infos: figures that could not be linked, shown collapsed by default. */
  unlinked: Finding[];
  count: number;
}

export type FindingGroup = SheetGroup | NarrativeGroup;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Findings in the engine's order, grouped: one group per sheet (in the order
 * sheets first appear), inside it one per table (in the order tables first
 * appear; findings outside any table last), then one group per narrative
 * source (workbook sheet or file).
 */
export function groupFindings(findings: readonly Finding[], tables: readonly Pick<RecognizedTable, 'sheet' | 'range' | 'kind'>[] = []): FindingGroup[] {
  const kindOf = new Map(tables.map((t) => [`${t.sheet}\u0000${t.range}`, t.kind]));
  const bySheet = new Map<string, Finding[]>();
  const prose = new Map<string, Finding[]>();
  for (const f of findings) {
    if (isNarrativeFinding(f)) push(prose, f.source ? `file\u0000${f.source.file}` : `sheet\u0000${f.sheet}`, f);
    else push(bySheet, f.sheet, f);
  }
  const groups: FindingGroup[] = [];
  for (const [sheet, list] of bySheet) {
    const byTable = new Map<string, Finding[]>();
    const loose: Finding[] = [];
    for (const f of list) {
      if (f.table) push(byTable, f.table, f);
      else loose.push(f);
    }
    const tableGroups: TableGroup[] = [...byTable].map(([range, fs]) => ({ range, kind: kindOf.get(`${sheet}\u0000${range}`), findings: fs }));
    if (loose.length) tableGroups.push({ findings: loose });
    groups.push({ type: 'sheet', key: `sheet\u0000${sheet}`, sheet, tables: tableGroups, count: list.length });
  }
  for (const [key, list] of prose) {
    const [from, name] = key.split('\u0000') as ['sheet' | 'file', string];
    const unlinked = list.filter((f) => f.code === 'narrative-unlinked' && f.severity === 'info');
    groups.push({
      type: 'narrative',
      key: `narrative\u0000${key}`,
      from,
      name,
      findings: list.filter((f) => !unlinked.includes(f)),
      unlinked,
      count: list.length,
    });
  }
  return groups;
}

/** Sheets (worksheets, visible or not) in which no table was recognised, in workbook order. */
export function sheetsWithoutTables(sheetNames: readonly string[], tables: readonly Pick<RecognizedTable, 'sheet'>[]): string[] {
  const withTables = new Set(tables.map((t) => t.sheet));
  return sheetNames.filter((s) => !withTables.has(s));
}
