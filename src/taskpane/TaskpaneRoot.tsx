import type { TableOutputHost } from '../host/tableOutput';
import type { WorkbookHost } from '../host/types';
import { App } from './App';
import { useLangPreference } from './langPreference';
import { ThemeRoot } from './Root';
import { effectiveLang } from './settingsModel';

/** The pane in Excel: theme and language from Office, the language override from this computer. */
export function TaskpaneRoot({ host, tableOutput }: { host: WorkbookHost; tableOutput?: TableOutputHost | null }) {
  const [langPref, setLangPref] = useLangPreference();
  const lang = effectiveLang(langPref, host.displayLanguage());
  return (
    <ThemeRoot theme={host.theme()} lang={lang}>
      <App host={host} lang={lang} langPref={langPref} onLangPrefChange={setLangPref} tableOutput={tableOutput} />
    </ThemeRoot>
  );
}
