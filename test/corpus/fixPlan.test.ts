/**
 * Issue 11's promise on every real corpus table: the mechanical fix plan converges
 * in one pass (checking again after it leaves nothing a mechanical fix could
 * resolve) and changes no cell of a table the corpus marks clean.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { applyToSnapshot } from '../../src/core/fixes/applyToSnapshot';
import { planConverging } from '../../src/core/fixes/converge';
import type { Finding } from '../../src/core/findings';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCase } = require('../../scripts/corpus/caseFile.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWorkbook } = require('../../scripts/corpus/build.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inRange } = require('../../scripts/corpus/a1.js');

jest.setTimeout(300_000);

interface CorpusCase {
  id: string;
  tables?: { sheet: string; range: string; clean?: boolean }[];
}

const CASES = path.join(__dirname, 'cases');
const files = fs
  .readdirSync(CASES)
  .filter((f) => f.endsWith('.json'))
  .sort();

const mechanicallyFixable = (findings: Finding[]) =>
  findings.filter((f) => (f.fix && !f.fix.judgement) || f.group?.members.some((m) => m.fix && !m.fix.judgement)).map((f) => `${f.code} ${f.sheet}!${f.cell}`);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-corpus-fix-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('the corpus has cases, some with clean tables', () => {
  expect(files.length).toBeGreaterThan(30);
});

it.each(files)('%s: one pass of mechanical fixes leaves nothing to fix, and no clean table is touched', async (name) => {
  const c = loadCase(path.join(CASES, name)) as CorpusCase;
  const file = path.join(dir, `${c.id}.xlsx`);
  await buildWorkbook(c, file);
  const snap = await readWorkbookFile(file);
  const plan = planConverging(snap, analyzeWorkbook(snap).findings);
  const mechanical = plan.edits.filter((e) => !e.judgement);
  const clean = (c.tables ?? []).filter((t) => t.clean);
  const inClean = mechanical.filter((e) => clean.some((t) => t.sheet === e.sheet && inRange(e.address, t.range)));
  expect(inClean.map((e) => `${e.sheet}!${e.address}`)).toEqual([]);
  const after = analyzeWorkbook(applyToSnapshot(snap, mechanical));
  expect(mechanicallyFixable(after.findings)).toEqual([]);
});
