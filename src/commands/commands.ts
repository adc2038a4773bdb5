/**
 * Ribbon command "runCheck": checks the workbook without opening the pane.
 *
 * Excel has no toast API for add-ins, and a dialog (displayDialogAsync) is too
 * heavy for a count. So the counts are left in this add-in's local storage
 * for the pane, and:
 *  - with the SharedRuntime requirement set (manifest with a shared runtime),
 *    the pane is opened (Office.addin.showAsTaskpane) when there are findings
 *    and shows the counts at once;
 *  - without it (this add-in's manifest uses a separate FunctionFile), the
 *    pane shows the counts the next time it is opened on this workbook.
 * Either way event.completed() is always called, so the ribbon never hangs.
 */
import type { Lang } from '../core/findings';
import { OfficeHost } from '../excel/officeHost';
import { countBySeverity } from '../taskpane/findingGroups';
import { RIBBON_RESULT_EVENT, writeRibbonResult, type RibbonResult } from '../taskpane/ribbonResult';
import { readLangPreference } from '../taskpane/langPreference';
import { effectiveLang, normaliseScale } from '../taskpane/settingsModel';
import { partitionIgnored } from '../core/ignore';

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

export async function runCheck(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = new OfficeHost();
    const lang: Lang = effectiveLang(readLangPreference(), host.displayLanguage());
    const [settings, workbook, engine, ignored] = await Promise.all([
      host.loadSettings(),
      host.workbookName(),
      import(/* webpackChunkName: "engine" */ '../taskpane/engine'),
      host.loadIgnoreList().catch(() => []),
    ]);
    const snapshot = await host.readSnapshot();
    const { report } = engine.analyze(snapshot, {
      lang,
      scale: normaliseScale(settings.scale) || undefined,
      pusatMarker: settings.pusatMarker,
    });
    // The office's ignore list counts here as in the pane and the CLI.
    const counts = countBySeverity(partitionIgnored(report.findings, ignored).shown);
    const result: RibbonResult = { counts, workbook, at: Date.now() };
    writeRibbonResult(storage(), result);
    if (sharedRuntime() && counts.error + counts.warning + counts.info > 0) {
      (globalThis as unknown as EventTarget).dispatchEvent(new CustomEvent(RIBBON_RESULT_EVENT, { detail: result }));
      await Office.addin.showAsTaskpane();
    }
  } catch {
    // Nothing to show from here: the pane reports read errors when it checks.
  } finally {
    event?.completed();
  }
}

/** Legacy FunctionFile callers look the function up on the global object. */
(globalThis as unknown as Record<string, unknown>).runCheck = runCheck;

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    try {
      Office.actions.associate('runCheck', runCheck);
    } catch {
      /* older Office: the global function above is used */
    }
  });
}
