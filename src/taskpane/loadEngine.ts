/** Lazy chunks of the check view, each fetched once on first use (a failed fetch may be retried). */
type Engine = typeof import('./engine');
type NarrativeReader = typeof import('../io/narrativeBuffer');

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined; // let a later click try again
      throw e;
    });
    return pending;
  };
}

/** The engine on the pane's own thread: only when the engine worker cannot run (see engineRuntime.ts). */
export const loadEngine = once<Engine>(() => import(/* webpackChunkName: "engine" */ './engine'));

/** The .txt/.docx narrative reader, fetched when a file is picked. */
export const loadNarrativeReader = once<NarrativeReader>(() => import(/* webpackChunkName: "narrative" */ '../io/narrativeBuffer'));
