/**
 * Task pane entry in Excel: waits for office.js, then renders the pane over
 * OfficeHost. The engine is fetched later, on first use.
 */
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../excel/officeHost';
import { OfficeTableOutput } from '../excel/officeTableOutput';
import { langFromTag, t } from './i18n';
import { TaskpaneRoot } from './TaskpaneRoot';

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

if (typeof Office === 'undefined') {
  showOutsideOffice();
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) start();
    else showOutsideOffice();
  });
}
