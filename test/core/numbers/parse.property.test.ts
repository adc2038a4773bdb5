import Decimal from 'decimal.js';
import fc from 'fast-check';
import { formatNumber, parseNumberText, NumberHint, ParsedNumber } from '../../../src/core/numbers/parse';

/** Integers up to 1e15 in magnitude, scaled to 0-2 decimals, with the decimals count used to write them. */
const scaled = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 2 }))
  .map(([n, d]) => ({ x: new Decimal(`${n}e-${d}`), d }));
const style = fc.constantFrom<'id' | 'en'>('id', 'en');

function asNumber(text: string, hint?: NumberHint): ParsedNumber {
  const r = parseNumberText(text, hint);
  if (r === null || r.kind !== 'number') throw new Error(`not a number: ${JSON.stringify(text)} -> ${JSON.stringify(r)}`);
  return r;
}

/** Strings built from the pieces the parser cares about, to reach its corners more often than random text does. */
const numberish = fc
  .array(
    fc.constantFrom('0', '1', '5', '9', '000', '595', '.', ',', ' ', '\u00a0', '-', '\u2212', '+', '%', '(', ')', 'Rp', 'Rp.', 'IDR', 'persen', ',-', 'e', '/'),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const hint = fc.constantFrom<NumberHint>(undefined, 'integer', 'decimal');
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  // Lone surrogates and control characters, which the unit-based generators avoid.
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)),
  numberish,
);

describe('formatNumber then parseNumberText round-trips', () => {
  it('returns the same value, sign and decimals when the hint settles ambiguity', () => {
    fc.assert(
      fc.property(scaled, style, ({ x, d }, s) => {
        const text = formatNumber(x, s, d);
        const r = asNumber(text, d === 0 ? 'integer' : 'decimal');
        expect(r.value.equals(x)).toBe(true);
        expect(r.decimals).toBe(d);
        expect(r.negative).toBe(x.isNegative() && !x.isZero());
        expect(r.ambiguous).toBe(false);
        expect(r.percent || r.currency).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('without a hint, reads integers as thousands and flags exactly the 1.000-999.999 range', () => {
    fc.assert(
      fc.property(scaled, style, ({ x, d }, s) => {
        const r = asNumber(formatNumber(x, s, d));
        expect(r.value.equals(x)).toBe(true);
        const abs = x.abs();
        const expectAmbiguous = d === 0 && abs.gte(1000) && abs.lt(1_000_000);
        expect(r.ambiguous).toBe(expectAmbiguous);
        if (expectAmbiguous) expect(r.alternative?.equals(x.div(1000))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('survives currency, percent, parentheses and surrounding spaces', () => {
    const pad = fc.constantFrom('', ' ', '\u00a0', '\u202f', '\t');
    fc.assert(
      fc.property(scaled, style, pad, pad, fc.constantFrom('Rp', 'Rp.', 'Rp ', 'Rp. ', 'IDR ', 'rp'), ({ x, d }, s, before, after, rp) => {
        const text = formatNumber(x.abs(), s, d);
        const hinted: NumberHint = d === 0 ? 'integer' : 'decimal';
        const money = asNumber(`${before}${rp}${text}${after}`, hinted);
        expect(money.value.equals(x.abs())).toBe(true);
        expect(money.currency).toBe(true);
        const pct = asNumber(`${before}${text}${after}%`, hinted);
        expect(pct.value.equals(x.abs())).toBe(true);
        expect(pct.percent).toBe(true);
        const paren = asNumber(`${before}(${text})${after}`, hinted);
        expect(paren.value.equals(x.abs().neg())).toBe(true);
        expect(paren.negative).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseNumberText on arbitrary text', () => {
  it('never throws, returns a well-formed result, and is fast', () => {
    fc.assert(
      fc.property(anyText, hint, (text, h) => {
        const start = Date.now();
        const r = parseNumberText(text, h);
        expect(Date.now() - start).toBeLessThan(100);
        if (r === null || r.kind === 'dash') return;
        expect(r.value.isFinite()).toBe(true);
        expect(Number.isInteger(r.decimals) && r.decimals >= 0).toBe(true);
        expect(r.negative).toBe(r.value.isNegative()); // decimal.js keeps the sign of -0
        expect(r.ambiguous).toBe(r.alternative !== undefined);
        if (h !== undefined) expect(r.ambiguous).toBe(false);
        expect(r.percent && r.currency).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('only ever reads ambiguous text one of the two ways the hints pick', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const r = parseNumberText(text);
        if (r === null || r.kind !== 'number' || !r.ambiguous) return;
        expect(asNumber(text, 'integer').value.equals(r.value)).toBe(true);
        expect(asNumber(text, 'decimal').value.equals(r.alternative as Decimal)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on long adversarial strings', () => {
    const piece = fc.constantFrom('1', '000', '.', ',', ' ', '-', '%', '(', ')', 'Rp', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 5000, maxLength: 12000 }), hint, (parts, h) => {
        const text = parts.join('');
        const start = Date.now();
        parseNumberText(text, h);
        expect(Date.now() - start).toBeLessThan(200);
      }),
      { numRuns: 30 },
    );
  });
});
