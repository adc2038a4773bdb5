import { LAYOUTS, layoutOf } from '../../../src/core/layouts';
import type { ColumnRole, TableKind } from '../../../src/core/model';
import { kindOf } from '../../../src/core/recognize/kind';

const KINDS: TableKind[] = ['pmks', 'spm', 'budget', 'belanja', 'iku', 'count'];
const cols = (...roles: ColumnRole[]) => roles.map((role, col) => ({ col, letter: String.fromCharCode(65 + col), header: role, role }));

describe('layout registry', () => {
  it('has one descriptor per table kind, each with its source', () => {
    expect(LAYOUTS.map((l) => l.kind).sort()).toEqual([...KINDS].sort());
    for (const k of KINDS) {
      expect(layoutOf(k).kind).toBe(k);
      expect(layoutOf(k).source.length).toBeGreaterThan(10);
    }
  });

  it('tries the specific layouts first', () => {
    expect(kindOf(cols('code', 'label', 'anggaran', 'realisasi', 'percent'))).toBe('belanja');
    expect(kindOf(cols('no', 'label', 'anggaran', 'realisasi', 'percent'))).toBe('budget');
    expect(kindOf(cols('label', 'populasi', 'kewenangan-prov', 'ditangani', 'percent'))).toBe('pmks');
    expect(kindOf(cols('label', 'populasi', 'ditangani', 'percent'))).toBe('spm');
    expect(kindOf(cols('label', 'target', 'realisasi', 'capaian'))).toBe('iku');
    expect(kindOf(cols('label', 'realisasi', 'capaian'))).toBe('iku');
    expect(kindOf(cols('label', 'count', 'count', 'jumlah'))).toBe('count');
    expect(kindOf(cols('label', 'text'))).toBeNull();
  });

  it('says what percentages divide, what adds up and where a zero divisor is a central-government matter', () => {
    expect(layoutOf('pmks').ratio).toEqual({ num: 'ditangani', den: 'kewenangan-prov' });
    expect(layoutOf('budget').ratio).toEqual({ num: 'realisasi', den: 'anggaran' });
    expect(layoutOf('iku').sums).toBe(false);
    expect(KINDS.filter((k) => layoutOf(k).pusat)).toEqual(['pmks']);
    expect(KINDS.filter((k) => layoutOf(k).build)).toEqual(['pmks', 'spm', 'budget', 'belanja', 'iku', 'count']);
  });
});
