/**
 * office.js is the one file these pages load from outside. Microsoft moves its CDN (from
 * appsforoffice.microsoft.com to officeapis.public.onecdn.static.microsoft): the page's own
 * <script> asks the first host, and when that failed (blocked, unreachable) the hosts named in
 * <meta name="lakip-office-js-fallback"> are tried in turn. Without any, the page says so in both
 * languages instead of staying blank.
 */
import { t } from './i18n';

type OfficeGlobal = { Office?: unknown };

export function officeLoaded(scope: OfficeGlobal = globalThis as OfficeGlobal): boolean {
  return typeof scope.Office !== 'undefined';
}

export function officeJsFallbacks(doc: Document): string[] {
  const meta = doc.querySelector('meta[name="lakip-office-js-fallback"]');
  return (meta?.getAttribute('content') ?? '').split(/\s+/).filter((u) => u.startsWith('https://'));
}

function loadScript(doc: Document, src: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = doc.createElement('script');
    s.src = src;
    s.onload = () => resolve(true);
    s.onerror = () => resolve(false);
    doc.head.appendChild(s);
  });
}

/** True once office.js is there, from the page's own script or a fallback host. */
export async function ensureOfficeJs(doc: Document = document, scope: OfficeGlobal = globalThis as OfficeGlobal): Promise<boolean> {
  if (officeLoaded(scope)) return true;
  for (const src of officeJsFallbacks(doc)) {
    if ((await loadScript(doc, src)) && officeLoaded(scope)) return true;
  }
  return false;
}

/** Office's language is unknown without office.js: both languages, Bahasa Indonesia first. */
export function showOfficeJsMissing(doc: Document = document): void {
  const root = doc.getElementById('root');
  if (!root) return;
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'office-js-missing');
  box.style.padding = '16px';
  for (const lang of ['id', 'en'] as const) {
    const p = doc.createElement('p');
    p.lang = lang;
    p.textContent = t(lang, 'officeJsMissing');
    box.appendChild(p);
  }
  root.replaceChildren(box);
}
