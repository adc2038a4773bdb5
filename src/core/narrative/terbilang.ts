import Decimal from 'decimal.js';

// "Terbilang": amounts written in words, as reports repeat them after the digits.

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALE_NAMES: Array<[string, number]> = [
  ['triliun', 12],
  ['miliar', 9],
  ['juta', 6],
  ['ribu', 3],
];
const LIMIT = new Decimal('1e15');

/**
 * Words for an amount, Indonesian style: 'sembilan miliar dua ratus lima puluh tujuh juta tujuh puluh ribu'
 * (lower case, single spaces). Integers 0..999 triliun (< 10^15). With opts.currency the words end with
 * 'rupiah' and then the sen ('dua ribu lima ratus rupiah lima puluh sen'); without it a fraction is read
 * digit by digit after 'koma', as decimals are spoken. Throws RangeError outside the range or for more
 * than 2 decimals.
 */
export function toWords(value: Decimal.Value, opts?: { currency?: boolean }): string {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new RangeError(`toWords: not a number: ${String(value)}`);
  }
  if (!d.isFinite() || (d.isNegative() && !d.isZero()) || d.gte(LIMIT)) {
    throw new RangeError(`toWords: ${d.toString()} is outside 0 .. 999 triliun`);
  }
  const places = d.decimalPlaces();
  if (places > 2) throw new RangeError(`toWords: ${d.toString()} has more than 2 decimals`);

  const whole = d.trunc();
  const words = integerWords(whole.toFixed(0));
  const fraction = d.minus(whole);
  if (opts?.currency) {
    const sen = fraction.times(100).toNumber();
    return sen === 0 ? `${words} rupiah` : `${words} rupiah ${groupWords(sen)} sen`;
  }
  if (places === 0) return words;
  const digits = fraction.toFixed(places).slice(2);
  return `${words} koma ${Array.from(digits, (c) => DIGITS[Number(c)]).join(' ')}`;
}

function integerWords(digits: string): string {
  if (/^0*$/.test(digits)) return 'nol';
  const padded = digits.padStart(15, '0');
  const parts: string[] = [];
  for (const [name, exp] of SCALE_NAMES) {
    const at = 15 - exp - 3;
    const group = Number(padded.slice(at, at + 3));
    if (group === 0) continue;
    // Only 'seribu' fuses; a million is 'satu juta' (although 'sejuta' is read back too).
    parts.push(group === 1 && name === 'ribu' ? 'seribu' : `${groupWords(group)} ${name}`);
  }
  const units = Number(padded.slice(12));
  if (units > 0) parts.push(groupWords(units));
  return parts.join(' ');
}

/** 1..999. */
function groupWords(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) parts.push('seratus');
  else if (hundreds > 1) parts.push(`${DIGITS[hundreds]} ratus`);
  if (rest === 10) parts.push('sepuluh');
  else if (rest === 11) parts.push('sebelas');
  else if (rest > 11 && rest < 20) parts.push(`${DIGITS[rest - 10]} belas`);
  else if (rest >= 20) {
    parts.push(`${DIGITS[Math.floor(rest / 10)]} puluh`);
    if (rest % 10 > 0) parts.push(DIGITS[rest % 10] as string);
  } else if (rest > 0) parts.push(DIGITS[rest] as string);
  return parts.join(' ');
}

type Tok =
  | { k: 'digit'; v: number }
  | { k: 'mult'; v: 10 | 100 }
  | { k: 'belas' }
  | { k: 'scale'; exp: number }
  | { k: 'rupiah' }
  | { k: 'sen' }
  | { k: 'koma' }
  | { k: 'saja' };

const DIGIT_WORDS = new Map(DIGITS.map((w, i) => [w, i]));
const SCALE_WORDS = new Map<string, number>([
  ['ribu', 3],
  ['juta', 6],
  ['miliar', 9],
  ['milyar', 9],
  ['milyard', 9],
  ['miliard', 9],
  ['milliar', 9],
  ['milyaran', 9],
  ['miliaran', 9],
  ['triliun', 12],
  ['trilyun', 12],
  ['trilliun', 12],
]);

function wordToken(w: string): Tok | null {
  const digit = DIGIT_WORDS.get(w);
  if (digit !== undefined) return { k: 'digit', v: digit };
  if (w === 'puluh') return { k: 'mult', v: 10 };
  if (w === 'ratus') return { k: 'mult', v: 100 };
  if (w === 'belas') return { k: 'belas' };
  const exp = SCALE_WORDS.get(w);
  if (exp !== undefined) return { k: 'scale', exp };
  if (w === 'rupiah') return { k: 'rupiah' };
  if (w === 'sen') return { k: 'sen' };
  if (w === 'koma') return { k: 'koma' };
  if (w === 'saja') return { k: 'saja' };
  return null;
}

/** 'se' means one before a multiplier: 'seratus', 'seribu', 'sebelas', and split up as 'se ribu'. */
function tokenize(text: string): Tok[] | null {
  // Markdown emphasis, brackets and punctuation (',-' included) carry no words.
  const words = text
    .toLowerCase()
    .replace(/[*_()[\]"'.,;:!?\u2010-\u2015-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  const out: Tok[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const direct = wordToken(w);
    if (direct) {
      out.push(direct);
      continue;
    }
    const rest = w === 'se' ? words[i + 1] : w.startsWith('se') ? w.slice(2) : undefined;
    const fused = rest === undefined ? null : wordToken(rest);
    if (!fused || (fused.k !== 'mult' && fused.k !== 'belas' && fused.k !== 'scale')) return null;
    out.push({ k: 'digit', v: 1 });
    // A lone 'se' leaves its multiplier to be read as the next word.
    if (w !== 'se') out.push(fused);
  }
  return out;
}

/** A recursive-descent reader over the tokens; every step consumes, so it is linear. */
class Reader {
  i = 0;
  constructor(readonly toks: Tok[]) {}

  peek(offset = 0): Tok | undefined {
    return this.toks[this.i + offset];
  }

  /** 1..999, or null without consuming anything. */
  group(): number | null {
    const start = this.i;
    let value = 0;
    const a = this.peek();
    const b = this.peek(1);
    if (a?.k === 'digit' && a.v > 0 && b?.k === 'mult' && b.v === 100) {
      value = a.v * 100;
      this.i += 2;
    }
    const c = this.peek();
    const d = this.peek(1);
    if (c?.k === 'digit' && c.v > 0) {
      if (d?.k === 'mult' && d.v === 10) {
        value += c.v * 10;
        this.i += 2;
        const e = this.peek();
        const f = this.peek(1);
        if (e?.k === 'digit' && e.v > 0 && f?.k !== 'mult' && f?.k !== 'belas') {
          value += e.v;
          this.i++;
        }
      } else if (d?.k === 'belas') {
        value += 10 + c.v;
        this.i += 2;
      } else if (d?.k !== 'mult') {
        value += c.v;
        this.i++;
      }
    }
    if (this.i === start) return null;
    return value;
  }

  /** The whole-number part; null when there is none. Scales must fall ('dua juta tiga ribu', not 'tiga ribu dua juta'). */
  integer(): bigint | null {
    const first = this.peek();
    if (first?.k === 'digit' && first.v === 0) {
      this.i++;
      return 0n;
    }
    let total = 0n;
    let lastExp = Infinity;
    let any = false;
    for (;;) {
      const g = this.group();
      if (g === null) break;
      any = true;
      const s = this.peek();
      if (s?.k === 'scale' && s.exp < lastExp) {
        total += BigInt(g) * 10n ** BigInt(s.exp);
        lastExp = s.exp;
        this.i++;
        continue;
      }
      total += BigInt(g);
      break;
    }
    return any ? total : null;
  }

  /** After 'koma': digits one by one ('koma dua lima') or a number of hundredths ('koma lima puluh'). */
  fraction(): string | null {
    const start = this.i;
    let digits = '';
    for (let t = this.peek(); t?.k === 'digit'; t = this.peek()) {
      digits += String(t.v);
      this.i++;
    }
    const next = this.peek();
    if (digits !== '' && next?.k !== 'mult' && next?.k !== 'belas') return digits;
    this.i = start;
    const g = this.group();
    if (g === null || g >= 100) return null;
    return String(g).padStart(2, '0');
  }
}

/**
 * Text made only of number words ('lima ratus tiga puluh enam delapan puluh ribu')
 * whether or not they spell a valid number: an amount in words with a scale
 * left out is still meant as the amount beside it.
 */
export function isNumberWords(text: string): boolean {
  const toks = typeof text === 'string' ? tokenize(text) : null;
  return toks !== null && toks.length >= 3;
}

/**
 * Reads words back to a number, tolerant of real spellings: any case, extra spaces, hyphens, markdown
 * stars, 'milyar'/'milyard'/'miliar', 'trilyun'/'triliun', 'seribu'/'se ribu', 'sejuta'/'satu juta',
 * 'nol', a trailing 'rupiah', ',-' and 'saja', and a fraction as '... rupiah lima puluh sen' or
 * '... koma lima puluh' / '... koma dua lima'. Returns null when the text is not only a number in words
 * ('dua kursi'). Never throws.
 */
export function fromWords(text: string): { value: Decimal; currency: boolean } | null {
  if (typeof text !== 'string') return null;
  const toks = tokenize(text);
  if (!toks || toks.length === 0) return null;
  const r = new Reader(toks);
  const whole = r.integer();
  if (whole === null) return null;
  let frac = '';
  let currency = false;
  if (r.peek()?.k === 'koma') {
    r.i++;
    const f = r.fraction();
    if (f === null) return null;
    frac = f;
  }
  if (r.peek()?.k === 'rupiah') {
    currency = true;
    r.i++;
    if (frac === '' && r.peek()?.k !== 'saja' && r.peek() !== undefined) {
      const sen = r.group();
      if (sen === null || sen >= 100 || r.peek()?.k !== 'sen') return null;
      r.i++;
      frac = String(sen).padStart(2, '0');
    }
  }
  if (r.peek()?.k === 'saja') r.i++;
  if (r.i !== toks.length) return null;
  return { value: new Decimal(frac === '' ? whole.toString() : `${whole}.${frac}`), currency };
}
