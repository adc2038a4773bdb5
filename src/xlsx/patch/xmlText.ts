/**
 * Text-level XML helpers for patching package parts in place: the parts are never
 * parsed and re-serialised, so every byte the patch does not mean to change stays.
 */
import { decodeXml } from '../workbookParts';

export { decodeXml };

export interface Attr {
  name: string;
  /** The value as written between the quotes (entities not decoded). */
  raw: string;
  value: string;
}

/** Start or empty-element tag attributes; values may hold '>' inside their quotes. */
export const ATTRS = `((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(\\/?)>`;

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(s: string): Attr[] {
  return [...s.matchAll(ATTR)].map((m) => {
    const raw = m[2] ?? m[3] ?? '';
    return { name: m[1], raw, value: decodeXml(raw) };
  });
}

export function attr(attrs: Attr[], name: string): string | undefined {
  return attrs.find((a) => a.name === name)?.value;
}

/** Attributes written back: double quotes, the original spelling of values kept. */
export function writeAttrs(attrs: Attr[]): string {
  return attrs.map((a) => ` ${a.name}="${a.raw.replace(/"/g, '&quot;')}"`).join('');
}

/** An attribute set to a new value in place, or appended when absent. */
export function withAttr(attrs: Attr[], name: string, value: string): Attr[] {
  const raw = escapeAttr(value);
  const i = attrs.findIndex((a) => a.name === name);
  if (i < 0) return [...attrs, { name, raw, value }];
  return attrs.map((a, j) => (j === i ? { name, raw, value } : a));
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/**
 * Text Excel and the reader would read differently: '_xHHHH_' is an escape to Excel
 * (not to exceljs), and control characters have no XML form without one.
 */
export function ambiguousCellText(s: string): boolean {
  return /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s);
}

/** A lone surrogate cannot be written as UTF-8 at all. */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** A part's bytes as text, BOM kept, so encoding it again gives the same bytes; undefined when it is not UTF-8. */
export function partText(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function partBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping replacements; two insertions at one place keep their given order. */
export function splice(source: string, edits: Splice[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error('overlapping edits');
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}
