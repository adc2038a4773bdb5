/**
 * Excel on the web refuses a request over 5 MB. Applying or reverting tens of
 * thousands of fixes at once would pass that, so the work is cut into chunks
 * whose estimated request stays under a budget, with margin for Office.js's
 * own framing. One chunk for everyday fix counts: the common case keeps its
 * fixed number of syncs.
 */

/** The request budget per sync, below Excel on the web's 5 MB limit. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Office.js framing per action (object path, method, argument info), generously estimated. */
const PER_ACTION = 160;

/** Estimated request bytes of reading or writing one cell with this content (address and state as JSON). */
export function cellRequestBytes(address: string, content: unknown): number {
  return PER_ACTION * 3 + address.length + JSON.stringify(content ?? null).length * 2;
}

/** Consecutive chunks of `items`, each estimated under `limit` bytes (an item over the limit on its own is a chunk). */
export function chunkByBytes<T>(items: readonly T[], bytesOf: (item: T) => number, limit = MAX_REQUEST_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length > 0 && size + b > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
