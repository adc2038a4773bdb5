/** The engine chunk, fetched once on first use (or ahead of time, when the pane is idle). */
type Engine = typeof import('./engine');

let pending: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  pending ??= import(/* webpackChunkName: "engine" */ './engine').catch((e: unknown) => {
    pending = undefined; // let a later click try again
    throw e;
  });
  return pending;
}

/** Start fetching the engine once the first screen is up, so the first check does not wait for it. */
export function preloadEngine(...also: (() => Promise<unknown>)[]): void {
  const start = () => {
    void loadEngine().catch(() => undefined);
    for (const load of also) void load().catch(() => undefined);
  };
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void; setTimeout: typeof setTimeout };
  if (w.requestIdleCallback) w.requestIdleCallback(start, { timeout: 2000 });
  else w.setTimeout(start, 500);
}
