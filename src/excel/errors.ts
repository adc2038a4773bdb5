/// <reference types="office-js" />
/**
 * Office.js errors -> HostError codes the task pane explains. Errors are
 * classified by their `code` (OfficeExtension.Error.code), never by message.
 */
import { HostError, type HostErrorCode } from '../host/types';

/** The OfficeExtension.Error code of a failure, or undefined for anything else. */
export function officeErrorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';
export const ACCESS_DENIED = 'AccessDenied';
export const ITEM_NOT_FOUND = 'ItemNotFound';
export const INVALID_REFERENCE = 'InvalidReference';
export const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

/**
 * Map a failed sync to a HostError. Edit mode and protection have their own
 * codes everywhere; anything else becomes `fallback`.
 */
export function toHostError(e: unknown, fallback: HostErrorCode, detail?: { sheet?: string; address?: string }): HostError {
  if (e instanceof HostError) return e;
  switch (officeErrorCode(e)) {
    case CELL_EDIT_MODE:
      return new HostError('cell-editing', detail, e);
    case ACCESS_DENIED:
      return new HostError('protected-sheet', detail, e);
    default:
      return new HostError(fallback, detail, e);
  }
}

/** Run one context.sync(), mapping its failure. */
export async function syncOr(context: Excel.RequestContext, fallback: HostErrorCode, detail?: { sheet?: string; address?: string }): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    throw toHostError(e, fallback, detail);
  }
}
