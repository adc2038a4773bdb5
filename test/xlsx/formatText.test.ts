/** Displayed text of numbers (src/xlsx/formatText.ts). */
import fc from 'fast-check';
import * as SSF from 'ssf';
import { formatNumber } from '../../src/xlsx/formatText';

describe('whole numbers under the plainest formats (written without ssf)', () => {
  it('match ssf character for character', () => {
    const formats = ['0', '0.00', '#,##0', '#,##0.00'];
    const ints = fc.oneof(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: -(1e14 - 1), max: 1e14 - 1 }), fc.constantFrom(0, -0, 999, 1000, -1000, 999_999, 1_000_000, 1e14 - 1, -(1e14 - 1), 1e14, Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(ints, fc.constantFrom(...formats), (v, f) => {
        expect(formatNumber(v, f)).toBe(SSF.format(f, v).trim());
      }),
      { numRuns: 3000 },
    );
  });
});
