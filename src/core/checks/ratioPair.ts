import { parseA1 } from '../a1';
import type { TableColumn, TableRow } from '../model';
import { roundTo, type TableContext } from './context';
import { agreesExactly } from './percentExact';

export interface Pair {
  num: TableColumn;
  den: TableColumn;
}

export type PairChoice = { pair: Pair } | { unsure: 'percent-pair' | 'percent-disagree' | 'percent-share'; params: Record<string, string | number> };

/** 'K10/J10' anywhere in the formula of row 10 ('=K10/J10*100', '=IFERROR(K10/J10,0)', '=(K10/J10)*100'). */
export const DIVISION = /\$?([A-Z]{1,3})\$?(\d+)\s*\)?\s*\/\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+)/i;

/** The pair most of the column's own formulas divide, when most of its formulas agree on one. */
function formulaPair(ctx: TableContext, items: TableRow[], pct: TableColumn): Pair | undefined {
  const votes = new Map<string, number>();
  let formulas = 0;
  for (const row of items) {
    const f = ctx.grid.formulaAt(row.row, pct.col);
    if (typeof f !== 'string' || !f.startsWith('=')) continue;
    // A few hundred formulas tell which pair the column divides as well as ten thousand do.
    if (++formulas > 400) break;
    const m = DIVISION.exec(f);
    if (!m || Number(m[2]) !== row.row + 1 || Number(m[4]) !== row.row + 1) continue;
    const key = `${m[1].toUpperCase()} ${m[3].toUpperCase()}`;
    votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const e of votes) if (!best || e[1] > best[1]) best = e;
  if (!best || best[1] * 2 <= Math.min(formulas, 400)) return undefined;
  const [n, d] = best[0].split(' ').map((letters) => parseA1(`${letters}1`)!.col);
  const num = ctx.table.columns.find((k) => k.col === n);
  const den = ctx.table.columns.find((k) => k.col === d);
  return num && den ? { num, den } : undefined;
}

/**
 * '=C12/$C$14*100' on most rows: the column divides by one total cell, so it is each
 * row's share of the total, whatever its header says (a real RFK 'pagu' sheet paired
 * it with realisasi / sisa and reported a wrong percentage). Returns one such formula.
 */
function shareFormula(ctx: TableContext, items: TableRow[], pct: TableColumn): string | undefined {
  let formulas = 0;
  let shares = 0;
  let example: string | undefined;
  for (const row of items) {
    const f = ctx.grid.formulaAt(row.row, pct.col);
    if (typeof f !== 'string' || !f.startsWith('=')) continue;
    if (++formulas > 400) break;
    const m = SHARE.exec(f);
    if (m && (m[2] !== undefined || Number(m[3]) !== row.row + 1)) {
      shares++;
      example ??= f;
    }
  }
  return shares > 0 && shares * 2 > Math.min(formulas, 400) ? example : undefined;
}

// A division whose divisor is absolute ('$C$14', 'C$14') or on another row.
const SHARE = /\$?[A-Z]{1,3}\$?\d+\s*\)?\s*\/\s*\(?\s*(\$?[A-Z]{1,3})(\$)?(\d+)/i;

/** Rows of a % column the pair explains, of the rows it can be computed for. */
function agreement(ctx: TableContext, items: TableRow[], pct: TableColumn, p: Pair): { agree: number; rows: number } {
  let agree = 0;
  let rows = 0;
  for (const row of items) {
    const cell = ctx.num(row.row, pct.col);
    // Most rows agree, and whole figures settle that without Decimal (see percentExact).
    if (agreesExactly(ctx, row, p.num, p.den, cell)) {
      rows++;
      agree++;
      continue;
    }
    const n = ctx.num(row.row, p.num.col).value;
    const d = ctx.num(row.row, p.den.col).value;
    if (cell.value === null || cell.state === 'error' || cell.state === 'empty' || !n || !d || d.isZero()) continue;
    rows++;
    const places = cell.decimals;
    if (roundTo(cell.value, places).eq(roundTo(n.div(d).times(100), places))) agree++;
  }
  return { agree, rows };
}

/**
 * Which two columns a % column divides. Tables with column groups (Operasi |
 * Modal | Total, each Anggaran / Realisasi / %; Tahun 2021 | Tahun 2022) have
 * several candidates: the pair the column's own formulas divide wins; else
 * the pair left of it that explains most rows. When no pair explains most
 * rows, or two explain as many, the column is not judged: a wrong pairing
 * would turn every correct row into an error.
 */
export function choosePair(ctx: TableContext, pct: TableColumn, nums: TableColumn[], dens: TableColumn[]): PairChoice | undefined {
  const items = ctx.table.rows.filter((r) => r.role === 'item' || r.role === 'parent');
  const byFormula = formulaPair(ctx, items, pct);
  if (byFormula) return { pair: byFormula };
  const share = shareFormula(ctx, items, pct);
  if (share) return { unsure: 'percent-share', params: { column: pct.header, formula: share } };
  const left = (k: TableColumn) => k.col < pct.col;
  let candidates = nums.flatMap((num) => dens.filter((den) => den !== num).map((den) => ({ num, den })));
  if (candidates.length > 1 && candidates.some((p) => left(p.num) && left(p.den))) candidates = candidates.filter((p) => left(p.num) && left(p.den));
  if (candidates.length === 0) return undefined;
  const scored = candidates.map((p) => ({ p, ...agreement(ctx, items, pct, p) }));
  // Nearest to the % column first, so that among equals the pair of its own group wins.
  scored.sort((a, b) => b.agree - a.agree || Math.max(b.p.num.col, b.p.den.col) - Math.max(a.p.num.col, a.p.den.col));
  const best = scored[0];
  // Several pairs and none explains a single row: any choice would be a guess.
  if ((best.rows >= 3 && best.agree * 2 < best.rows) || (candidates.length > 1 && best.agree === 0)) {
    return { unsure: 'percent-disagree', params: { column: pct.header, agree: best.agree, rows: best.rows, num: best.p.num.header, den: best.p.den.header } };
  }
  const rival = scored.find((s) => s !== best && s.agree === best.agree && best.agree > 0 && best.agree < best.rows);
  if (rival) {
    const names = [best, rival].map((s) => `${s.p.num.header} / ${s.p.den.header}`).join(ctx.lang === 'id' ? ' atau ' : ' or ');
    return { unsure: 'percent-pair', params: { column: pct.header, pairs: names } };
  }
  return { pair: best.p };
}

