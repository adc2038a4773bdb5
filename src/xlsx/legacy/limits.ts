/**
 * Bounds of the legacy reader (src/xlsx/legacy/). Every file it opens is untrusted: these
 * are checked before SheetJS parses anything, so no file can make a read hang or run the
 * process out of memory.
 */

/**
 * Cells holding something, across the workbook. SheetJS keeps each cell as an object
 * while it parses: measured on Node 20, a BIFF8 sheet of 65,536 × 10 numbers (655,360
 * cells) took 363 MB of heap and 8 s, about 550 bytes and 12 µs a cell, on top of the
 * snapshot built from it. Two million cells (about 1.1 GB) is the floor the .xlsx reader
 * guarantees whatever the heap (a full sheet of 1,048,576 rows × 2), and far beyond any
 * report table; the Excel add-in stops at 1,048,576.
 */
export const LEGACY_MAX_CELLS = 2_000_000;

/**
 * Text formats (flat OpenDocument, Excel 2003 XML, HTML) and the content.xml of an .ods:
 * the cell data as markup, as with the sheet parts of an .xlsx (160 MB before the .xlsx
 * reader counted cells instead).
 */
export const LEGACY_MAX_MARKUP_BYTES = 160 * 1024 * 1024;

/** The other parts of an .ods that are read (styles.xml, meta.xml, the manifest), together. */
export const LEGACY_MAX_SIDE_PARTS_BYTES = 64 * 1024 * 1024;

/** Rows and columns of a worksheet in Excel (an HTML table or an .ods may claim more). */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;
