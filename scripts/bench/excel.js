'use strict';
/**
 * Add-in reads and writes through the typed fake of the Excel API (test/excel/fakeExcel.ts):
 * the .ts files are compiled in-process with the project's TypeScript
 * (transpileModule; the project has isolatedModules), no ts-node, no jest.
 *   node scripts/bench/excel.js   -> JSON
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');
require.extensions['.ts'] = (module, filename) => {
  const src = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(src, {
    fileName: filename,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, resolveJsonModule: true, isolatedModules: true },
  });
  module._compile(out.outputText, filename);
};

const { FakeExcel } = require(path.join(ROOT, 'test/excel/fakeExcel.ts'));
const { bigSheet, sheetFrom } = require(path.join(ROOT, 'test/excel/generate.ts'));
const { readWorkbookSnapshot } = require(path.join(ROOT, 'src/excel/readSnapshot.ts'));
const { applyEdits } = require(path.join(ROOT, 'src/excel/writeEdits.ts'));
const { revertAll } = require(path.join(ROOT, 'src/excel/revertLog.ts'));
const { readWorkbookFile } = require(path.join(ROOT, 'dist/xlsx/readWorkbook.js'));

async function measure(wb) {
  const fake = new FakeExcel(wb);
  const t = process.hrtime.bigint();
  const snap = await readWorkbookSnapshot(fake.context);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cells = snap.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + (r ? r.length : 0), 0), 0);
  return { syncs: fake.syncCount, maxBytes: Math.max(...fake.syncs.map((s) => s.bytes)), totalBytes: fake.syncs.reduce((n, s) => n + s.bytes, 0), errors: fake.syncs.filter((s) => s.error).length, cells, ms };
}

/** Syncs and request/response bytes of the syncs from `start` on. */
function since(fake, start) {
  const s = fake.syncs.slice(start);
  // A sync refused for its size (and retried in parts by the code) is counted apart, not as the largest answer.
  const ok = s.filter((x) => !x.error);
  return { syncs: s.length, maxRequest: Math.max(...ok.map((x) => x.requestBytes)), maxResponse: Math.max(...ok.map((x) => x.bytes)), refused: s.length - ok.length };
}

/**
 * Writes: `n` fixes applied at once (numbers stored as text turned into
 * numbers, scattered over a 50,000 x 20 sheet, every other row of column C
 * and on into D...), then revertAll.
 */
async function measureWrites(n) {
  const sheet = bigSheet('Data', 50_000, 20);
  const edits = [];
  for (let i = 0; edits.length < n; i++) {
    const row = 1 + ((i * 2) % 49_998);
    const col = 2 + Math.floor((i * 2) / 49_998);
    const before = { value: String(sheet.values[row][col]), numberFormat: '@' };
    sheet.values[row][col] = before.value;
    sheet.text[row][col] = before.value;
    sheet.formulas[row][col] = before.value;
    sheet.numberFormat[row][col] = '@';
    sheet.valueTypes[row][col] = 'String';
    const address = `${String.fromCharCode(65 + col)}${row + 1}`;
    edits.push({ sheet: 'Data', address, before, after: { value: Number(before.value) || 0, numberFormat: '#,##0' }, finding: { code: 'text-number', cell: address } });
  }
  const fake = new FakeExcel({ sheets: [sheet] });
  const out = { edits: n };
  let t = process.hrtime.bigint();
  try {
    await applyEdits(fake.context, edits, { now: () => new Date('2026-01-01T00:00:00Z') });
    out.apply = { ...since(fake, 0), ms: Number(process.hrtime.bigint() - t) / 1e6 };
  } catch (e) {
    out.apply = { ...since(fake, 0), failed: e && (e.code || e.message) };
    return out;
  }
  const start = fake.syncs.length;
  t = process.hrtime.bigint();
  const reverted = await revertAll(fake.context);
  out.revert = { ...since(fake, start), ms: Number(process.hrtime.bigint() - t) / 1e6, reverted };
  return out;
}

async function main() {
  const out = {};
  // (a) one 50,000 x 20 sheet (plus a small title sheet, as in readSnapshot.test.ts).
  const title = sheetFrom('Judul', [{ row: 0, col: 0, value: 'LAKIP Dinas Sosial', type: 'String' }, { row: 1, col: 0, value: 'Jumlah' }, { row: 1, col: 1, value: 10, numberFormat: '#,##0' }], { merges: ['A1:C1'] });
  out.big = await measure({ sheets: [title, bigSheet('Data', 50_000, 20)] });
  // (b) 30 sheets: the NTT sample's five LAKIP sheets, six times over.
  const ntt = await readWorkbookFile(path.join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx'));
  const sheets = [];
  for (let k = 0; sheets.length < 30; k++) for (const s of ntt.sheets) if (sheets.length < 30) sheets.push({ ...s, name: `${s.name.slice(0, 25)} ${k + 1}` });
  out.many = await measure({ sheets });
  out.writes = [];
  for (const n of [100, 1_000, 10_000, 50_000]) out.writes.push(await measureWrites(n));
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
