/**
 * Narrative files (the report's prose, .docx or .txt) -> NarrativeSource, for
 * checking the prose against the tables.
 *
 * `readNarrativeBuffer` and the errors are browser-safe and live in sibling
 * modules (the task pane imports those directly); `readNarrativeFile` is the
 * Node entry point. The file is only ever opened for reading.
 */
import { promises as fsp } from 'node:fs';
import type { NarrativeSource } from '../core/narrative/types';
import { readNarrativeBuffer } from './narrativeBuffer';
import { MAX_NARRATIVE_BYTES, NarrativeReadError } from './narrativeErrors';

export { readNarrativeBuffer } from './narrativeBuffer';
export { isNarrativeReadError, NarrativeReadError, narrativeErrorMessage } from './narrativeErrors';
export type { NarrativeErrorCode, NarrativeErrorKind } from './narrativeErrors';

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EINVAL']);
const NO_ACCESS = new Set(['EACCES', 'EPERM', 'EBUSY']);

function errnoOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

function fsError(e: unknown, path: string): NarrativeReadError {
  const code = errnoOf(e);
  if (code === 'EISDIR') return new NarrativeReadError('not-found', path, 'folder', e);
  if (code && NO_ACCESS.has(code)) return new NarrativeReadError('not-found', path, 'permission', e);
  if (code && NOT_FOUND.has(code)) return new NarrativeReadError('not-found', path, undefined, e);
  return new NarrativeReadError('corrupt', path, undefined, e);
}

/** Read a .docx or .txt narrative from disk (Node only). Throws NarrativeReadError. */
export async function readNarrativeFile(path: string): Promise<NarrativeSource> {
  let data: Uint8Array;
  try {
    const stat = await fsp.stat(path);
    if (stat.isDirectory()) throw new NarrativeReadError('not-found', path, 'folder');
    if (!stat.isFile()) throw new NarrativeReadError('unsupported', path);
    // Refuse before reading, so a huge file never fills memory.
    if (stat.size > MAX_NARRATIVE_BYTES) throw new NarrativeReadError('too-large', path);
    const buf = await fsp.readFile(path, { flag: 'r' });
    data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof NarrativeReadError) throw e;
    throw fsError(e, path);
  }
  return readNarrativeBuffer(data, path);
}
