/**
 * An encrypted .xlsx that Excel opens without asking (encrypted under its default
 * password "VelvetSweatshop") reads like the plain workbook; under a password of its
 * own it stays refused as encrypted.
 *
 * The encrypted files are made from a bundled sample by an encryptor written apart
 * from the product (test/fixtures/officeEncrypt.ts: Node's own AES and SHA). Checked by hand against real files (kept outside
 * the repository): Apache POI's poifs/protect.xlsx (default password) reads, and
 * ExcelDataReader's Standard AES-128 and Agile AES-128/SHA-384 and AES-256/SHA-512
 * files decrypt under their password "password".
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readErrorMessage, WorkbookReadError } from '../../src/xlsx/errors';
import { DEFAULT_PASSWORD } from '../../src/xlsx/legacy/biffDecrypt';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { agileEncrypt, container, standardEncrypt } from '../fixtures/officeEncrypt';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'dinsos-flotim-2020.xlsx'));

const findings = (wb: Awaited<ReturnType<typeof readWorkbookBuffer>>) => analyzeWorkbook(wb, { lang: 'id' }).findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);

describe('.xlsx encrypted under the default password', () => {
  it.each([
    ['Standard (AES-128, SHA-1)', standardEncrypt],
    ['Agile (AES-256, SHA-512)', agileEncrypt],
  ])('%s: reads as the plain workbook, with the same findings', async (_name, encrypt) => {
    const plain = await readWorkbookBuffer(new Uint8Array(SAMPLE), 'dinsos-flotim-2020.xlsx');
    const locked = await readWorkbookBuffer(new Uint8Array(encrypt(SAMPLE, DEFAULT_PASSWORD)), 'terkunci.xlsx');
    expect(locked.sheets.map((s) => [s.name, s.values, s.formulas, s.numberFormat])).toEqual(plain.sheets.map((s) => [s.name, s.values, s.formulas, s.numberFormat]));
    expect(findings(locked)).toEqual(findings(plain));
    expect(findings(plain).length).toBeGreaterThan(0);
  });

  it.each([
    ['Standard', standardEncrypt],
    ['Agile', agileEncrypt],
  ])('%s under a password of its own, from a file: refused as encrypted, saying how to remove the password', async (name, encrypt) => {
    const file = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'lakip-ooxml-')), `sandi-${name}.xlsx`);
    fs.writeFileSync(file, encrypt(SAMPLE, 'rahasia'));
    const err = await readWorkbookFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe('encrypted');
    expect(readErrorMessage(err as WorkbookReadError, 'id')).toMatch(/dilindungi kata sandi \(terenkripsi\)/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('a container with EncryptionInfo and nothing readable in it stays "encrypted"', async () => {
    const err = await readWorkbookBuffer(new Uint8Array(container(Buffer.alloc(200, 1), Buffer.alloc(5000, 2))), 'rusak.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as WorkbookReadError).code).toBe('encrypted');
  });
});
