/**
 * The pane's one engine client: checks and report tables run in a Web Worker
 * (engine.worker.ts, its own chunk), or on this thread where no worker can run.
 * Only the webpack build imports this (it holds the `new Worker(new URL(...,
 * import.meta.url))` webpack turns into the worker chunk); tests use
 * EngineClient with a fake worker.
 */
import { EngineClient, type WorkerLike } from './engineClient';
import type { EngineOps } from './engineProtocol';
import { loadEngine } from './loadEngine';
import { loadTablesEngine } from './loadTables';
import { afterFirstPaint, afterPaint } from './idle';

// The DOM's Worker, typed as much as the client needs (the root tsconfig checks this file without the DOM lib).
declare const Worker: (new (url: URL, options?: { name?: string }) => WorkerLike) | undefined;

function spawn(): WorkerLike {
  return new Worker!(
    // @ts-ignore TS1343: tsconfig.json checks src/ as CommonJS, which has no import.meta; webpack compiles this as an ES module.
    new URL('./engine.worker.ts', import.meta.url),
    { name: 'engine-worker' },
  );
}

function nextFrame(): Promise<void> {
  // Let the browser paint the busy state before synchronous work starts on this thread.
  const g = globalThis as { requestAnimationFrame?: (cb: () => void) => unknown };
  return new Promise((resolve) => {
    if (typeof g.requestAnimationFrame === 'function') g.requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export const engine = new EngineClient({
  spawn: typeof Worker === 'function' ? spawn : null,
  local: async (): Promise<EngineOps> => {
    const [{ analyze }, { buildTableSpecs }] = await Promise.all([loadEngine(), loadTablesEngine()]);
    return { analyze, tableSpecs: buildTableSpecs };
  },
  beforeLocal: nextFrame,
});

/**
 * Start the engine worker once the first screen has painted, and fetch the given chunks when
 * this thread is next idle, so the first check does not wait. The worker is not left for idle
 * time: it loads and compiles on its own thread, beside whatever this one does next (the
 * preview reads its sample here, which can keep this thread busy for a second on a slow CPU).
 */
export function preloadEngine(...also: (() => Promise<unknown>)[]): void {
  afterPaint(() => engine.warm());
  afterFirstPaint(() => {
    for (const load of also) void load().catch(() => undefined);
  });
}
