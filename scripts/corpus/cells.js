'use strict';
/**
 * How a corpus cell, transcribed as printed, becomes the cell staff would type:
 * printed Indonesian numbers turn into numbers with a format that shows them as
 * printed; everything else stays text. See test/corpus/README.md.
 */

const GROUPED = /^(-)?(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
const PLAIN = /^(-)?(\d+)(?:,(\d+))?$/;

function decimalsFormat(base, decimals) {
  return decimals > 0 ? `${base}.${'0'.repeat(decimals)}` : base;
}

/** A printed number without unit or sign wrapper: { value, decimals, grouped } or null. */
function readPrinted(text) {
  let m = GROUPED.exec(text);
  if (m) {
    const digits = m[2].replace(/\./g, '') + (m[3] ? '.' + m[3] : '');
    return { value: Number((m[1] || '') + digits), decimals: m[3] ? m[3].length : 0, grouped: true };
  }
  m = PLAIN.exec(text);
  if (m) {
    // '0123' is a code, not a number.
    if (m[2].length > 1 && m[2][0] === '0') return null;
    const digits = m[2] + (m[3] ? '.' + m[3] : '');
    return { value: Number((m[1] || '') + digits), decimals: m[3] ? m[3].length : 0, grouped: false };
  }
  return null;
}

/**
 * A printed string in a "typed" sheet: { value, numFmt } for a number, or null
 * when it stays text.
 */
function typedFromPrinted(raw) {
  let text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '') return null;
  let negative = false;
  const paren = /^\((.+)\)$/.exec(text);
  // '(1.234)' is a negative amount; '(1)' over a column is its number, kept as typed text.
  if (paren && /[.,]/.test(paren[1])) {
    negative = true;
    text = paren[1].trim();
  }
  let rp = false;
  const rpm = /^Rp\.?\s*(.+?)(?:,-)?$/i.exec(text);
  if (rpm) {
    rp = true;
    text = rpm[1].trim();
  }
  let percent = false;
  const pm = /^(.+?)\s*%$/.exec(text);
  if (pm && !rp) {
    percent = true;
    text = pm[1];
  }
  const n = readPrinted(text);
  if (!n) return null;
  let value = negative ? -n.value : n.value;
  if (percent) {
    // 96,82% is typed as the Excel percentage 0.9682; the digits are kept exactly.
    const scaled = Number((value / 100).toFixed(n.decimals + 2));
    return { value: scaled, numFmt: decimalsFormat('0', n.decimals) + '%' };
  }
  let fmt;
  if (n.grouped || rp) fmt = decimalsFormat('#,##0', n.decimals);
  else fmt = n.decimals > 0 ? decimalsFormat('0', n.decimals) : 'General';
  if (rp) fmt = `"Rp"${fmt}`;
  if (negative) fmt = `${fmt};(${fmt.replace(/^"Rp"/, '"Rp"')})`;
  return { value, numFmt: fmt };
}

/**
 * One corpus cell as { value, numFmt?, formula?, error? } for the xlsx writer,
 * or null for an empty cell.
 */
function cellFor(spec, numbers) {
  if (spec === null || spec === undefined || spec === '') return null;
  if (typeof spec === 'number') return { value: spec };
  if (typeof spec === 'boolean') return { value: spec };
  if (typeof spec === 'string') {
    if (numbers !== 'text') {
      const t = typedFromPrinted(spec);
      if (t) return t;
    }
    return { value: spec, text: true };
  }
  if (typeof spec === 'object') {
    if (spec.e) return { error: spec.e, formula: spec.f };
    const inner = spec.t === 'text' ? { value: String(spec.v), text: true } : cellFor(spec.v, numbers);
    const out = { ...(inner || { value: null }) };
    if (spec.z) out.numFmt = spec.z;
    if (spec.f) out.formula = spec.f;
    return out;
  }
  throw new Error(`cell of unknown shape: ${JSON.stringify(spec)}`);
}

module.exports = { typedFromPrinted, cellFor, readPrinted };
