/**
 * What a report table owes its reader about the workbook it came from: which
 * values it shows differently (built with the accepted fixes), which values the
 * check flags that it shows as typed, and whether its reading of the table is
 * unsure. The first two become notes under the table, so every output (Word HTML,
 * .docx, the inserted sheet, the CLI) carries them; the third is a warning the
 * pane and the CLI give before exporting.
 */
import { columnLetter, toA1 } from '../a1';
import type { TableContext } from '../checks/context';
import type { Finding, Lang } from '../findings';
import { formatNumber } from '../numbers/format';
import type { RecognizedTable } from '../model';
import { agrees, typedAt, typedText } from './typed';
import type { SpecCell, SpecDifference, TableSpec } from './types';

/** The body cells that come from a workbook cell, in table order. */
export function sourcedCells(spec: TableSpec): (SpecCell & { source: { row: number; col: number } })[] {
  return spec.bodyRows.flatMap((r) => r.cells.filter((c): c is SpecCell & { source: { row: number; col: number } } => c.source !== undefined));
}

function rowName(table: RecognizedTable, row: number, lang: Lang): string {
  const label = table.rows.find((r) => r.row === row)?.label?.trim();
  return label || `${lang === 'en' ? 'row' : 'baris'} ${row + 1}`;
}

function columnName(table: RecognizedTable, col: number): string {
  return table.columns.find((k) => k.col === col)?.header?.trim() || columnLetter(col);
}

function cellText(cell: SpecCell, lang: Lang): string {
  if (typeof cell.value === 'number' && cell.text.trim() !== '-') return formatNumber(cell.value, lang, cell.decimals ?? 0);
  return cell.text;
}

/**
 * Cells whose value in the table is not the original workbook's: `original` reads
 * the workbook as it is, `used` the one the table was built from. A cell empty in
 * both holds a figure the table adds (a Jumlah the sheet lacks), not a change.
 */
export function differencesFrom(spec: TableSpec, original: TableContext, used: TableContext, lang: Lang): SpecDifference[] {
  const out: SpecDifference[] = [];
  for (const cell of sourcedCells(spec)) {
    const { row, col } = cell.source;
    const before = typedAt(original, row, col);
    if (before.kind === 'none' ? typedAt(used, row, col).kind === 'none' : agrees(cell, before)) continue;
    out.push({
      cell: toA1(row, col),
      row: rowName(original.table, row, lang),
      column: columnName(original.table, col),
      table: cellText(cell, lang),
      workbook: before.kind === 'none' ? (lang === 'en' ? 'empty' : 'kosong') : typedText(before, lang),
    });
  }
  return out;
}

/** Findings that say a value is wrong or doubtful; a number stored as text is shown as its number, so it is left out. */
const NOT_ABOUT_THE_VALUE: ReadonlySet<string> = new Set(['text-number', 'not-checked']);

/** A1 addresses of the table's cells that the check flags (errors and warnings), in table order. */
export function flaggedCells(spec: TableSpec, findings: readonly Finding[]): string[] {
  const flagged = new Set<string>();
  for (const f of findings) {
    if (f.sheet !== spec.from.sheet || f.severity === 'info' || NOT_ABOUT_THE_VALUE.has(f.code) || f.related || f.source) continue;
    for (const cell of f.group ? f.group.members.map((m) => m.cell) : [f.cell]) flagged.add(cell);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of sourcedCells(spec)) {
    const a = toA1(c.source.row, c.source.col);
    if (flagged.has(a) && !seen.has(a)) {
      seen.add(a);
      out.push(a);
    }
  }
  return out;
}

/**
 * Whether the table, or a column of figures in it, was recognised only from its
 * cells: a column the spec reads, or one of figures it may have left out (an
 * unknown header over numbers). Text columns the spec does not show are no risk.
 */
export function lowConfidenceOf(spec: TableSpec, table: RecognizedTable): TableSpec['lowConfidence'] {
  const used = new Set(sourcedCells(spec).map((c) => c.source.col));
  const columns = table.columns.filter((k) => k.confidence === 'low' && (used.has(k.col) || k.role !== 'text')).map((k) => k.header?.trim() || k.letter);
  const low = table.confidence === 'low';
  return low || columns.length ? { table: low, columns } : undefined;
}

const LISTED = 10;

function cellList(cells: string[], lang: Lang): string {
  const shown = cells.slice(0, LISTED).join(', ');
  const more = cells.length - LISTED;
  if (more <= 0) return shown;
  return lang === 'en' ? `${shown} and ${more} more` : `${shown} dan ${more} lainnya`;
}

/** The notes under the table: what differs from the workbook, then what the check flags. */
export function truthNotes(spec: TableSpec, lang: Lang): string[] {
  const notes: string[] = [];
  const diffs = spec.differences ?? [];
  if (diffs.length) {
    const items = diffs.map((d) =>
      lang === 'en'
        ? `row '${d.row}', column '${d.column}' (${d.cell}): ${d.table} (in the workbook: ${d.workbook})`
        : `baris '${d.row}', kolom '${d.column}' (${d.cell}): ${d.table} (di buku kerja: ${d.workbook})`,
    );
    notes.push(
      lang === 'en'
        ? `Note: with the accepted fixes, these values differ from the workbook: ${items.join('; ')}.`
        : `Catatan: dengan perbaikan yang diterima, nilai berikut berbeda dari buku kerja: ${items.join('; ')}.`,
    );
  }
  const flagged = spec.flagged ?? [];
  if (flagged.length) {
    const n = flagged.length;
    const where = cellList(flagged, lang);
    notes.push(
      lang === 'en'
        ? `Note: the check flags ${n} ${n === 1 ? 'value' : 'values'} in this table, shown as the workbook has ${n === 1 ? 'it' : 'them'} (sheet "${spec.from.sheet}": ${where}).`
        : `Catatan: pemeriksaan menandai ${n} nilai di tabel ini, yang ditulis seperti di buku kerja (lembar "${spec.from.sheet}": ${where}).`,
    );
  }
  return notes;
}
