/**
 * Run `fn` once the page has painted its next frame and is idle: for chunks the first
 * screen does not need (fetched then, so they never compete with it). Returns a cancel.
 */
export function afterFirstPaint(fn: () => void, timeoutMs = 2000): () => void {
  const w = globalThis as {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
    requestAnimationFrame?: (cb: () => void) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  let cancel = () => {};
  const whenIdle = () => {
    if (w.requestIdleCallback && w.cancelIdleCallback) {
      const id = w.requestIdleCallback(fn, { timeout: timeoutMs });
      cancel = () => w.cancelIdleCallback!(id);
    } else {
      const id = setTimeout(fn, 500);
      cancel = () => clearTimeout(id);
    }
  };
  if (w.requestAnimationFrame && w.cancelAnimationFrame) {
    const id = w.requestAnimationFrame(whenIdle);
    cancel = () => w.cancelAnimationFrame!(id);
  } else whenIdle();
  return () => cancel();
}

/** Run `fn` in the first task after the next frame is painted (not waiting for idle). Returns a cancel. */
export function afterPaint(fn: () => void): () => void {
  const w = globalThis as { requestAnimationFrame?: (cb: () => void) => number; cancelAnimationFrame?: (id: number) => void };
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (!w.requestAnimationFrame || !w.cancelAnimationFrame) {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const id = w.requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    w.cancelAnimationFrame!(id);
    if (timer !== undefined) clearTimeout(timer);
  };
}
