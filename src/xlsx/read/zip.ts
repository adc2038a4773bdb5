/**
 * The zip container of an OOXML package, read from its central directory.
 * Parts are inflated on demand, in chunks, with the output counted as it comes
 * out: the sizes a zip declares are never trusted, so a part declared as 1 KB
 * that inflates to gigabytes is stopped at the budget, not after it has been
 * held in memory. Browser-safe (fflate's streaming Inflate, no Node APIs); a
 * host with a native inflater (Node's zlib) may lend it for the parts it can
 * inflate whole within a small bound (useNativeInflate).
 */
import { Inflate } from 'fflate';

/**
 * Inflates raw deflate data whole, giving up (undefined) once the output would
 * pass `limit` bytes; throws on damaged data.
 */
export type WholeInflater = (raw: Uint8Array, limit: number) => Uint8Array | undefined;

let native: WholeInflater | undefined;

/**
 * Lend a native inflater (the CLI lends Node's zlib, ~10x fflate). Parts are still
 * counted against the budget; a part inflating past NATIVE_LIMIT goes back to the
 * streaming path, so memory stays bounded by the chunk, not the part.
 */
export function useNativeInflate(inflater: WholeInflater | undefined): void {
  native = inflater;
}

/** The largest output taken whole from the native inflater: a 100k-cell sheet, not a 1M-cell one. */
const NATIVE_LIMIT = 24 * 1024 * 1024;

export interface ZipEntry {
  /** The name as stored in the zip. */
  name: string;
  /** Lower-case, '/'-separated, no leading '/': OPC part names compare case-insensitively. */
  key: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The zip's structure is broken (the caller words it as a damaged file). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

/** Inflating went past the budget of uncompressed bytes. */
export class InflateBudgetError extends Error {
  override readonly name = 'InflateBudgetError';
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (d: Uint8Array, i: number) => d[i] | (d[i + 1] << 8);
const u32 = (d: Uint8Array, i: number) => (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16)) + d[i + 3] * 0x1000000;
const u64 = (d: Uint8Array, i: number) => u32(d, i) + u32(d, i + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');
/** Zip names without the UTF-8 flag are CP437 in the spec; OOXML part names are ASCII, so latin1 keeps them. */
const latin1 = new TextDecoder('latin1');

export function partKey(name: string): string {
  let k = name.replace(/\\/g, '/');
  while (k.startsWith('/')) k = k.slice(1);
  return k.toLowerCase();
}

/** The entries of the central directory. Throws ZipFormatError. */
export function readCentralDirectory(data: Uint8Array): Map<string, ZipEntry> {
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 64 KB).
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory record (the file is cut short or not a zip)');
  let count = u16(data, eocd + 10);
  let offset = u32(data, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(data, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(data, eocd - 12);
    if (at + 56 > data.length || u32(data, at) !== EOCD64) throw new ZipFormatError('damaged zip64 end record');
    count = u64(data, at + 32);
    offset = u64(data, at + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== CENTRAL) throw new ZipFormatError(`damaged central directory (entry ${n + 1} of ${count})`);
    const flags = u16(data, p + 8);
    const method = u16(data, p + 10);
    let compressedSize = u32(data, p + 20);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    let localHeaderOffset = u32(data, p + 42);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64 extended information: the 64-bit fields present are those whose 32-bit field is saturated.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(data, e);
        const size = u16(data, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (u32(data, p + 24) === 0xffffffff) q += 8; // uncompressed size: not used
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(data, q);
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(data, q);
          break;
        }
        e += 4 + size;
      }
    }
    if (!name.endsWith('/')) {
      entries.set(partKey(name), { name, key: partKey(name), method, flags, compressedSize, localHeaderOffset });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry. Throws ZipFormatError. */
function rawBytes(data: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.localHeaderOffset;
  if (h + 30 > data.length || u32(data, h) !== LOCAL) throw new ZipFormatError(`part ${e.name}: damaged local header`);
  const start = h + 30 + u16(data, h + 26) + u16(data, h + 28);
  const end = start + e.compressedSize;
  if (end > data.length) throw new ZipFormatError(`part ${e.name}: cut short`);
  return data.subarray(start, end);
}

/** Shared across the parts of one package: what may still be inflated. */
export interface InflateBudget {
  remaining: number;
}

/**
 * Compressed bytes pushed at a time. Deflate can expand about 1,000 times, so this
 * also bounds one output chunk (to ~16 MB for a bomb, ~160 KB for everyday XML).
 */
const CHUNK = 16 * 1024;
/** Output decoded to text at a time: strings below V8's large-object size die young. */
const TEXT_SLICE = 64 * 1024;

/**
 * Inflate an entry, handing the output to `sink` chunk by chunk. Throws
 * InflateBudgetError past the budget, ZipFormatError on damaged data.
 */
export function inflateEntry(data: Uint8Array, e: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void): void {
  if (e.flags & 0x1) throw new ZipFormatError(`part ${e.name} is encrypted with zip encryption`);
  const raw = rawBytes(data, e);
  const take = (chunk: Uint8Array) => {
    budget.remaining -= chunk.length;
    if (budget.remaining < 0) throw new InflateBudgetError(`part ${e.name} inflates past the limit`);
    if (chunk.length > 0) sink(chunk);
  };
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += CHUNK) take(raw.subarray(i, Math.min(raw.length, i + CHUNK)));
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`part ${e.name}: compression method ${e.method} is not used by Office`);
  if (native) {
    const limit = Math.min(NATIVE_LIMIT, budget.remaining + 1);
    let whole: Uint8Array | undefined;
    try {
      whole = native(raw, limit);
    } catch (err) {
      throw new ZipFormatError(`part ${e.name}: ${(err as Error).message || 'invalid deflate data'}`);
    }
    if (whole !== undefined) {
      take(whole);
      return;
    }
    // Past the bound: past the budget too, or a part so large it is streamed below, chunk by chunk.
    if (limit > budget.remaining) throw new InflateBudgetError(`part ${e.name} inflates past the limit`);
  }
  // Errors from the sink (the budget, the XML reader) pass through as they are; only
  // fflate's own mean damaged deflate data.
  let fromSink: unknown;
  const inflater = new Inflate((chunk) => {
    try {
      take(chunk);
    } catch (err) {
      fromSink = err;
      throw err;
    }
  });
  try {
    if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < raw.length; i += CHUNK) inflater.push(raw.subarray(i, Math.min(raw.length, i + CHUNK)), i + CHUNK >= raw.length);
  } catch (err) {
    if (fromSink !== undefined) throw fromSink;
    throw new ZipFormatError(`part ${e.name}: ${(err as Error).message || 'invalid deflate data'}`);
  }
}

/** A whole part as bytes (small parts: workbook, relationships, styles). */
export function inflateAll(data: Uint8Array, e: ZipEntry, budget: InflateBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  inflateEntry(data, e, budget, (c) => {
    chunks.push(c.slice());
    size += c.length;
  });
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A whole part as text (UTF-8, or UTF-16 with a byte-order mark). */
export function inflateText(data: Uint8Array, e: ZipEntry, budget: InflateBudget): string {
  return decodeXmlBytes(inflateAll(data, e, budget));
}

export function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
  }
  return utf8.decode(b);
}

/** Text of a part, streamed: `onText` gets decoded pieces in order (UTF-8 sequences never split). */
export function streamText(data: Uint8Array, e: ZipEntry, budget: InflateBudget, onText: (s: string) => void): void {
  let decoder: TextDecoder | null = null;
  inflateEntry(data, e, budget, (chunk) => {
    if (!decoder) {
      const le = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
      const be = chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff;
      decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
    }
    for (let i = 0; i < chunk.length; i += TEXT_SLICE) {
      const s = decoder.decode(chunk.subarray(i, Math.min(chunk.length, i + TEXT_SLICE)), { stream: true });
      if (s) onText(s);
    }
  });
  if (decoder) {
    const rest = (decoder as TextDecoder).decode();
    if (rest) onText(rest);
  }
}
