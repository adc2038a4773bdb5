import Decimal from 'decimal.js';
import fc from 'fast-check';
import { parseA1 } from '../../../src/core/a1';
import { CellLookup, EvalResult, evaluateFormula } from '../../../src/core/formula/evaluate';

/** Lookup over a sparse map like { C8: 0, D8: 4 }; missing cells are empty. */
function cells(values: Record<string, number | string>): CellLookup {
  const byPos = new Map<string, Decimal>();
  for (const [ref, v] of Object.entries(values)) {
    const at = parseA1(ref);
    if (!at) throw new Error(`bad ref in test: ${ref}`);
    byPos.set(`${at.row},${at.col}`, new Decimal(v));
  }
  return (row, col) => byPos.get(`${row},${col}`) ?? null;
}

const none: CellLookup = () => null;

function value(formula: string, lookup: CellLookup = none): string {
  const r = evaluateFormula(formula, lookup);
  if (!r.ok) throw new Error(`${formula} => ${r.error}`);
  return r.value.toString();
}

function error(formula: string, lookup: CellLookup = none): string {
  const r = evaluateFormula(formula, lookup);
  if (r.ok) throw new Error(`${formula} => ${r.value.toString()}, expected an error`);
  return r.error;
}

// Dinas Sosial NTT 2021, sheet APBN: rows 8-11, columns C-F (jumlah pegawai).
const apbn = cells({
  C8: 0, D8: 0, E8: 0, F8: 0,
  C9: 0, D9: 0, E9: 4, F9: 1,
  C10: 0, D10: 6, E10: 9, F10: 0,
  C11: 2, D11: 0, E11: 3, F11: 0,
  E2: 7,
});

describe('evaluateFormula: values and references', () => {
  it.each([
    ['=1', '1'],
    ['=1.5', '1.5'],
    ['=.5', '0.5'],
    ['=1.', '1'],
    ['=1e3', '1000'],
    ['=2.5E-2', '0.025'],
    ['=0.1+0.2', '0.3'],
  ])('%s => %s', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it('reads references in every spelling', () => {
    const lookup = cells({ F4: 12.5 });
    expect(value('=F4', lookup)).toBe('12.5');
    expect(value('=$F$4', lookup)).toBe('12.5');
    expect(value('=$F4', lookup)).toBe('12.5');
    expect(value('=f4', lookup)).toBe('12.5');
  });

  it('reads columns beyond Z', () => {
    expect(value('=AA1+XFD1048576', cells({ AA1: 1, XFD1048576: 2 }))).toBe('3');
  });

  it('accepts the formula without the leading =', () => {
    expect(value('SUM(C9:F9)', apbn)).toBe('5');
  });

  it('ignores whitespace between tokens', () => {
    expect(value('= SUM( C9 : F9 ) * 2 ', apbn)).toBe('10');
  });
});

describe('evaluateFormula: arithmetic', () => {
  it.each([
    ['=1+2*3', '7'],
    ['=(1+2)*3', '9'],
    ['=10-4-3', '3'],
    ['=10/4/5', '0.5'],
    ['=2*3/4', '1.5'],
    ['=-2*3', '-6'],
    ['=2--3', '5'],
    ['=-(2+3)', '-5'],
    ['=+5', '5'],
    ['=5%', '0.05'],
    ['=50%*200', '100'],
    ['=-5%', '-0.05'],
    ['=(10+10)%', '0.2'],
    ['=200%%', '0.02'],
    ['=((((7))))', '7'],
  ])('%s => %s', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it('computes the NTT percentage formulas exactly', () => {
    // Indikator 1 PMKS, row 27 (Fakir Miskin): =F27/E27*100, Excel shows 78.94125659023682.
    const lookup = cells({ E27: 966202, F27: 762732 });
    const r = evaluateFormula('=F27/E27*100', lookup);
    expect(r.ok && r.value.toDecimalPlaces(10).toString()).toBe('78.9412565902');
    expect(value('=F4/E4*100', cells({ E4: 126, F4: 126 }))).toBe('100');
  });

  it('handles the Lotus-style =+A+B sums common in government workbooks', () => {
    expect(value('=+C10+D10+E10+F10', apbn)).toBe('15');
  });

  it('counts an empty cell as 0 in arithmetic', () => {
    expect(value('=A1+1')).toBe('1');
    expect(value('=A1*5')).toBe('0');
    expect(value('=-A1')).toBe('0');
  });

  it('reports division by zero, also by an empty cell', () => {
    // Indikator 1 PMKS, row 13 (Tuna Susila): kewenangan pusat, nothing handled.
    expect(error('=F13/E13*100', cells({ E13: 0, F13: 0 }))).toBe('#DIV/0!');
    expect(error('=1/A1')).toBe('#DIV/0!');
    expect(error('=1/(2-2)')).toBe('#DIV/0!');
    expect(value('=0/5')).toBe('0');
  });
});

describe('evaluateFormula: functions', () => {
  it('sums ranges like the APBN sheet', () => {
    expect(value('=SUM(C8:F8)', apbn)).toBe('0');
    expect(value('=SUM(C9:F9)', apbn)).toBe('5');
    expect(value('=SUM(C10:F10)', apbn)).toBe('15');
    expect(value('=SUM(C8:C11)', apbn)).toBe('2');
    expect(value('=SUM(E8:E11)', apbn)).toBe('16');
    expect(value('=SUM(C8:F11)', apbn)).toBe('25');
  });

  it('mixes ranges, references and numbers', () => {
    expect(value('=SUM(C8:C11,E2,3)', apbn)).toBe('12');
    expect(value('=SUM($C$8:$C$11, E9*2)', apbn)).toBe('10');
    expect(value('=sum(F11:C8)', apbn)).toBe('25');
  });

  it('skips empty cells in SUM, AVERAGE, MIN, MAX and COUNT', () => {
    const lookup = cells({ A1: 4, A3: 8 });
    expect(value('=SUM(A1:A3)', lookup)).toBe('12');
    expect(value('=AVERAGE(A1:A3)', lookup)).toBe('6');
    expect(value('=MIN(A1:A3)', lookup)).toBe('4');
    expect(value('=MAX(A1:A3)', lookup)).toBe('8');
    expect(value('=COUNT(A1:A3)', lookup)).toBe('2');
    expect(value('=COUNT(A2)', lookup)).toBe('0');
    expect(value('=SUM(A2)', lookup)).toBe('0');
  });

  it('follows Excel on functions with nothing to work on', () => {
    expect(error('=AVERAGE(A1:A3)')).toBe('#DIV/0!');
    expect(value('=MIN(A1:A3)')).toBe('0');
    expect(value('=MAX(A1:A3)')).toBe('0');
    expect(value('=SUM(A1:A3)')).toBe('0');
  });

  it('handles negatives in MIN and MAX', () => {
    expect(value('=MIN(-3,2,-7)')).toBe('-7');
    expect(value('=MAX(-3,-2,-7)')).toBe('-2');
  });

  it('nests functions', () => {
    expect(value('=SUM(C9:F9)/SUM(C8:F11)*100', apbn)).toBe('20');
    expect(value('=AVERAGE(SUM(1,2),MAX(4,5))')).toBe('4');
  });

  it('lets COUNT ignore error arguments, as Excel does', () => {
    expect(value('=COUNT(1/0,2,#REF!)')).toBe('1');
    expect(error('=SUM(1/0,2)')).toBe('#DIV/0!');
  });

  it('walks a whole-column range', () => {
    expect(value('=SUM(A1:A1048576)', cells({ A5: 1, A1048576: 2 }))).toBe('3');
  });
});

describe('evaluateFormula: error literals', () => {
  it('propagates the error values it can represent', () => {
    expect(error('=#REF!')).toBe('#REF!');
    expect(error('=#REF!+1')).toBe('#REF!');
    expect(error('=SUM(#REF!)')).toBe('#REF!');
    expect(error('=SUM(A1,#ref!)')).toBe('#REF!');
    expect(error('=#VALUE!*2')).toBe('#VALUE!');
    expect(error('=#DIV/0!')).toBe('#DIV/0!');
  });

  it('returns the first error from the left, like Excel', () => {
    expect(error('=1/0+#REF!')).toBe('#DIV/0!');
    expect(error('=#REF!+1/0')).toBe('#REF!');
  });
});

describe('evaluateFormula: unsupported', () => {
  it.each([
    '=IF(E4=0,"-",F4/E4*100)',
    '=IFERROR(F4/E4*100,0)',
    '=ROUND(A1,2)',
    '=Sheet2!A1',
    "='Tabel 3.1'!A1",
    '=SUM(Sheet2!A1:A3)',
    '="-"',
    '=A1&B1',
    '=2^3',
    '=A1=B1',
    '=A1>0',
    '=TRUE',
    '=NamaRange',
    '=A1:A3',
    '=A1:A3+1',
    '=SUM(A1:A3*2)',
    '=SUM((A1:A3))',
    '=SUM()',
    '=SUM(A1,,A2)',
    '=SUM(A1,)',
    '=SUM(A:A)',
    '=SUM(1:1)',
    '=SUM A1',
    '=A1 B1',
    '=XFE1',
    '=A0',
    '={1,2}',
    '=#N/A',
    '=#NAME?',
    '=@A1',
    '=1e999999999999999999',
    '=',
    '',
    '   ',
    '=(1',
    '=1)',
    '=1+',
    '=*2',
    '=1..2',
    '=1 2',
    '==1',
    '=5%%%x',
  ])('%j', (formula) => {
    expect(evaluateFormula(formula, none)).toEqual({ ok: false, error: 'unsupported' });
  });

  it('prefers unsupported over an evaluation error elsewhere in the formula', () => {
    expect(error('=1/0+IF(A1,1,2)')).toBe('unsupported');
  });

  it('refuses a range too large to walk instead of hanging', () => {
    expect(error('=SUM(A1:XFD1048576)')).toBe('unsupported');
  });
});

describe('evaluateFormula: robustness', () => {
  const ERRORS = ['#DIV/0!', '#REF!', '#VALUE!', 'unsupported'];

  function wellFormed(r: EvalResult): boolean {
    return r.ok ? Decimal.isDecimal(r.value) && r.value.isFinite() : ERRORS.includes(r.error);
  }

  it('survives deep nesting and long formulas', () => {
    expect(error('='.concat('('.repeat(10000), '1', ')'.repeat(10000)))).toBe('unsupported');
    expect(error('=' + '-'.repeat(100000) + '1')).toBe('unsupported');
    expect(value('=' + 'A1+'.repeat(2000) + 'A1', cells({ A1: 2 }))).toBe('4002');
    expect(value('=' + '('.repeat(60) + '1' + ')'.repeat(60))).toBe('1');
  });

  it('turns a throwing lookup into unsupported', () => {
    const boom: CellLookup = () => {
      throw new Error('boom');
    };
    expect(evaluateFormula('=A1+1', boom)).toEqual({ ok: false, error: 'unsupported' });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => wellFormed(evaluateFormula(s, none))),
      { numRuns: 2000 },
    );
  });

  it('never throws on formula-like strings', () => {
    const piece = fc.constantFrom(
      ...'0123456789.eE+-*/%(),:$#!"=&^<> '.split(''),
      'A1', 'B2', 'XFD1', 'SUM(', 'AVERAGE(', 'MIN(', 'MAX(', 'COUNT(', 'IF(',
      '#REF!', '#DIV/0!', '#VALUE!', 'Sheet2!', 'A1:B3', '1e308', '1e-400',
    );
    const lookup = cells({ A1: 3, B2: 0, B3: -1.5 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => wellFormed(evaluateFormula(parts.join(''), lookup))),
      { numRuns: 3000 },
    );
  });

  /**
   * Builds random + - * / % and unary-minus expressions over numbers and
   * cells, printed with only the parentheses precedence needs (plus a few
   * spare ones), together with the value Excel would give.
   */
  type Expr = { text: string; prec: number; value: Decimal | '#DIV/0!' };
  const ATOM = 5;
  const gridValues: Record<string, number> = { A1: 3, B2: 0, C3: -2.5, D4: 100 };
  const grid = cells(gridValues);

  const paren = (e: Expr, min: number): string => (e.prec >= min ? e.text : `(${e.text})`);

  const exprArb = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(
        fc.integer({ min: 0, max: 50 }).map((n): Expr => ({ text: String(n), prec: ATOM, value: new Decimal(n) })),
        fc.constantFrom('A1', 'B2', 'C3', 'D4', 'E5').map(
          (ref): Expr => ({ text: ref, prec: ATOM, value: new Decimal(gridValues[ref] ?? 0) }),
        ),
      ),
      fc.tuple(tie('expr'), tie('expr'), fc.constantFrom('+', '-', '*', '/')).map(([a, b, op]): Expr => {
        const prec = op === '+' || op === '-' ? 1 : 2;
        const text = `${paren(a, prec)}${op}${paren(b, prec + 1)}`;
        if (!Decimal.isDecimal(a.value)) return { text, prec, value: a.value };
        if (!Decimal.isDecimal(b.value)) return { text, prec, value: b.value };
        const x = a.value;
        const y = b.value;
        const value =
          op === '+' ? x.plus(y) : op === '-' ? x.minus(y) : op === '*' ? x.times(y) : y.isZero() ? '#DIV/0!' : x.div(y);
        return { text, prec, value };
      }),
      tie('expr').map((a): Expr => ({
        text: `-${paren(a, 3)}`,
        prec: 3,
        value: Decimal.isDecimal(a.value) ? a.value.neg() : a.value,
      })),
      tie('expr').map((a): Expr => ({
        text: `${paren(a, 4)}%`,
        prec: 4,
        value: Decimal.isDecimal(a.value) ? a.value.div(100) : a.value,
      })),
      tie('expr').map((a): Expr => ({ text: `(${a.text})`, prec: ATOM, value: a.value })),
    ),
  })).expr;

  it('agrees with a reference evaluation on random arithmetic', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const r = evaluateFormula(`=${e.text}`, grid);
        if (Decimal.isDecimal(e.value)) {
          expect(r.ok && r.value.eq(e.value)).toBe(true);
        } else {
          expect(r).toEqual({ ok: false, error: e.value });
        }
      }),
      { numRuns: 1000 },
    );
  });
});
