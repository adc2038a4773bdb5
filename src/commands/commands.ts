/**
 * Ribbon command "runCheck" (Periksa).
 *
 * In Office's shared runtime (manifest <Runtimes>: this code runs in taskpane.html) the command
 * only opens the pane and asks it to check: the check then runs there, with its progress and
 * its errors in view, and no 5-minute function-command limit applies.
 *
 * Where Office ignores <Runtimes> (this page loaded on its own as the function file), the pane
 * cannot be opened from here, so the check runs here within RIBBON_TIME_BOX_MS: its counts, or
 * its error, are left for the pane to show when opened; past the time box the pane is asked to
 * run the check itself when opened. event.completed() is always called.
 */
import type { Lang } from '../core/findings';
import { OfficeHost } from '../excel/officeHost';
import { countBySeverity } from '../taskpane/findingGroups';
import { PENDING_CHECK_EVENT, requestPaneCheck, writeRibbonResult } from '../taskpane/ribbonResult';
import { readLangPreference } from '../taskpane/langPreference';
import { effectiveLang } from '../taskpane/settingsModel';
import { normaliseScaleSetting } from '../taskpane/loadSettings';
import { errorMessage } from '../taskpane/errorMessages';
import { t } from '../taskpane/i18n';
import { partitionIgnored } from '../core/ignore';
import { RIBBON_TIME_BOX_MS, TIMED_OUT, withTimeBox } from './timeBox';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function sharedRuntime(): boolean {
  try {
    return Office.context.requirements.isSetSupported('SharedRuntime', '1.1');
  } catch {
    return false;
  }
}

/** Show the pane of this runtime; false when Office refuses (then the check runs here). */
async function openPane(): Promise<boolean> {
  try {
    await Office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

async function checkHere(host: OfficeHost, lang: Lang, workbook: string): Promise<void> {
  const [settings, engine, ignored] = await Promise.all([
    host.loadSettings(),
    import(/* webpackChunkName: "engine" */ '../taskpane/engine'),
    host.loadIgnoreList().catch(() => []),
  ]);
  const scale = await normaliseScaleSetting(settings.scale);
  const snapshot = await host.readSnapshot();
  const { report } = engine.analyze(snapshot, {
    lang,
    scale: scale || undefined,
    pusatMarker: settings.pusatMarker,
  });
  // The office's ignore list counts here as in the pane and the CLI.
  const counts = countBySeverity(partitionIgnored(report.findings, ignored).shown);
  writeRibbonResult(storage(), { counts, workbook, at: Date.now() });
}

export async function runCheck(event?: Office.AddinCommands.Event): Promise<void> {
  const host = new OfficeHost();
  let lang: Lang = 'id';
  let workbook = '';
  try {
    lang = effectiveLang(readLangPreference(), host.displayLanguage());
    workbook = await host.workbookName();
    if (sharedRuntime() && (await openPane())) {
      requestPaneCheck(storage());
      globalThis.dispatchEvent(new CustomEvent(PENDING_CHECK_EVENT));
      return;
    }
    const outcome = await withTimeBox(checkHere(host, lang, workbook), RIBBON_TIME_BOX_MS);
    if (outcome === TIMED_OUT) requestPaneCheck(storage());
  } catch (e) {
    writeRibbonResult(storage(), {
      counts: { error: 0, warning: 0, info: 0 },
      workbook,
      at: Date.now(),
      error: t(lang, 'ribbonFailed', { message: errorMessage(e, lang) }),
    });
    // The pane reads it when it opens; an open pane (shared runtime) shows it at once.
    globalThis.dispatchEvent(new CustomEvent(PENDING_CHECK_EVENT));
  } finally {
    event?.completed();
  }
}

/** Make runCheck callable by Office, once office.js is there (in taskpane.html and commands.html). */
export function registerRibbonCommand(): void {
  // Legacy FunctionFile callers look the function up on the global object.
  (globalThis as unknown as Record<string, unknown>).runCheck = runCheck;
  void Office.onReady(() => {
    try {
      Office.actions.associate('runCheck', runCheck);
    } catch {
      /* older Office: the global function above is used */
    }
  });
}
