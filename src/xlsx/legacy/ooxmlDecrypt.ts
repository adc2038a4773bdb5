/**
 * An encrypted .xlsx (a CFB container holding EncryptionInfo and EncryptedPackage)
 * that Excel opens without asking: encrypted under its fixed default password
 * "VelvetSweatshop". The package is decrypted under that password only; one its
 * owner locked with a password of their own stays refused.
 *
 * MS-OFFCRYPTO 2.3.4.5-2.3.4.7 (Standard: AES-ECB, SHA-1, 50,000 rounds) and
 * 2.3.4.10-2.3.4.15 (Agile: AES-CBC, SHA-1/256/384/512, its spin count, 4,096-byte
 * segments). AES and the hashes come from @noble/ciphers and @noble/hashes, which run
 * the same, synchronously, in Node and the browser.
 */
import { CFB } from '@e965/xlsx';
import { cbc, ecb } from '@noble/ciphers/aes';
import { sha1 } from '@noble/hashes/legacy';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2';
import { DEFAULT_PASSWORD } from './biffDecrypt';
import { sheetjsInput } from './sheetjs';
import { concat, le32, sameBytes, u32, utf16le } from './bytes';

type Hash = (data: Uint8Array) => Uint8Array;

const HASHES: Record<string, Hash> = { SHA1: sha1, 'SHA-1': sha1, SHA256: sha256, 'SHA-256': sha256, SHA384: sha384, 'SHA-384': sha384, SHA512: sha512, 'SHA-512': sha512 };

/** Spin counts above this are refused as not Excel's (Excel writes 100,000): the work is bounded. */
const MAX_SPIN = 10_000_000;
const SEGMENT = 4096;

/** H0 = H(salt + password), then `spin` rounds of H(round + H). */
function spun(hash: Hash, salt: Uint8Array, password: string, spin: number): Uint8Array {
  let h = hash(concat(salt, utf16le(password)));
  const buf = new Uint8Array(4 + h.length);
  for (let i = 0; i < spin; i++) {
    buf.set(le32(i), 0);
    buf.set(h, 4);
    h = hash(buf);
  }
  return h;
}

/** The package's size (8 bytes, little-endian) and its encrypted bytes. */
function packageParts(pkg: Uint8Array): { size: number; data: Uint8Array } | undefined {
  if (pkg.length < 8) return undefined;
  const size = u32(pkg, 0) + u32(pkg, 4) * 0x100000000;
  return size <= pkg.length - 8 ? { size, data: pkg.subarray(8) } : undefined;
}

function standard(info: Uint8Array, pkg: Uint8Array, password: string): Uint8Array | undefined {
  const headerSize = u32(info, 8);
  const h = 12;
  if (headerSize < 32 || h + headerSize + 4 > info.length) return undefined;
  const algId = u32(info, h + 8);
  const keyBits = u32(info, h + 16);
  // AES-128, -192, -256 (0x660E-0x6610); RC4 (0x6801) is not used for .xlsx packages by Excel.
  if (algId < 0x660e || algId > 0x6610 || ![128, 192, 256].includes(keyBits)) return undefined;
  const v = h + headerSize;
  if (u32(info, v) !== 16 || v + 4 + 16 + 16 + 4 + 32 > info.length) return undefined;
  const salt = info.subarray(v + 4, v + 20);
  const verifier = info.subarray(v + 20, v + 36);
  const verifierHash = info.subarray(v + 40, v + 72);
  const hfinal = sha1(concat(spun(sha1, salt, password, 50_000), le32(0)));
  const derive = (fill: number) => {
    const b = new Uint8Array(64).fill(fill);
    for (let i = 0; i < hfinal.length; i++) b[i] ^= hfinal[i];
    return sha1(b);
  };
  const key = concat(derive(0x36), derive(0x5c)).subarray(0, keyBits / 8);
  const aes = () => ecb(key, { disablePadding: true });
  const plainVerifier = aes().decrypt(verifier);
  if (!sameBytes(sha1(plainVerifier), aes().decrypt(verifierHash).subarray(0, 20))) return undefined;
  const parts = packageParts(pkg);
  if (!parts) return undefined;
  const whole = parts.data.subarray(0, parts.data.length - (parts.data.length % 16));
  return aes().decrypt(whole).subarray(0, parts.size);
}

/** The attributes of the first element named `local` (any prefix) in the descriptor. */
function attributesOf(xml: string, local: string): Record<string, string> | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`).exec(xml);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const a of m[1].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[a[1].replace(/^.*:/, '')] = a[2];
  return out;
}

function base64(s: string | undefined): Uint8Array | undefined {
  if (!s || !/^[A-Za-z0-9+/=\s]+$/.test(s)) return undefined;
  const bin = atob(s.replace(/\s+/g, ''));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const BLOCK_VERIFIER_INPUT = Uint8Array.of(0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79);
const BLOCK_VERIFIER_VALUE = Uint8Array.of(0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e);
const BLOCK_KEY = Uint8Array.of(0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6);

/** A hash cut or padded (with 0x36) to `n` bytes. */
function sized(h: Uint8Array, n: number, pad: number): Uint8Array {
  if (h.length >= n) return h.subarray(0, n);
  const out = new Uint8Array(n).fill(pad);
  out.set(h);
  return out;
}

function agile(info: Uint8Array, pkg: Uint8Array, password: string): Uint8Array | undefined {
  const xml = new TextDecoder('utf-8').decode(info.subarray(8));
  const keyData = attributesOf(xml, 'keyData');
  const enc = attributesOf(xml, 'encryptedKey');
  if (!keyData || !enc) return undefined;
  if (keyData.cipherAlgorithm !== 'AES' || enc.cipherAlgorithm !== 'AES' || keyData.cipherChaining !== 'ChainingModeCBC' || enc.cipherChaining !== 'ChainingModeCBC') return undefined;
  const keyHash = HASHES[enc.hashAlgorithm];
  const dataHash = HASHES[keyData.hashAlgorithm];
  const spin = Number(enc.spinCount);
  const keyBytes = Number(enc.keyBits) / 8;
  const dataKeyBytes = Number(keyData.keyBits) / 8;
  const blockSize = Number(keyData.blockSize);
  const salt = base64(enc.saltValue);
  const dataSalt = base64(keyData.saltValue);
  const input = base64(enc.encryptedVerifierHashInput);
  const value = base64(enc.encryptedVerifierHashValue);
  const keyValue = base64(enc.encryptedKeyValue);
  if (!keyHash || !dataHash || !salt || !dataSalt || !input || !value || !keyValue) return undefined;
  if (!Number.isInteger(spin) || spin < 0 || spin > MAX_SPIN || ![16, 24, 32].includes(keyBytes) || ![16, 24, 32].includes(dataKeyBytes) || blockSize !== 16) return undefined;
  const h = spun(keyHash, salt, password, spin);
  const keyFor = (block: Uint8Array) => sized(keyHash(concat(h, block)), keyBytes, 0x36);
  const iv = sized(salt, 16, 0x36);
  const decrypt = (key: Uint8Array, ivec: Uint8Array, data: Uint8Array) => cbc(key, ivec, { disablePadding: true }).decrypt(data.subarray(0, data.length - (data.length % 16)));
  const verifierInput = decrypt(keyFor(BLOCK_VERIFIER_INPUT), iv, input).subarray(0, salt.length);
  const verifierValue = decrypt(keyFor(BLOCK_VERIFIER_VALUE), iv, value);
  const expected = keyHash(verifierInput);
  if (!sameBytes(expected, verifierValue.subarray(0, expected.length))) return undefined;
  const secret = decrypt(keyFor(BLOCK_KEY), iv, keyValue).subarray(0, dataKeyBytes);
  const parts = packageParts(pkg);
  if (!parts) return undefined;
  const out = new Uint8Array(parts.size);
  for (let seg = 0, at = 0; at < parts.size; seg++, at += SEGMENT) {
    const chunk = parts.data.subarray(at, Math.min(parts.data.length, at + SEGMENT));
    const segIv = sized(dataHash(concat(dataSalt, le32(seg))), 16, 0x36);
    const plain = decrypt(secret, segIv, chunk);
    out.set(plain.subarray(0, Math.min(plain.length, parts.size - at)), at);
  }
  return out;
}

/**
 * The zip package inside an encrypted .xlsx, decrypted under `password` (Excel's default
 * unless told), or undefined when the container is not such a package or the password
 * does not open it.
 */
export function decryptPackage(data: Uint8Array, password = DEFAULT_PASSWORD): Uint8Array | undefined {
  let container;
  try {
    const input = sheetjsInput(data);
    container = CFB.read(input.data, { type: input.type });
  } catch {
    return undefined;
  }
  const find = (name: string) => {
    const e = CFB.find(container, name) as { content?: ArrayLike<number> } | null;
    return e?.content ? (e.content instanceof Uint8Array ? e.content : Uint8Array.from(e.content)) : undefined;
  };
  const info = find('EncryptionInfo');
  const pkg = find('EncryptedPackage');
  if (!info || !pkg || info.length < 8) return undefined;
  const major = info[0] | (info[1] << 8);
  const minor = info[2] | (info[3] << 8);
  try {
    if (major === 4 && minor === 4) return agile(info, pkg, password);
    if ((major === 2 || major === 3 || major === 4) && minor === 2) return standard(info, pkg, password);
  } catch {
    // A descriptor or package too damaged to decrypt: no different from a password that fails.
  }
  return undefined;
}
