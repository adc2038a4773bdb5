/** `lakip check` honours the ignore list the pane stores in the workbook (a custom XML part). */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import type { IgnoreEntry } from '../../src/core/ignore';
import { encodeIgnoreList } from '../../src/core/ignoreCodec';
import { lakip, NTT, rmDir, tmpDir } from './helpers';

jest.setTimeout(120_000);

const AT = '2026-12-06T08:00:00.000Z';
const ENTRIES: IgnoreEntry[] = [
  { code: 'text-number', sheet: 'Indikator 1 PMKS', cell: 'D8', at: AT, reason: 'angka dari SIKS-NG, diketik ulang nanti' },
  { code: 'identity-mismatch', sheet: 'Indikator 1 PMKS', cell: 'H27', at: AT },
];

/** The sample with an ignore list part, related from the workbook as Excel does for workbook.customXmlParts. */
async function withIgnoreList(src: string, dest: string, entries: IgnoreEntry[]): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  zip.file('customXml/item1.xml', encodeIgnoreList(entries));
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = await zip.file(relsName)!.async('string');
  zip.file(
    relsName,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdLakipIgnore" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  fs.writeFileSync(dest, await zip.generateAsync({ type: 'nodebuffer' }));
}

interface JsonFile {
  findings: { code: string; sheet: string; cell: string; fix?: { kind: string; edits: { sheet: string; cell: string; before: unknown; after: unknown }[] } }[];
  ignoredCount?: number;
  ignored?: { code: string; cell: string; ignored: { at: string; reason?: string } }[];
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = tmpDir();
  file = path.join(dir, 'ntt-ignored.xlsx');
  await withIgnoreList(NTT, file, ENTRIES);
});
afterAll(() => rmDir(dir));

const has = (f: JsonFile, code: string, cell: string) => f.findings.some((x) => x.code === code && x.cell === cell);

it('ignored findings are left out of the report and counted', async () => {
  const plain = JSON.parse((await lakip(['check', NTT, '--format', 'json'])).stdout).files[0] as JsonFile;
  const res = await lakip(['check', file, '--format', 'json']);
  const ignored = JSON.parse(res.stdout).files[0] as JsonFile;
  expect(has(plain, 'text-number', 'D8')).toBe(true);
  expect(has(ignored, 'text-number', 'D8')).toBe(false);
  expect(has(ignored, 'identity-mismatch', 'H27')).toBe(false);
  expect(has(ignored, 'text-number', 'D13')).toBe(true);
  expect(ignored.findings).toHaveLength(plain.findings.length - 2);
  expect(ignored.ignoredCount).toBe(2);
  expect(ignored.ignored).toBeUndefined();
  expect(res.stderr).toMatch(/2 temuan diabaikan/);
});

it('--show-ignored lists them with when and why (JSON and text)', async () => {
  const json = JSON.parse((await lakip(['check', file, '--format', 'json', '--show-ignored'])).stdout).files[0] as JsonFile;
  expect(json.ignoredCount).toBeUndefined();
  expect(json.ignored?.map((i) => `${i.code} ${i.cell}`)).toEqual(['text-number D8', 'identity-mismatch H27']);
  expect(json.ignored?.[0].ignored).toEqual({ at: AT, reason: 'angka dari SIKS-NG, diketik ulang nanti' });
  expect(json.ignored?.[1].ignored).toEqual({ at: AT });

  const text = (await lakip(['check', file, '--show-ignored'])).stdout;
  expect(text).toMatch(/Diabaikan \(2\), menurut daftar abaikan buku kerja ini:/);
  expect(text).toMatch(/D8 .*alasan: angka dari SIKS-NG, diketik ulang nanti/);
  const hint = (await lakip(['check', file, '--lang', 'en'])).stdout;
  expect(hint).toMatch(/2 finding\(s\) ignored by this workbook's ignore list \(show them with --show-ignored\)/);
});

it('--fail-on counts only the findings still shown', async () => {
  const dest = path.join(dir, 'all-ignored.xlsx');
  const all = JSON.parse((await lakip(['check', NTT, '--format', 'json'])).stdout).files[0] as JsonFile;
  const entries = all.findings.map((f) => ({ code: f.code, sheet: f.sheet, cell: f.cell, at: AT }));
  await withIgnoreList(NTT, dest, entries);
  const res = await lakip(['check', dest, '--format', 'json', '--fail-on', 'warning']);
  expect(JSON.parse(res.stdout).files[0].findings).toEqual([]);
  expect(res.code).toBe(0);
});

it('every finding with a fix carries it: kind and each cell before and after', async () => {
  const f = JSON.parse((await lakip(['check', NTT, '--format', 'json'])).stdout).files[0] as JsonFile;
  const text = f.findings.find((x) => x.code === 'text-number' && x.cell === 'D8')!;
  expect(text.fix).toEqual({ kind: 'mechanical', edits: [{ sheet: 'Indikator 1 PMKS', cell: 'D8', before: '1.595', after: 1595 }] });
  const judged = f.findings.find((x) => x.code === 'identity-mismatch' && x.cell === 'H8')!;
  expect(judged.fix?.kind).toBe('judgement');
  const div = f.findings.find((x) => x.code === 'division-by-zero' && x.cell === 'G13')!;
  expect(div.fix?.edits[0]).toMatchObject({ before: '=F13/E13*100', after: 'Kewenangan Pusat' });
  expect(f.findings.find((x) => x.code === 'numbering-gap')?.fix).toBeUndefined();
});

it('a damaged ignore list part is skipped: the workbook is still checked and shows every finding', async () => {
  const dest = path.join(dir, 'damaged.xlsx');
  const zip = await JSZip.loadAsync(fs.readFileSync(NTT));
  zip.file('customXml/item1.xml', encodeIgnoreList(ENTRIES).replace('[{', '[{{'));
  fs.writeFileSync(dest, await zip.generateAsync({ type: 'nodebuffer' }));
  const res = await lakip(['check', dest, '--format', 'json']);
  expect(res.code).toBe(0);
  expect(has(JSON.parse(res.stdout).files[0], 'text-number', 'D8')).toBe(true);
});
