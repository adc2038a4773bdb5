/**
 * .xlsx file -> WorkbookSnapshot (the same shape the Excel add-in reads through
 * Office.js), detecting the file type by content, never by extension.
 *
 * The file is only ever opened read-only. Non-workbook files are identified
 * from their first bytes without reading the rest.
 */
import { promises as fsp } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { WorkbookSnapshot } from '../core/snapshot';
import { MAX_FILE_BYTES, WorkbookReadError } from './errors';
import { notWorkbookCause, readWorkbookBuffer } from './fromBuffer';
import { lendZlib } from './nodeInflate';
import { limitsForHeap } from './read/limits';
import { SNIFF_BYTES, sniff, sniffLegacyOther, TEXT_SNIFF_BYTES } from './sniff';

export { readWorkbookBuffer } from './fromBuffer';

lendZlib();

const STAT_NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EACCES', 'EPERM', 'EBUSY', 'EINVAL']);

function errnoOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/** Map a file-system error while opening/reading to a WorkbookReadError. */
function fsError(e: unknown, path: string, reading: boolean): WorkbookReadError {
  const code = errnoOf(e);
  if (code === 'EISDIR') return new WorkbookReadError('not-a-file', path, e);
  if (!reading || (code && STAT_NOT_FOUND.has(code))) return new WorkbookReadError('not-found', path, e);
  return new WorkbookReadError('corrupt', path, e);
}

type Handle = Awaited<ReturnType<typeof fsp.open>>;

async function readAt(fh: Handle, length: number, position: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** Read an .xlsx workbook from disk. Throws WorkbookReadError. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  let stat;
  try {
    stat = await fsp.stat(path);
  } catch (e) {
    throw fsError(e, path, false);
  }
  if (stat.isDirectory() || !stat.isFile()) throw new WorkbookReadError('not-a-file', path);
  if (stat.size > MAX_FILE_BYTES) throw new WorkbookReadError('too-large', path);
  if (stat.size === 0) throw new WorkbookReadError('empty-file', path);

  let fh: Handle;
  try {
    fh = await fsp.open(path, 'r');
  } catch (e) {
    throw fsError(e, path, false);
  }
  let data: Uint8Array;
  try {
    // The size may have changed since stat: go by the open handle.
    const size = (await fh.stat()).size;
    if (size > MAX_FILE_BYTES) throw new WorkbookReadError('too-large', path);
    if (size === 0) throw new WorkbookReadError('empty-file', path);
    const head = await readAt(fh, Math.min(SNIFF_BYTES, size), 0);
    switch (sniff(head, size)) {
      case 'empty':
        throw new WorkbookReadError('empty-file', path);
      case 'other':
        // HTML tables, Excel 2003 XML, flat .fods, bare BIFF2-4 are read (src/xlsx/legacy/); anything else is no workbook.
        const start = await readAt(fh, Math.min(TEXT_SNIFF_BYTES, size), 0);
        // What it is instead, when that can be told: a lock file by its few bytes, a gzip by its first kilobytes.
        if (!sniffLegacyOther(start)) throw new WorkbookReadError('not-xlsx', path, notWorkbookCause(size <= TEXT_SNIFF_BYTES ? start : await readAt(fh, Math.min(size, 256 * 1024), 0)));
        data = await readAt(fh, size, 0);
        break;
      case 'cfb':
        // Encrypted packages too: readWorkbookBuffer opens those under Excel's default password.
        data = await readAt(fh, size, 0);
        break;
      case 'zip':
        data = await readAt(fh, size, 0);
        break;
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw fsError(e, path, true);
  } finally {
    await fh.close().catch(() => undefined);
  }
  // The cell limit follows this process's own heap (--max-old-space-size raises it).
  return readWorkbookBuffer(data, path, limitsForHeap(getHeapStatistics().heap_size_limit));
}
