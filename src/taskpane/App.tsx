/**
 * The task pane: one button to check the workbook, the summary, the findings
 * with their fixes, settings and the narrative file. Talks to the workbook
 * only through WorkbookHost.
 */
import { makeStyles, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellEdit } from '../core/fixes/types';
import type { Finding, Lang } from '../core/findings';
import { entryKey, ignoreEntry, ignoreKey, partitionIgnored, withIgnored, withoutIgnored, type IgnoreEntry } from '../core/ignore';
import type { NarrativeSource } from '../core/narrative/types';
import { tableOutputOf, type TableOutputHost } from '../host/tableOutput';
import { DEFAULT_SETTINGS, type FixedCell, type LakipSettings, type ReadScope, type WorkbookHost } from '../host/types';
import type { ReadNote } from '../core/snapshot';
import { BusyIndicator, type Busy } from './components/BusyIndicator';
import { CheckBar } from './components/CheckBar';
import { ReadNotes } from './components/ReadNotes';
import { Header } from './components/Header';
import { NarrativePicker } from './components/NarrativePicker';
import { NoticeBar, type Notice } from './components/NoticeBar';
import type { Analysis } from './analysis';
import type { EngineMode } from './engineClient';
import { engine, preloadEngine } from './engineRuntime';
import { errorMessage, isReadTooLarge, needsRecheck } from './errorMessages';
import { cellRef, countBySeverity } from './findingGroups';
import type { IgnoredItem } from './components/IgnoredPanel';
import { editsByFinding } from './fixText';
import { translator } from './i18n';
import { useDelayedFlag } from './useDelayedFlag';
import { loadNarrativeReader } from './loadEngine';
import { PENDING_CHECK_EVENT, takePaneCheckRequest, takeRibbonResult, type RibbonResult } from './ribbonResult';
import { afterFirstPaint } from './idle';
import { normaliseScaleSetting } from './loadSettings';
import type { LangPreference } from './settingsModel';

type ResultsModule = typeof import('./ResultsView');
let resultsView: Promise<ResultsModule> | undefined;
/** The results view (summary, findings, fixes): its own chunk, fetched alongside the engine so it is there with the first result. */
function loadResultsView(): Promise<ResultsModule> {
  resultsView ??= import(/* webpackChunkName: "results" */ './ResultsView').catch((e: unknown) => {
    resultsView = undefined;
    throw e;
  });
  return resultsView;
}
const ResultsView = lazy(loadResultsView);
/** Pengaturan (Fluent's Input, Textarea, RadioGroup and the scale-line reader): its own chunk, fetched when the panel is first opened. */
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ './components/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
/** "Tabel LAKIP": its own chunk, fetched when the view is first opened. */
const TablesView = lazy(() => import(/* webpackChunkName: "tables-view" */ './TablesView'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  langPref: LangPreference;
  onLangPrefChange(p: LangPreference): void;
  /** Where "Tabel LAKIP" inserts tables; default: the host itself when it can (the preview). */
  tableOutput?: TableOutputHost | null;
}

interface Narrative {
  source: NarrativeSource;
  fileName: string;
}

export interface CheckResult extends Analysis {
  at: Date;
  workbook: string;
  /** Where the check ran: the engine worker, or this thread when no worker could run. */
  ranIn: EngineMode;
}

function ribbonNotice(r: RibbonResult, lang: Lang): Notice {
  if (r.error) return { intent: 'error', text: r.error };
  const t = translator(lang);
  const { error, warning, info } = r.counts;
  const none = error + warning + info === 0;
  return {
    intent: none ? 'success' : error > 0 ? 'warning' : 'info',
    text: none ? t('ribbonNone') : t('ribbonResult', { errors: error, warnings: warning, infos: info }),
  };
}

export function App({ host, lang, langPref, onLangPrefChange, tableOutput }: AppProps) {
  const styles = useStyles();
  const output = tableOutput === undefined ? tableOutputOf(host) : tableOutput;
  const [view, setView] = useState<'check' | 'tables'>('check');
  const t = useMemo(() => translator(lang), [lang]);

  const [workbook, setWorkbook] = useState('');
  const [settings, setSettings] = useState<LakipSettings>(DEFAULT_SETTINGS);
  const [narrative, setNarrative] = useState<Narrative | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusyState] = useState<Busy | null>(null);
  // Kept in step synchronously, so a second click during work is ignored before React re-renders.
  const busyRef = useRef<Busy | null>(null);
  const setBusy = useCallback((b: Busy | null) => {
    busyRef.current = b;
    setBusyState(b);
  }, []);
  /** Run a UI action unless other work is under way. */
  const unlessBusy = useCallback(<A extends unknown[]>(fn: (...a: A) => unknown) => (...a: A) => {
    if (busyRef.current) return;
    void fn(...a);
  }, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [revertCount, setRevertCount] = useState(0);
  const [showSettings, setShowSettings] = useState(false);
  const [fixAllOpen, setFixAllOpen] = useState(false);
  /** The workbook's ignore list (Abaikan), as last read or saved. */
  const [ignoreList, setIgnoreList] = useState<IgnoreEntry[]>([]);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The options the last check ran with, so changing them re-runs it.
  const resultRef = useRef<CheckResult | null>(null);
  resultRef.current = result;
  const ignoreListRef = useRef<IgnoreEntry[]>(ignoreList);
  ignoreListRef.current = ignoreList;

  useEffect(() => {
    let live = true;
    let cancelNormalise = () => {};
    preloadEngine(loadResultsView);
    void (async () => {
      try {
        const [name, s] = await Promise.all([host.workbookName(), host.loadSettings()]);
        if (!live) return;
        setWorkbook(name);
        // The scale as stored for now: made canonical ('' when it cannot be read) once the scale-line
        // reader (decimal.js, not on the first screen) is fetched after the first paint. A check
        // normalises it itself (runCheck), so one clicked before then runs with the same scale.
        const stored = typeof s.scale === 'string' ? s.scale.trim() : '';
        setSettings({ scale: stored, pusatMarker: s.pusatMarker || DEFAULT_SETTINGS.pusatMarker });
        if (stored) {
          cancelNormalise = afterFirstPaint(() => {
            void normaliseScaleSetting(stored).then(
              (scale) => live && setSettings((cur) => (cur.scale === stored && scale !== stored ? { ...cur, scale } : cur)),
              () => undefined, // fetched again by the next check
            );
          });
        }
        // An unreadable revert log only hides the undo button until the next check.
        const n = await host.revertLogSize().catch(() => 0);
        if (live) setRevertCount(n);
        // An unreadable ignore list shows every finding: safe, and the next save replaces it.
        const list = await host.loadIgnoreList().catch(() => []);
        if (live) setIgnoreList(list);
      } catch (e) {
        if (live) setNotice({ intent: 'error', text: errorMessage(e, lang) });
      }
    })();
    return () => {
      live = false;
      cancelNormalise();
    };
    // Only when the host changes: the language is read as it is at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  // What the shown result read (re-checks after a fix read the same part), what it left out, and whether a part is offered.
  const scopeRef = useRef<ReadScope>('workbook');
  const [read, setRead] = useState<{ scope: ReadScope; notes: ReadNote[] }>({ scope: 'workbook', notes: [] });
  const [offerPart, setOfferPart] = useState(false);

  const runCheck = useCallback(
    async (after?: Notice, scope: ReadScope = scopeRef.current) => {
      setBusy({ key: 'reading' });
      // The scale as normaliseScale leaves it (a stored one may not be read yet); fetched alongside the read.
      const scale = normaliseScaleSetting(settings.scale);
      scale.catch(() => undefined); // awaited below; a failed fetch is that check's error
      try {
        engine.warm();
        void loadResultsView().catch(() => undefined);
        const name = await host.workbookName().catch(() => workbook);
        const snapshot = await host.readSnapshot((p) => setBusy({ key: 'readingProgress', progress: p }), scope);
        scopeRef.current = scope;
        setOfferPart(false);
        // Read with every check: the list travels with the file and may have changed (another pane, lakip).
        const list = await host.loadIgnoreList().catch(() => ignoreListRef.current);
        // Carried by the snapshot, so the fix plan leaves what the office dismissed alone.
        if (list.length > 0) snapshot.ignored = list;
        setIgnoreList(list);
        setBusy({ key: 'analyzing' });
        // In the engine worker: this thread stays free for the spinner (and Excel) however long it takes.
        const run = await engine.analyze(snapshot, {
          lang,
          scale: (await scale) || undefined,
          pusatMarker: settings.pusatMarker,
          narratives: narrative ? [narrative.source] : [],
        });
        setWorkbook(name);
        setResult({ ...run.value, at: new Date(), workbook: name, ranIn: run.mode });
        setRead({ scope, notes: snapshot.readNotes ?? [] });
        setNotice(after ?? null);
        setRevertCount(await host.revertLogSize().catch(() => 0));
      } catch (e) {
        setNotice({ intent: 'error', text: errorMessage(e, lang) });
        if (isReadTooLarge(e)) setOfferPart(true);
      } finally {
        setBusy(null);
      }
    },
    [host, lang, settings, narrative, workbook, setBusy],
  );

  // A change of language, scale, marker or narrative re-runs a check already shown.
  const optionsKey = `${lang}\u0000${settings.scale}\u0000${settings.pusatMarker}\u0000${narrative?.fileName ?? ''}\u0000${narrative?.source.paragraphs.length ?? 0}`;
  const lastOptions = useRef(optionsKey);
  const [recheckPending, setRecheckPending] = useState(false);
  useEffect(() => {
    if (lastOptions.current === optionsKey) return;
    lastOptions.current = optionsKey;
    if (resultRef.current) setRecheckPending(true);
  }, [optionsKey]);
  useEffect(() => {
    // Wait for work under way (a check, a fix) to end, then check again with the new options.
    if (!recheckPending || busy) return;
    setRecheckPending(false);
    void runCheck();
  }, [recheckPending, busy, runCheck]);

  // Periksa on the ribbon leaves its result, its error or a request to check: read when the pane
  // starts, and at once when it is already open (one shared runtime). The check waits for work under way.
  useEffect(() => {
    const onRibbon = () => {
      void host
        .workbookName()
        .catch(() => '')
        .then((name) => {
          const ribbon = takeRibbonResult(safeStorage(), name);
          if (ribbon) setNotice(ribbonNotice(ribbon, lang));
          if (takePaneCheckRequest(safeStorage())) setRecheckPending(true);
        });
    };
    onRibbon();
    globalThis.addEventListener?.(PENDING_CHECK_EVENT, onRibbon);
    return () => globalThis.removeEventListener?.(PENDING_CHECK_EVENT, onRibbon);
  }, [host, lang]);

  /**
   * Write edits and check again; true when they were written. Focus goes to the
   * notice on failure (what went wrong and what to do), and on success only when
   * asked: a fix from the list hands focus to the next finding itself.
   */
  const applyEdits = useCallback(
    async (edits: CellEdit[], focusNotice: boolean): Promise<boolean> => {
      if (edits.length === 0) return false;
      setBusy({ key: 'applying' });
      let ok = false;
      try {
        await host.applyEdits(edits);
        ok = true;
        await runCheck({ intent: 'success', text: t('applied', { n: edits.length }) });
      } catch (e) {
        const text = errorMessage(e, lang);
        if (needsRecheck(e)) await runCheck({ intent: 'error', text });
        else {
          setNotice({ intent: 'error', text });
          setBusy(null);
        }
      }
      if (!ok || focusNotice) noticeRef.current?.focus();
      return ok;
    },
    [host, runCheck, t, lang, setBusy],
  );

  /** "Kembalikan" on one changed cell; the list of changed cells moves focus on success, the notice takes it otherwise. */
  const revertCell = useCallback(
    async (cell: FixedCell, last: boolean): Promise<boolean> => {
      if (busyRef.current) return false;
      setBusy({ key: 'reverting' });
      let ok = false;
      try {
        const n = await host.revertCells([{ sheet: cell.sheet, address: cell.address }]);
        ok = n > 0;
        await runCheck({ intent: 'success', text: n > 0 ? t('reverted', { n }) : t('revertedNone') });
      } catch (e) {
        setNotice({ intent: 'error', text: errorMessage(e, lang) });
        setRevertCount(await host.revertLogSize().catch(() => 0));
        setBusy(null);
      }
      // With the last cell back the list goes away: the notice is where focus lands.
      if (!ok || last) noticeRef.current?.focus();
      return ok;
    },
    [host, runCheck, t, lang, setBusy],
  );

  const loadFixedCells = useCallback(() => host.revertLogEntries(), [host]);

  const revertAll = useCallback(async () => {
    setBusy({ key: 'reverting' });
    try {
      const n = await host.revertAll();
      await runCheck({ intent: 'success', text: t('reverted', { n }) });
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e, lang) });
      setRevertCount(await host.revertLogSize().catch(() => 0));
      setBusy(null);
    }
    noticeRef.current?.focus();
  }, [host, runCheck, t, lang, setBusy]);

  const selectCell = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await host.selectCell(sheet, cell);
      } catch (e) {
        setNotice({ intent: 'error', text: errorMessage(e, lang) });
      }
    },
    [host, lang],
  );

  const saveSettings = useCallback(
    async (next: LakipSettings) => {
      setSettings(next);
      try {
        await host.saveSettings(next);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        setNotice({ intent: 'warning', text: t('errSettingsSave', { detail }) });
      }
    },
    [host, t],
  );

  const pickNarrative = useCallback(
    async (file: File) => {
      setBusy({ key: 'readingNarrative' });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const { readNarrativeBuffer } = await loadNarrativeReader();
        const source = await readNarrativeBuffer(bytes, file.name);
        setNarrative({ source, fileName: file.name });
        if (!resultRef.current) setNotice(null);
      } catch (e) {
        setNotice({ intent: 'error', text: errorMessage(e, lang) });
      } finally {
        setBusy(null);
      }
    },
    [lang, setBusy],
  );

  /**
   * Abaikan / Tampilkan lagi: the list is saved into the workbook, then the workbook is
   * checked again so the counts and "Perbaiki semua" leave the dismissed finding out.
   */
  const changeIgnoreList = useCallback(
    async (next: IgnoreEntry[], done: string): Promise<boolean> => {
      if (busyRef.current) return false;
      setBusy({ key: 'savingIgnoreList' });
      try {
        await host.saveIgnoreList(next);
      } catch (e) {
        setNotice({ intent: 'error', text: errorMessage(e, lang) });
        setBusy(null);
        noticeRef.current?.focus();
        return false;
      }
      setIgnoreList(next);
      await runCheck({ intent: 'success', text: done });
      return true;
    },
    [host, lang, runCheck, setBusy],
  );

  const ignoreFinding = useCallback(
    (f: Finding, reason: string) =>
      changeIgnoreList(withIgnored(ignoreListRef.current, ignoreEntry(f, new Date().toISOString(), reason)), t('ignoreDone', { ref: f.source ? `${f.source.file} ¶${f.source.paragraph}` : cellRef(f.sheet, f.cell) })),
    [changeIgnoreList, t],
  );

  const restoreIgnored = useCallback(
    async (entry: IgnoreEntry, last: boolean) => {
      const place = entry.source ? `${entry.source.file} ¶${entry.source.paragraph}` : cellRef(entry.sheet, entry.cell);
      const ok = await changeIgnoreList(withoutIgnored(ignoreListRef.current, entry), t('restoreDone', { place }));
      // With the last one shown again the list goes away: the notice is where focus lands.
      if (ok && last) noticeRef.current?.focus();
    },
    [changeIgnoreList, t],
  );

  // What the pane shows: the findings not on the ignore list; the others in "Diabaikan (n)".
  const visible = useMemo(() => {
    if (!result) return null;
    const { shown, ignored } = partitionIgnored(result.report.findings, ignoreList);
    const byKey = new Map(ignored.map((f) => [ignoreKey(f), f]));
    const items: IgnoredItem[] = ignoreList.map((entry) => ({ entry, finding: byKey.get(entryKey(entry)) }));
    return { result: { ...result, report: { ...result.report, findings: shown } }, items };
  }, [result, ignoreList]);

  const fixIndex = useMemo(() => (result ? editsByFinding(result.plan) : new Map<string, CellEdit>()), [result]);
  const counts = useMemo(() => countBySeverity(visible?.result.report.findings ?? []), [visible]);
  const isBusy = busy !== null;
  // Controls look disabled only when the work takes long enough to notice; clicks meanwhile are ignored.
  const showBusy = useDelayedFlag(isBusy, 300);

  return (
    <main className={styles.root} aria-busy={isBusy} lang={lang} data-engine={result?.ranIn}>
      <Header t={t} workbook={workbook} settingsOpen={showSettings} onToggleSettings={() => setShowSettings((v) => !v)} />
      {showSettings && (
        <Suspense fallback={<Spinner size="small" />}>
          <SettingsPanel t={t} lang={lang} settings={settings} langPref={langPref} disabled={showBusy} onSave={unlessBusy(saveSettings)} onLangPrefChange={onLangPrefChange} />
        </Suspense>
      )}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value === 'tables' ? 'tables' : 'check')} size="small" aria-label={t('tabsLabel')} data-testid="views">
        <Tab value="check" data-testid="tab-check">
          {t('tabCheck')}
        </Tab>
        <Tab value="tables" data-testid="tab-tables">
          {t('tabTables')}
        </Tab>
      </TabList>
      {view === 'tables' ? (
        <Suspense fallback={<Spinner size="small" />}>
          <TablesView t={t} lang={lang} host={host} output={output} settings={settings} workbook={workbook} />
        </Suspense>
      ) : (
        <>
          <NarrativePicker t={t} narrative={narrative ? { name: narrative.fileName, paragraphs: narrative.source.paragraphs.length } : null} disabled={showBusy} onPick={unlessBusy(pickNarrative)} onRemove={unlessBusy(() => setNarrative(null))} />
          <CheckBar
            t={t}
            checked={result !== null}
            disabled={showBusy}
            onCheck={unlessBusy(() => runCheck(undefined, 'workbook'))}
            onCheckPart={offerPart ? unlessBusy((scope: ReadScope) => runCheck(undefined, scope)) : undefined}
          />
          <BusyIndicator t={t} busy={busy} />
          <NoticeBar t={t} notice={notice} ref={noticeRef} onDismiss={() => setNotice(null)} />
          {!result && !isBusy && !notice && <p>{t('intro')}</p>}
          {result && <ReadNotes t={t} scope={read.scope} notes={read.notes} />}
          {result && (
            <Suspense fallback={<Spinner size="small" />}>
              <ResultsView
                t={t}
                lang={lang}
                result={visible?.result ?? result}
                counts={counts}
                fixIndex={fixIndex}
                revertCount={revertCount}
                disabled={showBusy}
                fixAllOpen={fixAllOpen}
                onFixAll={unlessBusy(() => setFixAllOpen(true))}
                onFixAllCancel={() => setFixAllOpen(false)}
                onFixAllApply={unlessBusy((edits: CellEdit[]) => {
                  setFixAllOpen(false);
                  return applyEdits(edits, true);
                })}
                onRevert={unlessBusy(revertAll)}
                loadFixedCells={loadFixedCells}
                onRevertCell={revertCell}
                onSelect={(sheet, cell) => void selectCell(sheet, cell)}
                onApply={(edits: CellEdit[]) => (busyRef.current ? Promise.resolve(false) : applyEdits(edits, false))}
                ignored={visible?.items ?? []}
                onIgnore={ignoreFinding}
                onRestoreIgnored={(entry, last) => void restoreIgnored(entry, last)}
              />
            </Suspense>
          )}
        </>
      )}
    </main>
  );
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

