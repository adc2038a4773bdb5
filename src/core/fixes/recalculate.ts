/**
 * Excel recalculates every formula that depends on a cell a fix wrote: a SUM over a
 * text number fixed into a number now counts it, a % beside a corrected total follows
 * it. The preview models that with the engine's own evaluator, so its grid and its
 * next check see what Excel would. Formulas outside the evaluator's subset (IF, other
 * sheets, names) keep the value the workbook cached, never a guess.
 */
import Decimal from 'decimal.js';
import { parseA1, toA1 } from '../a1';
import { evaluateFormula } from '../formula/evaluate';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { applyToSnapshot, shownText } from './applyToSnapshot';
import { sheetsByName } from './plan';
import type { CellEdit } from './types';

export interface CellRef {
  sheet: string;
  address: string;
}

// A chain subtotal → total → % is a few steps; a circular reference must not spin.
const MAX_PASSES = 20;
// Cells read over all formulas of one call: a sheet of whole-column SUMs cannot stall the preview.
const MAX_LOOKUPS = 2_000_000;

class StopFormula extends Error {}

/**
 * Recomputes, in `snapshot` (a copy the caller owns), the formulas that depend on the
 * `changed` cells, directly or through other recomputed formulas. Returns the cells
 * whose value changed, in the order they were settled.
 */
export function recalculateDependents(snapshot: WorkbookSnapshot, changed: CellRef[]): CellRef[] {
  const out: CellRef[] = [];
  let lookups = 0;
  const bySheet = new Map<string, Set<string>>();
  for (const c of changed) {
    const p = parseA1(c.address);
    if (!p) continue;
    const set = bySheet.get(c.sheet) ?? new Set<string>();
    set.add(`${p.row},${p.col}`);
    bySheet.set(c.sheet, set);
  }
  const byName = sheetsByName(snapshot);
  for (const [name, dirty] of bySheet) {
    const sheet = byName.get(name);
    if (!sheet) continue;
    const formulas = formulaCells(sheet);
    const settled = new Map<string, CellRef>();
    for (let pass = 0; pass < MAX_PASSES && lookups < MAX_LOOKUPS; pass++) {
      let moved = false;
      for (const f of formulas) {
        let touched = false;
        const res = evaluateFormula(f.formula, (row, col) => {
          if (++lookups > MAX_LOOKUPS) throw new StopFormula('budget');
          if (dirty.has(`${row},${col}`)) touched = true;
          const r = row - sheet.origin.row;
          const c = col - sheet.origin.col;
          // Excel carries an error through the formula; keep what the workbook cached instead.
          if (sheet.valueTypes[r]?.[c] === 'Error') throw new StopFormula('error');
          const v = sheet.values[r]?.[c];
          return typeof v === 'number' ? new Decimal(v) : null;
        });
        if (!touched || (!res.ok && res.error === 'unsupported')) continue;
        if (!store(sheet, f, res.ok ? res.value.toNumber() : res.error)) continue;
        dirty.add(`${f.row},${f.col}`);
        settled.set(`${f.row},${f.col}`, { sheet: name, address: toA1(f.row, f.col) });
        moved = true;
      }
      if (!moved) break;
    }
    out.push(...settled.values());
  }
  return out;
}

/** The edits applied as applyToSnapshot does, then their dependents recalculated; the recalculated cells listed. */
export function applyAndRecalculate(snapshot: WorkbookSnapshot, edits: CellEdit[], side: 'after' | 'before' = 'after'): { snapshot: WorkbookSnapshot; recalculated: CellRef[] } {
  const next = applyToSnapshot(snapshot, edits, side);
  return { snapshot: next, recalculated: recalculateDependents(next, edits) };
}

interface FormulaCell {
  row: number;
  col: number;
  r: number;
  c: number;
  formula: string;
}

function formulaCells(sheet: SheetSnapshot): FormulaCell[] {
  const out: FormulaCell[] = [];
  sheet.formulas.forEach((line, r) =>
    line.forEach((f, c) => {
      if (typeof f === 'string' && f.startsWith('=')) out.push({ row: r + sheet.origin.row, col: c + sheet.origin.col, r, c, formula: f });
    }),
  );
  return out;
}

/** Writes a result; false when the cell already holds it (nothing to pass on). */
function store(sheet: SheetSnapshot, f: FormulaCell, value: number | string): boolean {
  if (sheet.values[f.r][f.c] === value) return false;
  sheet.values[f.r][f.c] = value;
  if (typeof value === 'number') {
    sheet.valueTypes[f.r][f.c] = 'Double';
    sheet.text[f.r][f.c] = shownText(value, sheet.numberFormat[f.r]?.[f.c] ?? 'General');
  } else {
    sheet.valueTypes[f.r][f.c] = 'Error';
    sheet.text[f.r][f.c] = value;
  }
  return true;
}
