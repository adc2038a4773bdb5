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
/** Generic in the error-code table, and what some hosts answer while a cell is being edited. */
export const INVALID_OPERATION = 'InvalidOperation';
export const ACCESS_DENIED = 'AccessDenied';
export const ITEM_NOT_FOUND = 'ItemNotFound';
export const INVALID_REFERENCE = 'InvalidReference';
export const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

/**
 * Map a failed sync to a HostError. Edit mode and refused access have their
 * own codes everywhere; anything else becomes `fallback`. AccessDenied is not
 * called a protected sheet here: a read-only file or one locked by antivirus
 * or a sync client answers the same, and callers that loaded the sheet's
 * protection say 'protected-sheet' themselves.
 */
export function toHostError(e: unknown, fallback: HostErrorCode, detail?: { sheet?: string; address?: string }): HostError {
  if (e instanceof HostError) return e;
  switch (officeErrorCode(e)) {
    case CELL_EDIT_MODE:
      return new HostError('cell-editing', detail, e);
    case INVALID_OPERATION:
      return new HostError('operation-refused', detail, e);
    case ACCESS_DENIED:
      return new HostError('access-denied', detail, e);
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

/** Failures that go away once the user leaves cell edit mode: worth one more try for a batch that wrote nothing. */
export function isEditModeFailure(e: unknown): boolean {
  const code = e instanceof HostError ? e.code : officeErrorCode(e);
  return code === 'cell-editing' || code === 'operation-refused' || code === CELL_EDIT_MODE || code === INVALID_OPERATION;
}
