/**
 * Bytes of a workbook file -> WorkbookSnapshot. Browser-safe (no Node APIs);
 * readWorkbook.ts adds the file-system front end. The file type is told by
 * content, never by extension; .xlsx/.xlsm packages are read by the streaming
 * reader in ./read/.
 */
import type { WorkbookSnapshot } from '../core/snapshot';
import { CompressedCause, MAX_FILE_BYTES, OwnerFileCause, WorkbookReadError } from './errors';
import { gzipKind } from './gzipPeek';
import { decryptDefaultPassword, readLegacyWorkbook } from './legacy';
import { cfbLooksEncrypted, looksLikeOdsZip, ownerFileUser, sniff, sniffLegacyOther, TEXT_SNIFF_BYTES } from './sniff';
import { readXlsx, type ReadLimits } from './read/readXlsx';
import { defaultLimits, MAX_INFLATED_BYTES } from './read/limits';

/** Largest total uncompressed size of the package parts read, counted while inflating. */
export const MAX_UNCOMPRESSED_BYTES = MAX_INFLATED_BYTES;

/** What a file that is no workbook is, when it can be told: an Excel lock file, a gzip (Gnumeric). */
export function notWorkbookCause(data: Uint8Array): Error | undefined {
  const user = ownerFileUser(data.subarray(0, 256), data.byteLength);
  if (user !== undefined) return new OwnerFileCause(user);
  const gz = gzipKind(data);
  return gz ? new CompressedCause(gz) : undefined;
}

/** Read a workbook from its bytes. `name` is used in errors (file name or label). Throws WorkbookReadError. */
export async function readWorkbookBuffer(data: Uint8Array, name: string, limits: ReadLimits = defaultLimits()): Promise<WorkbookSnapshot> {
  if (data.byteLength === 0) throw new WorkbookReadError('empty-file', name);
  if (data.byteLength > MAX_FILE_BYTES) throw new WorkbookReadError('too-large', name);
  switch (sniff(data, data.byteLength)) {
    case 'empty':
      throw new WorkbookReadError('empty-file', name);
    case 'cfb':
      // An encrypted .xlsx travels in a CFB container too; anything else there goes to the .xls reader.
      if (cfbLooksEncrypted(data)) {
        // Excel opens one under its default password without asking: so does this; any other stays refused.
        const plain = await decryptDefaultPassword(data);
        if (!plain) throw new WorkbookReadError('encrypted', name);
        return readXlsx(plain, name, limits);
      }
      return readLegacyWorkbook(data, name, 'cfb');
    case 'other': {
      // HTML tables, Excel 2003 XML, flat .fods, bare BIFF2-4: the legacy reader (src/xlsx/legacy/).
      const kind = sniffLegacyOther(data.subarray(0, TEXT_SNIFF_BYTES));
      if (kind) return readLegacyWorkbook(data, name, kind);
      throw new WorkbookReadError('not-xlsx', name, notWorkbookCause(data));
    }
    case 'zip':
      if (looksLikeOdsZip(data)) return readLegacyWorkbook(data, name, 'ods');
      try {
        return await readXlsx(data, name, limits);
      } catch (e) {
        // An .ods whose mimetype entry is not first: found by the package reader, read by the legacy one.
        if (e instanceof WorkbookReadError && e.code === 'ods') return readLegacyWorkbook(data, name, 'ods');
        throw e;
      }
  }
}
