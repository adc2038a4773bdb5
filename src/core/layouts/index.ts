import type { TableKind } from '../model';
import { belanja } from './belanja';
import { budget } from './budget';
import { count } from './count';
import { iku } from './iku';
import { pmks } from './pmks';
import { spm } from './spm';
import type { LayoutDescriptor } from './types';

export type { LayoutDescriptor } from './types';

/** Every layout, most specific first: the first whose detect() holds names the table. */
export const LAYOUTS: readonly LayoutDescriptor[] = [belanja, pmks, spm, budget, iku, count];

const BY_KIND = new Map<TableKind, LayoutDescriptor>(LAYOUTS.map((l) => [l.kind, l]));

export function layoutOf(kind: TableKind): LayoutDescriptor {
  return BY_KIND.get(kind)!;
}
