import { ignoreEntry } from '../../src/core/ignore';
import { encodeIgnoreList, IGNORE_NAMESPACE } from '../../src/core/ignoreCodec';
import { REVERT_LOG_NAMESPACE } from '../../src/excel/revertLog';
import { loadIgnoreList, saveIgnoreList } from '../../src/excel/ignoreStore';
import { HostError } from '../../src/host/types';
import { FakeExcel } from './fakeExcel';
import { sheetFrom } from './generate';

const AT = '2026-12-06T08:00:00.000Z';
const entry = (cell: string, reason?: string) =>
  ignoreEntry({ code: 'total-mismatch', severity: 'error', sheet: 'PMKS', cell, message: 'Jumlah tidak sesuai' }, AT, reason);

function fake() {
  return new FakeExcel({ sheets: [sheetFrom('PMKS', [{ row: 0, col: 0, value: 1 }])] });
}

describe('ignore list in the workbook', () => {
  it('nothing stored: empty, in one sync', async () => {
    const f = fake();
    expect(await loadIgnoreList(f.context)).toEqual([]);
    expect(f.syncCount).toBe(1);
  });

  it('saves one part in our namespace and reads it back in two syncs', async () => {
    const f = fake();
    await saveIgnoreList(f.context, [entry('D30', 'data BPS'), entry('E30')]);
    expect(f.parts.filter((p) => p.namespaceUri === IGNORE_NAMESPACE)).toHaveLength(1);
    const start = f.syncCount;
    const list = await loadIgnoreList(f.context);
    expect(f.syncCount - start).toBe(2);
    expect(list.map((e) => [e.cell, e.reason])).toEqual([
      ['D30', 'data BPS'],
      ['E30', undefined],
    ]);
  });

  it('every save replaces the list whole; an empty list leaves no part; the revert log is untouched', async () => {
    const f = fake();
    f.context.workbook.customXmlParts.add(`<revertLog xmlns="${REVERT_LOG_NAMESPACE}" version="1" created="x"><entries>[]</entries></revertLog>`);
    await f.context.sync();
    await saveIgnoreList(f.context, [entry('D30')]);
    await saveIgnoreList(f.context, [entry('E30')]);
    expect((await loadIgnoreList(f.context)).map((e) => e.cell)).toEqual(['E30']);
    await saveIgnoreList(f.context, []);
    expect(f.parts.filter((p) => p.namespaceUri === IGNORE_NAMESPACE)).toHaveLength(0);
    expect(f.parts.filter((p) => p.namespaceUri === REVERT_LOG_NAMESPACE)).toHaveLength(1);
  });

  it('a damaged part is skipped; the others are read', async () => {
    const f = fake();
    f.context.workbook.customXmlParts.add(encodeIgnoreList([entry('D30')]).replace('[{', '[{{'));
    f.context.workbook.customXmlParts.add(encodeIgnoreList([entry('E30')]));
    await f.context.sync();
    expect((await loadIgnoreList(f.context)).map((e) => e.cell)).toEqual(['E30']);
  });

  it('a save that fails leaves the stored list readable, and says so', async () => {
    const f = fake();
    await saveIgnoreList(f.context, [entry('D30')]);
    f.failAt('xml:add', 'GeneralException');
    await expect(saveIgnoreList(f.context, [entry('E30')])).rejects.toBeInstanceOf(HostError);
    expect((await loadIgnoreList(f.context)).map((e) => e.cell)).toContain('D30');
  });

  it('a list too large for one request is refused before anything is written', async () => {
    const f = fake();
    const many = Array.from({ length: 40_000 }, (_, i) => entry(`D${i + 1}`, 'x'.repeat(20)));
    const e = await saveIgnoreList(f.context, many).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe('too-large');
    expect(f.parts).toHaveLength(0);
  });
});
