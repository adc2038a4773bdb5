/**
 * The <c> element a patched cell gets: a number as <v>, text as an inline string (so
 * sharedStrings.xml is never touched), a formula as <f> with the cached result the
 * engine computed, and the cell's other attributes kept.
 */
import type { RawValue } from '../../core/snapshot';
import { escapeText, writeAttrs, type Attr } from './xmlText';

const ERROR = /^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/;

export type CellContent = { value: RawValue } | { formula: string; cached: RawValue };

/** Shortest text that reads back as the same double ('1e+21' is valid xsd:double). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

function valuePart(v: RawValue, p: string, inFormula: boolean): { t?: string; xml: string } {
  if (v === '') return { xml: '' };
  if (typeof v === 'number') return { xml: `<${p}v>${numberText(v)}</${p}v>` };
  if (typeof v === 'boolean') return { t: 'b', xml: `<${p}v>${v ? 1 : 0}</${p}v>` };
  if (ERROR.test(v)) return { t: 'e', xml: `<${p}v>${v}</${p}v>` };
  if (inFormula) return { t: 'str', xml: `<${p}v>${escapeText(v)}</${p}v>` };
  return { t: 'inlineStr', xml: `<${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is>` };
}

/**
 * @param kept the original element's attributes other than r, s and t (kept in their order)
 * @param style the style index to write, or undefined for none
 */
export function cellElement(prefix: string, address: string, style: number | undefined, kept: Attr[], content: CellContent): string {
  const p = prefix;
  let t: string | undefined;
  let body: string;
  if ('formula' in content) {
    const v = valuePart(content.cached, p, true);
    t = v.t;
    body = `<${p}f>${escapeText(content.formula.replace(/^=/, ''))}</${p}f>${v.xml}`;
  } else {
    const v = valuePart(content.value, p, false);
    t = v.t;
    body = v.xml;
  }
  const attrs = ` r="${address}"` + (style === undefined ? '' : ` s="${style}"`) + (t ? ` t="${t}"` : '') + writeAttrs(kept);
  return body === '' ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${body}</${p}c>`;
}
