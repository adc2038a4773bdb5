/**
 * Addresses as Office.js returns them ("'Sheet 1'!A4:A12, 'Sheet 1'!C2:D2",
 * "Sheet1!1:3" for entire rows) -> 0-based rectangles and plain A1 ranges.
 */
import { MAX_COLS, MAX_ROWS, parseRange, toA1, type RangeAddress } from '../core/a1';

/**
 * Split a RangeAreas address list into its areas' A1 parts, without sheet
 * names. Quoted sheet names may hold commas, '!' and doubled quotes.
 */
export function splitAreaAddresses(list: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = list.length;
  while (i < n) {
    while (i < n && (list[i] === ',' || list[i] === ' ' || list[i] === '\t')) i++;
    if (i >= n) break;
    if (list[i] === "'") {
      let j = i + 1;
      while (j < n) {
        if (list[j] === "'") {
          if (list[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      if (list[i] === '!') i++;
    } else {
      const bang = list.indexOf('!', i);
      const comma = list.indexOf(',', i);
      if (bang >= 0 && (comma < 0 || bang < comma)) i = bang + 1;
    }
    let end = list.indexOf(',', i);
    if (end < 0) end = n;
    const ref = list.slice(i, end).trim().replace(/\$/g, '');
    if (ref) out.push(ref);
    i = end;
  }
  return out;
}

const ROWS_ONLY = /^(\d+)(?::(\d+))?$/;
const COLS_ONLY = /^([A-Za-z]{1,3})(?::([A-Za-z]{1,3}))?$/;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 'A4:A12', 'A4', '1:3' (entire rows), 'A:C' (entire columns), with or without a sheet name -> bounds. */
export function parseArea(address: string): RangeAddress | null {
  const bang = address.lastIndexOf('!');
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim().replace(/\$/g, '');
  const rows = ROWS_ONLY.exec(ref);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2] ?? rows[1]) - 1;
    if (a < 0 || b < 0) return null;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLS - 1 };
  }
  const cols = COLS_ONLY.exec(ref);
  if (cols) {
    const a = colIndex(cols[1]);
    const b = colIndex(cols[2] ?? cols[1]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  return parseRange(ref);
}

/** Bounds -> 'A4:A12' (a single cell stays 'A4'). */
export function areaToA1(r: RangeAddress): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toA1(r.bottom, r.right)}`;
}
