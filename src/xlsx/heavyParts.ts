/**
 * Two things in a worksheet make exceljs take minutes on a small file: many merged
 * areas (it compares every merge with every other: 20,000 merges took 27 s here,
 * 50,000 hang past 300 s) and data validation over whole columns (it expands each
 * range cell by cell). The checker never reads data validation, and it can read the
 * merged areas itself; so from such sheets both blocks are taken out before exceljs
 * parses them, and the merges are handed to the snapshot directly. Everyday sheets
 * are passed on untouched.
 */

/** More merged areas than this in one sheet are read here rather than by exceljs. */
export const MANY_MERGES = 1000;
/** Data validation over more cells than this in one sheet is dropped before exceljs sees it. */
const BIG_VALIDATION = 100_000;

const MERGE_BLOCK = /<mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/mergeCells>)/;
const VALIDATION_BLOCK = /<dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by a space-separated list of ranges ('A1:A1048576 C3'). */
function areaOf(sqref: string): number {
  let total = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(part);
    if (!m) continue;
    const rows = m[4] ? Math.abs(Number(m[4]) - Number(m[2])) + 1 : 1;
    const cols = m[3] ? Math.abs(colIndex(m[3]) - colIndex(m[1])) + 1 : 1;
    total += rows * cols;
  }
  return total;
}

export interface Lightened {
  /** The sheet XML as exceljs should parse it. */
  xml: string;
  /** The merged areas taken out (A1 ranges), when they were; undefined when exceljs reads them as usual. */
  merges?: string[];
}

/** A worksheet part without what would make exceljs slow; null when it has nothing of the kind. */
export function lightenSheet(xml: string): Lightened | null {
  let out = xml;
  let merges: string[] | undefined;
  const mergeBlock = MERGE_BLOCK.exec(out);
  if (mergeBlock) {
    const refs = [...mergeBlock[0].matchAll(/<mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]);
    if (refs.length > MANY_MERGES) {
      merges = refs;
      out = out.slice(0, mergeBlock.index) + out.slice(mergeBlock.index + mergeBlock[0].length);
    }
  }
  const validations = VALIDATION_BLOCK.exec(out);
  if (validations) {
    const area = [...validations[0].matchAll(/\bsqref\s*=\s*["']([^"']+)["']/g)].reduce((n, m) => n + areaOf(m[1]), 0);
    if (area > BIG_VALIDATION) out = out.slice(0, validations.index) + out.slice(validations.index + validations[0].length);
  }
  return out === xml ? null : { xml: out, merges };
}
