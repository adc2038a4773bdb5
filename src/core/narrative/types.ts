import type Decimal from 'decimal.js';

/** One paragraph of report prose, from a sheet cell or from a .txt/.docx file. */
export interface NarrativeParagraph {
  text: string;
  /** Short title lines ('Anak Balita Terlantar', 'B. AKUNTABILITAS KEUANGAN') give their subject to the paragraphs below. */
  heading: boolean;
  /** Where it sits: a workbook cell, or a paragraph number (1-based) in a file. */
  sheet?: string;
  cell?: string;
  file?: string;
  paragraph?: number;
}

export interface NarrativeSource {
  /** File name or sheet name, for messages. */
  name: string;
  paragraphs: NarrativeParagraph[];
}

export type FigureUnit =
  | 'rupiah'
  | 'percent'
  | 'orang'
  | 'kk'
  | 'klien'
  | 'kpm'
  | 'panti'
  | 'unit'
  | 'program'
  | 'kegiatan'
  | 'indikator'
  | 'sasaran'
  /** A rate per a power of ten ('9,53/1.000 KH'); see rateBase. */
  | 'rate'
  | 'other'
  | 'none';

/** A number found in prose, with what the words around it say about it. */
export interface ProseFigure {
  value: Decimal;
  /** The text as written, e.g. 'Rp.9.257.070.000,-', '96,82%', '1,2 miliar', 'dua'. */
  raw: string;
  /** Offsets of raw in the paragraph text. */
  start: number;
  end: number;
  unit: FigureUnit;
  /** The word after the figure when it names what is counted ('7,33 tahun' → 'tahun'), to match an indicator's Satuan. */
  unitWord?: string;
  /** For a rate: per how many ('/1.000 KH' → 1000). */
  rateBase?: number;
  /** Decimals as written (for rounding tolerance). */
  decimals: number;
  /** 'Rp.1.600.000/orang', 'per-orang Rp.1.600.000', 'per-Panti Rp.10.000.000': the amount is per one of this. */
  per?: 'orang' | 'panti' | 'kk' | 'unit' | 'kpm' | 'klien';
  /** The amount in words that follows in parentheses, e.g. '(Sembilan Milyard ... Rupiah)'. */
  words?: { text: string; start: number; end: number };
}
