/**
 * Task pane entry in Excel: waits for office.js (from either of its hosts), registers the ribbon
 * command, then renders the pane over OfficeHost. The engine is fetched later, on first use.
 */
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../excel/officeHost';
import { OfficeTableOutput } from '../excel/officeTableOutput';
import { langFromTag, t } from './i18n';
import { TaskpaneRoot } from './TaskpaneRoot';
import { ensureOfficeJs, showOfficeJsMissing } from './officeLoader';
import { registerRibbonCommand } from '../commands/commands';

function showOutsideOffice(): void {
  const el = document.getElementById('root');
  if (!el) return;
  const lang = langFromTag(navigator.language);
  el.textContent =
    lang === 'en'
      ? `${t(lang, 'appTitle')}: open this pane from Excel (Home > LAKIP). To try it without Excel, open preview.html.`
      : `${t(lang, 'appTitle')}: buka panel ini dari Excel (Beranda > LAKIP). Untuk mencoba tanpa Excel, buka preview.html.`;
}

function start(): void {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<TaskpaneRoot host={new OfficeHost()} tableOutput={new OfficeTableOutput()} />);
}

void ensureOfficeJs().then((ok) => {
  if (!ok) return showOfficeJsMissing();
  // This page is also the ribbon's function file (one shared runtime, see manifest.xml).
  registerRibbonCommand();
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) start();
    else showOutsideOffice();
  });
});
