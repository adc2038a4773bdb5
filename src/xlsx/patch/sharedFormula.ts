/**
 * Moving a formula the way Excel fills it: relative references shift, absolute ones
 * stay. Used only to give the dependents of a shared formula their own copy when
 * the cell that holds the shared text is rewritten; anything this cannot move with
 * certainty (whole rows or columns, structured or external references, a reference
 * pushed off the sheet) is refused rather than guessed.
 */
import { columnIndex, columnLetter, MAX_COLS, MAX_ROWS } from '../../core/a1';

const CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!])/y;
const BEFORE_NAME = /[A-Za-z0-9_.\\$]/;

export function shiftFormula(formula: string, dRow: number, dCol: number): string | undefined {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied as is ('' and "" are the quote itself).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      if (j >= formula.length) return undefined;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[' || ch === '{') return undefined;
    if (/[A-Za-z$]/.test(ch) && (i === 0 || !BEFORE_NAME.test(formula[i - 1]))) {
      CELL.lastIndex = i;
      const m = CELL.exec(formula);
      if (m && formula[i + m[0].length] !== ':' && formula[i - 1] !== ':') {
        const col = columnIndex(m[2]) + (m[1] ? 0 : dCol);
        const row = Number(m[4]) + (m[3] ? 0 : dRow);
        if (columnIndex(m[2]) >= MAX_COLS) return undefined;
        if (col < 0 || col >= MAX_COLS || row < 1 || row > MAX_ROWS) return undefined;
        out += `${m[1]}${columnLetter(col)}${m[3]}${row}`;
        i += m[0].length;
        continue;
      }
      if (m) {
        // One end of a range: both ends are cells (A1:B2) or it is a whole row/column range.
        const range = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7}):(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/y;
        range.lastIndex = i;
        const r = range.exec(formula);
        if (!r) return undefined;
        const a = shiftFormula(`${r[1]}${r[2]}${r[3]}${r[4]}`, dRow, dCol);
        const b = shiftFormula(`${r[5]}${r[6]}${r[7]}${r[8]}`, dRow, dCol);
        if (a === undefined || b === undefined) return undefined;
        out += `${a}:${b}`;
        i += r[0].length;
        continue;
      }
      // A function or defined name: copied whole, so its letters are never read as a cell.
      const word = /[A-Za-z0-9_.\\$]+/y;
      word.lastIndex = i;
      const w = word.exec(formula)![0];
      if (formula[i + w.length] === ':' || (i > 0 && formula[i - 1] === ':')) return undefined;
      out += w;
      i += w.length;
      continue;
    }
    if (/[0-9]/.test(ch) && (i === 0 || !BEFORE_NAME.test(formula[i - 1]))) {
      const num = /[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?/y;
      num.lastIndex = i;
      const n = num.exec(formula)![0];
      // '1:3' is a whole-row range, not a number.
      if (formula[i + n.length] === ':') return undefined;
      out += n;
      i += n.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
