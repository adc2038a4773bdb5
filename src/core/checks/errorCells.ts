import { toA1 } from '../a1';
import type { Finding, Lang } from '../findings';
import type { Grid } from '../grid';
import { message } from '../messages';

/** More cells with one error than this in one column are one finding, not one each. */
const GROUP_AT = 5;

/**
 * Error values anywhere in the workbook (#REF!, #VALUE!, #N/A, #NAME?, #NUM!,
 * #NULL!, #DIV/0!), inside recognised tables or not (forms such as DPA
 * sheets), with the formula that produced them. Cells a table check already
 * reported are skipped. Many of one error down one column are grouped.
 */
export function checkErrorCells(grids: Grid[], reported: ReadonlySet<string>, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const grid of grids) {
    const byColumn = new Map<string, { row: number; col: number; error: string; formula: string }[]>();
    const s = grid.snap;
    for (let i = 0; i < s.valueTypes.length; i++) {
      const types = s.valueTypes[i];
      for (let j = 0; j < types.length; j++) {
        if (types[j] !== 'Error') continue;
        const row = grid.top + i;
        const col = grid.left + j;
        if (reported.has(`${grid.name}!${toA1(row, col)}`)) continue;
        const error = String(s.values[i][j]);
        const f = s.formulas[i]?.[j];
        const formula = typeof f === 'string' && f.startsWith('=') ? f : '';
        const key = `${col} ${error}`;
        let list = byColumn.get(key);
        if (!list) byColumn.set(key, (list = []));
        list.push({ row, col, error, formula });
      }
    }
    for (const list of byColumn.values()) {
      if (list.length > GROUP_AT) {
        const first = list[0];
        const cells = list.slice(0, 3).map((c) => toA1(c.row, c.col)).join(', ');
        out.push({
          code: 'error-value',
          severity: 'error',
          sheet: grid.name,
          cell: toA1(first.row, first.col),
          message: message('error-value-group', { error: first.error, count: list.length, cells, formula: first.formula || '—' }, lang),
          messageId: 'error-value-group',
          params: { error: first.error, count: list.length, cells, formula: first.formula || '—' },
          actual: first.error,
          group: { count: list.length, members: list.map((c) => ({ cell: toA1(c.row, c.col), actual: c.error })) },
        });
        continue;
      }
      for (const c of list) {
        out.push({
          code: 'error-value',
          severity: 'error',
          sheet: grid.name,
          cell: toA1(c.row, c.col),
          message: message(c.formula ? 'error-value-formula' : 'error-value-typed', { error: c.error, formula: c.formula }, lang),
          messageId: c.formula ? 'error-value-formula' : 'error-value-typed',
          params: { error: c.error, formula: c.formula },
          actual: c.error,
        });
      }
    }
  }
  return out;
}
