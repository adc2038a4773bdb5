/**
 * The ribbon command checks the workbook without the pane. Its counts are
 * left here for the pane to show on its next open (or at once, when both run
 * in Office's shared runtime). Pure apart from the Storage passed in.
 */
import type { SeverityCounts } from './findingGroups';

export const RIBBON_RESULT_KEY = 'lakip.ribbonResult';
export const RIBBON_RESULT_EVENT = 'lakip-ribbon-result';
/** Periksa asked the pane to check (the pane reads it when it starts, or on this event when open). */
export const PENDING_CHECK_KEY = 'lakip.pendingCheck';
export const PENDING_CHECK_EVENT = 'lakip-pending-check';

export interface RibbonResult {
  counts: SeverityCounts;
  /** Workbook name the check ran on. */
  workbook: string;
  /** Epoch milliseconds. */
  at: number;
  /** Why the ribbon's check failed, in the user's language; the pane shows it instead of counts. */
  error?: string;
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

export function requestPaneCheck(store: Pick<Storage, 'setItem'> | undefined, now = Date.now()): void {
  try {
    store?.setItem(PENDING_CHECK_KEY, String(now));
  } catch {
    /* storage unavailable: the pane's own Periksa button still works */
  }
}

/** True once per request made in the last few minutes: the pane then starts a check. */
export function takePaneCheckRequest(store: Pick<Storage, 'getItem' | 'removeItem'> | undefined, now = Date.now()): boolean {
  try {
    const raw = store?.getItem(PENDING_CHECK_KEY);
    if (raw === null || raw === undefined) return false;
    store?.removeItem(PENDING_CHECK_KEY);
    const at = Number(raw);
    return Number.isFinite(at) && now - at >= 0 && now - at <= PENDING_MAX_AGE_MS;
  } catch {
    return false;
  }
}

/** A request left by a Periksa an hour ago is no longer what the user is waiting for. */
const PENDING_MAX_AGE_MS = 60 * 60 * 1000;
