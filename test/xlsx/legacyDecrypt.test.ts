/**
 * .xls workbooks encrypted under Excel's default password ("VelvetSweatshop", what
 * Excel uses when only the workbook structure is protected) read like the plain
 * workbook; under any other password they stay refused.
 *
 * The encrypted files are made here from our own fixture by an encryptor written
 * apart from the product, from MS-OFFCRYPTO and MS-XLS: key derivation with Node's
 * MD5 and SHA-1 (the product uses @noble/hashes), its own RC4, a FilePass record put
 * after the BOF and the sheet offsets moved past it. Checked by hand against real
 * files (kept outside the repository): calamine's issue_385.xls (Excel, default
 * password) reads, and ExcelDataReader's and SheetJS's test files under the
 * password "password" decrypt with it (RC4 and 128-bit RC4 CryptoAPI).
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CFB } from '@e965/xlsx';
import { analyzeWorkbook } from '../../src/core/analyze';
import { readErrorMessage, WorkbookReadError } from '../../src/xlsx/errors';
import { DEFAULT_PASSWORD, decryptWorkbookStream, Rc4 } from '../../src/xlsx/legacy/biffDecrypt';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbook';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'legacy', 'dinsos-ntt-2021.xls'));

const md5 = (b: Buffer) => createHash('md5').update(b).digest();
const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** RC4 written out again, apart from the product's. */
function rc4Stream(key: Buffer, n: number): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) % 256;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(n);
  let a = 0;
  j = 0;
  for (let k = 0; k < n; k++) {
    a = (a + 1) % 256;
    j = (j + s[a]) % 256;
    [s[a], s[j]] = [s[j], s[a]];
    out[k] = s[(s[a] + s[j]) % 256];
  }
  return out;
}

const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((x, i) => x ^ b[i]));

type Scheme = 'rc4' | 'cryptoapi-40' | 'cryptoapi-128';

/** The FilePass body and the key of each 1,024-byte block, for a password. */
function filePass(scheme: Scheme, password: string): { body: Buffer; key: (block: number) => Buffer } {
  const pw = Buffer.from(password, 'utf16le');
  const salt = randomBytes(16);
  const verifier = randomBytes(16);
  if (scheme === 'rc4') {
    const h0 = md5(pw).subarray(0, 5);
    const h1 = md5(Buffer.concat(Array.from({ length: 16 }, () => Buffer.concat([h0, salt])))).subarray(0, 5);
    const key = (block: number) => md5(Buffer.concat([h1, le32(block)]));
    const ks = rc4Stream(key(0), 32);
    const body = Buffer.concat([Buffer.from([1, 0, 1, 0, 1, 0]), salt, xor(verifier, ks.subarray(0, 16)), xor(md5(verifier), ks.subarray(16, 32))]);
    return { body, key };
  }
  const bits = scheme === 'cryptoapi-40' ? 40 : 128;
  const h0 = sha1(Buffer.concat([salt, pw]));
  const key = (block: number) => {
    const h = sha1(Buffer.concat([h0, le32(block)]));
    return bits === 40 ? Buffer.concat([h.subarray(0, 5), Buffer.alloc(11)]) : h.subarray(0, 16);
  };
  const csp = Buffer.from('Microsoft Enhanced Cryptographic Provider v1.0\0', 'utf16le');
  const header = Buffer.concat([le32(0x04), le32(0), le32(0x6801), le32(0x8004), le32(bits), le32(1), le32(0), le32(0), csp]);
  const ks = rc4Stream(key(0), 36);
  const body = Buffer.concat([
    Buffer.from([1, 0, 4, 0, 2, 0]),
    le32(0x04),
    le32(header.length),
    header,
    le32(16),
    salt,
    xor(verifier, ks.subarray(0, 16)),
    le32(20),
    xor(sha1(verifier), ks.subarray(16, 36)),
  ]);
  return { body, key };
}

const PLAIN = new Set([0x0809, 0x002f, 0x0194, 0x0195, 0x00e1, 0x0196, 0x0138]);

/** The fixture's workbook stream with a FilePass record after its BOF, encrypted as Excel does. */
function encryptStream(stream: Buffer, scheme: Scheme, password: string): Buffer {
  const { body, key } = filePass(scheme, password);
  const record = Buffer.concat([Buffer.from([0x2f, 0x00]), Buffer.from([body.length & 0xff, body.length >> 8]), body]);
  const bofEnd = 4 + stream.readUInt16LE(2);
  const out = Buffer.concat([stream.subarray(0, bofEnd), record, stream.subarray(bofEnd)]);
  // Every sheet's position (BoundSheet8.lbPlyPos) moves past the new record.
  for (let p = 0; p + 4 <= out.length; p += 4 + out.readUInt16LE(p + 2)) {
    if (out.readUInt16LE(p) === 0x0085) out.writeUInt32LE(out.readUInt32LE(p + 4) + record.length, p + 4);
  }
  const blocks = new Map<number, Buffer>();
  const keystream = (q: number) => {
    const b = Math.floor(q / 1024);
    if (!blocks.has(b)) blocks.set(b, rc4Stream(key(b), 1024));
    return blocks.get(b)![q % 1024];
  };
  for (let p = 0; p + 4 <= out.length; ) {
    const type = out.readUInt16LE(p);
    const size = out.readUInt16LE(p + 2);
    const from = type === 0x0085 ? p + 8 : p + 4;
    if (!PLAIN.has(type)) {
      for (let q = from; q < p + 4 + size; q++) out[q] ^= keystream(q);
    }
    p += 4 + size;
  }
  return out;
}

function encryptedWorkbook(scheme: Scheme, password: string): Buffer {
  const cfb = CFB.read(FIXTURE, { type: 'buffer' });
  const stream = Buffer.from(CFB.find(cfb, '/Workbook')!.content as Uint8Array);
  CFB.utils.cfb_del(cfb, '/Workbook');
  CFB.utils.cfb_add(cfb, '/Workbook', encryptStream(stream, scheme, password));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

describe('.xls encrypted under the default password', () => {
  it('RC4 gives the textbook keystream (Key / Plaintext -> BB F3 16 E8 D9 40 AF 0A D3)', () => {
    const out = new Rc4(Buffer.from('Key')).apply(Buffer.from('Plaintext'));
    expect(Buffer.from(out).toString('hex')).toBe('bbf316e8d940af0ad3');
  });

  it.each<Scheme>(['rc4', 'cryptoapi-40', 'cryptoapi-128'])('%s: reads as the plain workbook, with the same findings', async (scheme) => {
    const plain = await readWorkbookBuffer(new Uint8Array(FIXTURE), 'dinsos-ntt-2021.xls');
    const locked = await readWorkbookBuffer(new Uint8Array(encryptedWorkbook(scheme, DEFAULT_PASSWORD)), 'terkunci.xls');
    expect(locked.sheets.map((s) => s.name)).toEqual(plain.sheets.map((s) => s.name));
    for (let i = 0; i < plain.sheets.length; i++) {
      const [a, b] = [plain.sheets[i], locked.sheets[i]];
      expect({ values: b.values, formulas: b.formulas, types: b.valueTypes, formats: b.numberFormat, text: b.text.map((r) => [...r]), merges: b.merges }).toEqual({
        values: a.values,
        formulas: a.formulas,
        types: a.valueTypes,
        formats: a.numberFormat,
        text: a.text.map((r) => [...r]),
        merges: a.merges,
      });
    }
    const findings = (wb: typeof plain) => analyzeWorkbook(wb, { lang: 'id' }).findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(findings(locked)).toEqual(findings(plain));
    expect(findings(plain).length).toBeGreaterThan(0);
  });

  it.each<Scheme>(['rc4', 'cryptoapi-128'])('%s under a password of its own: refused as encrypted, saying to open it with that password', async (scheme) => {
    const err = await readWorkbookBuffer(new Uint8Array(encryptedWorkbook(scheme, 'rahasia')), 'rahasia.xls').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe('encrypted');
    expect(readErrorMessage(err as WorkbookReadError, 'id')).toMatch(/dienkripsi dengan kata sandi.*dengan kata sandinya/);
  });

  it('leaves alone what it cannot open: XOR obfuscation, a stream without FilePass, a FilePass cut short', () => {
    const cfb = CFB.read(FIXTURE, { type: 'buffer' });
    const stream = Buffer.from(CFB.find(cfb, '/Workbook')!.content as Uint8Array);
    expect(decryptWorkbookStream(stream)).toBeUndefined();
    const bofEnd = 4 + stream.readUInt16LE(2);
    const xorPass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78]);
    expect(decryptWorkbookStream(Buffer.concat([stream.subarray(0, bofEnd), xorPass, stream.subarray(bofEnd)]))).toBeUndefined();
    const short = Buffer.from([0x2f, 0x00, 0x08, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00]);
    expect(decryptWorkbookStream(Buffer.concat([stream.subarray(0, bofEnd), short, stream.subarray(bofEnd)]))).toBeUndefined();
  });
});
