/**
 * What the legacy reader refuses, and how it says so: every refusal names the file, the real
 * format, the real cause in the user's words and what to do, in Bahasa Indonesia and English;
 * a damaged file is never told to be "downloaded again" without a condition; nothing crashes,
 * hangs or runs out of memory. Damaged and odd files are made here from our own fixtures.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CFB } from '@e965/xlsx';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fixNeedsXlsxMessage, LegacyReadIssue, readErrorMessage, WorkbookReadError, type LegacyFormat, type LegacyIssueReason, type ReadErrorCode } from '../../src/xlsx/errors';
import { readZipEntries, ZipTooLarge } from '../../src/xlsx/legacy/zipEntries';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/readWorkbook';
import { legacyKindOf, looksLikeBareBiff, looksLikeOdsZip, sniffLegacyOther } from '../../src/xlsx/sniff';

const FIX = path.resolve(__dirname, '..', 'fixtures', 'legacy');
const fixture = (f: string) => fs.readFileSync(path.join(FIX, f));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-legacy-refusals-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Reads the bytes as a file and as a buffer: both refuse with `code`; returns the file's error. */
async function refused(name: string, data: Uint8Array | Buffer, code: ReadErrorCode): Promise<WorkbookReadError> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  const t0 = Date.now();
  const err = await readWorkbookFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).code).toBe(code);
  expect((err as WorkbookReadError).file).toBe(file);
  const again = await readWorkbookBuffer(new Uint8Array(data), name).then(
    () => null,
    (e: unknown) => e as WorkbookReadError,
  );
  expect(again?.code).toBe(code);
  const e = err as WorkbookReadError;
  for (const lang of ['id', 'en'] as const) expect(readErrorMessage(e, lang)).toContain(`"${file}"`);
  expect(readErrorMessage(e, 'id')).not.toBe(readErrorMessage(e, 'en'));
  // Never the .xlsx reader's "download or copy it again" for what may open elsewhere.
  expect(readErrorMessage(e, 'id')).not.toMatch(/Coba unduh atau salin ulang/);
  expect(readErrorMessage(e, 'en')).not.toMatch(/Download or copy it again/);
  return e;
}

function issueOf(e: WorkbookReadError): LegacyReadIssue {
  const cause = (e as { cause?: unknown }).cause;
  expect(cause).toBeInstanceOf(LegacyReadIssue);
  return cause as LegacyReadIssue;
}

/** The sample .xls with its Workbook stream replaced. */
function withWorkbookStream(edit: (stream: Buffer) => Buffer): Buffer {
  const cfb = CFB.read(fixture('dinsos-ntt-2021.xls'), { type: 'buffer' });
  const stream = Buffer.from(CFB.find(cfb, '/Workbook').content);
  CFB.utils.cfb_del(cfb, '/Workbook');
  CFB.utils.cfb_add(cfb, '/Workbook', edit(stream));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }));
}

describe('.xls', () => {
  test.each([512, 2000, 16000, 32768])('cut short after %d bytes: "berkasnya terpotong" / "cut short"', async (n) => {
    const e = await refused(`terpotong-${n}.xls`, fixture('dinsos-ntt-2021.xls').subarray(0, n), 'legacy-xls');
    expect(issueOf(e).reason).toBe('truncated');
    expect(readErrorMessage(e, 'id')).toMatch(/buku kerja Excel lama \(\.xls, Excel 97-2003\), tetapi tidak dapat dibaca: berkasnya terpotong/);
    expect(readErrorMessage(e, 'id')).toMatch(/Jika berkas itu masih dapat dibuka di Excel .*Simpan Sebagai.*Jika tidak dapat dibuka juga, minta berkas aslinya lagi dari pengirimnya\./);
    expect(readErrorMessage(e, 'en')).toMatch(/old-format Excel workbook \(\.xls, Excel 97-2003\), but it could not be read: the file is cut short/);
    expect(readErrorMessage(e, 'en')).toMatch(/If it still opens in Excel .*Save As/);
  });

  test('a sector chain that loops back on itself, in a file of full length: the part is damaged, not cut, and nothing hangs', async () => {
    const data = Buffer.from(fixture('dinsos-ntt-2021.xls'));
    const fat = (data.readUInt32LE(0x4c) + 1) * 512;
    data.writeUInt32LE(20, fat + 20 * 4); // sector 20 (inside the Workbook stream) -> itself
    const e = await refused('berputar.xls', data, 'legacy-xls');
    expect(issueOf(e)).toMatchObject({ reason: 'damaged-part', part: 'Workbook' });
  });

  test('a CFB header of noise: its container is damaged', async () => {
    const data = Buffer.concat([fixture('dinsos-ntt-2021.xls').subarray(0, 8), Buffer.alloc(4096, 0x5a)]);
    const e = await refused('rusak.xls', data, 'legacy-xls');
    expect(issueOf(e).reason).toBe('damaged-container');
    expect(readErrorMessage(e, 'id')).toMatch(/wadah berkasnya \(OLE Compound File yang membungkus buku kerja\) rusak/);
    expect(readErrorMessage(e, 'en')).toMatch(/its container \(the OLE compound file around the workbook\) is damaged/);
  });

  test('a Workbook stream with garbage inside: the part is named', async () => {
    const data = withWorkbookStream((s) => {
      const mid = Math.floor(s.length / 2);
      s.fill(0xff, mid, mid + 200);
      return s;
    });
    const e = await refused('bagian-rusak.xls', data, 'legacy-xls');
    expect(issueOf(e)).toMatchObject({ reason: 'damaged-part', part: 'Workbook' });
    expect(readErrorMessage(e, 'id')).toMatch(/bagian "Workbook" di dalamnya rusak/);
    expect(readErrorMessage(e, 'en')).toMatch(/its part "Workbook" is damaged/);
  });

  test('a Workbook stream whose second half is zeros (an interrupted download into a file of the right size) is refused, not read as empty sheets', async () => {
    const data = withWorkbookStream((s) => s.fill(0, Math.floor(s.length / 2)));
    const e = await refused('nol.xls', data, 'legacy-xls');
    expect(issueOf(e)).toMatchObject({ reason: 'truncated', part: 'Workbook' });
    expect(readErrorMessage(e, 'id')).toMatch(/berkasnya terpotong: bagian "Workbook" di dalamnya berhenti sebelum selesai/);
  });

  test('a sheet listed by the workbook without any data of its own', async () => {
    // The last sheet's substream (BOF ... EOF) removed; its BOUNDSHEET stays.
    const data = withWorkbookStream((s) => {
      let lastBof = -1;
      for (let p = 0; p + 4 <= s.length; ) {
        if (s.readUInt16LE(p) === 0x0809) lastBof = p;
        p += 4 + s.readUInt16LE(p + 2);
      }
      return s.subarray(0, lastBof);
    });
    const e = await refused('lembar-hilang.xls', data, 'legacy-xls');
    expect(issueOf(e)).toMatchObject({ reason: 'damaged-part', part: 'Workbook' });
    expect(issueOf(e).detail).toBe('the data of 1 of its 6 sheets is missing');
  });

  test('encrypted under a password of its own (a FILEPASS record the default password does not open): what to do with the password', async () => {
    const filepass = Buffer.alloc(4 + 54);
    filepass.writeUInt16LE(0x002f, 0);
    filepass.writeUInt16LE(54, 2);
    filepass.writeUInt16LE(1, 4); // RC4
    const data = withWorkbookStream((s) => Buffer.concat([s.subarray(0, 20), filepass, s.subarray(20)]));
    const e = await refused('terkunci.xls', data, 'encrypted');
    expect(issueOf(e).format).toBe('xls');
    expect(readErrorMessage(e, 'id')).toMatch(/\(\.xls, Excel 97-2003\) yang dienkripsi dengan kata sandi.*dengan kata sandinya.*Buku Kerja Excel \(\*\.xlsx\)/);
    expect(readErrorMessage(e, 'en')).toMatch(/\(\.xls, Excel 97-2003\) encrypted with a password.*with its password/);
  });

  test('a password-protected .xlsx (its CFB holds EncryptionInfo) stays "encrypted" with the .xlsx wording', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(200, 1));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(5000, 2));
    const e = await refused('sandi.xlsx', Buffer.from(CFB.write(cfb, { type: 'buffer' })), 'encrypted');
    expect(readErrorMessage(e, 'id')).toMatch(/dilindungi kata sandi \(terenkripsi\)/);
  });

  test.each([
    ['WordDocument', 'surat.xls', /dokumen Word lama \(\.doc, Word 97-2003\)/, /old-format Word document \(\.doc/],
    ['PowerPoint Document', 'paparan.xls', /presentasi PowerPoint lama \(\.ppt/, /old-format PowerPoint presentation/],
    ['Lain', 'lain.xls', /berkas Office 97-2003 yang bukan buku kerja Excel/, /an Office 97-2003 file that is not an Excel workbook/],
  ])('an Office 97-2003 file with a %s stream and no workbook is named as what it is', async (stream, name, id, en) => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, `/${stream}`, Buffer.alloc(6000, 3));
    const e = await refused(name, Buffer.from(CFB.write(cfb, { type: 'buffer' })), 'not-xlsx');
    expect(readErrorMessage(e, 'id')).toMatch(id);
    expect(readErrorMessage(e, 'en')).toMatch(en);
  });

  test('a bare BIFF stream cut inside a record', async () => {
    const biff = Buffer.from([0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00, 0x03, 0x00, 0x0f, 0x00, 0x00, 0x00]);
    const e = await refused('excel4.xls', biff, 'legacy-xls');
    expect(issueOf(e).reason).toBe('truncated');
  });
});

describe('.ods', () => {
  const parts = (): Zippable => {
    const z = unzipSync(new Uint8Array(fixture('dinsos-ntt-2021.ods')));
    const out: Zippable = { mimetype: [z.mimetype, { level: 0 }] };
    for (const [k, v] of Object.entries(z)) if (k !== 'mimetype') out[k] = v;
    return out;
  };

  test('encrypted (manifest encryption-data): LibreOffice wording', async () => {
    const z = parts();
    z['META-INF/manifest.xml'] = strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>');
    const e = await refused('sandi.ods', zipSync(z), 'encrypted');
    expect(readErrorMessage(e, 'id')).toMatch(/lembar kerja OpenDocument \(\.ods.*dilindungi kata sandi.*LibreOffice dengan kata sandinya/);
    expect(readErrorMessage(e, 'en')).toMatch(/OpenDocument spreadsheet \(\.ods.*protected with a password.*Save with password/);
  });

  test('without content.xml: the part is named', async () => {
    const z = parts();
    delete z['content.xml'];
    const e = await refused('tanpa-isi.ods', zipSync(z), 'ods');
    expect(issueOf(e)).toMatchObject({ reason: 'damaged-part', part: 'content.xml' });
    expect(readErrorMessage(e, 'id')).toMatch(/bagian "content.xml" di dalamnya rusak/);
  });

  test('cut short: the zip has lost its end', async () => {
    const e = await refused('terpotong.ods', fixture('dinsos-ntt-2021.ods').subarray(0, 12000), 'ods');
    expect(issueOf(e).reason).toBe('truncated');
    expect(readErrorMessage(e, 'en')).toMatch(/OpenDocument spreadsheet \(\.ods.*cut short/);
  });

  test('a content.xml cut inside (its end tag missing) is refused, never read as half a table', async () => {
    const z = parts();
    const xml = Buffer.from(z['content.xml'] as Uint8Array).toString('utf8');
    z['content.xml'] = strToU8(xml.slice(0, Math.floor(xml.length / 2)));
    const e = await refused('setengah.ods', zipSync(z), 'ods');
    expect(issueOf(e)).toMatchObject({ reason: 'truncated', part: 'content.xml' });
  });

  test('a content.xml without a spreadsheet body (an empty root) is a damaged part, not a cut file', async () => {
    const z = parts();
    z['content.xml'] = strToU8('<?xml version="1.0"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>\n');
    const e = await refused('kosong.ods', zipSync(z), 'ods');
    expect(issueOf(e)).toMatchObject({ reason: 'damaged-part', part: 'content.xml' });
  });

  test('a part that inflates past its limit stops there: counted as it inflates, never trusting the sizes the zip declares', () => {
    const zip = zipSync({ 'content.xml': new Uint8Array(4 * 1024 * 1024) });
    expect(() => readZipEntries(zip, { 'content.xml': 1024 * 1024 }, 10 * 1024 * 1024)).toThrow(ZipTooLarge);
    expect(readZipEntries(zip, { 'content.xml': 8 * 1024 * 1024 }, 10 * 1024 * 1024).get('content.xml')!.length).toBe(4 * 1024 * 1024);
  });
});

describe('text formats', () => {
  test('XML 2003 without a worksheet', async () => {
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    const e = await refused('kosong.xml', Buffer.from(xml), 'xml-2003');
    expect(issueOf(e).reason).toBe('no-sheets');
    expect(readErrorMessage(e, 'id')).toMatch(/"XML Spreadsheet 2003".*tidak berisi satu lembar kerja pun/);
  });

  test.each([
    ['dinsos-ntt-2021-xml2003.xml', 'xml-2003'],
    ['dinsos-ntt-2021.fods', 'ods'],
  ] as const)('%s cut in half is refused as cut short', async (file, code) => {
    const data = fixture(file);
    const e = await refused(`setengah-${file}`, data.subarray(0, Math.floor(data.length / 2)), code);
    expect(issueOf(e).reason).toBe('truncated');
  });

  test('a flat OpenDocument text document is no workbook', async () => {
    const fodt = '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text/></office:body></office:document>';
    await refused('surat.fodt', Buffer.from(fodt), 'not-xlsx');
  });
});

describe('sniffing', () => {
  test('bare BIFF, .ods zips, and the text formats', () => {
    expect(looksLikeBareBiff(new Uint8Array([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00]))).toBe(true);
    expect(looksLikeBareBiff(new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]))).toBe(true);
    expect(looksLikeBareBiff(new Uint8Array(Buffer.from('<html><b>')))).toBe(false);
    expect(looksLikeOdsZip(new Uint8Array(fixture('dinsos-ntt-2021.ods')))).toBe(true);
    expect(looksLikeOdsZip(new Uint8Array(fs.readFileSync(path.join(FIX, 'fitur.xlsx'))))).toBe(false);
    expect(sniffLegacyOther(new Uint8Array(fixture('dinsos-ntt-2021.fods').subarray(0, 2048)))).toBe('fods');
    expect(sniffLegacyOther(new Uint8Array(fixture('dinsos-ntt-2021-xml2003.xml').subarray(0, 2048)))).toBe('xml-2003');
    expect(sniffLegacyOther(new Uint8Array(fixture('pmks-ekspor-web.xls').subarray(0, 2048)))).toBe('html');
    expect(sniffLegacyOther(new Uint8Array(Buffer.from('<?xml version="1.0"?>\n<!-- ekspor -->\n<html><body><table>')))).toBe('html');
    expect(sniffLegacyOther(new Uint8Array(Buffer.from('No;Uraian;Jumlah\n1;Anak;10\n')))).toBeNull();
  });
});

test('every cause has its own message, in both languages, naming the file', () => {
  const cases: [ReadErrorCode, LegacyFormat, LegacyIssueReason][] = [];
  for (const format of ['xls', 'ods', 'html-table', 'xml-2003'] as const) {
    const code: ReadErrorCode = format === 'xls' ? 'legacy-xls' : format;
    for (const reason of ['truncated', 'damaged-container', 'damaged-part', 'no-sheets', 'no-table'] as const) cases.push([code, format, reason]);
  }
  cases.push(['encrypted', 'xls', 'encrypted'], ['encrypted', 'ods', 'encrypted'], ['not-xlsx', 'xls', 'other-office-file']);
  for (const lang of ['id', 'en'] as const) {
    const msgs = cases.map(([code, format, reason]) => readErrorMessage(new WorkbookReadError(code, 'laporan.xls', new LegacyReadIssue(format, reason, { part: 'Workbook' })), lang));
    expect(new Set(msgs).size).toBe(msgs.length);
    for (const m of msgs) {
      expect(m).toContain('"laporan.xls"');
      expect(m).toMatch(lang === 'id' ? /xlsx/ : /xlsx/);
    }
  }
});

test('fixes are written only into .xlsx: which files are of another kind, and what to say (for lakip fix and the preview download)', () => {
  expect(legacyKindOf(new Uint8Array(fixture('dinsos-ntt-2021.xls')))).toBe('cfb');
  expect(legacyKindOf(new Uint8Array(fixture('dinsos-ntt-2021.ods')))).toBe('ods');
  expect(legacyKindOf(new Uint8Array(fixture('pmks-ekspor-web.xls')))).toBe('html');
  expect(legacyKindOf(new Uint8Array(fixture('dinsos-ntt-2021-xml2003.xml')))).toBe('xml-2003');
  expect(legacyKindOf(new Uint8Array(fixture('fitur.xlsx')))).toBeNull();
  const id = fixNeedsXlsxMessage('laporan.xls', 'xls', 'id');
  const en = fixNeedsXlsxMessage('laporan.xls', 'xls', 'en');
  expect(id).toMatch(/Perbaikan hanya dapat ditulis ke buku kerja \.xlsx, sedangkan "laporan\.xls" adalah buku kerja Excel lama \(\.xls, Excel 97-2003\).*Simpan Sebagai/);
  expect(en).toMatch(/Fixes can only be written into an \.xlsx workbook, and "laporan\.xls" is an old-format Excel workbook.*Save As/);
});
