/**
 * bantuan.html: the finding codes are listed from the engine's own tables (meanings and checks),
 * so the help page never drifts from what the checks report.
 */
import { FINDING_CODES } from '../core/findings';
import { FINDING_INFO } from '../core/findingInfo';
import { TABLE_CHECKS, WORKBOOK_CHECKS } from '../core/checks/registry';

const SEVERITY = {
  id: { error: 'kesalahan', warning: 'peringatan', info: 'info' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;
const FIXABLE = { id: 'dapat diperbaiki otomatis', en: 'can be fixed automatically' } as const;

function fixableCodes(): Set<string> {
  return new Set([...TABLE_CHECKS, ...WORKBOOK_CHECKS].filter((c) => c.fixable).flatMap((c) => c.codes));
}

function renderCodes(list: HTMLElement, lang: 'id' | 'en'): void {
  const fixable = fixableCodes();
  for (const code of FINDING_CODES) {
    const info = FINDING_INFO[code];
    const dt = document.createElement('dt');
    const c = document.createElement('code');
    c.textContent = code;
    dt.append(c, ` (${info.severities.map((s) => SEVERITY[lang][s]).join(', ')}${fixable.has(code) ? `; ${FIXABLE[lang]}` : ''})`);
    dt.id = `${lang}-${code}`;
    const dd = document.createElement('dd');
    dd.textContent = info[lang];
    list.append(dt, dd);
  }
}

for (const lang of ['id', 'en'] as const) {
  const list = document.getElementById(`kode-${lang}`);
  if (list) renderCodes(list, lang);
}
