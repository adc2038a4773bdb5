/**
 * The few entries of an OpenDocument zip the reader needs, inflated with the output
 * counted as it comes (fflate, fed 16 KB at a time): sizes the archive declares are never
 * trusted, so a zip bomb stops at the limit instead of filling memory. Browser-safe.
 */
import { Inflate } from 'fflate';

export class ZipDamage extends Error {
  override readonly name = 'ZipDamage';
  constructor(
    readonly reason: 'truncated' | 'damaged-container' | 'damaged-part',
    message: string,
    readonly part?: string,
  ) {
    super(message);
  }
}

/** An entry inflated past its limit. */
export class ZipTooLarge extends Error {
  override readonly name = 'ZipTooLarge';
  constructor(readonly part: string, limit: number) {
    super(`${part} holds more than ${limit} bytes once inflated`);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (d: Uint8Array, i: number) => d[i] | (d[i + 1] << 8);
const u32 = (d: Uint8Array, i: number) => (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)) >>> 0;

function latin1(d: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(d[i]);
  return s;
}

/** The central directory's entries. Throws ZipDamage. */
function entries(data: Uint8Array): Entry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipDamage('truncated', 'the end of the zip archive is missing');
  const count = u16(data, eocd + 10);
  const cdSize = u32(data, eocd + 12);
  const cdOffset = u32(data, eocd + 16);
  if (cdOffset + cdSize > eocd) throw new ZipDamage('truncated', 'the zip directory lies outside the file');
  const out: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || u32(data, p) !== 0x02014b50) throw new ZipDamage('damaged-container', 'the zip directory is damaged');
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    out.push({
      name: latin1(data, p + 46, p + 46 + nameLen),
      flags: u16(data, p + 8),
      method: u16(data, p + 10),
      compressedSize: u32(data, p + 20),
      localOffset: u32(data, p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function inflateCounted(src: Uint8Array, part: string, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new ZipTooLarge(part, limit);
    chunks.push(chunk);
    if (final) ended = true;
  });
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < src.length; i += STEP) inflater.push(src.subarray(i, Math.min(src.length, i + STEP)), i + STEP >= src.length);
    if (src.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipTooLarge) throw e;
    throw new ZipDamage('damaged-part', `${part}: ${(e as Error)?.message ?? String(e)}`, part);
  }
  if (!ended) throw new ZipDamage('truncated', `${part} stops before its end`, part);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The named entries that exist, inflated; `limits` gives each name's own limit and the
 * total of all. Throws ZipDamage (naming the part) or ZipTooLarge.
 */
export function readZipEntries(data: Uint8Array, wanted: Record<string, number>, totalLimit: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries(data)) {
    if (!Object.prototype.hasOwnProperty.call(wanted, e.name) || out.has(e.name)) continue;
    const limit = Math.min(wanted[e.name], totalLimit - total);
    const p = e.localOffset;
    if (p + 30 > data.length || u32(data, p) !== 0x04034b50) throw new ZipDamage(p + 30 > data.length ? 'truncated' : 'damaged-part', `${e.name}: local header not found`, e.name);
    const start = p + 30 + u16(data, p + 26) + u16(data, p + 28);
    const end = start + e.compressedSize;
    if (end > data.length) throw new ZipDamage('truncated', `${e.name} stops before its end`, e.name);
    if (e.flags & 1) throw new ZipDamage('damaged-part', `${e.name} is encrypted at the zip level`, e.name);
    let bytes: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize > limit) throw new ZipTooLarge(e.name, limit);
      bytes = data.subarray(start, end);
    } else if (e.method === 8) {
      bytes = inflateCounted(data.subarray(start, end), e.name, limit);
    } else {
      throw new ZipDamage('damaged-part', `${e.name} uses compression method ${e.method}`, e.name);
    }
    total += bytes.length;
    out.set(e.name, bytes);
  }
  return out;
}
