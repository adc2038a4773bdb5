import Decimal from 'decimal.js';
import { parseNumberText } from '../numbers/parse';
import { isNumberWords, fromWords } from './terbilang';
import type { FigureUnit, ProseFigure } from './types';

type Per = NonNullable<ProseFigure['per']>;

// Every look-around below is bounded, so the scan stays linear whatever the paragraph holds.
const GAP_LIMIT = 40;
const WORD_LIMIT = 40;
const WORDS_PART_LIMIT = 400;

const UNIT_WORDS = new Map<string, FigureUnit>([
  ['orang', 'orang'],
  ['org', 'orang'],
  ['jiwa', 'orang'],
  ['kk', 'kk'],
  ['klien', 'klien'],
  ['kpm', 'kpm'],
  ['panti', 'panti'],
  ['unit', 'unit'],
  ['buah', 'unit'],
  ['program', 'program'],
  ['kegiatan', 'kegiatan'],
  ['indikator', 'indikator'],
  ['sasaran', 'sasaran'],
  ['rupiah', 'rupiah'],
  ['persen', 'percent'],
]);

const PER_WORDS = new Map<string, Per>([
  ['orang', 'orang'],
  ['org', 'orang'],
  ['jiwa', 'orang'],
  ['panti', 'panti'],
  ['kk', 'kk'],
  ['unit', 'unit'],
  ['buah', 'unit'],
  ['kpm', 'kpm'],
  ['klien', 'klien'],
]);

const SCALES = new Map<string, number>([
  ['ribu', 3],
  ['rb', 3],
  ['juta', 6],
  ['jt', 6],
  ['miliar', 9],
  ['milyar', 9],
  ['milyard', 9],
  ['miliard', 9],
  ['milliar', 9],
  ['triliun', 12],
  ['trilyun', 12],
  ['trilliun', 12],
]);

// A number right after these is a reference (regulation, article, stage, clock time), not a figure.
const REFERENCE = new Set([
  'no', 'nomor', 'nomer', 'pasal', 'ayat', 'bab', 'pp', 'uu', 'perda', 'perpres', 'permen', 'permensos',
  'pergub', 'perbup', 'perwal', 'perkada', 'kepmen', 'kepmensos', 'keppres', 'inpres', 'sk', 'tahap',
  'triwulan', 'semester', 'lampiran', 'tabel', 'gambar', 'grafik', 'ke', 'pukul', 'jam', 'tanggal', 'tgl',
  'kode', 'rt', 'rw', 'jl', 'jalan', 'lantai', 'halaman', 'hal', 'nip', 'nik', 'npwp', 'versi',
]);

const MONTHS = new Set([
  'januari', 'februari', 'pebruari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september',
  'oktober', 'nopember', 'november', 'desember', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'agu', 'agt',
  'ags', 'agust', 'sep', 'sept', 'okt', 'nov', 'des',
]);

// Function words that can follow a number without naming what it counts ('sebanyak 201.511 adalah ...').
const NOT_UNITS = new Set([
  'adalah', 'ialah', 'yaitu', 'yakni', 'merupakan', 'dan', 'atau', 'serta', 'yang', 'dari', 'di', 'ke',
  'pada', 'untuk', 'dengan', 'dalam', 'oleh', 'bagi', 'kepada', 'terhadap', 'melalui', 'sedangkan',
  'namun', 'tetapi', 'karena', 'sehingga', 'maka', 'jika', 'bila', 'apabila', 'sebagai', 'sebesar',
  'sebanyak', 'sejumlah', 'terdiri', 'telah', 'sudah', 'akan', 'belum', 'tidak', 'dapat', 'juga',
  'hanya', 'lebih', 'kurang', 'hingga', 'sampai', 'sd', 'atas', 'tersebut', 'ini', 'itu', 'per',
  'meliputi', 'menjadi', 'berada', 'secara', 'sekitar', 'antara', 'tentang', 'bahwa', 'agar', 'setelah',
  'sebelum', 'selama', 'saat', 'ketika', 'masih', 'sisanya', 'sisa', 'diantaranya', 'antaranya',
  'termasuk', 'mencapai', 's',
]);

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);
const LETTER = /\p{L}/u;
const FIRST_GROUP = /^[1-9]\d{0,2}$/;

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isLetter(c: string): boolean {
  // Prose is mostly ASCII: answer those without the Unicode regex.
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c === '' || c.charCodeAt(0) < 128) return false;
  return LETTER.test(c);
}
function isAlnum(c: string): boolean {
  return isDigit(c) || isLetter(c);
}
function isSpace(c: string): boolean {
  return c !== '' && /\s/.test(c);
}
/** Markdown emphasis around digits and words: '**9.257.070.000,-**', '*Sembilan ...*'. */
function isMark(c: string): boolean {
  return c === '*' || c === '_';
}

interface Word {
  word: string;
  start: number;
  end: number;
}

/** Past spaces and emphasis marks, a bounded distance. */
function skipGap(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < GAP_LIMIT && (isSpace(text.charAt(j)) || isMark(text.charAt(j)))) j++;
  return j;
}

function wordAt(text: string, i: number): Word | null {
  if (!isLetter(text.charAt(i))) return null;
  let j = i;
  while (j < text.length && j - i < WORD_LIMIT && isLetter(text.charAt(j))) j++;
  return { word: text.slice(i, j).toLowerCase(), start: i, end: j };
}

/** The word ending before `end`, past any of the gap characters. */
function wordBefore(text: string, end: number, gap: (c: string) => boolean): Word | null {
  let j = end - 1;
  while (j >= 0 && end - j <= GAP_LIMIT && gap(text.charAt(j))) j--;
  if (j < 0 || !isLetter(text.charAt(j))) return null;
  let k = j;
  while (k >= 0 && j - k < WORD_LIMIT && isLetter(text.charAt(k))) k--;
  return { word: text.slice(k + 1, j + 1).toLowerCase(), start: k + 1, end: j + 1 };
}

const spaceOrMark = (c: string): boolean => isSpace(c) || isMark(c);
const referenceGap = (c: string): boolean => isSpace(c) || isMark(c) || c === '.' || c === ':' || c === '(';
const perGap = (c: string): boolean => isSpace(c) || isMark(c) || DASHES.has(c);

/** Skips a word, or a code that mixes letters and digits ('Satker_249017', 'COVID-19', 'G20'). */
function skipWord(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charAt(j);
    if (isLetter(c)) j++;
    else if (isDigit(c)) {
      // 'Rp9.000' is a currency sign and a number, not a code.
      if (j - i <= 3 && /^(rp|idr)$/i.test(text.slice(i, j))) return j;
      j++;
    } else if (c === '_' && isAlnum(text.charAt(j + 1))) j++;
    else if (DASHES.has(c) && isDigit(text.charAt(j + 1))) j++;
    else break;
  }
  return j;
}

/** Index of 'Rp'/'IDR' written just before the digits at `s`, or -1. */
function currencyBefore(text: string, s: number): number {
  let j = s - 1;
  while (j >= 0 && s - j <= GAP_LIMIT && spaceOrMark(text.charAt(j))) j--;
  if (text.charAt(j) === '.') j--;
  const w = wordBefore(text, j + 1, spaceOrMark);
  if (!w || (w.word !== 'rp' && w.word !== 'idr')) return -1;
  return w.start;
}

/** 'Kepala keluarga' counts as one unit word. */
function unitWordAt(text: string, i: number): { unit: FigureUnit | null; word: Word } | null {
  const w = wordAt(text, i);
  if (!w) return null;
  if (w.word === 'kepala') {
    const next = wordAt(text, skipGap(text, w.end));
    if (next?.word === 'keluarga') return { unit: 'kk', word: { word: 'kepala keluarga', start: w.start, end: next.end } };
  }
  return { unit: UNIT_WORDS.get(w.word) ?? null, word: w };
}

function perWord(text: string, i: number): Per | undefined {
  const u = unitWordAt(text, i);
  if (!u) return undefined;
  if (u.word.word === 'kepala keluarga') return 'kk';
  return PER_WORDS.get(u.word.word);
}

/** '/orang', '/ org', 'per orang', 'per-Panti', 'perorang' written after `at`. */
function perAfter(text: string, at: number): Per | undefined {
  const q = skipGap(text, at);
  if (text.charAt(q) === '/') return perWord(text, skipGap(text, q + 1));
  const w = wordAt(text, q);
  if (!w) return undefined;
  if (w.word === 'per' || w.word === 'setiap' || w.word === 'tiap') {
    let r = w.end;
    while (r < text.length && r - w.end < GAP_LIMIT && perGap(text.charAt(r))) r++;
    return perWord(text, r);
  }
  if (w.word.startsWith('per')) return PER_WORDS.get(w.word.slice(3));
  return undefined;
}

/** 'per-orang Rp.1.600.000', 'besar bantuan per orang Rp. 2.000.000', 'per kepala keluarga Rp ...'. */
function perBefore(text: string, start: number): Per | undefined {
  let w = wordBefore(text, start, spaceOrMark);
  if (!w) return undefined;
  let per: Per | undefined = PER_WORDS.get(w.word);
  if (w.word === 'keluarga') {
    const head = wordBefore(text, w.start, spaceOrMark);
    if (head?.word === 'kepala') {
      per = 'kk';
      w = head;
    }
  }
  if (!per) return w.word.startsWith('per') ? PER_WORDS.get(w.word.slice(3)) : undefined;
  const lead = wordBefore(text, w.start, perGap);
  return lead && (lead.word === 'per' || lead.word === 'setiap' || lead.word === 'tiap') ? per : undefined;
}

/** A list marker is the first thing on its line: '1. Perumusan', '2) ...'. */
function atLineStart(text: string, s: number): boolean {
  let j = s - 1;
  while (j >= 0 && s - j <= GAP_LIMIT) {
    const c = text.charAt(j);
    if (c === '\n' || c === '\r') return true;
    if (!(isSpace(c) || isMark(c) || c === '#' || c === '>' || c === '(' || c === '\u2022' || DASHES.has(c))) return false;
    j--;
  }
  return j < 0;
}

interface Body {
  end: number;
  text: string;
  seps: string[];
  groups: string[];
}

/** Digits and the '.'/',' between them. */
function readBody(text: string, s: number): Body {
  const groups: string[] = [];
  const seps: string[] = [];
  let j = s;
  let g = j;
  while (isDigit(text.charAt(j))) j++;
  groups.push(text.slice(g, j));
  while ((text.charAt(j) === '.' || text.charAt(j) === ',') && isDigit(text.charAt(j + 1))) {
    seps.push(text.charAt(j));
    g = ++j;
    while (isDigit(text.charAt(j))) j++;
    groups.push(text.slice(g, j));
  }
  return { end: j, text: text.slice(s, j), seps, groups };
}

/**
 * '/1.000 KH' or 'per 100.000 penduduk' after a figure: a rate per a power of ten (100 and up),
 * followed by what is counted. Source: corpus case iku-kab-manggaraitimur-lkjip-2019-sasaran5.
 */
function rateAt(text: string, i: number): { base: number; end: number } | null {
  let q = i;
  if (text.charAt(q) === '/') q++;
  else {
    const w = wordAt(text, skipGap(text, q));
    if (w?.word !== 'per') return null;
    q = w.end;
  }
  q = skipGap(text, q);
  if (!isDigit(text.charAt(q))) return null;
  const d = readBody(text, q);
  if (d.seps.some((c) => c !== '.') || !/^10{2,}$/.test(d.groups.join(''))) return null;
  if (d.seps.length > 0 && !d.groups.slice(1).every((g) => g.length === 3)) return null;
  if (!isLetter(text.charAt(skipGap(text, d.end)))) return null;
  return { base: Number(d.groups.join('')), end: d.end };
}

function percentAt(text: string, i: number): number {
  const q = skipGap(text, i);
  if (text.charAt(q) === '%') return q + 1;
  const w = wordAt(text, q);
  return w?.word === 'persen' ? w.end : -1;
}

/** The amount in words in parentheses after the digits: '(satu)', '(*Sembilan Milyard ... Rupiah*)'. */
function wordsPart(text: string, i: number): { words: NonNullable<ProseFigure['words']>; end: number } | null {
  const open = skipGap(text, i);
  if (text.charAt(open) !== '(') return null;
  let close = open + 1;
  while (close < text.length && close - open <= WORDS_PART_LIMIT) {
    const c = text.charAt(close);
    if (c === ')') break;
    if (c === '(' || c === '\n') return null;
    close++;
  }
  if (text.charAt(close) !== ')') return null;
  let a = open + 1;
  let b = close;
  while (a < b && spaceOrMark(text.charAt(a))) a++;
  while (b > a && spaceOrMark(text.charAt(b - 1))) b--;
  const inner = text.slice(a, b);
  if (!isLetter(inner.charAt(0)) || (fromWords(inner) === null && !isNumberWords(inner))) return null;
  return { words: { text: inner, start: a, end: b }, end: close + 1 };
}

/** '70 - 80%': the first number of a range takes the percent sign written after the second. */
function rangeIntoPercent(text: string, i: number): boolean {
  const q = skipGap(text, i);
  if (!DASHES.has(text.charAt(q))) return false;
  const r = skipGap(text, q + 1);
  if (!isDigit(text.charAt(r))) return false;
  let e = r;
  while (e < text.length && e - r < GAP_LIMIT && (isDigit(text.charAt(e)) || ((text.charAt(e) === ',' || text.charAt(e) === '.') && isDigit(text.charAt(e + 1))))) e++;
  return percentAt(text, e) >= 0;
}

function isYearLike(body: Body): boolean {
  if (body.seps.length > 0 || body.text.length !== 4) return false;
  const y = Number(body.text);
  return y >= 1900 && y <= 2099;
}

/** 'Nomor 9 Tahun 2019', 'UU 23 Tahun 2014': the number before 'Tahun <year>' is a regulation number. */
function beforeTahunYear(text: string, i: number): boolean {
  const w = wordAt(text, skipGap(text, i));
  if (w?.word !== 'tahun') return false;
  const y = skipGap(text, w.end);
  const body = readBody(text, y);
  return isDigit(text.charAt(y)) && isYearLike(body);
}

/**
 * Reads the figure whose digits start at `s` (if it is one) into `out`, and returns where scanning
 * goes on: past the digits and whatever the figure took after them.
 */
function readFigure(text: string, s: number, out: ProseFigure[]): number {
  const body = readBody(text, s);
  const after = text.charAt(body.end);
  // '19kk'-style fusions are rarer than codes such as '2a' or '5G'; neither is stated as a figure.
  if (isLetter(after) || (after === '_' && isAlnum(text.charAt(body.end + 1)))) return skipWord(text, body.end);
  // Rates: '9,53/1.000 KH', '162 per 100.000 kelahiran hidup'.
  const rate = rateAt(text, body.end);
  if (rate) {
    const parsed = parseNumberText(body.text, body.seps.length === 1 && body.seps[0] === ',' ? 'decimal' : 'integer');
    if (!parsed || parsed.kind !== 'number') return rate.end;
    out.push({ value: parsed.value, raw: text.slice(s, rate.end), start: s, end: rate.end, unit: 'rate', decimals: parsed.decimals, rateBase: rate.base });
    return rate.end;
  }
  // Dates, clock times, fractions: '25/01/2021', '14:30', '1/2'.
  if ((after === '/' || after === ':') && isDigit(text.charAt(body.end + 1))) {
    let j = body.end;
    while (j < text.length && (isDigit(text.charAt(j)) || ('/:.,-'.includes(text.charAt(j)) && isDigit(text.charAt(j + 1))))) j++;
    return j;
  }

  const rp = currencyBefore(text, s);
  const currency = rp >= 0;
  const allDots = body.seps.every((c) => c === '.');
  const thousands = FIRST_GROUP.test(body.groups[0] ?? '') && body.groups.slice(1).every((g) => g.length === 3);
  let end = body.end;

  // ',-' and '.-': "no cents".
  if ((after === ',' || after === '.') && DASHES.has(text.charAt(body.end + 1)) && !isDigit(text.charAt(body.end + 2))) {
    end = body.end + 2;
  }
  const percentEnd = currency ? -1 : percentAt(text, end);
  const percent = percentEnd >= 0;
  if (percent) end = percentEnd;

  // Dotted groups that are not thousands are codes, times or section numbers ('1.2.4.1', '08.00', '3.2'),
  // except that '3.2%' is a decimal written the English way.
  if (body.seps.length > 0 && allDots && !thousands && !(percent && body.seps.length === 1)) return body.end;

  const parsed = parseNumberText((currency ? 'Rp ' : '') + body.text, currency || (allDots && thousands) ? 'integer' : 'decimal');
  if (!parsed || parsed.kind !== 'number') return body.end;
  let value = parsed.value;
  const decimals = parsed.decimals;

  let scaled = false;
  if (!percent) {
    const w = wordAt(text, skipGap(text, end));
    const exp = w ? (SCALES.get(w.word) ?? (currency && text.slice(w.start, w.end) === 'M' ? 9 : undefined)) : undefined;
    if (w && exp !== undefined) {
      value = value.times(new Decimal(10).pow(exp));
      end = w.end;
      scaled = true;
    }
  }

  const words = percent ? null : wordsPart(text, end);
  const unitFrom = words ? words.end : end;
  const next = unitWordAt(text, skipGap(text, unitFrom));
  let unit: FigureUnit;
  if (percent) unit = 'percent';
  else if (currency) unit = 'rupiah';
  else if (next?.unit) unit = next.unit;
  else if (next && !NOT_UNITS.has(next.word.word) && !REFERENCE.has(next.word.word) && !MONTHS.has(next.word.word) && !SCALES.has(next.word.word)) unit = 'other';
  else unit = 'none';
  if (unit === 'none' && rangeIntoPercent(text, end)) unit = 'percent';

  const plain = !currency && body.seps.length === 0;
  const known = unit !== 'none' && unit !== 'other';
  if (!currency && !percent) {
    if (plain && atLineStart(text, s) && (after === '.' || after === ')') && (isSpace(text.charAt(body.end + 1)) || body.end + 1 >= text.length)) return body.end;
    const prev = wordBefore(text, s, referenceGap);
    // 'naik ke 500 orang' still counts people: a unit word outweighs the reference word.
    if (prev && REFERENCE.has(prev.word) && !known) return body.end;
    if (plain && next && MONTHS.has(next.word.word) && Number(body.text) >= 1 && Number(body.text) <= 31) return body.end;
    if (isYearLike(body) && !known && !scaled) return body.end;
    if (plain && beforeTahunYear(text, end)) return body.end;
  }

  const start = currency ? rp : s;
  let per = perAfter(text, unitFrom);
  if (!per && next && (next.unit || unit === 'other')) per = perAfter(text, next.word.end);
  if (!per && currency) per = perBefore(text, start);

  const figure: ProseFigure = { value, raw: text.slice(start, end), start, end, unit, decimals };
  if (per) figure.per = per;
  if (words) figure.words = words.words;
  if (next && unit !== 'none' && unit !== 'percent' && unit !== 'rupiah') figure.unitWord = next.word.word;
  out.push(figure);
  return end;
}

function skipDigits(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigit(text.charAt(j))) j++;
  return j;
}

/** Every figure a paragraph of Indonesian report prose states, in order. Never throws; linear time. */
export function extractFigures(text: string): ProseFigure[] {
  const out: ProseFigure[] = [];
  if (typeof text !== 'string') return out;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    // '=Target!$B$50:$B$87': the row of a cell reference is no figure.
    if (isDigit(c) && text.charAt(i - 1) === '$') i = skipDigits(text, i);
    else if (isDigit(c)) i = Math.max(i + 1, readFigure(text, i, out));
    else if (isLetter(c)) i = Math.max(i + 1, skipWord(text, i));
    else i++;
  }
  return out;
}
