/**
 * The worker's side of the engine protocol, apart from the worker itself so
 * jest can drive it: one request in, one response out. Never throws; an error
 * in the engine becomes an error result with the request's id.
 */
import { buildTableSpecs } from '../core/tables/build';
import { analyze } from './analysis';
import { serializeError, type EngineOps, type EngineRequest, type EngineResponse } from './engineProtocol';

export const ENGINE_OPS: EngineOps = { analyze, tableSpecs: buildTableSpecs };

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** The response to one message; null when the message is not a request at all (no numeric id). */
export function handleEngineRequest(message: unknown, ops: EngineOps = ENGINE_OPS): EngineResponse | null {
  const req = message as Partial<EngineRequest> | null;
  if (typeof req !== 'object' || req === null || typeof req.id !== 'number') return null;
  const { id } = req;
  const t0 = now();
  try {
    if (req.op !== 'analyze' && req.op !== 'tableSpecs') throw new Error(`unknown engine operation "${String(req.op)}"`);
    if (typeof req.snapshot !== 'object' || req.snapshot === null || !Array.isArray(req.snapshot.sheets)) throw new Error('no workbook snapshot in the request');
    const value = ops[req.op](req.snapshot, req.options ?? {});
    return { type: 'result', id, ok: true, value, ms: now() - t0 };
  } catch (e) {
    return { type: 'result', id, ok: false, error: serializeError(e) };
  }
}
