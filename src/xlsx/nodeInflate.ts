/**
 * Node's zlib lent to the streaming reader (src/xlsx/read/zip.ts): native
 * inflate is about ten times fflate's JavaScript, most of a small workbook's
 * read. The reader still counts every byte against its budget and streams the
 * parts too large to take whole. Node only: the browser keeps fflate.
 */
import { inflateRawSync } from 'node:zlib';
import { useNativeInflate } from './read/zip';

export function inflateWithZlib(raw: Uint8Array, limit: number): Uint8Array | undefined {
  try {
    return inflateRawSync(raw, { maxOutputLength: limit });
  } catch (e) {
    // zlib stops at maxOutputLength with this code: not damage, just more than we take whole.
    if (e && typeof e === 'object' && (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw e;
  }
}

export function lendZlib(): void {
  useNativeInflate(inflateWithZlib);
}
