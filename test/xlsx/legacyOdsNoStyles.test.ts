/**
 * An .ods without styles.xml (optional in ODF; Gnumeric's samples and some generators write
 * none, and LibreOffice opens them) reads as the same cells; found in the regression run,
 * where SheetJS refused two such files ("Cannot find file styles.xml in zip").
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';

const ODS = path.join(__dirname, '..', 'fixtures', 'legacy', 'dinsos-ntt-2021.ods');

test('the sample as .ods with its styles.xml removed reads with the same values', async () => {
  const bytes = new Uint8Array(fs.readFileSync(ODS));
  const parts = unzipSync(bytes);
  expect(Object.keys(parts)).toContain('styles.xml');
  const without: Zippable = {};
  // mimetype first and stored, as ODF asks.
  without.mimetype = [parts.mimetype, { level: 0 }];
  for (const [name, data] of Object.entries(parts)) if (name !== 'mimetype' && name !== 'styles.xml') without[name] = data;
  const stripped = zipSync(without);
  const full = await readWorkbookBuffer(bytes, 'ntt.ods');
  const bare = await readWorkbookBuffer(stripped, 'ntt-tanpa-gaya.ods');
  expect(bare.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
  for (let i = 0; i < full.sheets.length; i++) expect(bare.sheets[i].values).toEqual(full.sheets[i].values);
});
