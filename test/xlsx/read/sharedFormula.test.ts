/** Shared formulas expanded for each cell as Excel expands them. */
import { shiftFormula } from '../../../src/xlsx/read/sharedFormula';

describe('shiftFormula', () => {
  it('moves relative references and keeps absolute parts', () => {
    expect(shiftFormula('D5/C5', 1, 0)).toBe('D6/C6');
    expect(shiftFormula('SUM(C2:C9)', 0, 1)).toBe('SUM(D2:D9)');
    expect(shiftFormula('$C5*D$2+$E$3', 2, 1)).toBe('$C7*E$2+$E$3');
    expect(shiftFormula('IFERROR(D5/C5,0)*100', 3, 0)).toBe('IFERROR(D8/C8,0)*100');
  });

  it('leaves function names, strings and quoted sheet names alone', () => {
    expect(shiftFormula('LOG10(A1)+ATAN2(B1,C1)', 1, 0)).toBe('LOG10(A2)+ATAN2(B2,C2)');
    expect(shiftFormula('IF(A1="B2","C3",D4)', 1, 1)).toBe('IF(B2="B2","C3",E5)');
    expect(shiftFormula("'Data 2021'!A1+'It''s B2'!C3", 1, 0)).toBe("'Data 2021'!A2+'It''s B2'!C4");
    expect(shiftFormula('Sheet1!A1+_xlfn.STDEV.S(B1:B3)', 1, 0)).toBe('Sheet1!A2+_xlfn.STDEV.S(B2:B4)');
  });

  it('moves whole-column and whole-row ranges, and gives #REF! off the sheet', () => {
    expect(shiftFormula('SUM(A:A)', 5, 1)).toBe('SUM(B:B)');
    expect(shiftFormula('SUM(3:4)', 2, 0)).toBe('SUM(5:6)');
    expect(shiftFormula('A2-1', -2, 0)).toBe('#REF!-1');
    expect(shiftFormula('A1', 0, 0)).toBe('A1');
  });
});
