import { analyzeWorkbook } from '../../src/core/analyze';
import type { Finding } from '../../src/core/findings';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { fixableFindings, ignoreEntry, IgnoreList, partitionIgnored, withIgnored, withoutIgnored } from '../../src/core/ignore';
import { decodeIgnoreList, encodeIgnoreList, isIgnoreListXml } from '../../src/core/ignoreCodec';

const AT = '2026-12-06T08:00:00.000Z';

function finding(over: Partial<Finding> = {}): Finding {
  return { code: 'total-mismatch', severity: 'error', sheet: 'PMKS', cell: 'D30', message: 'Jumlah tidak sesuai', ...over };
}

describe('ignore list', () => {
  it('a finding ignored by code, sheet and cell stays ignored whatever its wording or figures', () => {
    const entries = [ignoreEntry(finding({ actual: '100' }), AT, 'sudah dikonfirmasi BPS')];
    const again = finding({ actual: '120', message: 'Total does not add up' });
    const { shown, ignored } = partitionIgnored([again, finding({ cell: 'E30' })], entries);
    expect(ignored).toEqual([again]);
    expect(shown.map((f) => f.cell)).toEqual(['E30']);
    expect(new IgnoreList(entries).entryFor(again)?.reason).toBe('sudah dikonfirmasi BPS');
  });

  it('another code on the same cell is not ignored', () => {
    const entries = [ignoreEntry(finding(), AT)];
    expect(partitionIgnored([finding({ code: 'percent-mismatch' })], entries).shown).toHaveLength(1);
  });

  it('absolute references and lower case name the same cell', () => {
    const entries = [ignoreEntry(finding({ cell: '$d$30' }), AT)];
    expect(entries[0].cell).toBe('D30');
    expect(partitionIgnored([finding()], entries).ignored).toHaveLength(1);
  });

  it('a group stays ignored while it covers only ignored cells; a new cell brings it back with only that cell to fix', () => {
    const member = (cell: string) => ({ cell, fix: { kind: 'convert-text-number' as const, value: 1 } });
    const group = finding({ code: 'text-number', cell: 'D8', group: { count: 2, members: [member('D8'), member('D9')] } });
    const entries = [ignoreEntry(group, AT)];
    expect(entries[0].members).toEqual(['D8', 'D9']);
    // The first cell fixed by hand: the group now starts at D9, still all ignored.
    expect(partitionIgnored([finding({ code: 'text-number', cell: 'D9' })], entries).ignored).toHaveLength(1);
    const grown = finding({ code: 'text-number', cell: 'D8', group: { count: 3, members: [member('D8'), member('D9'), member('D10')] } });
    expect(partitionIgnored([grown], entries).shown).toEqual([grown]);
    const fixable = fixableFindings([grown], entries);
    expect(fixable[0].group?.members.map((m) => m.cell)).toEqual(['D10']);
    expect(fixable[0].group?.count).toBe(1);
  });

  it('prose read from a file is named by the file name and paragraph, not the folder', () => {
    const prose = finding({ code: 'narrative-mismatch', sheet: '', cell: 'A1', source: { file: '/home/a/laporan.docx', paragraph: 12 } });
    const entries = [ignoreEntry(prose, AT)];
    expect(entries[0].source).toEqual({ file: 'laporan.docx', paragraph: 12 });
    expect(partitionIgnored([{ ...prose, source: { file: 'C:\\x\\laporan.docx', paragraph: 12 } }], entries).ignored).toHaveLength(1);
    expect(partitionIgnored([{ ...prose, source: { file: 'laporan.docx', paragraph: 13 } }], entries).shown).toHaveLength(1);
  });

  it('adding twice keeps one entry (the newer reason); removing shows the finding again', () => {
    let entries = withIgnored([], ignoreEntry(finding(), AT, 'a'));
    entries = withIgnored(entries, ignoreEntry(finding(), AT, 'b'));
    expect(entries).toHaveLength(1);
    expect(entries[0].reason).toBe('b');
    entries = withoutIgnored(entries, finding());
    expect(partitionIgnored([finding()], entries).shown).toHaveLength(1);
  });

  it('a blank reason is not stored', () => {
    expect(ignoreEntry(finding(), AT, '   ').reason).toBeUndefined();
  });

  it('on a real check: ignoring every finding leaves nothing to fix', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'SPM',
          visibility: 'Visible' as const,
          origin: { row: 0, col: 0 },
          values: [['No', 'Jenis', 'Jumlah'], [1, 'Anak', 10], [2, 'Lansia', 20], ['', 'Jumlah', 31]],
          text: [['No', 'Jenis', 'Jumlah'], ['1', 'Anak', '10'], ['2', 'Lansia', '20'], ['', 'Jumlah', '31']],
          formulas: [['', '', ''], ['', '', ''], ['', '', ''], ['', '', '']],
          numberFormat: Array.from({ length: 4 }, () => ['General', 'General', 'General']),
          valueTypes: [['String', 'String', 'String'], ['Double', 'String', 'Double'], ['Double', 'String', 'Double'], ['Empty', 'String', 'Double']],
          merges: [],
          hiddenRows: [],
        },
      ],
    };
    const findings = analyzeWorkbook(snapshot).findings;
    expect(findings.some((f) => f.code === 'total-mismatch')).toBe(true);
    const entries = findings.map((f) => ignoreEntry(f, AT));
    expect(fixableFindings(findings, entries)).toEqual([]);
  });
});

describe('ignore list part', () => {
  it('round-trips entries, reasons with markup and characters XML forbids', () => {
    const entries = [ignoreEntry(finding(), AT, 'a < b & "c" \uFFFE'), ignoreEntry(finding({ cell: 'E30' }), AT)];
    const xml = encodeIgnoreList(entries);
    expect(isIgnoreListXml(xml)).toBe(true);
    expect(decodeIgnoreList(xml)).toEqual(entries);
  });

  it('reads the part as Excel may hand it back: declaration, prefix, CDATA', () => {
    const json = JSON.stringify([ignoreEntry(finding(), AT, 'ok')]);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><l:ignoreList xmlns:l="urn:lakip:ignore-list:1" version="1"><l:entries><![CDATA[${json}]]></l:entries></l:ignoreList>`;
    expect(decodeIgnoreList(xml)[0].reason).toBe('ok');
  });

  it('leaves out an entry it cannot read instead of losing the whole list', () => {
    const good = ignoreEntry(finding(), AT);
    const xml = encodeIgnoreList([good]).replace('[{', '[{"code":1},{');
    expect(decodeIgnoreList(xml)).toEqual([good]);
  });

  it('refuses a part that is not an ignore list or whose JSON is broken', () => {
    expect(() => decodeIgnoreList('<revertLog xmlns="urn:lakip:revert-log:1"><entries>[]</entries></revertLog>')).toThrow();
    expect(() => decodeIgnoreList(encodeIgnoreList([]).replace('[]', '[{'))).toThrow();
  });
});
