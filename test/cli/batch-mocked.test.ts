/**
 * Batch behaviour with the reader and the engine replaced, so that exit codes and
 * streaming can be checked against findings chosen here.
 */
import type { Finding, Severity } from '../../src/core/findings';
import type { WorkbookReport } from '../../src/core/model';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { lakip } from './helpers';
import { FLOTIM_SCALE } from '../fixtures/scales';

jest.mock('../../src/core/analyze', () => ({ analyzeWorkbook: jest.fn() }));
jest.mock('../../src/xlsx/readWorkbook', () => ({ readWorkbookFile: jest.fn() }));

const read = readWorkbookFile as jest.MockedFunction<typeof readWorkbookFile>;
const analyze = analyzeWorkbook as jest.MockedFunction<typeof analyzeWorkbook>;

/** The fake snapshot carries the file name so the fake engine can answer per file. */
const snap = (file: string) => ({ sheets: [], file }) as unknown as WorkbookSnapshot;

function finding(severity: Severity, cell = 'C5'): Finding {
  return { code: 'total-mismatch', severity, sheet: 'PMKS', cell, message: `m-${severity}`, expected: '10', actual: '9' };
}

function report(...severities: Severity[]): WorkbookReport {
  return {
    tables: [{ sheet: 'PMKS', kind: 'pmks', range: 'A3:F20', headerRows: [2], columns: [], rows: [] }],
    findings: severities.map((s, i) => finding(s, `C${i + 5}`)),
  };
}

beforeEach(() => {
  read.mockReset();
  analyze.mockReset();
  read.mockImplementation(async (file: string) => snap(file));
});

describe('--fail-on thresholds', () => {
  it.each<[Severity[], string | undefined, number]>([
    [['error', 'info'], undefined, 0],
    [['error'], 'error', 1],
    [['warning'], 'error', 0],
    [['warning'], 'warning', 1],
    [['error'], 'warning', 1],
    [['info'], 'warning', 0],
    [[], 'warning', 0],
  ])('findings %j with --fail-on %s => %i', async (severities, failOn, code) => {
    analyze.mockReturnValue(report(...severities));
    const args = ['check', 'a.xlsx', '--format', 'json', ...(failOn ? ['--fail-on', failOn] : [])];
    expect((await lakip(args)).code).toBe(code);
  });
});

it('passes --lang, --scale and --marker to the engine', async () => {
  analyze.mockReturnValue(report());
  await lakip(['check', 'a.xlsx', '--lang', 'en', '--scale', FLOTIM_SCALE, '--marker', 'Urusan Pusat']);
  expect(analyze).toHaveBeenCalledWith(expect.anything(), { lang: 'en', scale: FLOTIM_SCALE, pusatMarker: 'Urusan Pusat' });
  analyze.mockClear();
  await lakip(['check', 'a.xlsx']);
  expect(analyze).toHaveBeenCalledWith(expect.anything(), { lang: 'id' });
});

it('reads one file at a time and writes each result before reading the next', async () => {
  let active = 0;
  let maxActive = 0;
  let stdoutSoFar = '';
  const seenBeforeRead: string[] = [];
  read.mockImplementation(async (file: string) => {
    active++;
    maxActive = Math.max(maxActive, active);
    seenBeforeRead.push(stdoutSoFar);
    await new Promise((r) => setTimeout(r, 2));
    active--;
    return snap(file);
  });
  analyze.mockImplementation((s) => {
    const file = (s as unknown as { file: string }).file;
    return { ...report('warning'), findings: [{ ...finding('warning'), message: `temuan ${file}` }] };
  });
  const files = Array.from({ length: 6 }, (_, i) => `f${i}.xlsx`);
  // Capture stdout as it is written.
  const { run } = await import('../../src/cli/main');
  const code = await run(['check', ...files, '--format', 'json'], {
    stdout: { write: (s: string) => ((stdoutSoFar += s), true) },
    stderr: { write: () => true },
    isTTY: false,
    env: {},
  });
  expect(code).toBe(0);
  expect(maxActive).toBe(1);
  expect(read.mock.calls.map((c) => c[0])).toEqual(files);
  for (let i = 1; i < files.length; i++) expect(seenBeforeRead[i]).toContain(`temuan f${i - 1}.xlsx`);
  expect(JSON.parse(stdoutSoFar).files).toHaveLength(6);
});

it('reader errors: WorkbookReadError gives its code and message; anything else read-failed', async () => {
  read.mockImplementation(async (file: string) => {
    if (file === 'kunci.xlsx') throw new WorkbookReadError('encrypted', file);
    if (file === 'aneh.xlsx') throw new TypeError('boom');
    return snap(file);
  });
  analyze.mockReturnValue(report('info'));
  const r = await lakip(['check', 'kunci.xlsx', 'ok.xlsx', 'aneh.xlsx', '--format', 'json']);
  expect(r.code).toBe(2);
  const files = JSON.parse(r.stdout).files;
  expect(files[0].error.code).toBe('encrypted');
  expect(files[0].error.message).toMatch(/kunci\.xlsx.*kata sandi/);
  expect(files[1].tables).toHaveLength(1);
  expect(files[2].error.code).toBe('read-failed');
  expect(files[2].error.message).toContain('aneh.xlsx');
  expect(files[2].error.message).toContain('boom');
});

it('an engine crash on one file does not stop the batch: analysis-failed, exit 2', async () => {
  analyze.mockImplementation((s) => {
    if ((s as unknown as { file: string }).file === 'b.xlsx') throw new Error('index out of range');
    return report('error');
  });
  const r = await lakip(['check', 'a.xlsx', 'b.xlsx', 'c.xlsx', '--lang', 'en']);
  expect(r.code).toBe(2);
  expect(r.stdout).toMatch(/Checking "b\.xlsx" stopped because of a program error \(index out of range\)/);
  expect(r.stdout).toContain('== c.xlsx ==');
  expect(r.stdout).toContain('Summary: 2 files read, 1 failed, 2 tables; findings: 2 errors, 0 warnings, 0 info.');
});

it('summary counts findings by severity (json: on stderr)', async () => {
  analyze.mockReturnValue(report('error', 'warning', 'warning', 'info'));
  const r = await lakip(['check', 'a.xlsx', 'b.xlsx', '--format', 'json']);
  expect(r.stderr).toContain('Ringkasan: 2 berkas dibaca, 0 gagal dibaca, 2 tabel; temuan: 2 kesalahan, 4 peringatan, 2 info.');
  expect(r.stdout).not.toContain('Ringkasan');
});
