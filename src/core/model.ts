import type Decimal from 'decimal.js';
import type { Finding, Lang } from './findings';
import type { NarrativeSource } from './narrative/types';

export type TableKind = 'pmks' | 'spm' | 'budget' | 'belanja' | 'iku' | 'count';

/** What a column means; drives which checks apply. */
export type ColumnRole =
  | 'indikator'
  | 'sasaran'
  | 'no'
  | 'code'
  | 'label'
  | 'populasi'
  | 'kewenangan-prov'
  | 'ditangani'
  | 'kewenangan-kab'
  | 'percent'
  /** A % of something other than realisasi / anggaran ('% SISA', '% AKAS'): neither summed nor judged. */
  | 'ratio'
  /** Volume or Harga Satuan of a DPA/RKA rincian: Jumlah = Volume × Harga, never their sum. */
  | 'volume'
  | 'anggaran'
  | 'realisasi'
  | 'target'
  | 'capaian'
  | 'predikat'
  /** Attainment words (Tercapai / Tidak Tercapai / Terlampaui), judged against capaian vs 100. */
  | 'kriteria'
  | 'keterangan'
  | 'sumber-dana'
  | 'satuan'
  | 'rumus'
  | 'baseline'
  | 'count'
  | 'jumlah'
  | 'text';

/** 'average': a 'Rata-rata' row under the items, neither summed nor a sum. */
export type RowRole = 'item' | 'section' | 'parent' | 'subtotal' | 'total' | 'average';

export interface TableColumn {
  /** 0-based absolute column. */
  col: number;
  /** Column letter(s), e.g. 'D'. */
  letter: string;
  header: string;
  role: ColumnRole;
  /** For split Kode Rekening columns: position of this part (0-based). */
  codePart?: number;
  /**
   * 'high' when a header word or the column's own formulas named the role; 'low' when
   * it was inferred from the cells alone (an unknown header over numbers read as a count).
   */
  confidence?: 'high' | 'low';
}

export interface TableRow {
  /** 0-based absolute row. */
  row: number;
  role: RowRole;
  label: string;
  /** Kode rekening (joined with '.') or numbering text, when present. */
  code?: string;
  no?: string;
  /** Row index (absolute) of the parent row, for rows under a parent. */
  parentRow?: number;
  /**
   * A total taken from a label that may as well name an indicator ('Jumlah PMKS
   * yang ...'): its figures are judged only where some column agrees with the rows.
   */
  weakTotal?: boolean;
  /** True when the row is a matter of central government (kewenangan pusat). */
  pusat?: boolean;
}

export interface RecognizedTable {
  sheet: string;
  kind: TableKind;
  /** A1 range from the first header row to the last table row. */
  range: string;
  headerRows: number[];
  columns: TableColumn[];
  rows: TableRow[];
  title?: string;
  /** 'high' when header words named two or more column roles; 'low' for a header the vocabulary does not know. */
  confidence?: 'high' | 'low';
}

/** Settings the checks take; the add-in stores them in the workbook. */
export interface PredikatBand {
  /** Lower bound, inclusive unless lowerExclusive. */
  min: Decimal.Value;
  lowerExclusive?: boolean;
  label: string;
}

export interface PredikatScale {
  id: string;
  name: string;
  /** Bands from the highest to the lowest. The last band catches everything below. */
  bands: PredikatBand[];
}

export interface AnalyzeOptions {
  lang?: Lang;
  /** Marker written instead of #DIV/0! for matters of central government. */
  pusatMarker?: string;
  /** Predikat scale preset id or a custom scale. */
  scale?: string | PredikatScale;
  /** Report prose from files (.txt/.docx) to check against the tables, besides the workbook's own text. */
  narratives?: NarrativeSource[];
}

export interface TableSummary {
  sheet: string;
  range: string;
  kind: TableKind;
}

export interface WorkbookReport {
  tables: RecognizedTable[];
  findings: Finding[];
}
