import { parseRange, toA1 } from '../a1';
import { Grid } from '../grid';
import type { RecognizedTable } from '../model';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { NarrativeParagraph, NarrativeSource } from './types';

const LONG = 150;
/** A cell this long with a figure in it, on a sheet without tables, is a sentence of the report. */
const SENTENCE = 60;

/** A short line without a final period or colon reads as a title for what follows. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  // 'Sasaran 1:' titles what follows; 'Dengan penjelasan sebagai berikut :' only introduces it.
  if (t.length <= 30 && /:$/.test(t) && !/berikut/i.test(t)) return true;
  return t.length > 0 && t.length <= 140 && !/[.:;,]$/.test(t) && !/\b(sebanyak|sebesar)\b/i.test(t);
}

/**
 * Report prose kept in the workbook: every text cell of a sheet that has no
 * table but has real paragraphs (a 'Narasi' sheet), and long text cells
 * outside the tables elsewhere. Keterangan cells inside tables are data.
 */
export function narrativeFromWorkbook(snapshot: WorkbookSnapshot, tables: RecognizedTable[], grids?: ReadonlyMap<SheetSnapshot, Grid>): NarrativeSource[] {
  const out: NarrativeSource[] = [];
  // Each sheet's table ranges, gathered once: not a pass over every table for every sheet.
  const rangesOf = new Map<string, NonNullable<ReturnType<typeof parseRange>>[]>();
  for (const t of tables) {
    const list = rangesOf.get(t.sheet);
    if (list) list.push(parseRange(t.range)!);
    else rangesOf.set(t.sheet, [parseRange(t.range)!]);
  }
  for (const sheet of snapshot.sheets) {
    if (sheet.kind === 'chart') continue;
    // The grids the analysis made, when given: a sheet's merges are indexed once.
    const grid = grids?.get(sheet) ?? new Grid(sheet);
    if (grid.isEmpty) continue;
    const ranges = rangesOf.get(sheet.name) ?? [];
    const inTable = (r: number, c: number) => ranges.some((g) => r >= g.top && r <= g.bottom && c >= g.left && c <= g.right);
    const cells: { row: number; col: number; text: string }[] = [];
    // Beside tables only long text counts (see below), so short cells are passed over before the table test.
    const minLength = ranges.length === 0 ? 1 : LONG;
    for (let i = 0; i < sheet.values.length; i++) {
      const types = sheet.valueTypes[i];
      if (!types) continue;
      const r = grid.top + i;
      for (let j = 0; j < types.length; j++) {
        if (types[j] !== 'String') continue;
        const raw = sheet.values[i][j];
        if (typeof raw !== 'string' || raw.length < minLength) continue;
        const c = grid.left + j;
        if (grid.covered(r, c) || inTable(r, c)) continue;
        const text = raw.trim();
        if (text.length >= minLength) cells.push({ row: r, col: c, text });
      }
    }
    const proseSheet = ranges.length === 0;
    // A sheet of short paragraphs is prose too, once one of them is a sentence stating a figure.
    const hasProse = cells.some((x) => x.text.length >= LONG || (proseSheet && x.text.length >= SENTENCE && /\d/.test(x.text) && /\s\S+\s/.test(x.text)));
    if (!hasProse) continue;
    const paragraphs: NarrativeParagraph[] = cells
      .filter((x) => proseSheet || x.text.length >= LONG)
      .map((x) => ({
        text: x.text,
        heading: proseSheet && looksLikeHeading(x.text),
        sheet: sheet.name,
        cell: toA1(x.row, x.col),
      }));
    out.push({ name: sheet.name, paragraphs });
  }
  return out;
}
