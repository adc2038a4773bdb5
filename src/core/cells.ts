import Decimal from 'decimal.js';
import { evaluateFormula } from './formula/evaluate';
import { Grid, isFormula } from './grid';
import { formatDecimals, valueDecimals } from './numbers/displayDecimals';
import { parseNumberText, type NumberHint } from './numbers/parse';

/**
 * How a cell that should hold a number actually holds it. The checks need to
 * tell a real number from text that SUM skips, a '-' typed for "none", an
 * error, and a formula nobody recalculated.
 */
export type NumericState =
  | 'number'
  | 'text-number'
  | 'ambiguous'
  | 'dash'
  | 'empty'
  | 'error'
  | 'text'
  | 'uncalculated'
  /** A date (a number shown with a date format): never a count or an amount. */
  | 'date';

export interface NumericCell {
  state: NumericState;
  /** The number the cell means (0 for a dash); null when it means none. */
  value: Decimal | null;
  /** What Excel's SUM would take from the cell (text and errors give nothing). */
  sumValue: Decimal | null;
  /** Decimals shown to the reader, used for display-rounding tolerance. */
  decimals: number;
  error?: string;
  formula?: string;
  raw: string;
  /** For ambiguous text: the other reading. */
  alternative?: Decimal;
  /** Stored as an Excel percentage (0.9682 shown as 96,82%): value is already scaled to percent units. */
  percentFormat?: boolean;
}

/** True for date and time formats ('yyyy-mm-dd', '[$-421]dd mmmm yyyy'), whose numbers are day serials. */
export function isDateFormat(numberFormat: string): boolean {
  const f = numberFormat.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return !/^general$/i.test(f.trim()) && /[dmyhs]/i.test(f);
}

/** True when the positive section of a number format scales by 100 ('0.00%'). */
export function isPercentFormat(numberFormat: string): boolean {
  return /%/.test(numberFormat.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

// Format codes repeat across thousands of cells: work out what each says once.
const formatFacts = new Map<string, { decimals: number | null; percent: boolean; date: boolean; dash: boolean }>();
function factsOf(numberFormat: string) {
  let f = formatFacts.get(numberFormat);
  if (!f) {
    // A zero shows as a dash only through a format that spells one (accounting '_-* "-"', '#,##0;-#,##0;-'):
    // for any other the displayed text need not be read, which keeps the xlsx reader's rows unformatted.
    const dash = /[-–—]/.test(numberFormat);
    f = { decimals: formatDecimals(numberFormat), percent: isPercentFormat(numberFormat), date: isDateFormat(numberFormat), dash };
    if (formatFacts.size < 10000) formatFacts.set(numberFormat, f);
  }
  return f;
}

/**
 * A cell holding a real number. Recognition reads every cell but the checks
 * need the Decimal of only some, so the Decimal, the decimals shown and the
 * raw text are worked out on first use.
 */
class NumberReading implements NumericCell {
  private v: Decimal | undefined;
  private d: number | undefined;
  readonly percentFormat: true | undefined;

  constructor(
    readonly state: 'number' | 'dash',
    private readonly n: number,
    percent: boolean,
    private readonly fmtDecimals: number | null,
    readonly formula: string | undefined,
    private readonly rawValue: unknown,
  ) {
    this.percentFormat = percent || undefined;
  }

  get value(): Decimal {
    // Excel stores 96,82% as 0.9682; the checks work in percent units as the reports print them.
    return (this.v ??= this.percentFormat ? new Decimal(this.n).times(100) : new Decimal(this.n));
  }

  get sumValue(): Decimal {
    return this.value;
  }

  get decimals(): number {
    return (this.d ??= this.fmtDecimals ?? Math.max(0, Math.min(valueDecimals(this.n) - (this.percentFormat ? 2 : 0), 10)));
  }

  get raw(): string {
    return String(this.rawValue);
  }

  /** The stored number, before any percent scaling. */
  get stored(): number {
    return this.n;
  }
}

/** A real number cell (not a dash) as stored, before any percent scaling (see NumericCell.percentFormat); undefined for anything else. */
export function storedNumberOf(n: NumericCell): number | undefined {
  return n instanceof NumberReading && n.state === 'number' ? n.stored : undefined;
}

const OUTSIDE: NumericCell = Object.freeze({ state: 'empty', value: null, sumValue: null, decimals: 0, raw: '' }) as NumericCell;

/** Readings that a column's hint can change: text like '1.595', and formulas the engine evaluates from other cells. */
function dependsOnHint(n: NumericCell): boolean {
  return n.state === 'ambiguous' || (n.formula !== undefined && (n.state === 'uncalculated' || (n.state === 'error' && n.raw.trim() === '')));
}

/**
 * A cell read as a figure. Recognition and every check ask for the same
 * cells, so text, errors and formulas are parsed once per grid and kept;
 * the reading without a hint serves every hint unless the hint could change
 * it ('1.595'). Typed numbers are not kept (see below).
 */
export function readNumeric(grid: Grid, row: number, col: number, hint: NumberHint, depth = 0): NumericCell {
  const c = col - grid.left;
  if (c < 0 || c >= grid.rowLength(row)) return OUTSIDE;
  let plain = grid.keptReading(row, col);
  if (plain === undefined) {
    plain = readNumericUncached(grid, row, col, undefined, depth);
    // A typed number is read again in no time, and a reading kept for each of
    // a hundred thousand numbers costs more in garbage collection than that.
    if (!(plain instanceof NumberReading)) grid.keepReading(row, col, plain);
  }
  if (hint === undefined || !dependsOnHint(plain)) return plain;
  const key = grid.index(row, col) * 2 + (hint === 'integer' ? 0 : 1);
  let hinted = grid.hinted.get(key);
  if (hinted === undefined) {
    hinted = readNumericUncached(grid, row, col, hint, depth);
    grid.hinted.set(key, hinted);
  }
  return hinted;
}

/** A zero whose format shows it as a dash (accounting formats): the reports' "none", not a figure. */
function shownAsDash(text: string): boolean {
  return /^\s*[-–—]\s*$/.test(text);
}

/**
 * A typed number (not a date, not a zero shown as a dash) as stored, read
 * straight from the snapshot without building a reading; undefined for every
 * other cell, and for a percent-formatted one unless `percent` allows it.
 * The checks walk every figure of every row: this keeps the common cell free
 * of allocation.
 */
function typedNumberAt(grid: Grid, row: number, col: number, percent: boolean): number | undefined {
  const r = row - grid.top;
  const c = col - grid.left;
  const s = grid.snap;
  const values = s.values[r];
  if (!values || c < 0 || c >= values.length) return undefined;
  const v = values[c];
  const type = s.valueTypes[r]?.[c];
  if (type === 'Error' || !(type === 'Double' || type === 'Integer' || typeof v === 'number')) return undefined;
  if (grid.covered(row, col)) return undefined;
  const facts = factsOf(s.numberFormat[r]?.[c] ?? 'General');
  if (facts.date || (facts.percent && !percent)) return undefined;
  const n = Number(v);
  if (n === 0 && facts.dash && shownAsDash(s.text[r]?.[c] ?? '')) return undefined;
  return n;
}

// typedFlags codes: what typedNumberAt found for a cell.
const UNKNOWN = 0;
const TYPED = 1;
const NOT_TYPED = 2;
const TYPED_PERCENT = 3;

/** typedNumberAt's answer for a cell, worked out once and kept in the grid's byte per cell. */
function typedCode(grid: Grid, row: number, col: number): number {
  const flags = grid.typedFlags;
  const i = flags ? grid.index(row, col) : -1;
  if (i >= 0 && flags![i] !== UNKNOWN) return flags![i];
  let code = NOT_TYPED;
  if (typedNumberAt(grid, row, col, false) !== undefined) code = TYPED;
  else if (typedNumberAt(grid, row, col, true) !== undefined) code = TYPED_PERCENT;
  if (i >= 0) flags![i] = code;
  return code;
}

/** A typed whole number, not scaled as a percentage: what a sum can take exactly as an integer. Undefined otherwise. */
export function typedWholeAt(grid: Grid, row: number, col: number): number | undefined {
  if (typedCode(grid, row, col) !== TYPED) return undefined;
  const n = Number(grid.snap.values[row - grid.top][col - grid.left]);
  return Number.isSafeInteger(n) ? n : undefined;
}

const LEADING_ZERO = /^\s*0\d/;

/** The state readNumeric would give, without building a reading for a typed number. */
export function numericStateAt(grid: Grid, row: number, col: number, hint: NumberHint): NumericState {
  return typedCode(grid, row, col) === NOT_TYPED ? readNumeric(grid, row, col, hint).state : 'number';
}

function readNumericUncached(grid: Grid, row: number, col: number, hint: NumberHint, depth: number): NumericCell {
  // Only called for cells inside their row (readNumeric checks), so the snapshot's arrays are indexed directly.
  const r = row - grid.top;
  const c = col - grid.left;
  const s = grid.snap;
  const hidden = grid.covered(row, col);
  const type = hidden ? 'Empty' : (s.valueTypes[r]?.[c] ?? 'Empty');
  const value = hidden ? '' : (s.values[r][c] ?? '');
  const f = hidden ? '' : (s.formulas[r]?.[c] ?? '');
  const formula = isFormula(f) ? f : undefined;
  if (type === 'Error') {
    const raw = String(value);
    return { state: 'error', value: null, sumValue: null, decimals: 0, error: raw, formula, raw };
  }
  if (type === 'Double' || type === 'Integer' || typeof value === 'number') {
    const facts = factsOf(s.numberFormat[r]?.[c] ?? 'General');
    if (facts.date) return { state: 'date', value: null, sumValue: null, decimals: 0, formula, raw: grid.rawTextAt(row, col) || String(value) };
    const n = Number(value);
    const dash = n === 0 && facts.dash && shownAsDash(grid.rawTextAt(row, col));
    return new NumberReading(dash ? 'dash' : 'number', n, facts.percent, facts.decimals, formula, value);
  }
  const raw = type === 'Empty' ? '' : String(value);
  if (type === 'Empty' || (typeof value === 'string' && value.trim() === '')) {
    if (formula && depth < 8) {
      const res = evaluateFormula(formula, (r, k) => readNumeric(grid, r, k, hint, depth + 1).sumValue);
      if (res.ok) {
        return { state: 'uncalculated', value: res.value, sumValue: res.value, decimals: factsOf(grid.formatAt(row, col)).decimals ?? 2, formula, raw };
      }
      if (res.error === '#DIV/0!' || res.error === '#REF!' || res.error === '#VALUE!') {
        return { state: 'error', value: null, sumValue: null, decimals: 0, error: res.error, formula, raw };
      }
    }
    return { state: formula ? 'uncalculated' : 'empty', value: null, sumValue: null, decimals: 0, formula, raw };
  }
  if (type === 'Boolean') return { state: 'text', value: null, sumValue: null, decimals: 0, formula, raw };
  // '01.00', '0812…', '007': a leading zero before a digit marks a code (Kodepemda, a phone or
  // card number); stored as a number it would lose the zero, so it is no number stored as text.
  if (LEADING_ZERO.test(raw)) return { state: 'text', value: null, sumValue: null, decimals: 0, formula, raw };
  const parsed = parseNumberText(raw, hint);
  if (!parsed) return { state: 'text', value: null, sumValue: null, decimals: 0, formula, raw };
  if (parsed.kind === 'dash') return { state: 'dash', value: new Decimal(0), sumValue: null, decimals: 0, formula, raw };
  const v = parsed.negative && !parsed.value.isNegative() ? parsed.value.negated() : parsed.value;
  return {
    state: parsed.ambiguous ? 'ambiguous' : 'text-number',
    value: v,
    sumValue: null,
    decimals: parsed.decimals,
    formula,
    raw,
    alternative: parsed.alternative,
  };
}
