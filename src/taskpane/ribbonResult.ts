/**
 * The ribbon command checks the workbook without the pane. Its counts are
 * left here for the pane to show on its next open (or at once, when both run
 * in Office's shared runtime). Pure apart from the Storage passed in.
 */
import type { SeverityCounts } from './findingGroups';

export const RIBBON_RESULT_KEY = 'lakip.ribbonResult';
export const RIBBON_RESULT_EVENT = 'lakip-ribbon-result';

export interface RibbonResult {
  counts: SeverityCounts;
  /** Workbook name the check ran on. */
  workbook: string;
  /** Epoch milliseconds. */
  at: number;
}

/** Results older than this are not shown (the workbook has surely moved on). */
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function writeRibbonResult(store: Pick<Storage, 'setItem'> | undefined, r: RibbonResult): void {
  try {
    store?.setItem(RIBBON_RESULT_KEY, JSON.stringify(r));
  } catch {
    /* storage unavailable */
  }
}

/** Read and forget the last ribbon result for this workbook, when recent. */
export function takeRibbonResult(store: Pick<Storage, 'getItem' | 'removeItem'> | undefined, workbook: string, now = Date.now()): RibbonResult | undefined {
  try {
    const raw = store?.getItem(RIBBON_RESULT_KEY);
    if (!raw) return undefined;
    const r = JSON.parse(raw) as Partial<RibbonResult>;
    if (!r || typeof r.at !== 'number' || !r.counts || r.workbook !== workbook || now - r.at > MAX_AGE_MS) return undefined;
    store?.removeItem(RIBBON_RESULT_KEY);
    return r as RibbonResult;
  } catch {
    return undefined;
  }
}
