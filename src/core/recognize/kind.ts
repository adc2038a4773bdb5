import { LAYOUTS } from '../layouts';
import type { TableColumn, TableKind } from '../model';

/** The layout follows from which roles are present, most specific first (see layouts/). */
export function kindOf(cols: TableColumn[]): TableKind | null {
  const roles = new Set(cols.map((k) => k.role));
  const has = (r: TableColumn['role']) => roles.has(r);
  return LAYOUTS.find((l) => l.detect(has))?.kind ?? null;
}
