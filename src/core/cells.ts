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
const formatFacts = new Map<string, { decimals: number | null; percent: boolean; date: boolean }>();
function factsOf(numberFormat: string) {
  let f = formatFacts.get(numberFormat);
  if (!f) {
    f = { decimals: formatDecimals(numberFormat), percent: isPercentFormat(numberFormat), date: isDateFormat(numberFormat) };
    if (formatFacts.size < 10000) formatFacts.set(numberFormat, f);
  }
  return f;
}

const HINTS: NumberHint[] = [undefined, 'integer', 'decimal'];

/** A cell read as a figure, once per grid and hint: recognition and every check ask for the same cells. */
export function readNumeric(grid: Grid, row: number, col: number, hint: NumberHint, depth = 0): NumericCell {
  const key = grid.key(row, col) * 3 + HINTS.indexOf(hint);
  const hit = grid.numeric.get(key);
  if (hit) return hit;
  const n = readNumericUncached(grid, row, col, hint, depth);
  grid.numeric.set(key, n);
  return n;
}

function readNumericUncached(grid: Grid, row: number, col: number, hint: NumberHint, depth: number): NumericCell {
  const c = grid.cell(row, col);
  const formula = isFormula(c.formula) ? c.formula : undefined;
  const raw = c.type === 'Empty' ? '' : String(c.value);
  const facts = factsOf(c.numberFormat);
  const fmtDecimals = facts.decimals;
  if (c.type === 'Error') {
    return { state: 'error', value: null, sumValue: null, decimals: 0, error: raw, formula, raw };
  }
  if ((c.type === 'Double' || c.type === 'Integer' || typeof c.value === 'number') && facts.date) {
    return { state: 'date', value: null, sumValue: null, decimals: 0, formula, raw: c.text || raw };
  }
  if (c.type === 'Double' || c.type === 'Integer' || typeof c.value === 'number') {
    const n = Number(c.value);
    const pct = facts.percent;
    // Excel stores 96,82% as 0.9682; the checks work in percent units as the reports print them.
    const v = pct ? new Decimal(n).times(100) : new Decimal(n);
    const dash = n === 0 && /^[-–—]$/.test(c.text.trim());
    return {
      state: dash ? 'dash' : 'number',
      value: v,
      sumValue: v,
      decimals: fmtDecimals ?? Math.max(0, Math.min(valueDecimals(n) - (pct ? 2 : 0), 10)),
      formula,
      raw,
      percentFormat: pct || undefined,
    };
  }
  if (c.type === 'Empty' || (typeof c.value === 'string' && c.value.trim() === '')) {
    if (formula && depth < 8) {
      const res = evaluateFormula(formula, (r, k) => readNumeric(grid, r, k, hint, depth + 1).sumValue);
      if (res.ok) {
        return { state: 'uncalculated', value: res.value, sumValue: res.value, decimals: fmtDecimals ?? 2, formula, raw };
      }
      if (res.error === '#DIV/0!' || res.error === '#REF!' || res.error === '#VALUE!') {
        return { state: 'error', value: null, sumValue: null, decimals: 0, error: res.error, formula, raw };
      }
    }
    return { state: formula ? 'uncalculated' : 'empty', value: null, sumValue: null, decimals: 0, formula, raw };
  }
  if (c.type === 'Boolean') return { state: 'text', value: null, sumValue: null, decimals: 0, formula, raw };
  const parsed = parseNumberText(raw, hint);
  if (!parsed) return { state: 'text', value: null, sumValue: null, decimals: 0, formula, raw };
  if (parsed.kind === 'dash') return { state: 'dash', value: new Decimal(0), sumValue: null, decimals: 0, formula, raw };
  const value = parsed.negative && !parsed.value.isNegative() ? parsed.value.negated() : parsed.value;
  return {
    state: parsed.ambiguous ? 'ambiguous' : 'text-number',
    value,
    sumValue: null,
    decimals: parsed.decimals,
    formula,
    raw,
    alternative: parsed.alternative,
  };
}
