import Decimal from 'decimal.js';

export { formatNumber } from './format';

export type NumberStyle = 'id' | 'en' | 'plain'; // id: 1.234.567,89 ; en: 1,234,567.89 ; plain: 1234567.89 or 1234567
export type NumberHint = 'integer' | 'decimal' | undefined; // from the column's role: counts/money => 'integer'; percentages => 'decimal'

export interface ParsedNumber {
  kind: 'number';
  /** The value as written: '6,25%' gives 6.25 with percent=true, not 0.0625. */
  value: Decimal;
  /** Which convention was used to read it. */
  style: NumberStyle;
  /** A % sign or the word 'persen' was present. */
  percent: boolean;
  /** Rp / Rp. / IDR was present. */
  currency: boolean;
  /** '-5', '−5', '(1.234)'. */
  negative: boolean;
  /** Digits after the decimal separator as written (0 for integers). */
  decimals: number;
  /** True when the text could be read two ways and no hint settled it, e.g. '1.595' or '201,667'. */
  ambiguous: boolean;
  /** When ambiguous: the other (decimal) reading. */
  alternative?: Decimal;
}

/** A lone dash, which the reports use for "none" / zero. */
export interface ParsedDash {
  kind: 'dash';
}

type Sep = '.' | ',' | ' ';

/** A run of digits split by separators; groups[0] is '' for '.5'. */
interface Body {
  groups: string[];
  seps: Sep[];
}

type Token =
  | { t: 'num'; body: Body }
  | { t: 'sign'; negative: boolean }
  | { t: 'currency' }
  | { t: 'percent' }
  | { t: 'open' }
  | { t: 'close' }
  | { t: 'nocents' };

interface Reading {
  int: string;
  frac: string;
  style: NumberStyle;
  alternative?: { int: string; frac: string };
}

// Hyphen-minus, U+2212 minus, en dash, em dash: all appear as minus signs or "none" in the reports.
const MINUS = new Set(['-', '\u2212', '\u2013', '\u2014']);
const SPACE = /\s/; // includes U+00A0 and U+202F, which Excel and Word put in numbers

/** SPACE.test(c) for one character, without a regex call for the ASCII ones that make up nearly every cell. */
function isSpace(c: string): boolean {
  if (c === ' ') return true;
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 9 && code <= 13;
  return SPACE.test(c);
}
const FIRST_GROUP = /^[1-9]\d{0,2}$/;

/**
 * Reads one cell's text as a number, or returns null when the text is anything more
 * than a number with its sign, currency and percent marks. Never throws; linear time
 * (a single left-to-right scan, no backtracking regexes).
 */
export function parseNumberText(text: string, hint?: NumberHint): ParsedNumber | ParsedDash | null {
  if (typeof text !== 'string') return null;
  const tokens = tokenize(text);
  if (!tokens) return null;

  let body: Body | undefined;
  let sign: boolean | undefined;
  let open = false;
  let close = false;
  let currency = false;
  let percent = false;
  let nocents = false;
  for (const tok of tokens) {
    switch (tok.t) {
      case 'num':
        if (body) return null;
        body = tok.body;
        break;
      case 'sign':
        if (body || sign !== undefined) return null;
        sign = tok.negative;
        break;
      case 'currency':
        if (body || currency) return null;
        currency = true;
        break;
      case 'percent':
        if (percent) return null;
        percent = true;
        break;
      case 'open':
        if (body || open) return null;
        open = true;
        break;
      case 'close':
        if (!body || close) return null;
        close = true;
        break;
      case 'nocents':
        nocents = true; // the tokenizer only emits it straight after the digits
        break;
    }
  }

  if (!body) {
    return tokens.length === 1 && sign === true ? { kind: 'dash' } : null;
  }
  if (open !== close || (open && sign !== undefined)) return null;
  if (percent && (currency || nocents)) return null;

  // Rupiah has no third decimal digit, and ',-' explicitly says "no cents", so either settles '1.595' as thousands.
  const reading = readBody(body, currency || nocents ? 'integer' : hint);
  if (!reading || (nocents && reading.frac !== '')) return null;

  const negative = sign === true || open;
  const toDecimal = (r: { int: string; frac: string }) =>
    new Decimal((negative ? '-' : '') + (r.int || '0') + (r.frac ? '.' + r.frac : ''));
  const result: ParsedNumber = {
    kind: 'number',
    value: toDecimal(reading),
    style: reading.style,
    percent,
    currency,
    negative,
    decimals: reading.frac.length,
    ambiguous: reading.alternative !== undefined,
  };
  if (reading.alternative) result.alternative = toDecimal(reading.alternative);
  return result;
}

/**
 * Decides which separators are thousands and which (if any) is decimal.
 * Two readings are possible: every separator groups thousands, or the last one is the
 * decimal point and the others (one other kind) group thousands. Only a single '.'/','
 * followed by three digits after a 1-3 digit integer part fits both.
 */
function readBody({ groups, seps }: Body, hint: NumberHint): Reading | null {
  const n = seps.length;
  if (n === 0) return { int: groups[0] ?? '', frac: '', style: 'plain' };

  const last = seps[n - 1] as Sep;
  const first = seps[0] as Sep;
  const groupedUpTo = (k: number): boolean => {
    if (!FIRST_GROUP.test(groups[0] ?? '')) return false;
    for (let i = 1; i <= k; i++) if (groups[i]?.length !== 3) return false;
    return true;
  };

  const asThousands = seps.every((s) => s === first) && groupedUpTo(n);
  const asDecimal =
    last !== ' ' &&
    (n === 1 || (first !== last && seps.slice(0, -1).every((s) => s === first) && groupedUpTo(n - 1)));

  const thousands = (): Reading => ({
    int: groups.join(''),
    frac: '',
    style: first === '.' ? 'id' : first === ',' ? 'en' : 'plain',
  });
  const decimal = (): Reading => ({
    int: groups.slice(0, n).join(''),
    frac: groups[n] ?? '',
    style: last === ',' ? 'id' : n > 1 ? 'en' : 'plain',
  });

  if (asThousands && asDecimal) {
    if (hint === 'integer') return thousands();
    if (hint === 'decimal') return decimal();
    const d = decimal();
    return { ...thousands(), alternative: { int: d.int, frac: d.frac } };
  }
  if (asThousands) return thousands();
  if (asDecimal) return decimal();
  return null;
}

function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    const next = s.charAt(i + 1);
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c) || (isPoint(c) && isDigit(next))) {
      const body: Body = { groups: [], seps: [] };
      i = readDigits(s, i, body);
      while (isDigit(s.charAt(i + 1)) && (isPoint(s.charAt(i)) || isSpace(s.charAt(i)))) {
        const sep = s.charAt(i);
        body.seps.push(sep === '.' || sep === ',' ? sep : ' ');
        i = readDigits(s, i + 1, body);
      }
      tokens.push({ t: 'num', body });
    } else if (isPoint(c) && MINUS.has(next) && isDigit(s.charAt(i - 1))) {
      tokens.push({ t: 'nocents' });
      i += 2;
    } else if (isLetter(c)) {
      let j = i;
      while (isLetter(s.charAt(j))) j++;
      const word = s.slice(i, j).toLowerCase();
      i = j;
      if (word === 'rp') {
        tokens.push({ t: 'currency' });
        if (s.charAt(i) === '.') i++; // 'Rp.9.257' - the dot belongs to 'Rp', not to the number
      } else if (word === 'idr') {
        tokens.push({ t: 'currency' });
      } else if (word === 'persen') {
        tokens.push({ t: 'percent' });
      } else {
        return null;
      }
    } else if (c === '%') {
      tokens.push({ t: 'percent' });
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ t: c === '(' ? 'open' : 'close' });
      i++;
    } else if (c === '+' || MINUS.has(c)) {
      tokens.push({ t: 'sign', negative: c !== '+' });
      i++;
    } else {
      return null;
    }
  }
  return tokens;
}

function readDigits(s: string, start: number, body: Body): number {
  let j = start;
  while (isDigit(s.charAt(j))) j++;
  body.groups.push(s.slice(start, j));
  return j;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'; // charAt gives '' past the end, which fails both tests
}

function isPoint(c: string): boolean {
  return c === '.' || c === ',';
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
