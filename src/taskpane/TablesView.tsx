/**
 * "Tabel LAKIP": the report tables rebuilt from the workbook (buildTableSpecs),
 * as it is or, by the user's choice, with the accepted fixes (a note under each
 * table then lists what differs), each with where it can go: into the workbook
 * (a new sheet or the selected cell, totals and percentages as formulas), onto the
 * clipboard for Word (HTML with a plain-text fallback), or into a .docx (and, in
 * the preview, an .xlsx). A table recognised with low confidence carries a warning
 * and leaves the pane only after the user confirms. Each table can be previewed
 * first, as the HTML for Word shows it. Its own chunk; the table,
 * .docx and .xlsx code are fetched on use.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, mergeClasses, Radio, RadioGroup, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowDownload20Regular, Copy20Regular, DocumentTable20Regular, SelectAllOn20Regular, TableAdd20Regular, TableCellEdit20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../core/findings';
import type { TableSpec } from '../core/tables/types';
import type { InsertedTable, InsertWhere, TableOutputHost } from '../host/tableOutput';
import type { LakipSettings, WorkbookHost } from '../host/types';
import { copyRich } from './clipboard';
import { ConfirmLowConfidence } from './components/ConfirmLowConfidence';
import { NoticeBar, type Notice } from './components/NoticeBar';
import { TablePreview } from './components/TablePreview';
import { DOCX_MIME, outputName, tableFileBase, XLSX_MIME } from './download';
import { errorMessage } from './errorMessages';
import { SPEC_KIND_KEY, type StringKey, type Translate } from './i18n';
import type { EngineMode } from './engineClient';
import { engine } from './engineRuntime';
import { loadDocxWriter, loadTablesEngine, loadXlsxWriter } from './loadTables';
import { lowConfidenceWarning, needsConfirmation, truthLine } from './tableWarnings';
import { useDelayedFlag } from './useDelayedFlag';
import { downloadBytes } from './saveFile';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '10px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  all: { backgroundColor: tokens.colorNeutralBackground2, border: `1px solid ${tokens.colorNeutralStroke1}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  mode: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  modeLabel: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  warn: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', marginTop: '4px' },
  action: { maxWidth: '100%' },
  fallback: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  fallbackBody: { whiteSpace: 'normal', overflowWrap: 'anywhere', paddingTop: '8px', paddingBottom: '8px' },
  // The tables as Word will show them: black on white whatever the pane's theme; scrolls inside itself.
  sheet: {
    overflow: 'auto',
    maxHeight: '60vh',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    color: '#000000',
    padding: '8px',
    userSelect: 'text',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  sheetInner: { minWidth: '640px' },
});

export interface TablesViewProps {
  t: Translate;
  lang: Lang;
  host: WorkbookHost;
  /** Where "Sisipkan" writes; null hides the insert buttons. */
  output: TableOutputHost | null;
  settings: LakipSettings;
  workbook: string;
}

type Work = { key: StringKey; params?: Record<string, string | number> };

function fileBase(spec: TableSpec): string {
  return tableFileBase(spec.id);
}


export default function TablesView({ t, lang, host, output, settings, workbook }: TablesViewProps) {
  const styles = useStyles();
  const headingId = useId();
  const [specs, setSpecs] = useState<TableSpec[] | null>(null);
  const [withFixes, setWithFixes] = useState(false);
  const modeId = useId();
  // An action on low-confidence tables waits here for the user's yes.
  const [pending, setPending] = useState<{ names: string[]; run: () => void } | null>(null);
  const [ranIn, setRanIn] = useState<EngineMode | undefined>(undefined);
  const [work, setWorkState] = useState<Work | null>(null);
  const workRef = useRef<Work | null>(null);
  const setWork = useCallback((w: Work | null) => {
    workRef.current = w;
    setWorkState(w);
  }, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fallback, setFallback] = useState<{ specs: TableSpec[]; html: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const fallbackRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const isPreview = host.kind === 'preview';

  /** Run one action unless another is under way. */
  const guarded = useCallback(
    async (w: Work, fn: () => Promise<void>) => {
      if (workRef.current) return;
      setWork(w);
      try {
        await fn();
      } catch (e) {
        setNotice({ intent: 'error', text: errorMessage(e, lang) });
      } finally {
        setWork(null);
      }
    },
    [lang, setWork],
  );

  const build = useCallback(
    (fixes: boolean) =>
      guarded({ key: 'tablesBuilding' }, async () => {
        setNotice(null);
        setFallback(null);
        const snapshot = await host.readSnapshot();
        // One full check, or several with the fixes: in the engine worker, off this thread.
        const run = await engine.tableSpecs(snapshot, { lang, scale: settings.scale || undefined, pusatMarker: settings.pusatMarker, withFixes: fixes });
        setSpecs(run.value);
        setRanIn(run.mode);
      }),
    [guarded, host, lang, settings],
  );

  useEffect(() => {
    void build(false);
    // Built once when the view opens, as the workbook is; "Susun ulang" or the choice of values builds again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const plans = useCallback(
    async (list: TableSpec[]) => {
      const { sheetPlan } = await loadTablesEngine();
      return list.map((s) => sheetPlan(s));
    },
    [],
  );

  const insert = (list: TableSpec[], where: InsertWhere) =>
    guarded({ key: 'inserting' }, async () => {
      if (!output) return;
      setNotice(null);
      const done: InsertedTable[] = await output.insertTables(await plans(list), where);
      const places = done.map((d) => t('insertedPlace', { sheet: d.sheet, range: d.range })).join('; ');
      setNotice({ intent: 'success', text: `${t('inserted', { n: done.length, where: places })}${isPreview ? ` ${t('insertedPreviewNote')}` : ''}` });
    });

  /** Offer the bytes as a download; some Office webviews refuse downloads, which is said plainly. */
  const save = (bytes: Uint8Array, name: string, mime: string) => {
    try {
      downloadBytes(bytes, name, mime);
      setNotice({ intent: 'success', text: t('downloaded', { name }) });
    } catch (e) {
      setNotice({ intent: 'error', text: t('errDownload', { name, detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const downloadDocx = (list: TableSpec[]) =>
    guarded({ key: 'buildingFile', params: { name: '.docx' } }, async () => {
      const { tablesToDocx } = await loadDocxWriter();
      const name = list.length === 1 ? `${fileBase(list[0])}.docx` : outputName(workbook, 'docx');
      const bytes = await tablesToDocx(list, { title: list.length === 1 ? list[0].titleLines.join(' ') : `Tabel LAKIP ${workbook}`.trim() });
      save(bytes, name, DOCX_MIME);
    });

  const downloadXlsx = (list: TableSpec[]) =>
    guarded({ key: 'buildingFile', params: { name: '.xlsx' } }, async () => {
      const [{ writeTablePlan }, p] = await Promise.all([loadXlsxWriter(), plans(list)]);
      const name = list.length === 1 ? `${fileBase(list[0])}.xlsx` : outputName(workbook, 'xlsx');
      save(await writeTablePlan(p), name, XLSX_MIME);
    });

  const copy = (list: TableSpec[]) =>
    guarded({ key: 'copying' }, async () => {
      setNotice(null);
      const { tablesToHtmlDocument, tableToHtml, tableToPlainText } = await loadTablesEngine();
      const html = tablesToHtmlDocument(list, { lang });
      const text = list.map((s) => tableToPlainText(s)).join('\n');
      const res = await copyRich(html, text);
      if (res.ok) {
        setFallback(null);
        setNotice({ intent: 'success', text: t('copied', { n: list.length }) });
        return;
      }
      // Office hosts may forbid the clipboard: show the tables for selecting and Ctrl+C instead.
      setFallback({ specs: list, html: list.map((s) => tableToHtml(s, { lang })).join('\n') });
    });

  useEffect(() => {
    if (fallback) fallbackRef.current?.scrollIntoView?.({ block: 'start' });
  }, [fallback]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const selectFallback = () => {
    const el = sheetRef.current;
    const sel = typeof window !== 'undefined' ? window.getSelection() : null;
    if (!el || !sel) return;
    el.focus();
    sel.removeAllRanges();
    sel.selectAllChildren(el);
    setNotice({ intent: 'info', text: t('selectedTables') });
  };

  const busy = work !== null;
  const showBusy = useDelayedFlag(busy, 300);

  const changeMode = (fixes: boolean) => {
    if (busy || fixes === withFixes) return;
    setWithFixes(fixes);
    void build(fixes);
  };

  /** Run an export; with a low-confidence table among `list`, only once the user confirms. */
  const confirmed = (list: TableSpec[], run: () => void) => {
    const names = needsConfirmation(list);
    if (names.length === 0) run();
    else setPending({ names, run });
  };

  const actions = (list: TableSpec[], name: string) => (
    <div className={styles.actions} role="group" aria-label={t('tableActions', { name })}>
      {output && (
        <>
          <Button className={styles.action} size="small" icon={<TableAdd20Regular />} disabled={showBusy} onClick={() => confirmed(list, () => void insert(list, 'new-sheet'))} data-testid="insert-new-sheet">
            {t('insertNewSheet')}
          </Button>
          <Button className={styles.action} size="small" icon={<TableCellEdit20Regular />} disabled={showBusy} onClick={() => confirmed(list, () => void insert(list, 'selection'))} data-testid="insert-selection">
            {t('insertSelection')}
          </Button>
        </>
      )}
      <Button className={styles.action} size="small" icon={<Copy20Regular />} disabled={showBusy} onClick={() => confirmed(list, () => void copy(list))} data-testid="copy-word">
        {t('copyForWord')}
      </Button>
      <Button className={styles.action} size="small" icon={<DocumentTable20Regular />} disabled={showBusy} onClick={() => confirmed(list, () => void downloadDocx(list))} data-testid="download-docx">
        {t('downloadDocx')}
      </Button>
      {isPreview && (
        <Button className={styles.action} size="small" icon={<ArrowDownload20Regular />} disabled={showBusy} onClick={() => confirmed(list, () => void downloadXlsx(list))} data-testid="download-xlsx">
          {t('downloadXlsx')}
        </Button>
      )}
    </div>
  );

  return (
    <section className={styles.root} aria-labelledby={headingId} aria-busy={busy} data-testid="tables-view" data-engine={ranIn}>
      <h2 id={headingId} className={styles.heading}>
        {t('tabTables')}
      </h2>
      <p className={styles.intro}>{t('tablesIntro')}</p>
      <div className={styles.mode}>
        <Text id={modeId} className={styles.modeLabel}>
          {t('tablesValues')}
        </Text>
        <RadioGroup aria-labelledby={modeId} value={withFixes ? 'fixed' : 'as-is'} disabled={showBusy} onChange={(_, d) => changeMode(d.value === 'fixed')} data-testid="tables-mode">
          <Radio value="as-is" label={t('tablesAsIs')} data-testid="tables-as-is" />
          <Radio value="fixed" label={t('tablesWithFixes')} data-testid="tables-with-fixes" />
        </RadioGroup>
        {withFixes && (
          <Text size={200} className={styles.hint}>
            {t('tablesWithFixesHint')}
          </Text>
        )}
      </div>
      <Button appearance="secondary" icon={<ArrowClockwise20Regular />} disabled={showBusy} onClick={() => void build(withFixes)} data-testid="tables-rebuild">
        {t('tablesRebuild')}
      </Button>
      {showBusy && work && <Spinner size="small" label={t(work.key, work.params)} labelPosition="after" role="status" data-testid="tables-busy" />}
      <NoticeBar t={t} notice={notice} ref={noticeRef} onDismiss={() => setNotice(null)} />
      {fallback && (
        <section className={styles.fallback} ref={fallbackRef} aria-label={t('copyPanelLabel')} data-testid="copy-fallback">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody className={styles.fallbackBody}>{t('copyBlocked')}</MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button size="small" icon={<SelectAllOn20Regular />} onClick={selectFallback} data-testid="fallback-select">
              {t('selectTables')}
            </Button>
            <Button size="small" icon={<DocumentTable20Regular />} disabled={showBusy} onClick={() => void downloadDocx(fallback.specs)} data-testid="fallback-docx">
              {t('downloadDocx')}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setFallback(null)} data-testid="fallback-close">
              {t('close')}
            </Button>
          </div>
          {/* The HTML comes from tableToHtml, which escapes every text: a cell reading <script> stays text. */}
          <div className={styles.sheet} ref={sheetRef} tabIndex={0} role="region" aria-label={t('copyPanelLabel')} lang="id" data-testid="copy-fallback-content">
            <div className={styles.sheetInner} dangerouslySetInnerHTML={{ __html: fallback.html }} />
          </div>
        </section>
      )}
      {specs && specs.length === 0 && <Text>{t('tablesNone')}</Text>}
      {specs && specs.length > 0 && (
        <ul className={styles.list} aria-label={t('tablesListLabel')} data-testid="spec-list">
          {specs.length > 1 && (
            <li className={mergeClasses(styles.item, styles.all)} data-testid="spec-all">
              <h3 className={styles.title}>{t('tablesAll', { n: specs.length })}</h3>
              {actions(specs, t('tablesAll', { n: specs.length }))}
            </li>
          )}
          {specs.map((s) => (
            <li key={s.id} className={styles.item} data-testid="spec" data-id={s.id} data-kind={s.kind} data-low-confidence={s.lowConfidence ? 'true' : undefined}>
              <h3 className={styles.title}>{s.titleLines.join(' — ')}</h3>
              <Text size={200} className={styles.meta}>
                {t(SPEC_KIND_KEY[s.kind])} · {t('tableFrom', { sheet: s.from.sheet, range: s.from.range })}
              </Text>
              {truthLine(t, s) && (
                <Text size={200} className={styles.meta} data-testid="spec-truth">
                  {truthLine(t, s)}
                </Text>
              )}
              {s.lowConfidence && (
                <MessageBar intent="warning" layout="multiline" data-testid="spec-low-confidence">
                  <MessageBarBody className={styles.warn}>{lowConfidenceWarning(t, s)}</MessageBarBody>
                </MessageBar>
              )}
              <TablePreview t={t} lang={lang} spec={s} name={s.titleLines[0] ?? s.id} />
              {actions([s], s.titleLines[0] ?? s.id)}
            </li>
          ))}
        </ul>
      )}
      <ConfirmLowConfidence
        t={t}
        names={pending?.names ?? []}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const run = pending?.run;
          setPending(null);
          run?.();
        }}
      />
    </section>
  );
}
