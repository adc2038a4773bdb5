import Decimal from 'decimal.js';
import { parseA1 } from '../a1';
import { isPercentFormat } from '../cells';
import type { Finding } from '../findings';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { CellEdit, CellState, FixPlan } from './types';

/** The first sheet of each name, found by lookup: a plan of many fixes over hundreds of sheets does not scan the sheets for each. */
export function sheetsByName(snapshot: WorkbookSnapshot): Map<string, SheetSnapshot> {
  const out = new Map<string, SheetSnapshot>();
  for (const s of snapshot.sheets) if (!out.has(s.name)) out.set(s.name, s);
  return out;
}

/** What a snapshot says a cell holds now. */
export function cellState(sheet: SheetSnapshot, row: number, col: number): CellState {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  const formula = sheet.formulas[r]?.[c];
  const numberFormat = sheet.numberFormat[r]?.[c] ?? 'General';
  if (typeof formula === 'string' && formula.startsWith('=')) return { value: '', formula, numberFormat };
  return { value: sheet.values[r]?.[c] ?? '', numberFormat };
}

// Per sheet and column, the rows that hold a typed number, found once: a plan of 90,000 text
// numbers asked the column again for each one (36 s on a real SIPD export).
const numberRows = new WeakMap<SheetSnapshot, Map<number, number[]>>();

function rowsWithNumbers(sheet: SheetSnapshot, c: number): number[] {
  let byCol = numberRows.get(sheet);
  if (!byCol) numberRows.set(sheet, (byCol = new Map()));
  let rows = byCol.get(c);
  if (!rows) {
    rows = [];
    for (let r = 0; r < sheet.valueTypes.length; r++) if (sheet.valueTypes[r]?.[c] === 'Double') rows.push(r);
    byCol.set(c, rows);
  }
  return rows;
}

/** A number typed as text takes the format of the real numbers around it, so '1.595' becomes 1.595 shown like its neighbours. */
function neighbourFormat(sheet: SheetSnapshot, row: number, col: number): string | undefined {
  const c = col - sheet.origin.col;
  const r = row - sheet.origin.row;
  const rows = rowsWithNumbers(sheet, c);
  if (rows.length === 0) return undefined;
  // The nearest row with a number; above wins a tie, as the outward search did.
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  const below = rows[lo] === r ? rows[lo + 1] : rows[lo];
  const above = rows[lo - 1];
  const pick = above === undefined ? below : below === undefined ? above : r - above <= below - r ? above : below;
  return pick === undefined ? undefined : sheet.numberFormat[pick][c];
}

/**
 * A text percentage ('31.40%') is read in percentage points; in a column of real
 * percentages Excel holds the fraction (0.314 shown as 31%), so the number written
 * is the fraction, shown with at least its own decimals. Written as 31.4 under
 * '0%' it would show 3.140 %, and the next check would 'fix' it to 31.
 */
function asPercentOfColumn(points: number, format: string): CellState {
  const value = new Decimal(points).div(100);
  const own = Math.max(0, value.decimalPlaces() - 2);
  const shown = /\.(0+)%/.exec(format)?.[1].length ?? 0;
  return { value: value.toNumber(), numberFormat: own > shown ? `0.${'0'.repeat(own)}%` : format };
}

function afterState(f: Finding, before: CellState, sheet: SheetSnapshot, row: number, col: number): CellState | string {
  const fix = f.fix!;
  switch (fix.kind) {
    case 'set-value':
    case 'convert-text-number': {
      const n = Number(fix.value);
      if (!Number.isFinite(n)) return 'not-a-number';
      const format =
        fix.kind === 'convert-text-number' && (before.numberFormat === '@' || before.numberFormat === 'General')
          ? neighbourFormat(sheet, row, col) ?? 'General'
          : before.numberFormat === '@'
            ? 'General'
            : before.numberFormat;
      if (fix.kind === 'convert-text-number' && !fix.numberFormat && isPercentFormat(format)) {
        // Without a '%' in the text nothing says it meant a percentage (an amount under a stray % format):
        // written as the number it reads, in a plain format, it means the same to every reader.
        if (typeof before.value === 'string' && before.value.includes('%')) return asPercentOfColumn(n, format);
        return { value: n, numberFormat: 'General' };
      }
      return { value: n, numberFormat: fix.numberFormat ?? format };
    }
    case 'set-formula':
      return { value: '', formula: String(fix.value), numberFormat: fix.numberFormat ?? before.numberFormat };
    case 'set-text':
      return { value: String(fix.value), numberFormat: fix.numberFormat ?? before.numberFormat };
  }
}

/**
 * Turn the fixes proposed by findings into cell edits that carry the cell's
 * current state, so applying them can be checked and undone exactly. One
 * edit per cell: the first finding to claim a cell wins.
 */
export function planFixes(snapshot: WorkbookSnapshot, findings: Finding[]): FixPlan {
  const plan: FixPlan = { edits: [], skipped: [] };
  const taken = new Set<string>();
  // A grouped finding stands for every cell it lists, each with its own fix.
  const each = findings.flatMap((f) => (f.group ? f.group.members.map((m) => ({ ...f, cell: m.cell, fix: m.fix, group: undefined })) : [f]));
  const byName = sheetsByName(snapshot);
  for (const f of each) {
    if (!f.fix || f.source) continue;
    const sheet = byName.get(f.sheet);
    const at = parseA1(f.cell);
    if (!sheet || !at) {
      plan.skipped.push({ code: f.code, sheet: f.sheet, cell: f.cell, reason: 'no-such-cell' });
      continue;
    }
    const key = `${f.sheet}!${f.cell}`;
    if (taken.has(key)) {
      plan.skipped.push({ code: f.code, sheet: f.sheet, cell: f.cell, reason: 'cell-already-fixed' });
      continue;
    }
    const before = cellState(sheet, at.row, at.col);
    const after = afterState(f, before, sheet, at.row, at.col);
    if (typeof after === 'string') {
      plan.skipped.push({ code: f.code, sheet: f.sheet, cell: f.cell, reason: after });
      continue;
    }
    taken.add(key);
    const edit: CellEdit = { sheet: f.sheet, address: f.cell, before, after, finding: { code: f.code, cell: f.cell } };
    if (f.fix.judgement) edit.judgement = true;
    plan.edits.push(edit);
  }
  return plan;
}
