/**
 * Messages between the pane and the engine worker (engine.worker.ts). Every
 * request carries an id; the worker answers each with one result of the same
 * id. Payloads are plain data (structured clone): a WorkbookSnapshot in, an
 * Analysis or TableSpec[] out. Errors cross as plain objects and are rebuilt
 * as Errors with the same name, message and fields (code, detail, reason), so
 * errorMessages.ts explains them as if they had been thrown here.
 *
 * Pure: no DOM, no Worker types (the root tsconfig checks this without them).
 */
import type { AnalyzeOptions } from '../core/model';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { TableBuildOptions } from '../core/tables/build';
import type { TableSpec } from '../core/tables/types';
import type { Analysis } from './analysis';

/** What the engine can do, each taking a snapshot and the check's options. */
export interface EngineOps {
  analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions): Analysis;
  /** The LAKIP report tables, as the workbook is or with the accepted fixes (buildTableSpecs). */
  tableSpecs(snapshot: WorkbookSnapshot, options: TableBuildOptions): TableSpec[];
}

export type EngineOp = keyof EngineOps;
export type EngineResult<K extends EngineOp> = ReturnType<EngineOps[K]>;

export interface EngineRequest {
  id: number;
  op: EngineOp;
  snapshot: WorkbookSnapshot;
  options: AnalyzeOptions;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Fields the pane's error messages read (HostError.code/detail, TableOutputError.reason, ...), when cloneable. */
  fields?: Record<string, unknown>;
}

export type EngineResponse =
  /** Sent once, when the worker's code has loaded and it listens. */
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown; /** Time the op took inside the worker. */ ms: number }
  | { type: 'result'; id: number; ok: false; error: SerializedError };

const FIELDS = ['code', 'detail', 'reason', 'file', 'sheet'] as const;

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')) {
    const err = e as Error & Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    for (const k of FIELDS) {
      const v = err[k];
      if (v === undefined) continue;
      // Only what survives a structured clone: primitives and plain data.
      try {
        fields[k] = typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) : v;
      } catch {
        /* left out */
      }
    }
    return {
      name: typeof err.name === 'string' && err.name ? err.name : 'Error',
      message: err.message,
      ...(typeof err.stack === 'string' ? { stack: err.stack } : {}),
      ...(Object.keys(fields).length ? { fields } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  const e = new Error(s.message) as Error & Record<string, unknown>;
  e.name = s.name;
  if (s.stack) e.stack = s.stack;
  if (s.fields) Object.assign(e, s.fields);
  return e;
}

/** Type guard for what arrives from the worker (anything else is ignored). */
export function isEngineResponse(m: unknown): m is EngineResponse {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as { type?: unknown; id?: unknown; ok?: unknown };
  return r.type === 'ready' || (r.type === 'result' && typeof r.id === 'number' && typeof r.ok === 'boolean');
}
