/**
 * The scale-line reader (scaleSetting.ts: core/iku/scaleSpec with decimal.js) off the first
 * screen: fetched only when a stored scale has to be read (the settings panel, its own chunk, brings it too),
 * once; a failed fetch may be retried.
 */
type ScaleSettingModule = typeof import('./scaleSetting');

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
}

export const loadScaleSetting = once<ScaleSettingModule>(() => import(/* webpackChunkName: "scale" */ './scaleSetting'));

/**
 * normaliseScale (scaleSetting.ts) of a stored setting. Most workbooks store none: that is the
 * workbook's own scale ('') at once, with nothing fetched.
 */
export async function normaliseScaleSetting(v: unknown): Promise<string> {
  if (typeof v !== 'string' || v.trim() === '') return '';
  return (await loadScaleSetting()).normaliseScale(v);
}
