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
    for (let r = grid.top; r <= grid.bottom; r++) {
      for (let c = grid.left; c < grid.right; c++) {
        const range = grid.textAt(r, c);
        const label = grid.textAt(r, c + 1);
        if (!label || /\d/.test(label)) continue;
        const m = RANGE.exec(range) ?? ATLEAST.exec(range);
        if (m) bands.push({ min: num(m[1]).toNumber(), label });
        else if (BELOW.test(range)) bands.push({ min: 0, label });
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
