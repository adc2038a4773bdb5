/**
 * One pass over the records of a BIFF stream (the "Workbook" stream of an .xls, or a bare
 * Excel 2.x-4.0 file) before SheetJS parses it: how many cells it holds, whether it is
 * encrypted, whether it ends inside a record. Record headers are never encrypted (only
 * their bodies are), so the count holds for encrypted files too. Linear, no allocation.
 */

export interface BiffScan {
  /** BIFF version of the first BOF record: 2, 3, 4, 5 or 8 (null when the stream does not start with one). */
  version: number | null;
  /** Records holding a value or a formula (each cell of a MULRK counted). */
  cells: number;
  /** Empty formatted cells (BLANK, each cell of a MULBLANK). */
  blanks: number;
  /** A FILEPASS record: the workbook is encrypted (or obfuscated). */
  encrypted: boolean;
  /** The stream ends inside a record (padding of zero bytes aside). */
  cutShort: boolean;
  /** The scan stopped at `maxCells` cells. */
  overLimit: boolean;
  /** BIFF5/8: sheets the workbook globals list (BOUNDSHEET records, Visual Basic modules aside). */
  sheetsListed: number;
  /** Substreams (BOF ... EOF) at the top level, the workbook globals included. */
  substreams: number;
  /** Substreams still open at the end (a BOF without its EOF). */
  openAtEnd: number;
}

const u16 = (d: Uint8Array, i: number) => d[i] | (d[i + 1] << 8);

/** Record types holding one cell, in every BIFF version SheetJS reads. */
const CELL_RECORDS = new Set([
  0x0002, // INTEGER (BIFF2)
  0x0003, // NUMBER (BIFF2)
  0x0004, // LABEL (BIFF2)
  0x0005, // BOOLERR (BIFF2)
  0x0006, // FORMULA (BIFF2, BIFF5, BIFF8)
  0x0206, // FORMULA (BIFF3)
  0x0406, // FORMULA (BIFF4)
  0x0203, // NUMBER
  0x0204, // LABEL
  0x0205, // BOOLERR
  0x027e, // RK
  0x00fd, // LABELSST
  0x00d6, // RSTRING
]);
const MULRK = 0x00bd;
const BLANK = 0x0201;
const BLANK_BIFF2 = 0x0001;
const MULBLANK = 0x00be;
const FILEPASS = 0x002f;
const BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;

function bofVersion(type: number, body: Uint8Array): number | null {
  switch (type) {
    case 0x0009:
      return 2;
    case 0x0209:
      return 3;
    case 0x0409:
      return 4;
    case 0x0809: {
      const v = body.length >= 2 ? u16(body, 0) : 0;
      return v === 0x0600 ? 8 : 5;
    }
    default:
      return null;
  }
}

export function scanBiff(stream: Uint8Array, maxCells: number): BiffScan {
  const out: BiffScan = { version: null, cells: 0, blanks: 0, encrypted: false, cutShort: false, overLimit: false, sheetsListed: 0, substreams: 0, openAtEnd: 0 };
  let depth = 0;
  const n = stream.length;
  let pos = 0;
  let first = true;
  while (pos + 4 <= n) {
    const type = u16(stream, pos);
    const len = u16(stream, pos + 2);
    const start = pos + 4;
    if (start + len > n) {
      // A record running past the end: the stream was cut, unless what is left is padding.
      for (let i = pos; i < n; i++) {
        if (stream[i] !== 0) {
          out.cutShort = true;
          break;
        }
      }
      out.openAtEnd = depth;
      return out;
    }
    if (first) {
      out.version = bofVersion(type, stream.subarray(start, start + len));
      first = false;
    }
    if (CELL_RECORDS.has(type)) out.cells++;
    else if (type === MULRK && len >= 6) out.cells += Math.floor((len - 6) / 6);
    else if (type === BLANK || (type === BLANK_BIFF2 && out.version === 2)) out.blanks++;
    else if (type === MULBLANK && len >= 6) out.blanks += Math.floor((len - 6) / 2);
    else if (type === FILEPASS) out.encrypted = true;
    else if (BOF.has(type)) {
      if (depth === 0) out.substreams++;
      depth++;
    } else if (type === EOF) depth = Math.max(0, depth - 1);
    else if (type === BOUNDSHEET && (out.version === 5 || out.version === 8) && len >= 6 && stream[start + 5] !== 0x06) out.sheetsListed++;
    if (out.cells > maxCells) {
      out.overLimit = true;
      return out;
    }
    pos = start + len;
  }
  for (let i = pos; i < n; i++) {
    if (stream[i] !== 0) {
      out.cutShort = true;
      break;
    }
  }
  out.openAtEnd = depth;
  return out;
}
