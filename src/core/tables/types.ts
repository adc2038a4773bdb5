/**
 * A LAKIP report table, ready to render: to an Excel sheet plan, to HTML that
 * Word keeps on paste, and to .docx. Built from a recognised table as the
 * workbook is (or with the accepted fixes); a total or percentage it computes is
 * shown only where the workbook agrees, else the workbook's value (tables/typed.ts).
 */

export type SpecCellKind = 'text' | 'no' | 'code' | 'count' | 'money' | 'percent' | 'marker';

/** How Excel should compute a cell instead of holding a typed number. */
export type SpecFormula =
  /** Sum of the same column over these body rows (indexes into bodyRows). */
  | { kind: 'sum'; rows: number[] }
  /** numerator / denominator × 100 over two columns of the same row (indexes into columns); marker text when the denominator is 0. */
  | { kind: 'ratio'; num: number; den: number; marker?: string };

export interface SpecCell {
  /** Text as printed in the report, Indonesian style ('1.595', '96,82', 'Kewenangan Pusat'). */
  text: string;
  /** The number behind the text, for spreadsheets; absent for text cells. */
  value?: number;
  kind: SpecCellKind;
  /** Decimals shown, for number formats. */
  decimals?: number;
  formula?: SpecFormula;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  /** Indentation level: kegiatan under their program. */
  indent?: number;
  align?: 'left' | 'center' | 'right';
  /** The workbook cell the figure or text comes from (0-based, on the spec's source sheet): what notes and warnings point at. */
  source?: { row: number; col: number };
}

export type SpecRowRole = 'item' | 'parent' | 'section' | 'total';

export interface SpecRow {
  role: SpecRowRole;
  cells: SpecCell[];
}

export type TableSpecKind = 'capaian' | 'anggaran' | 'pmks' | 'spm' | 'belanja' | 'count';

export interface TableSpec {
  /** Stable id, e.g. 'anggaran-APBD', used for sheet names and anchors. */
  id: string;
  kind: TableSpecKind;
  /** 'Tabel 3.2 Realisasi Anggaran ...', instansi, tahun: one line each. */
  titleLines: string[];
  /** Column widths in characters, and how numbers in them are shown. */
  columns: { kind: SpecCellKind; width: number }[];
  /** Header rows; a cell spanning columns/rows appears once, covered positions are omitted. */
  headerRows: SpecCell[][];
  bodyRows: SpecRow[];
  /** Lines under the table before the source (the predikat scale used, markers explained). */
  notes: string[];
  /** 'Sumber: ...' line. */
  source: string;
  /** Where it came from, for messages and links. */
  from: { sheet: string; range: string };
  /** Built after the accepted (mechanical) fixes rather than from the workbook as it is. */
  withFixes?: boolean;
  /** Cells whose value in the table differs from the workbook's (only with fixes); also listed in a note. */
  differences?: SpecDifference[];
  /** A1 addresses of the cells the check flags that the table shows as the workbook has them; also said in a note. */
  flagged?: string[];
  /** Set when the table, or a column the spec reads, was recognised with low confidence: export only after a warning. */
  lowConfidence?: { table: boolean; columns: string[] };
}

/** A value the report table shows differently from the workbook. */
export interface SpecDifference {
  /** A1 address on the source sheet. */
  cell: string;
  /** The row's label ('Anak Terlantar', 'TOTAL'). */
  row: string;
  /** The column's own header ('%'). */
  column: string;
  /** What the table shows, and what the workbook shows, in the note's language. */
  table: string;
  workbook: string;
}
