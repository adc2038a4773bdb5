import type { TableColumn, TableKind } from '../model';

/** The layout follows from which roles are present, most specific first. */
export function kindOf(cols: TableColumn[]): TableKind | null {
  const has = (r: TableColumn['role']) => cols.some((k) => k.role === r);
  if (has('code') && (has('anggaran') || has('realisasi'))) return 'belanja';
  if (has('kewenangan-prov') && has('ditangani')) return 'pmks';
  if (has('populasi') && has('ditangani')) return 'spm';
  if (has('anggaran') && (has('realisasi') || has('percent'))) return 'budget';
  if (has('target') && (has('realisasi') || has('capaian'))) return 'iku';
  // Realisasi and Capaian per year without a target column: still indicators (corpus: Tanah Datar persampahan).
  if (has('realisasi') && has('capaian')) return 'iku';
  if (cols.some((k) => k.role === 'count' || k.role === 'jumlah' || k.role === 'anggaran')) return 'count';
  return null;
}
