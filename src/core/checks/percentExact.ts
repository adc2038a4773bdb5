/**
 * The everyday case of the percentage check, decided exactly without
 * Decimal: whole-number numerator and denominator (counts, whole rupiah) and
 * a percentage stored as a number. A table of ten thousand rows otherwise
 * spends most of its checking time in Decimal division.
 *
 * Both sides become integers scaled by 10^places and rounded half up, the
 * way the full check rounds: the ratio by BigInt division, the cell from
 * the same shortest decimal string that decimal.js reads a JS number from.
 * Only agreement is decided here; anything else goes to the full check,
 * which also explains the mismatch.
 */
import { storedNumberOf, typedWholeAt, type NumericCell } from '../cells';
import type { TableColumn, TableRow } from '../model';
import type { TableContext } from './context';

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 22; i++, p *= 10n) POW10.push(p);

/** round_half_up(100 * n / d, places) * 10^places, for n >= 0 and d > 0 (places <= 20). */
export function scaledRatio(n: bigint, d: bigint, places: number): bigint {
  const num = n * POW10[places + 2];
  let q = num / d;
  if (2n * (num % d) >= d) q += 1n;
  return q;
}

/**
 * round_half_up(x * 10^shift) for a non-negative finite number, read from
 * its shortest decimal string; undefined when that string uses an exponent.
 */
export function scaledNumber(x: number, shift: number): bigint | undefined {
  if (!(x >= 0) || !Number.isFinite(x)) return undefined;
  const s = String(x);
  if (s.includes('e')) return undefined;
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length <= shift) return BigInt(int + frac.padEnd(shift, '0'));
  const kept = BigInt(int + frac.slice(0, shift));
  return frac.charCodeAt(shift) >= 53 /* '5' */ ? kept + 1n : kept;
}

/**
 * True when a stored percentage shows the same figure, at `places`
 * decimals, as 100 * n / d; undefined when this fast path cannot tell.
 */
export function percentAgrees(n: number, d: number, stored: number, percentFormat: boolean, places: number): true | undefined {
  if (n < 0 || d <= 0 || places > 20) return undefined;
  // Excel keeps 96,82% as 0.9682: two more places of the stored number are the percent's places.
  const cell = scaledNumber(stored, places + (percentFormat ? 2 : 0));
  if (cell === undefined) return undefined;
  return cell === scaledRatio(BigInt(n), BigInt(d), places) ? true : undefined;
}

/** The everyday row, settled without Decimal: whole figures and a stored percentage that agree (see percentExact). */
export function agreesExactly(ctx: TableContext, row: TableRow, num: TableColumn, den: TableColumn, cell: NumericCell): boolean {
  const stored = storedNumberOf(cell);
  if (stored === undefined) return false;
  const n = typedWholeAt(ctx.grid, row.row, num.col);
  const d = typedWholeAt(ctx.grid, row.row, den.col);
  if (n === undefined || d === undefined) return false;
  return percentAgrees(n, d, stored, cell.percentFormat === true, cell.decimals) === true;
}

/** Digits after the point of a number's shortest decimal string; undefined when it uses an exponent. */
function decimalsOf(x: number): number | undefined {
  const s = String(x);
  if (s.includes('e')) return undefined;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * True when a stored IKU capaian shows the same figure, at `places` decimals, as
 * realisasi / target × 100 (or (2 × target − realisasi) / target × 100 for a lower-is-
 * better indicator), the target and realisasi being typed numbers; undefined when this
 * fast path cannot tell. Both are scaled to integers by their shortest decimals, so the
 * ratio is exact, as in percentAgrees.
 */
export function capaianAgrees(target: number, realisasi: number, negative: boolean, stored: number, percentFormat: boolean, places: number): true | undefined {
  if (!(target > 0) || !(realisasi >= 0) || places > 20) return undefined;
  const dt = decimalsOf(target);
  const dr = decimalsOf(realisasi);
  if (dt === undefined || dr === undefined || Math.max(dt, dr) > 12) return undefined;
  const k = Math.max(dt, dr);
  const t = scaledNumber(target, k);
  const r = scaledNumber(realisasi, k);
  if (t === undefined || r === undefined || t === 0n) return undefined;
  const n = negative ? 2n * t - r : r;
  if (n < 0n) return undefined;
  const cell = scaledNumber(stored, places + (percentFormat ? 2 : 0));
  if (cell === undefined) return undefined;
  return cell === scaledRatio(n, t, places) ? true : undefined;
}

