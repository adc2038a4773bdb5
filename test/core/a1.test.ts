import fc from 'fast-check';
import { columnLetter, MAX_COLS, MAX_ROWS, parseA1, parseRange, toA1 } from '../../src/core/a1';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i => %s', (col, letter) => {
    expect(columnLetter(col)).toBe(letter);
  });

  it('rejects negative and fractional columns', () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnLetter(Number.NaN)).toThrow(RangeError);
  });
});

describe('toA1', () => {
  it('is 0-based in, 1-based out', () => {
    expect(toA1(0, 0)).toBe('A1');
    expect(toA1(3, 5)).toBe('F4');
    expect(toA1(11, 26)).toBe('AA12');
    expect(toA1(MAX_ROWS - 1, MAX_COLS - 1)).toBe('XFD1048576');
  });

  it('rejects a negative row', () => {
    expect(() => toA1(-1, 0)).toThrow(RangeError);
  });
});

describe('parseA1', () => {
  it.each([
    ['A1', 0, 0],
    ['F4', 3, 5],
    ['$F$4', 3, 5],
    ['$F4', 3, 5],
    ['F$4', 3, 5],
    ['f4', 3, 5],
    ['AA12', 11, 26],
    ['az1', 0, 51],
    ['XFD1048576', 1048575, 16383],
  ])('%s', (ref, row, col) => {
    expect(parseA1(ref)).toEqual({ row, col });
  });

  it.each(['', 'A', '4', 'A0', '1A', 'A1:B2', 'Sheet1!A1', ' A1', 'A1 ', 'XFE1', 'A1048577', 'ABCD1', 'A-1', '$$A1', 'A1.5'])(
    'rejects %j',
    (ref) => {
      expect(parseA1(ref)).toBeNull();
    },
  );

  it('round-trips with toA1 over the whole grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROWS - 1 }), fc.integer({ min: 0, max: MAX_COLS - 1 }), (row, col) => {
        expect(parseA1(toA1(row, col))).toEqual({ row, col });
      }),
    );
  });
});

describe('parseRange', () => {
  it('parses a merge-style range', () => {
    expect(parseRange('A4:A12')).toEqual({ top: 3, left: 0, bottom: 11, right: 0 });
    expect(parseRange('$C$8:$F$8')).toEqual({ top: 7, left: 2, bottom: 7, right: 5 });
  });

  it('treats a single cell as a 1x1 range', () => {
    expect(parseRange('A4')).toEqual({ top: 3, left: 0, bottom: 3, right: 0 });
  });

  it('normalises reversed corners', () => {
    expect(parseRange('F8:C2')).toEqual({ top: 1, left: 2, bottom: 7, right: 5 });
  });

  it.each(['', 'A4:', ':A4', 'A4:B5:C6', 'A:A', '1:1', 'Sheet1!A1:B2'])('rejects %j', (a1) => {
    expect(parseRange(a1)).toBeNull();
  });
});
