/**
 * A LAKIP report table, ready to render: to an Excel sheet plan, to HTML that
 * Word keeps on paste, and to .docx. Built from a recognised table after its
 * fixes, with every total and percentage recomputed, never copied.
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
}

export type SpecRowRole = 'item' | 'parent' | 'section' | 'total';

export interface SpecRow {
  role: SpecRowRole;
  cells: SpecCell[];
}

export type TableSpecKind = 'capaian' | 'anggaran' | 'pmks' | 'spm' | 'belanja';

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
}
