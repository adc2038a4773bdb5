import { parseA1 } from '../a1';
import type { Finding, FindingCode, Lang } from '../findings';
import { message } from '../messages';

/** Past this many in one column, findings of one kind are one finding. */
export const GROUP_AT = 10;

/** The kinds that repeat by the thousand in system exports; one mistake each, the same fix each. */
const GROUPED: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'text-number',
  'number-malformed',
  'missing-value',
  'formula-uncalculated',
  'date-value',
  'ambiguous-number',
  'division-by-zero',
  'error-value',
]);

/** Past this many findings of one kind on one sheet (column groups included), they are one finding for the sheet. */
export const SHEET_AT = 20;

const columnOf = (cell: string) => cell.replace(/\d+$/, '');

/** Kinds that say something about the sheet rather than a column: grouped across the whole sheet. */
const PER_SHEET: ReadonlySet<FindingCode> = new Set<FindingCode>(['formula-uncalculated']);

/**
 * Groups repeated findings: more than GROUP_AT of one code and severity in one
 * column of one table become one finding at the first cell, listing every cell
 * (and its fix) in `group`, so a sheet of 4,000 text amounts reads as one line.
 * Order is kept: the group stands where its first cell stood.
 */
export function groupRepeats(findings: Finding[], lang: Lang): Finding[] {
  const byColumn = merge(
    findings,
    (f) => `${f.sheet}\u0000${PER_SHEET.has(f.code) ? '*' : `${f.table ?? ''}\u0000${columnOf(f.cell)}`}\u0000${f.code}\u0000${f.severity}`,
    GROUP_AT,
    (list) => {
      list.sort((a, b) => (parseA1(a.cell)?.row ?? 0) - (parseA1(b.cell)?.row ?? 0) || (parseA1(a.cell)?.col ?? 0) - (parseA1(b.cell)?.col ?? 0));
      const first = list[0];
      const cells = list.slice(0, 3).map((f) => f.cell).join(', ');
      const perSheet = PER_SHEET.has(first.code);
      return {
        ...first,
        // 'One fix covers them all' only where there is a fix.
        message: message(perSheet ? 'grouped-sheet' : list.some((f) => f.fix) ? 'grouped' : 'grouped-nofix', { count: list.length, column: columnOf(first.cell), cells }, lang) + ' ' + first.message,
        // The first cell's own message follows; its id and parameters stay as they were.
        params: { ...first.params, groupCount: list.length, groupColumn: columnOf(first.cell) },
        group: { count: list.length, members: list.map((f) => ({ cell: f.cell, expected: f.expected, actual: f.actual, fix: f.fix })) },
      };
    },
  );
  // A scoring sheet with 150 columns of #DIV/0! still reads as one line: past SHEET_AT of one
  // kind on a sheet (column groups included), they become one finding listing every cell.
  return merge(byColumn, (f) => `${f.sheet}\u0000${f.code}\u0000${f.severity}`, SHEET_AT, (list) => {
    const first = list[0];
    const members = list.flatMap((f) => f.group?.members ?? [{ cell: f.cell, expected: f.expected, actual: f.actual, fix: f.fix }]);
    const cells = members.slice(0, 3).map((m) => m.cell).join(', ');
    const own = first.group ? first.message.slice(first.message.indexOf(':') + 1).trim() : first.message;
    return {
      ...first,
      message: message('grouped-sheet', { count: members.length, cells }, lang) + ' ' + own,
      params: { ...withoutColumn(first.params), groupCount: members.length },
      group: { count: members.length, members },
    };
  });
}

/**
 * Findings of the grouped kinds that share a key, past `over` of them, become the one
 * finding `combine` makes; the rest keep their order.
 */
function merge(findings: Finding[], keyOf: (f: Finding) => string, over: number, combine: (list: Finding[]) => Finding): Finding[] {
  const buckets = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!GROUPED.has(f.code) || f.source) continue;
    const key = keyOf(f);
    const list = buckets.get(key);
    if (list) list.push(f);
    else buckets.set(key, [f]);
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const list of buckets.values()) {
    if (list.length <= over) continue;
    // combine may sort the list: the group stands where its first cell stood.
    const grouped = combine(list);
    for (const f of list) replaced.set(f, null);
    replaced.set(list[0], grouped);
  }
  if (replaced.size === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const r = replaced.get(f);
    if (r === undefined) out.push(f);
    else if (r !== null) out.push(r);
  }
  return out;
}

function withoutColumn(params: Finding['params']): Record<string, string | number> {
  const { groupColumn: _column, ...rest } = params ?? {};
  return rest;
}
