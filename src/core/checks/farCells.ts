import type { Finding, Lang } from '../findings';
import { message } from '../messages';
import type { SheetSnapshot } from '../snapshot';

/** Cells the reader left out because they lie far from the rest of their sheet: said once per sheet, never silently. */
export function farCellNotes(sheets: readonly SheetSnapshot[], lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const s of sheets) {
    if (!s.farCells || s.farCells.count === 0) continue;
    const params = { count: s.farCells.count, cells: s.farCells.first.join(', ') + (s.farCells.count > s.farCells.first.length ? ', …' : '') };
    out.push({
      code: 'not-checked',
      severity: 'info',
      sheet: s.name,
      cell: s.farCells.first[0],
      message: message('nc-far-cells', params, lang),
      messageId: 'nc-far-cells',
      params,
    });
  }
  return out;
}
