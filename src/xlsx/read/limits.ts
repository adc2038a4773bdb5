/**
 * How much one read may take, derived from the memory the process really has.
 * Memory follows the cells that hold something (the streaming reader keeps no
 * XML): measured on Node 20 with scripts/bench, a snapshot and its analysis cost
 * about BYTES_PER_CELL per filled cell, so a heap of H bytes holds about
 * H / 2 / BYTES_PER_CELL cells with room left for everything else.
 */
import type { ReadLimits } from './readXlsx';

/** Bytes per filled cell for reading plus checking (snapshot arrays, sparse list, analysis). */
export const BYTES_PER_CELL = 400;

/** Bytes inflated across the parts read: zip bombs stop here, counted as they inflate. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/** Never fewer cells than this, however small the heap reports itself (a full sheet of 1M rows × 2). */
const FLOOR_CELLS = 2_000_000;

/** Heap available to JavaScript, when the host says (Node: v8 heap limit; Chromium: performance.memory). */
export function limitsForHeap(heapBytes: number | undefined): ReadLimits {
  const heap = heapBytes && Number.isFinite(heapBytes) && heapBytes > 0 ? heapBytes : 2 * 1024 ** 3;
  return { maxCells: Math.max(FLOOR_CELLS, Math.floor(heap / 2 / BYTES_PER_CELL)), maxInflatedBytes: MAX_INFLATED_BYTES };
}

/** The browser's (or worker's) own heap limit where it tells it; a 2 GB heap otherwise. */
export function defaultLimits(): ReadLimits {
  const mem = (globalThis as { performance?: { memory?: { jsHeapSizeLimit?: number } } }).performance?.memory;
  return limitsForHeap(mem?.jsHeapSizeLimit);
}
