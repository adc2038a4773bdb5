import type { SheetSnapshot, SheetVisibility } from '../core/snapshot';

/** A sheet without cells, as every reader starts one (and leaves chart, dialog and macro sheets). */
export function emptySheet(name: string, visibility: SheetVisibility, kind?: 'worksheet' | 'chart'): SheetSnapshot {
  const s: SheetSnapshot = {
    name,
    visibility,
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    formulas: [],
    numberFormat: [],
    valueTypes: [],
    merges: [],
    hiddenRows: [],
  };
  if (kind) s.kind = kind;
  return s;
}
