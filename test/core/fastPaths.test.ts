/**
 * The engine's fast paths (field accessors, shared readings, exact BigInt
 * sums, early-stopping column shares, the total-label pre-check) must give
 * exactly what the plain versions give. Each is compared with a reference
 * written the slow, obvious way, on generated input.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { numericStateAt, readNumeric, typedWholeAt } from '../../src/core/cells';
import { columnSum } from '../../src/core/checks/columnSum';
import { TableContext } from '../../src/core/checks/context';
import { resolveOptions } from '../../src/core/analyze';
import { Grid } from '../../src/core/grid';
import type { RecognizedTable, TableRow } from '../../src/core/model';
import { parseNumberText, type NumberHint } from '../../src/core/numbers/parse';
import { numericShareAtLeast } from '../../src/core/recognize/columns';
import { codeOf } from '../../src/core/recognize/rows';
import { findPhrase } from '../../src/core/narrative/text';
import { capaianAgrees, percentAgrees, scaledNumber, scaledRatio } from '../../src/core/checks/percentExact';
import { isTotalLabel, normalizeHeader } from '../../src/core/recognize/vocabulary';
import { sheet, type TestCell } from './helpers/sheet';

const cellArb: fc.Arbitrary<TestCell> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1.595', '201,667', '6.353.928.630,80', 'Rp 1.500.000', '-', '(1.234)', '79,13', 'Jumlah', 'Program A', ' ', '12 %', '1\u00a0595'),
  fc.string({ maxLength: 8 }),
  fc.constant({ err: '#DIV/0!', f: 'A1/0' }),
  fc.constant({ f: 'SUM(A1:A2)' }),
  fc.record({ n: fc.integer({ min: 0, max: 100 }), fmt: fc.constantFrom('0.00%', '#,##0', 'General', 'dd/mm/yyyy') }),
);

const sheetArb = fc
  .array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      // 'B1:C2' overlaps others: Excel refuses that, but files hold it and the grid must read it one way.
      fc.array(fc.constantFrom('A1:B1', 'B2:B3', 'C1:D2', 'A4:A5', 'D3:E3', 'B1:C2'), { maxLength: 2 }).map((m) => [...new Set(m)]),
    ),
  );

describe('engine fast paths agree with the plain versions', () => {
  it('grid field accessors and textAt give what cell() and shown() give', () => {
    fc.assert(
      fc.property(sheetArb, ([rows, merges]) => {
        const g = new Grid(sheet('S', rows, merges));
        // Where merges overlap, shown() takes the top-left of the merge a cell was last given and
        // textAt(…, true) reads that top-left as shown, which another merge may cover: only the
        // plain accessors are compared then.
        const overlap = merges.includes('B1:C2') && merges.some((x) => x === 'A1:B1' || x === 'B2:B3' || x === 'C1:D2');
        for (let r = -1; r <= g.bottom + 1; r++) {
          for (let c = -1; c <= g.right + 1; c++) {
            const cell = g.cell(r, c);
            const m = g.merge(r, c);
            expect(g.covered(r, c)).toBe(m !== undefined && (m.top !== r || m.left !== c));
            expect([g.typeAt(r, c), g.valueAt(r, c), g.formulaAt(r, c), g.rawTextAt(r, c), g.formatAt(r, c)]).toEqual([cell.type, cell.value, cell.formula, cell.text, cell.numberFormat]);
            for (const follow of overlap ? [false] : [false, true]) {
              const ref = follow ? g.shown(r, c) : cell;
              const t = ref.type === 'Empty' ? '' : (ref.text !== '' ? ref.text : String(ref.value)).replace(/[\u00a0\u202f]/g, ' ').trim();
              expect(g.textAt(r, c, follow)).toBe(t);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('numericStateAt and typedWholeAt agree with the full reading of every cell', () => {
    fc.assert(
      fc.property(sheetArb, fc.constantFrom<NumberHint>(undefined, 'integer', 'decimal'), ([rows, merges], hint) => {
        const g = new Grid(sheet('S', rows, merges));
        for (let r = g.top - 1; r <= g.bottom + 1; r++) {
          for (let c = g.left - 1; c <= g.right + 1; c++) {
            const n = readNumeric(new Grid(sheet('S', rows, merges)), r, c, hint);
            expect(numericStateAt(g, r, c, hint)).toBe(n.state);
            const w = typedWholeAt(g, r, c);
            if (w !== undefined) {
              expect(n.state).toBe('number');
              expect(n.percentFormat).toBeUndefined();
              expect(n.value?.toFixed()).toBe(String(w));
            } else if (n.state === 'number' && !n.percentFormat && Number.isSafeInteger(Number(n.value?.toFixed()))) {
              throw new Error(`typedWholeAt missed a whole number at ${r},${c}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a text cell read with any hint, in any order, is read as parseNumberText reads it', () => {
    const texts = fc.constantFrom('1.595', '201,667', '1,5', '1.500.000', 'Rp 1.595', 'abc', '-', '12,5%', '(2.000)', '1.595,-');
    const hints = fc.array(fc.constantFrom<NumberHint>(undefined, 'integer', 'decimal'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(texts, hints, (text, order) => {
        const g = new Grid(sheet('S', [[text]]));
        for (const hint of order) {
          const n = readNumeric(g, 0, 0, hint);
          const p = parseNumberText(text, hint);
          if (!p) expect(n.state).toBe('text');
          else if (p.kind === 'dash') expect(n.state).toBe('dash');
          else {
            expect(n.state).toBe(p.ambiguous ? 'ambiguous' : 'text-number');
            const v = p.negative && !p.value.isNegative() ? p.value.negated() : p.value;
            expect(n.value?.toFixed()).toBe(v.toFixed());
            expect(n.decimals).toBe(p.decimals);
          }
        }
      }),
    );
  });

  it('columnSum equals adding every figure as a Decimal', () => {
    const figure = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
      fc.constantFrom('1.500', '2.000.000', 'teks', '-', '12,5'),
      fc.record({ n: fc.integer({ min: 0, max: 100 }), fmt: fc.constant('0.00%') }),
    );
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 30 }), (col) => {
        const snap = sheet('S', [['Uraian', 'Jumlah'], ...col.map((v, i) => [`Baris ${i}`, v] as TestCell[])]);
        const g = new Grid(snap);
        const rows: TableRow[] = col.map((_, i) => ({ row: i + 1, role: 'item', label: `Baris ${i}` }));
        const table: RecognizedTable = { sheet: 'S', kind: 'pmks', range: `A1:B${col.length + 1}`, headerRows: [0], columns: [{ col: 0, letter: 'A', header: 'Uraian', role: 'label' }, { col: 1, letter: 'B', header: 'Jumlah', role: 'count' }], rows };
        const ctx = new TableContext(g, table, resolveOptions());
        let ref = new Decimal(0);
        let filled = 0;
        for (const r of rows) {
          if (ctx.num(r.row, 1).state !== 'empty') filled++;
          const v = ctx.value(r.row, 1);
          if (v !== null) ref = ref.plus(v);
        }
        const got = columnSum(ctx, rows, 1);
        expect(got.sum.toFixed()).toBe(ref.toFixed());
        expect(got.filled).toBe(filled);
      }),
    );
  });

  it('numericShareAtLeast decides as the full share would', () => {
    const c = fc.oneof(fc.constant(null), fc.integer(), fc.constantFrom('teks', 'Program', '1.500', '-'));
    fc.assert(
      fc.property(fc.array(c, { minLength: 1, maxLength: 40 }), fc.constantFrom(0.5, 0.8), (col, share) => {
        const g = new Grid(sheet('S', col.map((v) => [v])));
        const rows = col.map((_, i) => i);
        let nums = 0;
        let filled = 0;
        for (const r of rows) {
          const s = readNumeric(new Grid(sheet('S', col.map((v) => [v]))), r, 0, 'integer').state;
          if (s === 'empty') continue;
          filled++;
          if (s !== 'text') nums++;
        }
        const ref = filled > 0 && nums / filled >= share;
        expect(numericShareAtLeast(g, rows, 0, share)).toBe(ref);
      }),
    );
  });

  it('a Kode Rekening is read as the plain split-and-join would read it, across one or two code columns', () => {
    const part = fc.stringMatching(/^[0-9. \u00a0a-]{0,12}$/);
    fc.assert(
      fc.property(part, part, fc.boolean(), (a, b, two) => {
        const g = new Grid(sheet('S', [[a, b]]));
        const cols = two ? [0, 1] : [0];
        const parts: string[] = [];
        for (const c of cols) {
          const t = g.textAt(0, c);
          if (t) parts.push(...t.split(/[\s.]+/).filter(Boolean));
        }
        const ref = parts.length === 0 || !parts.every((p) => /^\d+$/.test(p)) ? undefined : parts.join('.');
        expect(codeOf(g, 0, cols.map((col) => ({ col, letter: 'A', header: 'Kode', role: 'code' as const })))).toBe(ref);
      }),
      { numRuns: 2000 },
    );
  });

  it('a phrase is found in prose exactly where the plain regex finds it (cached regex, substring pre-check)', () => {
    const vocab = ['anak', 'terlantar', 'balita', 'lanjut', 'usia', 'hiv', 'aids', 'kabupaten', 'kota', '2021'];
    const phrase = fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 3 });
    const prose = fc.array(fc.oneof(fc.constantFrom(...vocab, 'Anak', 'TERLANTAR', 'HIV/AIDS', 'Kabupaten/Kota', ', ', '. ', ' ', '-'), fc.string({ maxLength: 4 })), { maxLength: 25 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(prose, phrase, (text, words) => {
        const re = new RegExp(`(?<![a-z0-9])${words.join('[^a-z0-9]+')}(?![a-z0-9])`, 'g');
        const ref = [...text.toLowerCase().matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
        expect(findPhrase(text, words)).toEqual(ref);
        expect(findPhrase(text, words)).toEqual(ref); // again, from the cache
      }),
      { numRuns: 1000 },
    );
  });

  it('the total-label pre-check never changes the answer', () => {
    const TOTAL = /^(grand )?(total|jumlah|sub ?total|sub jumlah)\b/;
    const words = fc.constantFrom('Jumlah', 'JUMLAH', 'Total', 'Sub Total', 'subtotal', 'Grand Total', 'Jumláh', 'Ｊｕｍｌａｈ', 'Tōtal', 'jum-lah', 'Program', 'Kegiatan 1', '', ' ');
    const text = fc.oneof(words, fc.string(), fc.string({ unit: 'grapheme' }), fc.tuple(words, fc.string({ maxLength: 6 })).map(([a, b]) => a + b));
    fc.assert(fc.property(text, (t) => expect(isTotalLabel(t)).toBe(TOTAL.test(normalizeHeader(t)))), { numRuns: 2000 });
  });
});

describe('the exact percentage fast path', () => {
  const ref = (n: number, d: number, stored: number, pf: boolean, places: number) => {
    const cell = (pf ? new Decimal(stored).times(100) : new Decimal(stored)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    const expected = new Decimal(n).div(d).times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    return cell.eq(expected);
  };

  it('says "agrees" only when the Decimal check agrees, and does so for every stored rounding of the ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.integer({ min: -3, max: 3 }),
        (n, d, places, pf, nudge) => {
          // A stored value near the true ratio: exact, rounded the way Excel shows it, or a step off.
          const pct = (n / d) * 100 + nudge * 10 ** -places;
          const stored = pf ? pct / 100 : pct;
          const fast = percentAgrees(n, d, stored, pf, places);
          const slow = ref(n, d, stored, pf, places);
          if (fast === true) expect(slow).toBe(true);
          if (slow && stored >= 0 && !String(stored).includes('e')) expect(fast).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('IKU capaian: says "agrees" only when the Decimal check agrees, for decimal targets and both polarities', () => {
    const slow = (t: number, r: number, neg: boolean, stored: number, pf: boolean, places: number) => {
      const cell = (pf ? new Decimal(stored).times(100) : new Decimal(stored)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      const achieved = neg ? new Decimal(t).times(2).minus(r) : new Decimal(r);
      return cell.eq(achieved.times(100).div(t).toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
    };
    const figure = fc.tuple(fc.integer({ min: 0, max: 200000 }), fc.integer({ min: 0, max: 3 })).map(([m, d]) => Number((m / 10 ** d).toFixed(d)));
    let agreed = 0;
    fc.assert(
      fc.property(figure, figure, fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.integer({ min: -2, max: 2 }), (t, r, neg, places, pf, nudge) => {
        const pct = ((neg ? 2 * t - r : r) / t) * 100 + nudge * 10 ** -places;
        const stored = Number((pf ? pct / 100 : pct).toFixed(places + (pf ? 2 : 0)));
        const fast = capaianAgrees(t, r, neg, stored, pf, places);
        if (fast === true) {
          agreed++;
          expect(slow(t, r, neg, stored, pf, places)).toBe(true);
        }
        // Where the fast path can tell (positive figures, a target above 0), it tells every agreement.
        if (t > 0 && (neg ? 2 * t - r : r) >= 0 && stored >= 0 && !String(stored).includes('e') && slow(t, r, neg, stored, pf, places)) expect(fast).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(agreed).toBeGreaterThan(500);
    expect(capaianAgrees(80, 82.5, false, 103.13, false, 2)).toBe(true); // 103,125 -> 103,13 half up
    expect(capaianAgrees(80, 82.5, false, 103.12, false, 2)).toBeUndefined();
    expect(capaianAgrees(10, 8, true, 120, false, 0)).toBe(true); // lower is better: (20 - 8) / 10
    expect(capaianAgrees(0, 8, false, 0, false, 0)).toBeUndefined();
  });

  it('rounds half up at the boundary and reads the shortest decimal of the stored number', () => {
    expect(scaledRatio(1n, 8n, 1)).toBe(125n); // 12.5 % exactly, one place
    expect(scaledRatio(1n, 8n, 0)).toBe(13n); // 12.5 -> 13
    expect(scaledNumber(12.345, 2)).toBe(1235n);
    expect(scaledNumber(0.9682, 4)).toBe(9682n);
    expect(scaledNumber(1e-7, 2)).toBeUndefined();
    expect(scaledNumber(-1, 2)).toBeUndefined();
    expect(percentAgrees(1, 3, 33.33, false, 2)).toBe(true);
    expect(percentAgrees(1, 3, 33.34, false, 2)).toBeUndefined();
    expect(percentAgrees(2, 3, 0.6667, true, 2)).toBe(true);
  });
});
