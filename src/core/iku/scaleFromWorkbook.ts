import Decimal from 'decimal.js';
import { Grid } from '../grid';
import type { PredikatBand, PredikatScale } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { customScale } from './scales';

const RANGE = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*(?:s\/d|sd|-|–|—|sampai(?: dengan)?)\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i;
const ATLEAST = /^\s*(?:>=|≥|>|lebih dari)\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i;
const BELOW = /^\s*(?:<|≤|<=|kurang dari)\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i;

/**
 * A cheap test that rules out nearly every cell before the three band
 * regexes: a range starts with a figure and has a separator; the others
 * start with a comparison.
 */
function mayBeBand(text: string): boolean {
  const t = text.trimStart();
  const ch = t.charCodeAt(0);
  if (ch >= 48 && ch <= 57) return /s\/?d|[-–—]|sampai/i.test(t);
  return ch === 60 || ch === 62 || t[0] === '≥' || t[0] === '≤' || /^(lebih|kurang)/i.test(t);
}

const num = (t: string) => new Decimal(t.replace(',', '.'));

/**
 * The report's own rating scale, when the workbook carries it ('Skala'
 * sheet: '90 s/d 100 | Sangat Berhasil' ... '< 60 | Tidak Berhasil'), so
 * predikat checks use the office's bands without a setting.
 */
export function scaleFromWorkbook(snapshot: WorkbookSnapshot): PredikatScale | undefined {
  for (const sheet of snapshot.sheets) {
    if (sheet.kind === 'chart') continue;
    // Made only for a sheet with a cell that reads as a band: most sheets have none.
    let grid: Grid | undefined;
    const bands: PredikatBand[] = [];
    for (let i = 0; i < sheet.values.length; i++) {
      const types = sheet.valueTypes[i];
      const values = sheet.values[i];
      if (!types) continue;
      for (let j = 0; j < types.length - 1; j++) {
        // Bands are text cells: test the stored text before anything else, so a big data sheet costs one regex per text cell.
        if (types[j] !== 'String') continue;
        const text = String(values[j]);
        if (!mayBeBand(text)) continue;
        const m = RANGE.exec(text) ?? ATLEAST.exec(text);
        if (!m && !BELOW.test(text)) continue;
        grid ??= new Grid(sheet);
        const r = grid.top + i;
        const c = grid.left + j;
        if (grid.textAt(r, c) === '') continue; // covered by a merge: Excel shows it empty
        const label = grid.textAt(r, c + 1);
        if (!label || /\d/.test(label)) continue;
        bands.push({ min: m ? num(m[1]).toNumber() : 0, label });
      }
    }
    if (bands.length < 3) continue;
    bands.sort((a, b) => Number(b.min) - Number(a.min));
    try {
      return customScale(`'${sheet.name}'`, bands);
    } catch {
      // Bands that do not form a scale (duplicates, one label twice) are not the report's scale.
    }
  }
  return undefined;
}
