import { readNumeric } from '../../src/core/cells';
import { Grid } from '../../src/core/grid';
import { sheet } from './helpers/sheet';

/** One row of typical cells as staff type them, read the way the checks read them. */
const grid = new Grid(
  sheet('Angka', [
    [
      '201,667',
      '1.595',
      '6.353.928.630,80',
      '79,13',
      '78.94',
      'Rp.9.257.070.000,-',
      '(1.234)',
      '-',
      { n: 0, fmt: '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', text: '-' },
      { err: '#DIV/0!', f: 'F1/E1*100' },
      { f: 'SUM(H2:I2)' },
      { n: 0.9682, fmt: '0.00%' },
      'APBN',
      '\u2212 5',
      '1\u00a0595',
    ],
    [null, null, null, null, null, null, null, 4, 6],
  ]),
);
const at = (col: number, hint: 'integer' | 'decimal' | undefined = 'integer') => readNumeric(grid, 0, col, hint);

describe('reading figures from cells', () => {
  it('reads Indonesian and English formats stored as text', () => {
    expect([at(0), at(1), at(2), at(5), at(6)].map((c) => [c.state, c.value?.toFixed()])).toEqual([
      ['text-number', '201667'],
      ['text-number', '1595'],
      ['text-number', '6353928630.8'],
      ['text-number', '9257070000'],
      ['text-number', '-1234'],
    ]);
    expect([at(3, 'decimal'), at(4, 'decimal')].map((c) => [c.value?.toFixed(), c.decimals])).toEqual([
      ['79.13', 2],
      ['78.94', 2],
    ]);
  });

  it('leaves 1.595 open when the column gives no hint', () => {
    const c = readNumeric(grid, 0, 1, undefined);
    expect(c.state).toBe('ambiguous');
    expect(c.value?.toFixed()).toBe('1595');
    expect(c.alternative?.toFixed()).toBe('1.595');
  });

  it('reads a dash as zero that SUM would not count, and a zero shown as a dash as a number', () => {
    expect([at(7).state, at(7).value?.toFixed(), at(7).sumValue]).toEqual(['dash', '0', null]);
    expect([at(8).state, at(8).sumValue?.toFixed()]).toEqual(['dash', '0']);
  });

  it('tells errors, uncalculated formulas, Excel percentages and plain text apart', () => {
    expect(at(9)).toMatchObject({ state: 'error', error: '#DIV/0!', formula: '=F1/E1*100' });
    expect([at(10).state, at(10).value?.toFixed()]).toEqual(['uncalculated', '10']);
    expect([at(11).state, at(11).value?.toFixed(), at(11).decimals, at(11).percentFormat]).toEqual(['number', '96.82', 2, true]);
    expect(at(12).state).toBe('text');
  });

  it('copes with unicode minus and non-breaking spaces', () => {
    expect(at(13).value?.toFixed()).toBe('-5');
    expect(at(14).value?.toFixed()).toBe('1595');
  });
});
