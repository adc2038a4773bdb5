/**
 * A shared formula's text for one of its cells: the master's formula with every
 * relative reference moved by the cell's offset from the master, as Excel does
 * when it expands `<f t="shared" si="0"/>`. Absolute parts ($A$1) stay; text in
 * quotes (strings, quoted sheet names) is never touched; a reference moved off
 * the sheet becomes #REF!.
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// A cell reference, a whole-column range (A:C) or a whole-row range (3:7), not inside a
// longer name (before: letter, digit, _, ., \ ; after: letter, digit, _, '(' as in LOG10( ).
const REF =
  /(?<![A-Za-z0-9_.\\$])(?:(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7}))(?![A-Za-z0-9_(])/g;

function shiftPiece(piece: string, dr: number, dc: number): string {
  return piece.replace(REF, (whole, ca1, c1, ra1, r1, cb1, cc1, cb2, cc2, rb1, rr1, rb2, rr2) => {
    if (c1 !== undefined) {
      const col = colNumber(c1.toUpperCase()) + (ca1 ? 0 : dc);
      const row = Number(r1) + (ra1 ? 0 : dr);
      if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
      return `${ca1}${colLetters(col)}${ra1}${row}`;
    }
    if (cc1 !== undefined) {
      const a = colNumber(cc1.toUpperCase()) + (cb1 ? 0 : dc);
      const b = colNumber(cc2.toUpperCase()) + (cb2 ? 0 : dc);
      if (a < 1 || b < 1 || a > MAX_COL || b > MAX_COL) return '#REF!';
      return `${cb1}${colLetters(a)}:${cb2}${colLetters(b)}`;
    }
    if (rr1 !== undefined) {
      const a = Number(rr1) + (rb1 ? 0 : dr);
      const b = Number(rr2) + (rb2 ? 0 : dr);
      if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return '#REF!';
      return `${rb1}${a}:${rb2}${b}`;
    }
    return whole;
  });
}

/** `formula` (without '=') moved by dr rows and dc columns. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  // Split on quoted runs: "strings" and 'sheet names' pass through unchanged.
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const dq = formula.indexOf('"', i);
    const sq = formula.indexOf("'", i);
    const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
    if (q < 0) {
      out += shiftPiece(formula.slice(i), dr, dc);
      break;
    }
    out += shiftPiece(formula.slice(i, q), dr, dc);
    const quote = formula[q];
    // A doubled quote inside is an escaped one.
    let e = q + 1;
    for (;;) {
      const next = formula.indexOf(quote, e);
      if (next < 0) {
        e = formula.length;
        break;
      }
      if (formula[next + 1] === quote) {
        e = next + 2;
        continue;
      }
      e = next + 1;
      break;
    }
    out += formula.slice(q, e);
    i = e;
  }
  return out;
}
