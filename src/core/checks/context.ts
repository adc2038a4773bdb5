import Decimal from 'decimal.js';
import { toA1 } from '../a1';
import { numericStateAt, readNumeric, storedNumberOf, type NumericCell, type NumericState } from '../cells';
import type { Finding, FindingCode, FixProposal, Lang, Severity } from '../findings';
import type { Grid } from '../grid';
import { fmtNum, message, type MessageKey } from '../messages';
import type { ColumnRole, PredikatScale, RecognizedTable, TableColumn, TableRow } from '../model';
import type { NumberHint } from '../numbers/parse';
import { layoutOf } from '../layouts';
import { SUMMABLE_ROLES } from '../recognize/vocabulary';

export interface ResolvedOptions {
  lang: Lang;
  pusatMarker: string;
  /** Undefined when no scale is chosen and the workbook has none: predikat is then not judged. */
  scale: PredikatScale | undefined;
}

const ZERO = new Decimal(0);

/** Unit words of scaled amounts. Source: corpus case bud-djpk-postur-apbd-2023-kab ('" M"' format) and issue 10 class 6. */
const SCALED_UNIT = /\((rp\.?\s*)?(ribu|ribuan|juta|jutaan|jt|miliar|milyar|triliun|m|t|000)\)|\brp\.?\s*(ribu|juta|jt|miliar|milyar|triliun)\b|\bdalam (ribu|juta|miliar|milyar|triliun)/i;
const FORMAT_UNIT = /"\s*(rb|ribu|jt|juta|m|miliar|milyar|t|triliun)\.?\s*"/i;

const DECIMAL_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['percent', 'capaian', 'target', 'realisasi', 'baseline']);

/** Everything a check needs about one table, with numeric reads cached. */
export class TableContext {
  readonly findings: Finding[] = [];
  /** code + cell of every finding so far: one finding per cell and code, checked in constant time. */
  private readonly reported = new Set<string>();
  /** Why parts of the table were not judged, said once per table (see flushNotChecked). */
  private readonly unchecked = new Map<string, { row: number; text: string }>();
  /** Columns whose figures are amounts or counts (summed), never percentages. */
  private readonly amounts = new Set<number>();
  /** The number hint of each table column, by column index (the grid caches the readings themselves). */
  private readonly hints: NumberHint[] = [];

  constructor(
    readonly grid: Grid,
    readonly table: RecognizedTable,
    readonly options: ResolvedOptions,
  ) {
    for (const k of table.columns) {
      this.hints[k.col] = this.hintFor(k);
      // In IKU tables target and realisasi are often percentages themselves.
      if (SUMMABLE_ROLES.has(k.role) && layoutOf(table.kind).sums) this.amounts.add(k.col);
    }
  }

  get lang(): Lang {
    return this.options.lang;
  }

  col(role: ColumnRole): TableColumn | undefined {
    return this.table.columns.find((k) => k.role === role);
  }

  cols(role: ColumnRole): TableColumn[] {
    return this.table.columns.filter((k) => k.role === role);
  }

  rows(...roles: TableRow['role'][]): TableRow[] {
    return this.table.rows.filter((r) => roles.includes(r.role));
  }

  num(row: number, col: number): NumericCell {
    const n = readNumeric(this.grid, row, col, this.hints[col]);
    // An amount or a count shown with a '0%' format is a formatting slip, not a percentage:
    // scaled by 100 it made a child of 3.179.600 read 317.960.000 (a SIPD export tried locally).
    if (n.percentFormat && this.amounts.has(col)) return asStored(n);
    return n;
  }

  /** num(row, col).state, without building a reading for a typed number. */
  state(row: number, col: number): NumericState {
    return numericStateAt(this.grid, row, col, this.hints[col]);
  }

  /** The figure a cell means, treating a dash and an empty cell as zero. */
  value(row: number, col: number): Decimal | null {
    const n = this.num(row, col);
    if (n.state === 'empty') return ZERO;
    return n.value;
  }

  fmt(v: Decimal.Value, decimals?: number): string {
    return fmtNum(v, this.lang, decimals);
  }

  addr(row: number, col: number): string {
    return toA1(row, col);
  }

  report(f: {
    code: FindingCode;
    severity: Severity;
    row: number;
    col: number;
    key: MessageKey;
    params: Record<string, string | number | undefined>;
    expected?: Decimal | string;
    actual?: Decimal | string;
    fix?: FixProposal;
    extra?: string;
  }): void {
    // One finding per cell and code: a total wrong both down and across is one mistake.
    const cell = toA1(f.row, f.col);
    const key = `${f.code} ${cell}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const plain = (v: Decimal | string | undefined) => (v === undefined ? undefined : typeof v === 'string' ? v : v.toFixed());
    // A row with no label of its own (a SIPD sub-total line) is named by its number: never 'pada ""'.
    if ('label' in f.params && !String(f.params.label ?? '').trim()) f.params = { ...f.params, label: (this.lang === 'en' ? 'row ' : 'baris ') + (f.row + 1) };
    this.findings.push({
      code: f.code,
      severity: f.severity,
      sheet: this.table.sheet,
      cell,
      message: message(f.key, f.params, this.lang) + (f.extra ?? ''),
      messageId: f.key,
      params: definedParams(f.params),
      expected: plain(f.expected),
      actual: plain(f.actual),
      table: this.table.range,
      fix: f.fix && this.mayFix(f.col) ? f.fix : undefined,
    });
  }

  /**
   * A table or column recognised with low confidence may be judged where the figures
   * settle it, but its cells are never rewritten: a wrong guess about a column's role
   * would turn a finding the office can dismiss into damage to a correct report.
   */
  private mayFix(col: number): boolean {
    if (this.table.confidence === 'low') return false;
    return this.table.columns.find((k) => k.col === col)?.confidence !== 'low';
  }

  /**
   * Amounts shown in a larger unit ('(Rp miliar)', 'Rp juta' in the header or
   * title, or a format such as '#,##0.00" M"') are rounded figures: a ratio of
   * two of them is known only to within their rounding.
   */
  inScaledUnit(col: number): boolean {
    const k = this.table.columns.find((x) => x.col === col);
    if (!k) return false;
    if (SCALED_UNIT.test(k.header) || SCALED_UNIT.test(this.table.title ?? '')) return true;
    const first = this.table.rows.find((r) => r.role === 'item');
    if (!first) return false;
    const fmt = this.grid.snap.numberFormat[first.row - this.grid.top]?.[col - this.grid.left] ?? '';
    return FORMAT_UNIT.test(fmt);
  }

  /** Notes a part of the table left unjudged because its reading was uncertain; never an error. */
  notChecked(row: number, reason: 'weak-total' | 'percent-pair' | 'percent-disagree' | 'percent-share' | 'no-scale' | 'foreign-scale' | 'share' | 'row-total' | 'tree', params: Record<string, string | number | undefined>): void {
    const text = message(`nc-${reason}` as MessageKey, params, this.lang);
    if (!this.unchecked.has(text)) this.unchecked.set(text, { row, text });
  }

  /** One info finding per table listing every part not checked, at the table's first header cell. */
  flushNotChecked(): void {
    if (this.unchecked.size === 0) return;
    const reasons = [...this.unchecked.values()].map((u) => u.text);
    const first = this.table.headerRows[0];
    const left = this.table.columns[0]?.col ?? 0;
    // The reasons go in whole as the message's tail: a template parameter is cut at 240 characters.
    this.report({ code: 'not-checked', severity: 'info', row: first, col: left, key: 'not-checked', params: {}, extra: ` ${reasons.join('; ')}.` });
    this.unchecked.clear();
  }

  /**
   * Counts and whole-rupiah amounts settle '1.595' as 1595; a column whose
   * typed numbers carry decimals leaves it open, so the finding says so.
   */
  private hintFor(k: TableColumn): NumberHint {
    // 'Realisasi' is a percentage only in IKU tables; in a budget it is rupiah.
    if (DECIMAL_ROLES.has(k.role) && !(k.role === 'realisasi' && this.table.kind !== 'iku')) return 'decimal';
    if (!SUMMABLE_ROLES.has(k.role)) return undefined;
    for (const r of this.table.rows) {
      const v = this.grid.valueAt(r.row, k.col);
      if (typeof v === 'number' && !Number.isInteger(v)) return undefined;
    }
    return 'integer';
  }
}

/** Message parameters without the ones left undefined, for the finding's `params`. */
export function definedParams(params: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

/** A percent-formatted reading taken as the number stored, unscaled. */
function asStored(n: NumericCell): NumericCell {
  const stored = storedNumberOf(n);
  if (stored === undefined) return n;
  const v = new Decimal(stored);
  return { state: n.state, value: v, sumValue: v, decimals: Math.max(0, n.decimals + 2), raw: n.raw, formula: n.formula };
}

/** Round half-up to the decimals the reader sees. */
export function roundTo(v: Decimal, decimals: number): Decimal {
  return v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}
