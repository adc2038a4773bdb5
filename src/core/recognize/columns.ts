import { numericStateAt, readNumeric, storedNumberOf } from '../cells';
import { columnLetter } from '../a1';
import type { Grid } from '../grid';
import type { ColumnRole, TableColumn } from '../model';
import { isUnit } from './headers';
import { attainmentOf, headerSaysPercent, isIdentifierHeader, isPeriodHeader, NUMERIC_ROLES, roleForHeader, SUMMABLE_ROLES } from './vocabulary';

/** Header text per column: the group title and the sub-header joined, merged cells followed. */
export function headerTexts(grid: Grid, headerRows: number[], left: number, right: number): string[] {
  const out: string[] = [];
  for (let c = left; c <= right; c++) {
    const parts: string[] = [];
    for (const r of headerRows) {
      const t = grid.textAt(r, c, true);
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push(parts.join(' '));
  }
  return out;
}

function subHeader(grid: Grid, headerRows: number[], c: number): string {
  return headerRows.length > 1 ? grid.textAt(headerRows[headerRows.length - 1], c, true) : '';
}

/**
 * Whether at least `share` of the filled data cells in a column read as
 * numbers. It stops as soon as the rest of the column cannot change the
 * answer: a column of ten thousand program names is settled after a few
 * thousand cells, not read to the end.
 */
export function numericShareAtLeast(grid: Grid, rows: number[], col: number, share: number, dashes = true): boolean {
  // A share is as well known from 600 rows spread over the table as from 100,000.
  if (rows.length > SAMPLE) rows = spread(rows, SAMPLE);
  let nums = 0;
  let filled = 0;
  for (let i = 0; i < rows.length; i++) {
    const state = numericStateAt(grid, rows[i], col, 'integer');
    if (state !== 'empty') {
      filled++;
      if (state !== 'text' && (dashes || state !== 'dash')) nums++;
    }
    const left = rows.length - i - 1;
    // Even if every remaining cell is filled text, the share holds; or even if all are numbers, it cannot be reached.
    if (nums >= share * (filled + left) && nums > 0) return true;
    if (nums + left < share * (filled + left) && (filled === 0 || nums < share * filled)) return false;
  }
  return filled > 0 && nums >= share * filled;
}

const SAMPLE = 600;

/** `n` rows spread evenly over `rows`, the first and last among them. */
function spread(rows: number[], n: number): number[] {
  const out: number[] = [];
  const step = (rows.length - 1) / (n - 1);
  for (let i = 0; i < n; i++) out.push(rows[Math.round(i * step)]);
  return out;
}

/**
 * Column roles from the header words, then settled by the table around them:
 * a percentage-marked 'Realisasi' is a percentage in a budget table but the
 * realisation of an indicator in an IKU table; an unknown header over numbers
 * is a count.
 */
export function assignColumns(grid: Grid, headerRows: number[], left: number, right: number, dataRows: number[], unitRow?: number): TableColumn[] {
  const texts = headerTexts(grid, headerRows, left, right);
  const cols: TableColumn[] = [];
  for (let c = left; c <= right; c++) {
    const header = texts[c - left];
    const sub = subHeader(grid, headerRows, c);
    let role: ColumnRole | null = (sub && roleForHeader(sub)) || roleForHeader(header);
    // A 'Tahun' column (2010, 2011 …) names its rows; summed into a row total it added 2010 to every row.
    // NIK, No. Kartu and the like are digits, not figures: never summed, never 'stored as text'.
    // (Digit strings matter only where no header word named the column as a figure.)
    if (role !== 'code' && role !== 'no' && (isIdentifierHeader(header) || ((role === null || role === 'label' || role === 'text') && holdsIdentifiers(grid, dataRows, c)))) {
      cols.push({ col: c, letter: columnLetter(c), header, role: 'text', confidence: 'high' });
      continue;
    }
    if (isPeriodHeader(header) || (role === null && holdsYears(grid, dataRows, c))) {
      cols.push({ col: c, letter: columnLetter(c), header, role: 'label', confidence: 'high' });
      continue;
    }
    let confidence: 'high' | 'low' = 'high';
    if (role === null) {
      role = numericShareAtLeast(grid, dataRows, c, 0.5) ? 'count' : 'text';
      confidence = 'low';
    }
    // A column of '-' bullets under 'Uraian' (DPA rincian lines) is still text: dashes are no figures here.
    else if ((role === 'label' || role === 'text') && (numericShareAtLeast(grid, dataRows, c, 0.8, false) || (cols.some((k) => k.role === 'label') && figuresAndDashes(grid, dataRows, c)))) {
      // 'Program Profesi' under 'Jumlah Lulusan … Melanjutkan' beside the row labels: counts, with '-' for none.
      role = 'count';
      confidence = 'low';
    }
    // 'Belanja Operasi' over the row labels names the table, not an amount column: figures need figures.
    else if (NUMERIC_ROLES.has(role) && !numericShareAtLeast(grid, dataRows, c, 0.3)) role = cols.some((k) => k.role === 'label') ? 'text' : 'label';
    cols.push({ col: c, letter: columnLetter(c), header, role, confidence });
  }
  // A count the vocabulary did not name that is, row by row, one column over another
  // (Kepadatan = Penduduk / Luas, a rate per 1.000) is a ratio: its total is no sum.
  const plain = plainFigures(grid, left, right);
  for (const k of cols) {
    if (k.role === 'count' && k.confidence === 'low' && quotientOfOthers(grid, dataRows, k, cols, plain)) k.role = 'ratio';
  }
  const has = (r: ColumnRole) => cols.some((k) => k.role === r);
  for (const k of cols) {
    if (k.role === 'realisasi' && headerSaysPercent(k.header) && (has('anggaran') || cols.filter((x) => x.role === 'realisasi').length > 1)) {
      k.role = 'percent';
    }
  }
  // SPM tables head the population column 'Target': with 'Yang ditangani' and no realisation it is the population.
  if (has('ditangani') && !has('populasi') && !has('realisasi')) {
    const t = cols.find((k) => k.role === 'target');
    if (t) t.role = 'populasi';
  }
  for (const k of cols) {
    if (k.role === 'jumlah' && !cols.some((x) => x.col < k.col && x.role === 'count')) k.role = 'count';
  }
  if (!has('label')) {
    const ind = cols.find((k) => k.role === 'indikator' && !numericShareAtLeast(grid, dataRows, k.col, 0.5));
    if (ind && (has('target') || !has('sasaran'))) ind.role = 'label';
  }
  for (const k of cols) {
    // 'SD JUNI' holding =K26/M26 on every row is a ratio, whatever its header says: summed up a
    // Kode Rekening tree it gave hundreds of wrong errors (a SIPD export tried locally).
    if (SUMMABLE_ROLES.has(k.role) && dividesMostly(grid, dataRows, k.col)) k.role = 'ratio';
  }
  for (const k of cols) {
    if ((k.role === 'predikat' || k.role === 'keterangan' || k.role === 'text') && saysAttainment(grid, dataRows, k.col)) k.role = 'kriteria';
  }
  // SIPD heads four code columns (urusan | SKPD | sub kegiatan | akun) with one unmerged 'Kode':
  // an unheaded column of codes right of a code column continues it.
  for (let i = 1; i < cols.length; i++) {
    const k = cols[i];
    if (cols[i - 1].role === 'code' && k.header.trim() === '' && (k.role === 'text' || k.role === 'count') && holdsCodes(grid, dataRows, k.col)) k.role = 'code';
  }
  if (unitRow !== undefined) applyUnits(grid, unitRow, cols);
  const codeCols = cols.filter((k) => k.role === 'code');
  if (codeCols.length > 1) codeCols.forEach((k, i) => (k.codePart = i));
  return cols;
}

/**
 * The unit row names each column's unit: it joins the header ('NILAI ANGGARAN Rp', for the
 * scale words of 'Rp. (000)'), and a count or amount marked '%' is a percentage the layout
 * cannot pair (physical progress, a weight): never summed. An indicator's target and
 * realisasi keep their roles: their unit is the indicator's.
 */
function applyUnits(grid: Grid, unitRow: number, cols: TableColumn[]): void {
  const budget = cols.some((k) => k.role === 'anggaran');
  for (const k of cols) {
    const unit = grid.textAt(unitRow, k.col, true).trim();
    if (!unit || !isUnit(unit)) continue;
    if (!k.header.toLowerCase().endsWith(unit.toLowerCase())) k.header = `${k.header} ${unit}`.trim();
    if (!/^\(?\s*(%|persen)\s*\)?$/i.test(unit)) continue;
    if (k.role === 'count' || k.role === 'jumlah' || k.role === 'anggaran' || (budget && (k.role === 'realisasi' || k.role === 'target'))) k.role = 'ratio';
  }
}

/** Figures and '-' for none, with real figures in at least a third of the filled cells: a count column, not labels. */
function figuresAndDashes(grid: Grid, rows: number[], col: number): boolean {
  return numericShareAtLeast(grid, rows, col, 0.8, true) && numericShareAtLeast(grid, rows, col, 0.34, false);
}

const FACTORS = [1, 100, 1000];

/**
 * Whether, in most rows, the column equals one other numeric column divided by another
 * (× 1, 100 or 1.000), at the precision it shows. This only decides whether the column is
 * summed (no finding compares these numbers), so plain numbers with a tolerance of half
 * the shown unit do; at most 40 rows are read, a pair is dropped at its ninth miss, and a
 * column headed in rupiah is an amount, never asked.
 */
/** A cell's figure as a plain number (undefined: none, or text), read once per cell however many columns ask. */
function plainFigures(grid: Grid, left: number, right: number): (row: number, col: number) => number | undefined {
  // Per row, an array by column (null: not read yet): every low-confidence count column asks
  // for the same cells of its neighbours.
  const rows = new Map<number, (number | undefined | null)[]>();
  return (row, col) => {
    let known = rows.get(row);
    if (known === undefined) {
      known = new Array<number | undefined | null>(right - left + 1).fill(null);
      rows.set(row, known);
    }
    const i = col - left;
    const seen = i >= 0 && i < known.length ? known[i] : null;
    if (seen !== null) return seen;
    const m = readNumeric(grid, row, col, undefined);
    // A typed number is its stored number (a Decimal made of it reads back the same); a percentage is scaled as a Decimal.
    const stored = m.percentFormat ? undefined : storedNumberOf(m);
    const v = stored !== undefined ? stored : m.value && m.state !== 'text' ? m.value.toNumber() : undefined;
    if (i >= 0 && i < known.length) known[i] = v;
    return v;
  };
}

function quotientOfOthers(grid: Grid, dataRows: number[], k: TableColumn, cols: TableColumn[], plain: (row: number, col: number) => number | undefined): boolean {
  if (/\brp\b|rupiah/i.test(k.header)) return false;
  const others = cols.filter((x) => x !== k && NUMERIC_ROLES.has(x.role));
  if (others.length < 2 || others.length > 16) return false;
  const sample: { v: number; tol: number; row: (number | undefined)[] }[] = [];
  for (const r of dataRows) {
    if (sample.length >= 40) break;
    const n = readNumeric(grid, r, k.col, undefined);
    if (n.state === 'text') continue;
    // Zero without making a Decimal of a typed number.
    const stored = storedNumberOf(n);
    if (stored !== undefined ? stored === 0 : !n.value || n.value.isZero()) continue;
    // The other columns' figures by their place in `others`.
    const row: (number | undefined)[] = [];
    for (const o of others) row.push(plain(r, o.col));
    const v = plain(r, k.col)!;
    // Half the shown unit, but never more than 1 % of the value: '1' is not 100 / 95.
    sample.push({ v, tol: Math.min(0.5 * 10 ** -n.decimals, Math.abs(v) * 0.01) + Math.abs(v) * 1e-9, row });
  }
  if (sample.length < 5) return false;
  const allowed = Math.floor(sample.length / 5);
  for (let a = 0; a < others.length; a++) {
    for (let b = 0; b < others.length; b++) {
      if (a === b) continue;
      for (const f of FACTORS) {
        let agree = 0;
        let misses = 0;
        for (const s of sample) {
          const x = s.row[a];
          const y = s.row[b];
          // x / 1 and x / x prove nothing: small counts meet them by chance.
          const ok = x !== undefined && y !== undefined && y !== 0 && y !== 1 && x !== y && x !== s.v && Math.abs((x / y) * f - s.v) <= s.tol;
          if (ok) agree++;
          else if (++misses > allowed) break;
        }
        if (agree >= 5 && misses <= allowed) return true;
      }
    }
  }
  return false;
}

// One cell over another ('=K26/M26'), or a percentage of a fixed figure ('=J10/20*100', a real RFK
// sheet's share of a 20 % quarterly target); '=C10/1000' (a change of unit) still adds up.
const DIVIDES = /^=\s*(IFERROR\(|IF\(.*?,)?\s*\(?\s*\$?[A-Z]{1,3}\$?\d+\s*\)?\s*\/\s*\(?\s*(\$?[A-Z]{1,3}\$?\d+|\d+(\.\d+)?\s*\)?\s*\*\s*100\b)/i;

/**
 * Whether at least `share` of a column's filled cells pass `test` (and at least
 * `least` of them do). A column of 40,000 names is settled after 200 cells
 * when none has passed.
 */
function mostly(grid: Grid, rows: number[], col: number, test: (text: string, row: number) => boolean, share: number, least = 1): boolean {
  let filled = 0;
  let hits = 0;
  for (const r of rows) {
    if (grid.typeAt(r, col) === 'Empty') continue;
    const t = grid.textAt(r, col).trim();
    if (t === '') continue;
    filled++;
    if (test(t, r)) hits++;
    else if (filled >= 200 && hits === 0) return false;
  }
  return hits >= least && hits >= share * filled;
}

/** Most filled cells are formulas that divide one cell by another (types and formulas only: no text needed). */
function dividesMostly(grid: Grid, rows: number[], col: number): boolean {
  let filled = 0;
  let divides = 0;
  for (const r of rows) {
    if (grid.typeAt(r, col) === 'Empty') continue;
    filled++;
    const f = grid.formulaAt(r, col);
    if (typeof f === 'string' && f.charCodeAt(0) === 61 && DIVIDES.test(f)) divides++;
    else if (filled >= 200 && divides === 0) return false;
  }
  return divides >= 2 && divides * 2 > filled;
}

/** Most filled cells are dotted digit groups ('1.02.2.14.0.00.01.0000', '5.1.02.01.001'). */
function holdsCodes(grid: Grid, rows: number[], col: number): boolean {
  return mostly(grid, rows, col, (t) => /^\d+(\.\d+)+\.?$/.test(t), 0.5001);
}

/** Most filled cells are digit strings of 15+ digits or with a leading zero (NIK, card numbers). */
function holdsIdentifiers(grid: Grid, rows: number[], col: number): boolean {
  return mostly(grid, rows, col, (t) => /^(0\d{3,}|\d{15,})$/.test(t), 0.5001);
}

/** Every filled cell is a distinct year (1900–2100) and there are at least two. */
function holdsYears(grid: Grid, rows: number[], col: number): boolean {
  const seen = new Set<number>();
  for (const r of rows) {
    const t = grid.textAt(r, col).trim();
    if (t === '') continue;
    if (!/^(19|20)\d\d$/.test(t)) return false;
    const y = Number(t);
    if (seen.has(y)) return false;
    seen.add(y);
  }
  return seen.size >= 2;
}

/** Most filled text cells of the column are attainment words ('Tercapai', 'Tidak Tercapai'). */
function saysAttainment(grid: Grid, rows: number[], col: number): boolean {
  return mostly(grid, rows, col, (t, r) => grid.typeAt(r, col) === 'String' && attainmentOf(t) !== null, 0.6);
}

export function numericColumns(cols: TableColumn[]): TableColumn[] {
  return cols.filter((k) => NUMERIC_ROLES.has(k.role));
}
