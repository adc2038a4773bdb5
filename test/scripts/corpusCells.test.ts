/** The corpus builder types printed numbers as staff would, and keeps everything else as printed. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { typedFromPrinted, cellFor } = require('../../scripts/corpus/cells.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scoreCase } = require('../../scripts/corpus/score.js');

describe('corpus cells', () => {
  it.each([
    ['11.720', 11720, '#,##0'],
    ['1.234.567,89', 1234567.89, '#,##0.00'],
    ['79,13', 79.13, '0.00'],
    ['96,82%', 0.9682, '0.00%'],
    ['Rp. 9.257.070.000,-', 9257070000, '"Rp"#,##0'],
    ['(1.234)', -1234, '#,##0;(#,##0)'],
  ])('%s is typed as %p with format %s', (text, value, numFmt) => {
    expect(typedFromPrinted(text)).toEqual({ value, numFmt });
  });

  it.each(['-', 'n/a', '78.94', '1.5277.858.386,00', '(1)', '0123', 'Tercapai'])('%s stays text', (text) => {
    expect(typedFromPrinted(text)).toBeNull();
    expect(cellFor(text, 'typed')).toEqual({ value: text, text: true });
  });

  it('keeps every string as text in a sheet pasted from Word', () => {
    expect(cellFor('11.720', 'text')).toEqual({ value: '11.720', text: true });
  });
});

describe('corpus scoring', () => {
  const c = {
    id: 'x',
    tables: [{ sheet: 'T', range: 'A1:D5', clean: true }],
    sentences: [],
    expect: [{ sheet: 'U', cell: 'B2', code: 'total-mismatch', severity: 'error', solid: true, why: 'w' }],
  };
  it('counts a solid entry found at its severity, and an error in a clean range as false', () => {
    const s = scoreCase(c, {
      findings: [
        { sheet: 'U', cell: 'B2', code: 'total-mismatch', severity: 'error' },
        { sheet: 'T', cell: 'C3', code: 'percent-mismatch', severity: 'error' },
        { sheet: 'T', cell: 'C4', code: 'not-checked', severity: 'info' },
      ],
    });
    expect([s.solidFound, s.falseErrors.length, s.unexplained.length]).toEqual([1, 1, 0]);
  });
  it('a finding below the key severity does not count as found', () => {
    const s = scoreCase(c, { findings: [{ sheet: 'U', cell: 'B2', code: 'total-mismatch', severity: 'info' }] });
    expect(s.missed).toHaveLength(1);
  });
});
