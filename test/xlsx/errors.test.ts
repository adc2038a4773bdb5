import * as crypto from 'crypto';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { MAX_FILE_BYTES, readErrorMessage, WorkbookReadError, type ReadErrorCode } from '../../src/xlsx/errors';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';

const SAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'dinsos-ntt-2021.xlsx');
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-xlsx-errors-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

/** Random bytes that cannot contain the UTF-16LE marker (no zero bytes). */
function noise(n: number): Buffer {
  const b = crypto.randomBytes(n);
  for (let i = 0; i < n; i++) if (b[i] === 0) b[i] = 0x5a;
  return b;
}

async function caught(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e as WorkbookReadError;
  }
  throw new Error('expected a WorkbookReadError, but reading succeeded');
}

/** Reads the file (and, when it is a file, its bytes), checks the code and both messages. */
async function expectCode(file: string, code: ReadErrorCode, viaBuffer = true): Promise<WorkbookReadError> {
  const err = await caught(readWorkbookFile(file));
  expect(err.code).toBe(code);
  expect(err.file).toBe(file);
  const base = path.basename(file);
  for (const lang of ['id', 'en'] as const) {
    const msg = readErrorMessage(err, lang);
    expect(msg).toContain(base);
    expect(msg.length).toBeGreaterThan(base.length + 40);
  }
  expect(readErrorMessage(err, 'id')).not.toBe(readErrorMessage(err, 'en'));
  if (viaBuffer) {
    const bufErr = await caught(readWorkbookBuffer(new Uint8Array(fs.readFileSync(file)), base));
    expect(bufErr.code).toBe(code);
    expect(readErrorMessage(bufErr, 'id')).toContain(base);
    expect(readErrorMessage(bufErr, 'en')).toContain(base);
  }
  return err;
}

test('zero bytes => empty-file', async () => {
  await expectCode(write('kosong.xlsx', ''), 'empty-file');
});

test('a text file named .xlsx => not-xlsx', async () => {
  await expectCode(write('catatan.xlsx', 'Tahun;Target;Realisasi\n2021;100;95\n'), 'not-xlsx');
});

test('a PDF named .xlsx => not-xlsx', async () => {
  await expectCode(write('laporan-pdf.xlsx', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), noise(500)])), 'not-xlsx');
});

test("Excel's lock file (~$name.xlsx, an owner's name in 165 bytes) => not-xlsx, named as the lock of the workbook beside it", async () => {
  const lock = ownerFile('Staf Dinsos');
  const err = await expectCode(write('~$Laporan LKjIP 2023.xlsx', lock), 'not-xlsx');
  expect(readErrorMessage(err, 'id')).toMatch(/berkas kunci sementara.*"[^"]*Laporan LKjIP 2023\.xlsx" itu sendiri/);
  expect(readErrorMessage(err, 'en')).toMatch(/lock file Excel makes while the workbook "[^"]*[\\/]Laporan LKjIP 2023\.xlsx" is open/);
  // Copied under another name, it is still told by its content, with the user it names.
  const copied = await expectCode(write('Laporan-lain.xlsx', lock), 'not-xlsx');
  expect(readErrorMessage(copied, 'id')).toMatch(/berkas kunci sementara yang dibuat Excel saat sebuah buku kerja dibuka oleh "Staf Dinsos"/);
  expect(readErrorMessage(copied, 'en')).toMatch(/lock file Excel makes while a workbook is open, here by "Staf Dinsos"/);
  // Text of the same size is no lock file.
  const text = await expectCode(write('catatan-165.xlsx', Buffer.alloc(165, 0x41)), 'not-xlsx');
  expect(readErrorMessage(text, 'id')).not.toMatch(/kunci/);
});

/**
 * The layout Excel writes (seen in three lock files committed to public repositories):
 * a length byte, the name in ANSI padded with spaces to 55 bytes, the length again in
 * 16 bits, then the name in UTF-16LE padded with spaces, 165 bytes in all.
 */
function ownerFile(user: string): Buffer {
  const lock = Buffer.alloc(165, 0x20);
  lock[0] = user.length;
  lock.write(user, 1, 'latin1');
  lock.writeUInt16LE(user.length, 55);
  for (let i = 57; i + 1 < 165; i += 2) lock.writeUInt16LE(0x20, i);
  lock.write(user, 57, 'utf16le');
  return lock;
}

test('a gzip file => not-xlsx, named: a Gnumeric workbook (Gnumeric saves them gzipped), or any other compressed file', async () => {
  const gnumeric = gzipSync(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd"><gnm:Sheets/></gnm:Workbook>\n'));
  const g = await expectCode(write('tabel-gnumeric.xls', gnumeric), 'not-xlsx');
  expect(readErrorMessage(g, 'id')).toMatch(/lembar kerja Gnumeric \(\.gnumeric, terkompresi gzip\).*Gnumeric atau LibreOffice/);
  expect(readErrorMessage(g, 'en')).toMatch(/Gnumeric spreadsheet \(\.gnumeric, gzip-compressed\)/);
  const other = await expectCode(write('arsip.xlsx', gzipSync(Buffer.from('Tahun;Target;Realisasi\n2021;100;95\n'.repeat(50)))), 'not-xlsx');
  expect(readErrorMessage(other, 'id')).toMatch(/berkas terkompresi \(gzip\)\. Ekstrak dulu isinya/);
  // A gzip cut short is still said to be one.
  const cut = await expectCode(write('potong.xls', gnumeric.subarray(0, 30)), 'not-xlsx');
  expect(readErrorMessage(cut, 'en')).toMatch(/gzip/);
});

test('a one-byte file => not-xlsx', async () => {
  await expectCode(write('satu.xlsx', 'P'), 'not-xlsx');
});

test('CFB container without EncryptionInfo => legacy-xls', async () => {
  const err = await expectCode(write('lama.xls', Buffer.concat([CFB_MAGIC, noise(4096)])), 'legacy-xls');
  expect(readErrorMessage(err, 'id')).toMatch(/\.xlsx/);
  expect(readErrorMessage(err, 'en')).toMatch(/Save As/);
});

test('CFB container with EncryptionInfo => encrypted (marker straddling a 1 MiB read chunk)', async () => {
  const marker = Buffer.from('EncryptionInfo', 'utf16le');
  const before = 1024 * 1024 - CFB_MAGIC.length - 7;
  const data = Buffer.concat([CFB_MAGIC, noise(before), marker, noise(300)]);
  const err = await expectCode(write('berkata-sandi.xlsx', data), 'encrypted');
  expect(readErrorMessage(err, 'en')).toMatch(/password/i);
  expect(readErrorMessage(err, 'id')).toMatch(/kata sandi/);
});

test('a truncated copy of a sample (first 2000 bytes) => corrupt', async () => {
  await expectCode(write('terpotong.xlsx', fs.readFileSync(SAMPLE).subarray(0, 2000)), 'corrupt');
});

test('a Word document (zip without a workbook) => not-xlsx', async () => {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  await expectCode(write('dokumen.xlsx', await zip.generateAsync({ type: 'nodebuffer' })), 'not-xlsx');
});

test('a spreadsheet package missing its workbook part => corrupt', async () => {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
  await expectCode(write('tanpa-workbook.xlsx', await zip.generateAsync({ type: 'nodebuffer' })), 'corrupt');
});

test('an intact package whose XML cannot be parsed => unreadable, naming the cause and never "download again"', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>');
  zip.file('xl/worksheets/sheet1.xml', 'this is not xml <<<');
  const err = await expectCode(write('rusak-xml.xlsx', await zip.generateAsync({ type: 'nodebuffer' })), 'unreadable');
  const id = readErrorMessage(err as WorkbookReadError, 'id');
  expect(id).toMatch(/tidak dapat dibaca oleh pemeriksa ini \(.+\), padahal berkasnya utuh\. Buka di Excel atau LibreOffice/);
  expect(id).not.toMatch(/unduh/);
  expect(readErrorMessage(err as WorkbookReadError, 'en')).toMatch(/although the file itself is intact/);
});

test('a worksheet part under another name (lembar-utama.xml) is read like sheet1.xml, with its own relationships', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const part = await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array');
  zip.remove('xl/worksheets/sheet1.xml');
  zip.file('xl/worksheets/lembar-utama.xml', part);
  const ownRels = zip.file('xl/worksheets/_rels/sheet1.xml.rels');
  if (ownRels) {
    zip.file('xl/worksheets/_rels/lembar-utama.xml.rels', await ownRels.async('uint8array'));
    zip.remove('xl/worksheets/_rels/sheet1.xml.rels');
  }
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  expect(rels).toContain('worksheets/sheet1.xml');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/lembar-utama.xml'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('/xl/worksheets/sheet1.xml', '/xl/worksheets/lembar-utama.xml'));
  const renamed = await readWorkbookFile(write('bagian-asing.xlsx', await zip.generateAsync({ type: 'nodebuffer' })));
  const usual = await readWorkbookFile(SAMPLE);
  expect(renamed).toEqual(usual);
});

test('a zip whose part claims an enormous uncompressed size is judged by what it holds: here no workbook => unreadable, naming the part', async () => {
  // Declared sizes are not trusted (src/xlsx/read/zip.ts counts while inflating): the claim
  // neither refuses the file as too large nor costs memory; the 64 bytes are not a workbook part.
  const zip = new JSZip();
  zip.file('xl/workbook.xml', 'x'.repeat(64), { createFolders: false });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Patch the central directory record's uncompressed size (offset 24) to 0x7fffffff.
  const cd = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  expect(cd).toBeGreaterThan(0);
  data.writeUInt32LE(0x7fffffff, cd + 24);
  const err = await expectCode(write('bom-zip.xlsx', data), 'unreadable');
  expect(readErrorMessage(err as WorkbookReadError, 'en')).toContain('xl/workbook.xml');
});

test('a file over 200 MB => too-large, without reading it', async () => {
  const p = path.join(dir, 'raksasa.xlsx');
  const fd = fs.openSync(p, 'w');
  fs.writeSync(fd, Buffer.from('PK\x03\x04', 'latin1'));
  fs.ftruncateSync(fd, MAX_FILE_BYTES + 1); // sparse: takes no disk space
  fs.closeSync(fd);
  const t0 = Date.now();
  await expectCode(p, 'too-large', false);
  expect(Date.now() - t0).toBeLessThan(2000);
});

test('a directory => not-a-file', async () => {
  const sub = path.join(dir, 'folder-laporan.xlsx');
  fs.mkdirSync(sub);
  await expectCode(sub, 'not-a-file', false);
});

test('a missing path => not-found', async () => {
  await expectCode(path.join(dir, 'tidak-ada.xlsx'), 'not-found', false);
  await expectCode(path.join(dir, 'tidak-ada-folder', 'laporan.xlsx'), 'not-found', false);
});

test('WorkbookReadError carries code, file and cause', () => {
  const cause = new Error('boom');
  const e = new WorkbookReadError('corrupt', 'x.xlsx', cause);
  expect(e).toBeInstanceOf(Error);
  expect(e.code).toBe('corrupt');
  expect(e.file).toBe('x.xlsx');
  expect((e as { cause?: unknown }).cause).toBe(cause);
  expect(e.message).toContain('x.xlsx');
});

test('every code has distinct messages in both languages', () => {
  const codes: ReadErrorCode[] = ['not-found', 'not-a-file', 'not-xlsx', 'html-table', 'xml-2003', 'ods', 'legacy-xls', 'encrypted', 'corrupt', 'unreadable', 'empty-file', 'too-large'];
  for (const lang of ['id', 'en'] as const) {
    const msgs = codes.map((c) => readErrorMessage(new WorkbookReadError(c, 'laporan.xlsx'), lang));
    expect(new Set(msgs).size).toBe(codes.length);
    for (const m of msgs) expect(m).toContain('laporan.xlsx');
  }
});

describe('spreadsheets in other formats are named, with what to do', () => {
  test.each([
    ['xml2003.xls', '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>', 'xml-2003', /XML Spreadsheet 2003/],
    ['catatan.xls', 'No;Uraian;Jumlah\n1;Anak;10\n', 'not-xlsx', /bukan buku kerja Excel/],
  ])('%s => %s', async (file, content, code, message) => {
    const err = await expectCode(write(file, Buffer.from(content, 'utf8')), code as ReadErrorCode);
    expect(readErrorMessage(err as WorkbookReadError, 'id')).toMatch(message);
    const fromBytes = await caught(readWorkbookBuffer(new Uint8Array(Buffer.from(content, 'utf8')), file));
    expect((fromBytes as WorkbookReadError).code).toBe(code);
  });

  test.each([
    ['ekspor-web.xls', '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body><table><tr><td>1</td></tr></table></body></html>', [[1]]],
    ['tabel.xls', '\uFEFF  <table border="1"><tr><th>No</th></tr></table>', [['No']]],
    // A page fragment as PHP report templates write it: a centred title block, then the table.
    ['lra.xlsx', '<center>\n  <h2> PEMERINTAH KOTA CONTOH </h2>\n  <h3>LAPORAN REALISASI ANGGARAN</h3>\n</center>\n<table border="1"><tr><td>No</td><td>Uraian</td></tr></table>', [['No', 'Uraian']]],
    ['judul.xls', '<title>Laporan Pendapatan</title>\n<style>table { border: 0.1px; }</style>\n<table><tr><td>No</td></tr></table>', [['No']]],
  ])('%s, a web page table saved as .xls, is read (src/xlsx/legacy/)', async (file, content, values) => {
    const snap = await readWorkbookFile(write(file, Buffer.from(content, 'utf8')));
    // Text before the table (a title block) comes first, as Excel shows such a page; the table ends it.
    const rows = snap.sheets[0].values;
    expect(rows.slice(-values.length).map((r) => r.slice(0, values[0].length))).toEqual(values);
  });

  test('an OpenDocument spreadsheet (.ods) => ods', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    const err = await expectCode(write('data.ods', await zip.generateAsync({ type: 'nodebuffer' })), 'ods');
    expect(readErrorMessage(err as WorkbookReadError, 'en')).toMatch(/OpenDocument spreadsheet \(\.ods/);
  });
});

test('a package whose workbook lists a worksheet it does not hold => corrupt, naming the sheet and the part in both languages', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  zip.remove('xl/worksheets/sheet1.xml');
  const err = await expectCode(write('lembar-hilang.xlsx', await zip.generateAsync({ type: 'nodebuffer' })), 'corrupt');
  expect(readErrorMessage(err as WorkbookReadError, 'id')).toMatch(/Yang rusak: worksheet ".+" \(xl\/worksheets\/sheet1\.xml\) is missing from the package\./);
  expect(readErrorMessage(err as WorkbookReadError, 'en')).toMatch(/What is damaged: worksheet ".+" \(xl\/worksheets\/sheet1\.xml\)/);
});
