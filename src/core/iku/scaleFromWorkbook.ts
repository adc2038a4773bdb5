import Decimal from 'decimal.js';
import { Grid } from '../grid';
import type { PredikatBand, PredikatScale } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { customScale } from './scales';

const RANGE = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*(?:s\/d|sd|-|–|—|sampai(?: dengan)?)\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i;
const ATLEAST = /^\s*(?:>=|≥|>|lebih dari)\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i;
const BELOW = /^\s*(?:<|≤|<=|kurang dari)\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/i;

const num = (t: string) => new Decimal(t.replace(',', '.'));

/**
 * The report's own rating scale, when the workbook carries it ('Skala'
 * sheet: '90 s/d 100 | Sangat Berhasil' ... '< 60 | Tidak Berhasil'), so
 * predikat checks use the office's bands without a setting.
 */
export function scaleFromWorkbook(snapshot: WorkbookSnapshot): PredikatScale | undefined {
  for (const sheet of snapshot.sheets) {
    if (sheet.kind === 'chart') continue;
    const grid = new Grid(sheet);
    const bands: PredikatBand[] = [];
    for (let i = 0; i < sheet.values.length; i++) {
      const types = sheet.valueTypes[i];
      const values = sheet.values[i];
      if (!types) continue;
      const r = grid.top + i;
      for (let j = 0; j < types.length - 1; j++) {
        // Bands are text cells: test the stored text before anything else, so a big data sheet costs one regex per text cell.
        if (types[j] !== 'String') continue;
        const text = String(values[j]);
        const m = RANGE.exec(text) ?? ATLEAST.exec(text);
        if (!m && !BELOW.test(text)) continue;
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
