/**
 * The files `lakip fix` writes open in LibreOffice and show the fixed values: a second,
 * independent reader of the package. LibreOffice 7.4 does not act on fullCalcOnLoad
 * (it recalculates .xlsx files on load only when its own setting says so), so the
 * profile used here sets "Recalculation on file load" to Always, as a user would, to
 * check that formulas over the fixed cells compute right. Skipped, with a note, where
 * LibreOffice is not installed (CI installs it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lakip, NTT, ROOT, rmDir, tmpDir } from './helpers';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('fixLibreOffice.test.ts: soffice not found, LibreOffice check skipped (apt-get install libreoffice-calc)');
const maybe = hasSoffice ? describe : describe.skip;

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const at = (rows: string[][], a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
};

maybe('LibreOffice opens the fixed files', () => {
  let dir: string;
  const csv = new Map<string, string[][]>();
  const fixtures = ['chart.xlsx', 'conditional-validation.xlsx', 'macro.xlsm', 'names-comment.xlsx', 'pivot.xlsx'];

  beforeAll(async () => {
    dir = tmpDir('lakip-fix-lo-');
    const inputs = [...fixtures.map((f) => path.join(ROOT, 'test', 'fixtures', 'fix', f)), NTT];
    const outs: string[] = [];
    for (const input of inputs) {
      const out = path.join(dir, `fixed-${path.basename(input)}`);
      const r = await lakip(['fix', input, '--out', out]);
      if (r.code !== 0) throw new Error(`lakip fix ${input}: ${r.code} ${r.stderr}`);
      outs.push(out);
    }
    // One LibreOffice start for every file, with its own profile so parallel runs never share one.
    fs.mkdirSync(path.join(dir, 'profile', 'user'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'profile', 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
    );
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', '--outdir', dir, ...outs],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
    for (const out of outs) {
      const file = out.replace(/\.xls[xm]$/, '.csv');
      csv.set(path.basename(out), parseCsv(fs.readFileSync(file, 'utf8')));
    }
  }, 240_000);
  afterAll(() => dir && rmDir(dir));

  it.each(fixtures)('%s shows the fixed PMKS table, recalculated', (name) => {
    const rows = csv.get(`fixed-${name}`)!;
    expect(at(rows, 'C5')).toBe('1595');
    expect(at(rows, 'F7')).toBe('Kewenangan Pusat');
    expect(at(rows, 'F8')).toBe('50');
    expect(at(rows, 'C10')).toBe('19015');
    expect(at(rows, 'D10')).toBe('5162');
    // Written by nobody, recalculated on load from the fixed D10: 4.452 / 5.162 × 100.
    expect(Number(at(rows, 'F10'))).toBeCloseTo((4452 / 5162) * 100, 6);
  });

  it('dinsos-ntt-2021.xlsx shows its fixed PMKS sheet', () => {
    const rows = csv.get('fixed-dinsos-ntt-2021.xlsx')!;
    expect(at(rows, 'D8')).toBe('1595');
    expect(at(rows, 'G13')).toBe('Kewenangan Pusat');
    expect(at(rows, 'D30')).toBe('2579089');
    expect(at(rows, 'E30')).toBe('975138');
  });
});
