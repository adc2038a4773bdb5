/** File names and types for the tables the pane hands out as downloads. Pure. */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name from a workbook name: 'laporan-2021.xlsx' -> 'laporan-2021-tabel-lakip.docx'. */
export function outputName(workbook: string, ext: 'docx' | 'xlsx', suffix = 'tabel-lakip'): string {
  const base = workbook.replace(/\.[A-Za-z0-9]{2,5}$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'lakip';
  return `${base}-${suffix}.${ext}`;
}

/** A file name for one table from its id: 'pmks-Indikator 1 PMKS' -> 'pmks-Indikator-1-PMKS'. */
export function tableFileBase(id: string): string {
  return id.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, '-').replace(/^-+|-+$/g, '') || 'tabel';
}
