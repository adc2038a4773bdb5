/** Chunks of the "Tabel LAKIP" view, each fetched once on first use (a failed fetch may be retried). */
type TablesEngine = typeof import('./tablesEngine');
type DocxWriter = typeof import('../io/tablesDocx');
type XlsxWriter = typeof import('../xlsx/writeTablePlan');

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

export const loadTablesEngine = once<TablesEngine>(() => import(/* webpackChunkName: "tables" */ './tablesEngine'));
export const loadDocxWriter = once<DocxWriter>(() => import(/* webpackChunkName: "docx" */ '../io/tablesDocx'));
export const loadXlsxWriter = once<XlsxWriter>(() => import(/* webpackChunkName: "xlsx-writer" */ '../xlsx/writeTablePlan'));
