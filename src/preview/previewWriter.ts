/**
 * What only "Unduh buku kerja yang diperbaiki" needs: the fixes written into the opened
 * file's own cells and the ignore list part (both through JSZip). Loaded lazily, apart from
 * the reader (previewEngine.ts), so opening and checking a workbook never fetches JSZip.
 */
export { patchCells } from '../xlsx/patchCells';
export { withIgnoreListPart } from '../xlsx/ignorePart';
