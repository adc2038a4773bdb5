/**
 * The browser preview: the task pane beside a read-only grid of the open
 * workbook (like Excel with the pane on the right), a sample switcher and
 * "Buka berkas .xlsx". No office.js, no network beyond this page's origin.
 */
import { Button, makeStyles, mergeClasses, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { App } from '../taskpane/App';
import { outputName, XLSX_MIME } from '../taskpane/download';
import { errorMessage } from '../taskpane/errorMessages';
import { downloadBytes } from '../taskpane/saveFile';
import { translator } from '../taskpane/i18n';
import { useLangPreference } from '../taskpane/langPreference';
import { ThemeRoot } from '../taskpane/Root';
import { effectiveLang } from '../taskpane/settingsModel';
import type { PreviewHost } from './PreviewHost';
import { SAMPLES, sampleUrl } from './samples';
import { SheetGrid } from './SheetGrid';
import { HiddenFileInput } from '../taskpane/components/HiddenFileInput';

const useStyles = makeStyles({
  page: {
    height: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    overflow: 'hidden',
  },
  pageOnlyPane: { height: 'auto', minHeight: '100vh', overflow: 'visible' },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '6px 10px',
    padding: '6px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    flexShrink: 0,
  },
  toolbarTitle: { fontWeight: tokens.fontWeightSemibold, marginRight: 'auto' },
  sampleField: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: 0 },
  sampleSelect: { minWidth: 0, maxWidth: '60vw' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground3, flexBasis: '100%' },
  // Narrow (a task pane's width): the pane on top, the grid below, each scrolling on its own.
  body: {
    flexGrow: 1,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
    '@media (min-width: 760px)': { flexDirection: 'row-reverse' },
  },
  pane: {
    flexGrow: 1,
    flexBasis: '58%',
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    '@media (min-width: 760px)': {
      flexGrow: 0,
      // A wide sheet must not squeeze the pane: the grid scrolls instead.
      flexShrink: 0,
      flexBasis: 'auto',
      width: '380px',
      borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  paneOnly: { overflowY: 'visible', overflowX: 'visible', flexBasis: 'auto', '@media (min-width: 760px)': { width: 'auto', borderLeft: 'none' } },
  grid: {
    flexGrow: 1,
    flexBasis: '42%',
    minHeight: 0,
    minWidth: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    '@media (min-width: 760px)': { borderTop: 'none', flexBasis: 'auto' },
  },
  loading: { padding: '16px' },
});

/** Run `fn` once, when the page has painted and is idle (2 s at most, for a tab that does not paint); returns a cancel function. */
function afterFirstPaint(fn: () => void): () => void {
  let done = false;
  const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(latest);
    fn();
  };
  const latest = setTimeout(run, 2000);
  // Two frames: the first screen is committed and painted before anything else is fetched.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 1000 });
      else setTimeout(run, 0);
    }),
  );
  return () => {
    done = true;
    clearTimeout(latest);
  };
}

export function PreviewApp({ host, paneOnly }: { host: PreviewHost; paneOnly: boolean }) {
  const styles = useStyles();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const [langPref, setLangPref] = useLangPreference();
  const lang = effectiveLang(langPref, host.displayLanguage());
  const t = translator(lang);
  const [sample, setSample] = useState(SAMPLES[0].id);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each workbook opened gets a fresh pane, as a new workbook in Excel does.
  const [generation, setGeneration] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const sampleId = useId();
  const [saving, setSaving] = useState(false);

  const downloadFixed = useCallback(async () => {
    setSaving(true);
    setError(null);
    try {
      const out = await host.fixedWorkbook();
      downloadBytes(out.data, outputName(state.name, 'xlsx', 'diperbaiki'), XLSX_MIME);
      if (out.skipped > 0) setError(t('downloadFixedSkipped', { n: out.skipped }));
    } catch (e) {
      setError(errorMessage(e, lang));
    } finally {
      setSaving(false);
    }
  }, [host, state.name, t, lang]);

  const open = useCallback(
    async (what: () => Promise<void>, name: string) => {
      setOpening(name);
      setError(null);
      try {
        await what();
        setGeneration((g) => g + 1);
      } catch (e) {
        setError(errorMessage(e, lang));
      } finally {
        setOpening(null);
      }
    },
    [lang],
  );

  /** A sample's bytes; a failed fetch says which sample and what to do. */
  const fetchSample = useCallback(
    async (file: string) => {
      try {
        return await host.fetchBytes(sampleUrl(file));
      } catch (e) {
        if (e instanceof Error && !('code' in e)) throw new Error(t('sampleLoadFailed', { name: file, detail: e.message }));
        throw e;
      }
    },
    [host, t],
  );

  const openSample = useCallback(
    (id: string) => {
      const s = SAMPLES.find((x) => x.id === id) ?? SAMPLES[0];
      setSample(s.id);
      void open(async () => host.openBuffer(await fetchSample(s.file), s.file, { scale: s.scale }), s.file);
    },
    [host, open, fetchSample],
  );

  useEffect(() => {
    // The first sample is shown as open at once, so the pane (and Periksa) come up with the first
    // screen's code only; the sample and the .xlsx reader are fetched after that screen has painted,
    // or by a check clicked before then, which waits for them.
    const wanted = new URLSearchParams(location.search).get('sample');
    const s = SAMPLES.find((x) => x.id === wanted) ?? SAMPLES[0];
    setSample(s.id);
    host.openLater(s.file, () => fetchSample(s.file), { scale: s.scale });
    return afterFirstPaint(() => {
      host.whenOpen().catch((e: unknown) => setError(errorMessage(e, lang)));
    });
    // Once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <ThemeRoot theme={host.theme()} lang={lang} className={mergeClasses(styles.page, paneOnly && styles.pageOnlyPane)}>
      <div className={styles.toolbar} role="toolbar" aria-label={t('previewTitle')}>
        <Text className={styles.toolbarTitle}>{t('previewTitle')}</Text>
        <div className={styles.sampleField}>
          <label htmlFor={sampleId}>{t('sampleLabel')}</label>
          <Select id={sampleId} className={styles.sampleSelect} size="small" value={sample} onChange={(_, d) => openSample(d.value)} disabled={opening !== null || state.loading} data-testid="sample">
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {t(s.label)}
              </option>
            ))}
          </Select>
        </div>
        <HiddenFileInput
          inputRef={fileInput}
          accept=".xlsx,.xlsm,.xls,.ods,.fods,.xml,.htm,.html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
          className={styles.hidden}
          testId="xlsx-input"
          onFile={(f) => void open(async () => host.openBuffer(new Uint8Array(await f.arrayBuffer()), f.name), f.name)}
        />
        <Button size="small" icon={<FolderOpen20Regular />} title={t('openXlsxLabel')} onClick={() => fileInput.current?.click()} disabled={opening !== null || state.loading} data-testid="open-xlsx">
          {t('openXlsx')}
        </Button>
        <Button
          size="small"
          icon={<ArrowDownload20Regular />}
          title={t('downloadFixedLabel')}
          onClick={() => void downloadFixed()}
          disabled={opening !== null || state.loading || !state.snapshot || saving}
          data-testid="download-fixed"
        >
          {t('downloadFixed')}
        </Button>
        {!paneOnly && (
          <Text size={200} className={styles.note}>
            {t('previewNote')}
          </Text>
        )}
      </div>
      {error && (
        <div role="alert" className={styles.loading} data-testid="preview-error">
          {error}
        </div>
      )}
      <div className={styles.body}>
        <div className={mergeClasses(styles.pane, paneOnly && styles.paneOnly)} data-testid="pane">
          {opening && <Spinner className={styles.loading} size="small" label={t('openingWorkbook', { name: opening })} />}
          {state.name && <App key={generation} host={host} lang={lang} langPref={langPref} onLangPrefChange={setLangPref} />}
        </div>
        {!paneOnly && !state.snapshot && state.loading && (
          <div className={styles.grid}>
            <Spinner className={styles.loading} size="small" label={t('openingWorkbook', { name: state.name })} data-testid="grid-loading" />
          </div>
        )}
        {!paneOnly && state.snapshot && (
          <div className={styles.grid}>
            <SheetGrid
              t={t}
              lang={lang}
              snapshot={state.snapshot}
              activeSheet={state.activeSheet}
              selected={state.selected}
              version={state.version}
              styles={state.styles}
              onShowSheet={(n) => host.showSheet(n)}
              onSelectCell={(sheet, address) => void host.selectCell(sheet, address).catch(() => undefined)}
            />
          </div>
        )}
      </div>
    </ThemeRoot>
  );
}
