/**
 * Office ends a function command after 5 minutes and says nothing; a ribbon check that has not
 * finished well before then is handed to the pane instead.
 */
export const RIBBON_TIME_BOX_MS = 60_000;

export const TIMED_OUT: unique symbol = Symbol('timed out');

export function withTimeBox<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
