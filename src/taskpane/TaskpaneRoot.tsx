import type { WorkbookHost } from '../host/types';
import { App } from './App';
import { useLangPreference } from './langPreference';
import { ThemeRoot } from './Root';
import { effectiveLang } from './settingsModel';

/** The pane in Excel: theme and language from Office, the language override from this computer. */
export function TaskpaneRoot({ host }: { host: WorkbookHost }) {
  const [langPref, setLangPref] = useLangPreference();
  const lang = effectiveLang(langPref, host.displayLanguage());
  return (
    <ThemeRoot theme={host.theme()} lang={lang}>
      <App host={host} lang={lang} langPref={langPref} onLangPrefChange={setLangPref} />
    </ThemeRoot>
  );
}
