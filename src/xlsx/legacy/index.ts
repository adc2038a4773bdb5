/**
 * The other spreadsheet formats offices still send: .xls (Excel 97-2003, BIFF8; also BIFF5
 * and bare BIFF2-4), .ods and flat .fods (LibreOffice, WPS), Excel 2003 XML, and the
 * HTML tables web applications export with an .xls name. Each is read into the same
 * WorkbookSnapshot the .xlsx reader makes, or refused naming the real format, the real
 * cause and what to do (src/xlsx/errors.ts).
 *
 * This module is light: the readers themselves are loaded on first use, so `lakip --help`,
 * an .xlsx check, and the pane's first screen never load SheetJS (in the browser bundle
 * they are separate chunks, fetched only when such a file is opened).
 */
import type { WorkbookSnapshot } from '../../core/snapshot';
import { LegacyReadIssue, WorkbookReadError } from '../errors';
import type { LegacyKind } from '../sniff';
import { codeOf, formatOf } from './kinds';
import { LEGACY_MAX_CELLS } from './limits';

export interface LegacyReadOptions {
  /** Cells holding something, across the workbook (at most LEGACY_MAX_CELLS whatever is asked). */
  maxCells?: number;
}

/** Read a file of one of the other formats (`kind` from src/xlsx/sniff.ts). Throws WorkbookReadError naming `name`. */
export async function readLegacyWorkbook(data: Uint8Array, name: string, kind: LegacyKind, opts: LegacyReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = Math.min(opts.maxCells ?? LEGACY_MAX_CELLS, LEGACY_MAX_CELLS);
  // Loading the reader is not reading the file: a reader that cannot be loaded (a chunk the
  // browser could not fetch, a broken installation) is reported as such, never as a damaged file.
  let run: () => WorkbookSnapshot;
  if (kind === 'html') {
    const { readHtmlTables } = await import(/* webpackChunkName: "legacy-html" */ './html');
    run = () => readHtmlTables(data, name, maxCells);
  } else {
    const { readWithSheetJs } = await import(/* webpackChunkName: "legacy-sheetjs" */ './sheetjs');
    run = () => readWithSheetJs(data, kind, maxCells);
  }
  try {
    return run();
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      throw e.file === name ? e : new WorkbookReadError(e.code, name, (e as { cause?: unknown }).cause);
    }
    // Anything else a parser threw on this file: a part of it it could not make sense of.
    const format = formatOf(kind);
    throw new WorkbookReadError(codeOf(format), name, new LegacyReadIssue(format, 'damaged-part', { detail: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * The zip inside an encrypted .xlsx when Excel's default password opens it (see
 * ./ooxmlDecrypt.ts), else undefined. Loaded on first use, like the readers.
 */
export async function decryptDefaultPassword(data: Uint8Array): Promise<Uint8Array | undefined> {
  const { decryptPackage } = await import(/* webpackChunkName: "legacy-sheetjs" */ './ooxmlDecrypt');
  return decryptPackage(data);
}
