import type { TableContext } from './context';
import { looksMalformedNumber } from '../numbers/malformed';
import { NUMERIC_ROLES, SUMMABLE_ROLES } from '../recognize/vocabulary';
import { layoutOf } from '../layouts';

// '/ D12', '/ $C$93', '/(C12+D12)', '/ SUM(…)': a division by something a cell holds.
// AVERAGEIF over cells none of which qualifies gives #DIV/0! itself, as AVERAGE of nothing and MOD(x;0) do.
const DIVIDING_FUNCTION = /\b(AVERAGE|AVERAGEA|AVERAGEIF|AVERAGEIFS|MOD|QUOTIENT|STDEV(\.[SP])?|STDEVA|VAR(\.[SP])?|VARA)\s*\(/i;
const DIVIDES_BY_CELL = /\/\s*\(*\s*(\$?[A-Z]{1,3}\$?\d+|'?[^'!/]+'?!|[A-Z][A-Z0-9.]*\()/i;

/**
 * How figures are stored: errors, numbers kept as text, text that reads two
 * ways, formulas without a stored result. #DIV/0! in a percentage column is
 * left to the percentage check, which knows the divisor.
 */
export function checkCellStates(ctx: TableContext): void {
  const numeric = ctx.table.columns.filter((k) => NUMERIC_ROLES.has(k.role));
  for (const row of ctx.table.rows) {
    if (row.role === 'section') continue;
    for (const k of numeric) {
      // Most cells are plain numbers, dashes, blanks or labels, which say nothing here: skip them before building a reading.
      const state = ctx.state(row.row, k.col);
      if (state === 'text') {
        reportMalformed(ctx, row.row, k.col, row.label);
        continue;
      }
      if (state === 'number' || state === 'dash' || state === 'empty') continue;
      const n = ctx.num(row.row, k.col);
      const label = row.label;
      if (n.state === 'error') {
        if (n.error === '#DIV/0!' && (k.role === 'percent' || k.role === 'capaian')) continue;
        ctx.report({
          code: n.error === '#DIV/0!' ? 'division-by-zero' : 'error-value',
          severity: 'error',
          row: row.row,
          col: k.col,
          // Here the divisor is not known, only the formula: say that, not an empty divisor. A formula
          // that divides by no cell ('='1 Disdik'!F106', '=SUM(H10:H31)') only carries an error from elsewhere.
          key: n.error === '#DIV/0!' ? (n.formula && !DIVIDES_BY_CELL.test(n.formula) && !DIVIDING_FUNCTION.test(n.formula) ? 'division-by-zero-upstream' : 'division-by-zero-formula') : 'error-value',
          params: n.error === '#DIV/0!' ? { label, formula: n.formula || '—' } : { label, error: n.error },
          actual: n.error,
        });
      } else if (n.state === 'text-number' && n.value) {
        // IKU targets typed as '6,25%' are read fine; only summed columns lose figures.
        const summed = SUMMABLE_ROLES.has(k.role) && layoutOf(ctx.table.kind).sums;
        ctx.report({
          code: 'text-number',
          severity: summed ? 'warning' : 'info',
          row: row.row,
          col: k.col,
          // A formula that returns text ('=IF(…;"1";"0")') is fixed in the formula: storing its value would end it.
          key: n.formula ? 'text-number-formula' : summed ? 'text-number' : 'text-number-plain',
          params: n.formula
            ? { label, raw: n.raw, formula: n.formula }
            : { label, raw: n.raw, expected: summed ? n.value.toFixed() : ctx.fmt(n.value) + (k.role === 'target' || k.role === 'realisasi' || k.role === 'percent' ? '%' : '') },
          expected: n.value,
          actual: n.raw,
          fix: n.formula ? undefined : { kind: 'convert-text-number', value: Number(n.value.toFixed()) },
        });
      } else if (n.state === 'date') {
        // A column read as figures only because its cells are numbers ('Versi', 'Tanggal') holds dates by design.
        if (k.confidence === 'low') continue;
        ctx.report({
          code: 'date-value',
          severity: 'warning',
          row: row.row,
          col: k.col,
          key: 'date-value',
          params: { label, raw: n.raw },
          actual: n.raw,
        });
      } else if (n.state === 'ambiguous' && n.value) {
        ctx.report({
          code: 'ambiguous-number',
          severity: 'warning',
          row: row.row,
          col: k.col,
          key: 'ambiguous-number',
          params: { label, raw: n.raw, expected: ctx.fmt(n.value), alternative: n.alternative ? ctx.fmt(n.alternative) : '' },
          actual: n.raw,
        });
      } else if (n.state === 'uncalculated' && n.value) {
        ctx.report({
          code: 'formula-uncalculated',
          severity: 'info',
          row: row.row,
          col: k.col,
          key: 'formula-uncalculated',
          params: { formula: n.formula, expected: ctx.fmt(n.value) },
          expected: n.value,
        });
      }
    }
  }
}

/** '1.5277.858.386,00' in a figure column: meant as a number, readable as none, so every sum skips it. */
function reportMalformed(ctx: TableContext, row: number, col: number, label: string): void {
  if (ctx.grid.typeAt(row, col) !== 'String') return;
  const raw = ctx.grid.textAt(row, col);
  if (!looksMalformedNumber(raw)) return;
  ctx.report({ code: 'number-malformed', severity: 'warning', row, col, key: 'number-malformed', params: { label, raw }, actual: raw });
}
