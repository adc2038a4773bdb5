/** The reader's column store: every cell back as it went in, across block boundaries and the first block's growth. */
import { CellStore } from '../../../src/xlsx/read/cellStore';
import type { RawValue, ValueType } from '../../../src/core/snapshot';

test('values, types, styles and formulas come back by index across 40,000 cells', () => {
  const s = new CellStore();
  const kinds: [RawValue, ValueType][] = [
    [1.5, 'Double'],
    ['Anak', 'String'],
    [true, 'Boolean'],
    ['#DIV/0!', 'Error'],
    ['', 'Empty'],
    [-0.25, 'Double'],
    ['', 'String'],
  ];
  const n = 40_000;
  for (let i = 0; i < n; i++) {
    const [v, t] = kinds[i % kinds.length];
    s.push(i >> 3, i % 16_384, v, t, i % 7, i % 5 === 0 ? `=A${i}` : undefined);
  }
  expect(s.length).toBe(n);
  for (const i of [0, 1, 63, 64, 65, 127, 128, 16_383, 16_384, 16_385, 32_767, 32_768, n - 1]) {
    const [v, t] = kinds[i % kinds.length];
    expect([s.row(i), s.col(i), s.value(i), s.type(i), s.style(i), s.formulas.get(i)]).toEqual([i >> 3, i % 16_384, v, t, i % 7, i % 5 === 0 ? `=A${i}` : undefined]);
  }
});
