/**
 * Preview entry: the task pane in a plain browser, without Excel or office.js.
 *   ?lang=en|id     language (else Bahasa Indonesia: the staff it is for, whatever the browser speaks)
 *   ?theme=dark     theme (else the system's prefers-color-scheme)
 *   ?sample=flotim  open the other bundled sample first
 *   ?view=pane      the pane alone (no grid), as it looks inside Excel
 */
import { createRoot } from 'react-dom/client';
import { langFromTag } from '../taskpane/i18n';
import { PreviewApp } from './PreviewApp';
import { PreviewHost } from './PreviewHost';

const params = new URLSearchParams(location.search);
const lang = langFromTag(params.get('lang'), 'id');
const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
const themeParam = params.get('theme');
const theme = (): 'light' | 'dark' => (themeParam === 'dark' || themeParam === 'light' ? themeParam : media?.matches ? 'dark' : 'light');

const host = new PreviewHost({ lang, theme: theme() });
const el = document.getElementById('root')!;
document.documentElement.lang = lang;
const root = createRoot(el);
const render = () => root.render(<PreviewApp host={host} paneOnly={params.get('view') === 'pane'} />);
render();
media?.addEventListener?.('change', () => {
  host.setEnv({ theme: theme() });
  render();
});
