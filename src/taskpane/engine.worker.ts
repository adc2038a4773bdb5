/**
 * The engine worker: checks and report tables off the pane's thread, so a
 * large workbook never freezes the pane (or Excel's UI around it). Built by
 * webpack as its own chunk from `new Worker(new URL('./engine.worker.ts',
 * import.meta.url))` in engineRuntime.ts. Says 'ready' once loaded, then
 * answers each request (engineProtocol.ts) in order.
 */
import { handleEngineRequest } from './engineHandler';
import { serializeError, type EngineResponse } from './engineProtocol';

/** The few members of DedicatedWorkerGlobalScope used here (the WebWorker lib clashes with DOM's in one program). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

function post(res: EngineResponse): void {
  try {
    scope.postMessage(res);
  } catch (e) {
    // A result that cannot be cloned (never expected: results are plain data) still answers its request.
    if (res.type === 'result') scope.postMessage({ type: 'result', id: res.id, ok: false, error: serializeError(e) } satisfies EngineResponse);
  }
}

scope.addEventListener('message', (e) => {
  const res = handleEngineRequest(e.data);
  if (res) post(res);
});

post({ type: 'ready' });
