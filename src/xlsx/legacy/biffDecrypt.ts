/**
 * An .xls whose workbook structure is protected with a password ("Protect
 * Workbook") is encrypted by Excel with RC4 under the fixed password
 * "VelvetSweatshop", and Excel opens it without asking (Elcomsoft's account
 * of Excel 97/2000 passwords). This decrypts such a workbook stream so that
 * it reads like any other; a file under a password its owner chose stays
 * refused, since only that password opens it.
 *
 * MS-OFFCRYPTO 2.3.6 (RC4, Office 97/2000: MD5, 40-bit) and 2.3.5 (RC4
 * CryptoAPI: SHA-1), MS-XLS 2.2.10 (which records stay plain). MD5 and SHA-1
 * come from @noble/hashes, which runs the same in Node and in the browser.
 */
import { md5, sha1 } from '@noble/hashes/legacy';
import { concat, le32, sameBytes, u16, u32, utf16le } from './bytes';

/** The password Excel uses when a workbook is encrypted without the user choosing one. */
export const DEFAULT_PASSWORD = 'VelvetSweatshop';

const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
/** Records whose bodies are never encrypted (MS-XLS 2.2.10): BOF, FilePass, UsrExcl, FileLock, InterfaceHdr, RRDInfo, RRDHead. */
const PLAIN = new Set([0x0809, FILEPASS, 0x0194, 0x0195, 0x00e1, 0x0196, 0x0138]);
/**
 * What the FilePass record becomes once the stream is decrypted, so the stream keeps
 * every offset (the sheet positions in BoundSheet8 point into it) and no longer says it
 * is encrypted: InterfaceEnd, a record that carries nothing and that SheetJS skips
 * whatever its length (an unknown type would make it log a warning).
 */
const FILEPASS_DONE = 0x00e2;
const BLOCK = 1024;

/** RC4's keystream (no library offers RC4 any more: it is only ever needed to read old files). */
export class Rc4 {
  private readonly s = new Uint8Array(256);
  private i = 0;
  private j = 0;

  constructor(key: Uint8Array) {
    const s = this.s;
    for (let k = 0; k < 256; k++) s[k] = k;
    for (let k = 0, j = 0; k < 256; k++) {
      j = (j + s[k] + key[k % key.length]) & 0xff;
      const t = s[k];
      s[k] = s[j];
      s[j] = t;
    }
  }

  /** The next n bytes of keystream. */
  next(n: number): Uint8Array {
    const out = new Uint8Array(n);
    const s = this.s;
    let { i, j } = this;
    for (let k = 0; k < n; k++) {
      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      const t = s[i];
      s[i] = s[j];
      s[j] = t;
      out[k] = s[(s[i] + s[j]) & 0xff];
    }
    this.i = i;
    this.j = j;
    return out;
  }

  /** XOR data with the next bytes of keystream. */
  apply(data: Uint8Array): Uint8Array {
    const ks = this.next(data.length);
    for (let k = 0; k < ks.length; k++) ks[k] ^= data[k];
    return ks;
  }
}

/** The RC4 key of each 1,024-byte block, once the password checks out against the FilePass record. */
type BlockKeys = (block: number) => Uint8Array;

/** RC4, Office 97/2000 (FilePass 1.1): MD5, the hash cut to 40 bits, salted 16 times. */
function standardKeys(body: Uint8Array, password: string): BlockKeys | undefined {
  if (body.length < 2 + 4 + 48) return undefined;
  const salt = body.subarray(6, 22);
  const verifier = body.subarray(22, 38);
  const verifierHash = body.subarray(38, 54);
  const h0 = md5(utf16le(password)).subarray(0, 5);
  const buffer = new Uint8Array(21 * 16);
  for (let k = 0; k < 16; k++) {
    buffer.set(h0, k * 21);
    buffer.set(salt, k * 21 + 5);
  }
  const h1 = md5(buffer).subarray(0, 5);
  const keys: BlockKeys = (block) => md5(concat(h1, le32(block)));
  const rc4 = new Rc4(keys(0));
  const v = rc4.apply(verifier);
  return sameBytes(md5(v), rc4.apply(verifierHash)) ? keys : undefined;
}

/** RC4 CryptoAPI (FilePass 2.2, 3.2 or 4.2): SHA-1, a key of 40 to 128 bits. */
function cryptoApiKeys(body: Uint8Array, password: string): BlockKeys | undefined {
  if (body.length < 14) return undefined;
  const headerSize = u32(body, 10);
  const header = 14;
  if (headerSize < 32 || header + headerSize + 4 > body.length) return undefined;
  const algId = u32(body, header + 8);
  const algIdHash = u32(body, header + 12);
  const keyBits = u32(body, header + 16) || 40;
  // RC4 (0x6801) with SHA-1 (0x8004); 0 means the provider's default, which is the same.
  if ((algId !== 0x6801 && algId !== 0) || (algIdHash !== 0x8004 && algIdHash !== 0) || keyBits < 40 || keyBits > 128 || keyBits % 8) return undefined;
  const v0 = header + headerSize;
  const saltSize = u32(body, v0);
  if (saltSize !== 16 || v0 + 4 + 16 + 16 + 4 + 20 > body.length) return undefined;
  const salt = body.subarray(v0 + 4, v0 + 20);
  const verifier = body.subarray(v0 + 20, v0 + 36);
  const hashSize = u32(body, v0 + 36);
  if (hashSize !== 20) return undefined;
  const verifierHash = body.subarray(v0 + 40, v0 + 60);
  const h0 = sha1(concat(salt, utf16le(password)));
  const keys: BlockKeys = (block) => {
    const h = sha1(concat(h0, le32(block)));
    if (keyBits === 40) {
      // A 40-bit key is padded with zeros to 128 bits.
      const key = new Uint8Array(16);
      key.set(h.subarray(0, 5));
      return key;
    }
    return h.subarray(0, keyBits / 8);
  };
  const rc4 = new Rc4(keys(0));
  const v = rc4.apply(verifier);
  return sameBytes(sha1(v), rc4.apply(verifierHash)) ? keys : undefined;
}

/** The FilePass record of a BIFF8 workbook stream: its offset and body, or undefined. */
function findFilePass(stream: Uint8Array): { at: number; body: Uint8Array } | undefined {
  // It comes right after the workbook's BOF, among the first records.
  for (let p = 0, n = 0; p + 4 <= stream.length && n < 64; n++) {
    const type = u16(stream, p);
    const size = u16(stream, p + 2);
    if (p + 4 + size > stream.length) return undefined;
    if (type === FILEPASS) return { at: p, body: stream.subarray(p + 4, p + 4 + size) };
    p += 4 + size;
  }
  return undefined;
}

/**
 * The workbook stream decrypted with `password` (Excel's default unless told), with
 * its FilePass record turned into one every reader skips; undefined when the stream
 * is not RC4-encrypted or the password does not open it (XOR obfuscation and chosen
 * passwords stay refused).
 */
export function decryptWorkbookStream(stream: Uint8Array, password = DEFAULT_PASSWORD): Uint8Array | undefined {
  const pass = findFilePass(stream);
  if (!pass || pass.body.length < 6) return undefined;
  const { body } = pass;
  // wEncryptionType 1 is RC4; 0 is XOR obfuscation.
  if (u16(body, 0) !== 1) return undefined;
  const major = u16(body, 2);
  const minor = u16(body, 4);
  const keys = major === 1 && minor === 1 ? standardKeys(body, password) : major >= 2 && major <= 4 && minor === 2 ? cryptoApiKeys(body, password) : undefined;
  if (!keys) return undefined;

  // Which bytes are encrypted: record bodies, but for the plain records and BoundSheet8's lbPlyPos.
  const encrypted = new Uint8Array(stream.length);
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = u16(stream, p);
    const size = u16(stream, p + 2);
    const start = p + 4;
    const end = Math.min(stream.length, start + size);
    if (!PLAIN.has(type)) encrypted.fill(1, type === BOUNDSHEET ? Math.min(end, start + 4) : start, end);
    p = start + size;
  }
  // The keystream runs over the whole stream, headers included, and starts afresh every 1,024 bytes.
  const out = stream.slice();
  for (let block = 0; block * BLOCK < stream.length; block++) {
    const from = block * BLOCK;
    const to = Math.min(stream.length, from + BLOCK);
    let any = false;
    for (let p = from; p < to && !any; p++) any = encrypted[p] === 1;
    if (!any) continue;
    const ks = new Rc4(keys(block)).next(to - from);
    for (let p = from; p < to; p++) if (encrypted[p] === 1) out[p] ^= ks[p - from];
  }
  out[pass.at] = FILEPASS_DONE & 0xff;
  out[pass.at + 1] = FILEPASS_DONE >> 8;
  return out;
}
