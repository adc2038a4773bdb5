import Decimal from 'decimal.js';
import type { TableContext } from '../checks/context';
import type { ColumnRole, TableColumn } from '../model';
import { extractFigures } from './figures';
import type { ClaimKind } from './kinds';
import type { Subject, SubjectSeq } from './subjects';
import { words } from './text';
import type { ProseFigure } from './types';

export interface CellRef {
  ctx: TableContext;
  row: number;
  col: number;
  label: string;
  header: string;
  value: Decimal;
}

export type Link =
  | { status: 'agree'; cell: CellRef; roundedTo?: number }
  | { status: 'mismatch'; cell: CellRef; kind: ClaimKind | 'per' }
  | { status: 'unlinked' };

const COUNT_ROLES: ColumnRole[] = ['populasi', 'kewenangan-prov', 'ditangani', 'kewenangan-kab', 'count', 'jumlah'];

/** The year a sentence gives a figure: the nearest year before it, or none and whether the words point elsewhere ('tahun lalu'). */
export interface FigureWhen {
  year?: number;
  /** No year and no 'tahun lalu' / 'sebelumnya': the sentence speaks of the report's own (latest) year. */
  current: boolean;
}

const NOW: FigureWhen = { current: true };

/** Columns a figure of this unit and kind can restate, in the row's table. */
function columnsFor(s: Subject, figure: ProseFigure, kind: ClaimKind | undefined): TableColumn[] {
  const ctx = s.ctx;
  const unit = figure.unit;
  const cols = ctx.table.columns;
  const pick = (...roles: ColumnRole[]) => cols.filter((k) => roles.includes(k.role));
  const iku = ctx.table.kind === 'iku';
  if (kind === 'other') return [];
  if (kind === 'capaian' && !iku) kind = 'realisasi';
  if (unit === 'rupiah') {
    if (kind === 'realisasi') return pick('realisasi');
    if (kind === 'anggaran') return pick('anggaran');
    return pick('anggaran', 'realisasi');
  }
  if (unit === 'percent') {
    if (kind === 'target') return pick('target');
    // The capaian column first, so a disagreement is told against it; the realisasi of a % indicator may be meant.
    if (kind === 'capaian') return [...pick('capaian'), ...pick('realisasi')];
    if (kind === 'realisasi') return iku ? pick('realisasi') : pick('percent');
    if (kind === 'percent') return pick('percent', 'capaian');
    return pick('percent', 'target', 'realisasi', 'capaian').filter((k) => iku || k.role === 'percent');
  }
  if (unit === 'rate') return iku && (kind === 'target' || kind === 'realisasi') && rowRateBase(s) === figure.rateBase ? pick(kind) : [];
  if (iku) return indicatorColumns(s, figure, kind);
  switch (kind) {
    case 'populasi':
      return pick('populasi');
    case 'kewenangan-prov':
      return pick('kewenangan-prov');
    case 'kewenangan-kab':
      return pick('kewenangan-kab');
    case 'ditangani':
      return pick('ditangani');
    default:
      return pick(...COUNT_ROLES);
  }
}

/**
 * A figure of an indicator given in its own unit ('7,33 tahun', 'capaian sebesar 73,30'):
 * target and realisasi only when the words name the row's Satuan, capaian (always a
 * percentage) when no other unit is written. Sources: corpus cases
 * iku-kab-wonogiri-rkpd-2022-rls, nar-kab-tanahdatar-lkjip-2015-persampahan.
 */
function indicatorColumns(s: Subject, figure: ProseFigure, kind: ClaimKind | undefined): TableColumn[] {
  const pick = (role: ColumnRole) => s.ctx.table.columns.filter((k) => k.role === role);
  const satuanCol = s.ctx.col('satuan');
  const satuan = satuanCol ? words(s.ctx.grid.textAt(s.row.row, satuanCol.col)) : [];
  const percentRow = satuanCol !== undefined && /%|persen/i.test(s.ctx.grid.textAt(s.row.row, satuanCol.col));
  if (kind === 'capaian') return figure.unit === 'none' ? pick('capaian') : [];
  if (kind !== 'target' && kind !== 'realisasi') return [];
  const named = figure.unitWord !== undefined && satuan.includes(figure.unitWord);
  if (named || (percentRow && figure.unit === 'none')) return pick(kind);
  return [];
}

/** 'Angka Kematian Bayi per 1.000KH', Satuan '/100.000 KH': the base the row's rate is per. */
function rowRateBase(s: Subject): number | undefined {
  const satuan = s.ctx.col('satuan');
  const text = `${s.row.label} ${satuan ? s.ctx.grid.textAt(s.row.row, satuan.col) : ''}`;
  const m = /(?:\bper|\/)\s*(10{2,}|1(?:\.000)+|10(?:\.000)+|100(?:\.000)+)(?![\d.,]*\d)/i.exec(text);
  return m ? Number(m[1].replace(/\./g, '')) : undefined;
}

function headerYear(header: string): number | undefined {
  const years = header.match(/\b(19|20)\d\d\b/g);
  return years ? Number(years[years.length - 1]) : undefined;
}

/**
 * The one column a disagreement can be told against: where a role has a column per
 * year (Target 2020 | Target 2021), the one of the sentence's year, or of the latest
 * year when the sentence names none; when that cannot be settled, none.
 */
function forMismatch(cols: TableColumn[], when: FigureWhen): TableColumn[] {
  const out: TableColumn[] = [];
  const roles = [...new Set(cols.map((k) => k.role))];
  for (const role of roles) {
    const same = cols.filter((k) => k.role === role);
    if (same.length === 1) {
      out.push(same[0]);
      continue;
    }
    const years = same.map((k) => headerYear(k.header));
    if (years.some((y) => y === undefined) || new Set(years).size !== years.length) continue;
    if (when.year !== undefined) {
      const i = years.indexOf(when.year);
      if (i >= 0) out.push(same[i]);
    } else if (when.current) {
      const latest = Math.max(...(years as number[]));
      out.push(same[years.indexOf(latest)]);
    }
  }
  return cols.filter((k) => out.includes(k));
}

/** Whether a row's table has anywhere to hold this figure, so a nearer mention of another table does not steal it. */
export function canHold(s: Subject, figure: ProseFigure, kind: ClaimKind | undefined): boolean {
  if (figure.per) return s.ctx.col('keterangan') !== undefined;
  if (kind === 'belum') return s.ctx.col('kewenangan-prov') !== undefined && s.ctx.col('ditangani') !== undefined;
  return columnsFor(s, figure, kind).length > 0;
}

function cellRef(s: Subject, col: TableColumn, value: Decimal): CellRef {
  return { ctx: s.ctx, row: s.row.row, col: col.col, label: s.row.label, header: col.header, value };
}

/** The figure a table cell holds, or null when it holds none (empty, error, text). */
function cellValue(s: Subject, col: TableColumn): Decimal | null {
  const n = s.ctx.num(s.row.row, col.col);
  if (n.state === 'empty' || n.state === 'error' || n.state === 'text') return null;
  return n.value;
}

/** 'Belum ditangani' is not a column: it is Kewenangan Provinsi minus Yang ditangani. */
function notHandled(s: Subject): CellRef | null {
  const prov = s.ctx.col('kewenangan-prov');
  const handled = s.ctx.col('ditangani');
  if (!prov || !handled) return null;
  const p = cellValue(s, prov);
  const h = cellValue(s, handled);
  if (!p || !h) return null;
  return { ...cellRef(s, handled, p.minus(h)), header: `${prov.header} − ${handled.header}` };
}

/**
 * A rate as the table may hold it: as written (9,53 per 1.000), or as a percentage
 * (162/100.000 KH held as 0,16 %). Source: corpus case iku-kab-manggaraitimur-lkjip-2019-sasaran5.
 */
function rateForms(figure: ProseFigure): Decimal[] {
  return figure.rateBase ? [figure.value, figure.value.times(100).div(figure.rateBase)] : [figure.value];
}

function same(figure: ProseFigure, value: Decimal): { ok: boolean; roundedTo?: number } {
  if (value.eq(figure.value)) return { ok: true };
  if (figure.unit === 'rate') {
    // The table keeps fewer decimals than the rate's percentage has ('0,162' shown 0,16).
    const places = value.decimalPlaces();
    return { ok: rateForms(figure).some((v) => v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).eq(value)) };
  }
  if (figure.unit === 'percent') {
    // '96,8%' in prose restates 96,82 in the table: fewer decimals are a rounding, not a disagreement.
    const r = value.toDecimalPlaces(figure.decimals, Decimal.ROUND_HALF_UP);
    if (r.eq(figure.value)) return { ok: true, roundedTo: figure.decimals };
  }
  return { ok: false };
}

function keteranganFigures(s: Subject): { col: TableColumn; figures: ProseFigure[] } | null {
  const ket = s.ctx.col('keterangan');
  if (!ket) return null;
  // Typed Keterangan glues words to amounts ('per orangRp.1.600.000'); part them so the amount reads.
  const text = s.ctx.grid.textAt(s.row.row, ket.col).replace(/([A-Za-z])(Rp\.?)/g, '$1 $2');
  return text ? { col: ket, figures: extractFigures(text) } : null;
}

/** The cell of this row that says what the figure says, if any (the agreement test of linkFigure for one row). */
function agreeWith(s: Subject, figure: ProseFigure, kind: ClaimKind | undefined): Link | undefined {
  if (figure.per) {
    const k = keteranganFigures(s);
    const hit = k?.figures.find((f) => f.per === figure.per && f.value.eq(figure.value));
    if (hit && k) return { status: 'agree', cell: cellRef(s, k.col, hit.value) };
    return undefined;
  }
  if (kind === 'belum') {
    const d = notHandled(s);
    if (d && d.value.eq(figure.value)) return { status: 'agree', cell: d };
  }
  for (const col of columnsFor(s, figure, kind)) {
    const v = cellValue(s, col);
    if (!v) continue;
    const m = same(figure, v);
    if (m.ok) return { status: 'agree', cell: cellRef(s, col, v), roundedTo: m.roundedTo };
  }
  return undefined;
}

const keyOf = (v: Decimal) => (v.isZero() ? '0' : v.toString());

/** A cell agreeWith would test, in its order: 'eq' agrees only when equal, 'same' also when the prose rounds it. */
interface Candidate {
  order: number;
  cell: CellRef;
  value: Decimal;
  test: 'eq' | 'same';
}

/** One list's cells by value, for one kind of figure. */
interface ByValue {
  candidates: Candidate[];
  exact: Map<string, Candidate>;
  /** Percentages: the 'same' cells by their value shown with so many decimals. */
  rounded: Map<number, Map<string, Candidate>>;
}

/** What agreeWith reads of a row for this kind of figure, in its order. */
function candidatesOf(list: readonly Subject[], figure: ProseFigure, kind: ClaimKind | undefined, work: { rowsRead: number }): Candidate[] {
  const out: Candidate[] = [];
  for (const s of list) {
    work.rowsRead++;
    if (figure.per) {
      const k = keteranganFigures(s);
      if (k) for (const f of k.figures) if (f.per === figure.per) out.push({ order: out.length, cell: cellRef(s, k.col, f.value), value: f.value, test: 'eq' });
      continue;
    }
    if (kind === 'belum') {
      const d = notHandled(s);
      if (d) out.push({ order: out.length, cell: d, value: d.value, test: 'eq' });
    }
    for (const col of columnsFor(s, figure, kind)) {
      const v = cellValue(s, col);
      if (v) out.push({ order: out.length, cell: cellRef(s, col, v), value: v, test: 'same' });
    }
  }
  return out;
}

/**
 * Where a prose figure agrees with a list of rows, found by its value. The lists are
 * shared (the rows a phrase names, the totals of every table), so each list's cells
 * are read into maps once per kind of figure (unit, claim, unit word; the decimals
 * shown, for percentages) and a figure is settled by lookup, not by reading every
 * row the paragraph names. Rates, whose agreement depends on their base, walk the list.
 */
export class RowValues {
  /** Rows read to settle figures so far (into maps, or walked for rates): work a test can count. */
  rowsRead = 0;
  private readonly lists = new WeakMap<readonly Subject[], Map<string, ByValue>>();
  private readonly details = new WeakMap<readonly Subject[], Map<string, { s: Subject; col: TableColumn; value: Decimal }>>();

  /** The first agreement in the list, as linkFigure's walk over it would find it. */
  firstAgreeing(list: readonly Subject[], figure: ProseFigure, kind: ClaimKind | undefined): Link | undefined {
    if (list.length === 0) return undefined;
    if (figure.unit === 'rate' && !figure.per) {
      for (const s of list) {
        this.rowsRead++;
        const a = agreeWith(s, figure, kind);
        if (a) return a;
      }
      return undefined;
    }
    let byKind = this.lists.get(list);
    if (!byKind) this.lists.set(list, (byKind = new Map()));
    const key = figure.per ? `per ${figure.per}` : `${kind ?? ''}|${figure.unit}|${figure.unitWord ?? ''}`;
    let index = byKind.get(key);
    if (!index) {
      const candidates = candidatesOf(list, figure, kind, this);
      const exact = new Map<string, Candidate>();
      for (const c of candidates) {
        const k = keyOf(c.value);
        if (!exact.has(k)) exact.set(k, c);
      }
      byKind.set(key, (index = { candidates, exact, rounded: new Map() }));
    }
    let hit = index.exact.get(keyOf(figure.value));
    if (figure.unit === 'percent' && !figure.per) {
      // '96,8%' restates 96,82: the first cell equal to it, or shown with its decimals equal to it.
      let rounded = index.rounded.get(figure.decimals);
      if (!rounded) {
        rounded = new Map();
        for (const c of index.candidates) {
          if (c.test !== 'same') continue;
          const k = keyOf(c.value.toDecimalPlaces(figure.decimals, Decimal.ROUND_HALF_UP));
          if (!rounded.has(k)) rounded.set(k, c);
        }
        index.rounded.set(figure.decimals, rounded);
      }
      const r = rounded.get(keyOf(figure.value));
      if (r && (!hit || r.order < hit.order)) hit = r;
    }
    if (!hit) return undefined;
    if (hit.test === 'eq') return { status: 'agree', cell: hit.cell };
    const m = same(figure, hit.value);
    return m.ok ? { status: 'agree', cell: hit.cell, roundedTo: m.roundedTo } : undefined;
  }

  /** The first row of the list whose Keterangan restates the figure ('270 klien', '20 panti swasta'). */
  firstDetail(list: readonly Subject[], figure: ProseFigure): Link | undefined {
    let map = this.details.get(list);
    if (!map) {
      map = new Map();
      for (const s of list) {
        this.rowsRead++;
        const k = keteranganFigures(s);
        if (!k) continue;
        for (const f of k.figures) {
          if (f.per) continue;
          const key = keyOf(f.value);
          if (!map.has(key)) map.set(key, { s, col: k.col, value: f.value });
        }
      }
      this.details.set(list, map);
    }
    const hit = map.get(keyOf(figure.value));
    return hit ? { status: 'agree', cell: cellRef(hit.s, hit.col, hit.value) } : undefined;
  }
}

/**
 * Link one figure to the table: agreement with any cell of any candidate row
 * (the lists in order, then the totals of `fallback` when given) settles it;
 * a disagreement is reported only against the row the sentence is clearly
 * about and the column its words name.
 */
export function linkFigure(
  figure: ProseFigure,
  kind: ClaimKind | undefined,
  candidates: SubjectSeq,
  primary: SubjectSeq,
  when: FigureWhen = NOW,
  fallback?: readonly Subject[],
  values: RowValues = new RowValues(),
): Link {
  for (const list of candidates) {
    const a = values.firstAgreeing(list, figure, kind);
    if (a) return a;
  }
  if (fallback) {
    const a = values.firstAgreeing(fallback, figure, kind);
    if (a) return a;
  }
  // Details restated from Keterangan ('270 klien', '20 panti swasta') count as agreement, never as disagreement.
  if (!figure.per && figure.unit !== 'percent' && figure.unit !== 'rupiah') {
    for (const list of fallback ? [...candidates, fallback] : candidates) {
      const a = values.firstDetail(list, figure);
      if (a) return a;
    }
  }
  return disagreement(figure, kind, primary, when);
}

/** A rate is told against a cell only when one of its forms is of the cell's size: otherwise the table holds it in a scale not known. */
function comparable(figure: ProseFigure, value: Decimal): boolean {
  if (figure.unit !== 'rate') return true;
  return rateForms(figure).some((v) => !v.isZero() && value.div(v).abs().gte(0.5) && value.div(v).abs().lte(2));
}

function disagreement(figure: ProseFigure, kind: ClaimKind | undefined, lists: SubjectSeq, when: FigureWhen): Link {
  // Told against the first row the sentence is about that has the cell: rows in order, across the lists.
  const primary = (function* () {
    for (const list of lists) yield* list;
  })();
  if (figure.per) {
    for (const s of primary) {
      const k = keteranganFigures(s);
      const other = k?.figures.find((f) => f.per === figure.per && f.unit === 'rupiah');
      if (other && k) return { status: 'mismatch', cell: cellRef(s, k.col, other.value), kind: 'per' };
    }
    return { status: 'unlinked' };
  }
  if (!kind) return { status: 'unlinked' };
  if (figure.unit === 'percent' && kind !== 'target' && kind !== 'realisasi' && kind !== 'capaian' && kind !== 'percent') return { status: 'unlinked' };
  for (const s of primary) {
    if (kind === 'belum') {
      const d = notHandled(s);
      if (d) return { status: 'mismatch', cell: d, kind };
      continue;
    }
    // A column read as figures only from its cells (a code list under a header '1906') is never told against.
    for (const col of forMismatch(columnsFor(s, figure, kind), when).filter((k) => k.confidence !== 'low')) {
      const v = cellValue(s, col);
      // An empty cell is not a disagreement: the prose may be the only place the figure is written.
      if (v && comparable(figure, v)) return { status: 'mismatch', cell: cellRef(s, col, v), kind };
    }
  }
  return { status: 'unlinked' };
}
