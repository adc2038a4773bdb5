import path from 'path';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { applyToSnapshot } from '../../../src/core/fixes/applyToSnapshot';
import { editFor, editsByFinding } from '../../../src/core/fixes/byFinding';
import { planConverging } from '../../../src/core/fixes/converge';
import type { Finding } from '../../../src/core/findings';
import { readWorkbookFile } from '../../../src/xlsx/readWorkbook';
import { book, sheet } from '../helpers/sheet';

const read = (name: string) => readWorkbookFile(path.join(__dirname, '../../../examples', name));
const mechanicallyFixable = (findings: Finding[]) =>
  findings.filter((f) => (f.fix && !f.fix.judgement) || f.group?.members.some((m) => m.fix && !m.fix.judgement)).map((f) => `${f.code} ${f.sheet}!${f.cell}`);

describe('one fix plan for the whole workbook', () => {
  it.each(['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'])('%s: applying the mechanical plan leaves nothing a mechanical fix could resolve, in one pass', async (name) => {
    const snap = await read(name);
    const plan = planConverging(snap, analyzeWorkbook(snap).findings);
    const mechanical = plan.edits.filter((e) => !e.judgement);
    const after = analyzeWorkbook(applyToSnapshot(snap, mechanical));
    expect(mechanicallyFixable(after.findings)).toEqual([]);
    // Undo restores the workbook exactly.
    const undone = applyToSnapshot(applyToSnapshot(snap, mechanical), mechanical.map((e) => ({ ...e, before: e.after, after: e.before })));
    expect(undone).toEqual(snap);
  });

  it('plans the Jumlah that equalled a wrong parent together with the parent', async () => {
    const snap = await read('dinsos-ntt-2021.xlsx');
    const plan = planConverging(snap, analyzeWorkbook(snap).findings);
    expect(plan.edits.filter((e) => e.followUp).map((e) => `${e.sheet}!${e.address}`)).toEqual(expect.arrayContaining(['APBD!C13', 'APBD!D13']));
  });

  it('keeps judgement fixes (a typed PMKS figure) flagged and plans nothing on top of them', async () => {
    const snap = await read('dinsos-ntt-2021.xlsx');
    const plan = planConverging(snap, analyzeWorkbook(snap).findings);
    const judged = plan.edits.filter((e) => e.judgement);
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.every((e) => e.finding.code === 'identity-mismatch')).toBe(true);
    // The total of the column a judgement would change is not re-planned for it.
    expect(plan.edits.some((e) => e.followUp && e.address === 'H30')).toBe(false);
  });

  it('on a consistent table the plan is empty', () => {
    const snap = book(
      sheet('APBD', [
        ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
        [1, 'Program A', 1000, 900, { f: 'D2/C2*100', v: 90 }],
        [2, 'Program B', 2000, 1500, { f: 'D3/C3*100', v: 75 }],
        [null, 'Jumlah', { f: 'SUM(C2:C3)', v: 3000 }, { f: 'SUM(D2:D3)', v: 2400 }, { f: 'D4/C4*100', v: 80 }],
      ]),
    );
    expect(planConverging(snap, analyzeWorkbook(snap).findings).edits).toEqual([]);
  });

  it('never plans a fix the office dismissed: the ignore list the workbook carries is honoured by every caller', async () => {
    const snap = await read('dinsos-ntt-2021.xlsx');
    const findings = analyzeWorkbook(snap).findings;
    const d8 = findings.find((f) => f.code === 'text-number' && f.cell === 'D8')!;
    const ignored = { ...snap, ignored: [{ code: d8.code, sheet: d8.sheet, cell: d8.cell, at: '2026-12-06T00:00:00Z' }] };
    const plan = planConverging(ignored, findings);
    expect(plan.edits.some((e) => e.sheet === d8.sheet && e.address === 'D8')).toBe(false);
    expect(planConverging(snap, findings).edits.some((e) => e.sheet === d8.sheet && e.address === 'D8')).toBe(true);
  });

  it('a fix a later pass rewrote is applied alone as its finding proposed; the whole plan writes the rewritten value', async () => {
    const snap = await read('dinsos-flotim-2020.xlsx');
    const findings = analyzeWorkbook(snap).findings;
    const plan = planConverging(snap, findings);
    const rewritten = plan.edits.filter((e) => e.alone);
    expect(rewritten.length).toBeGreaterThan(0);
    const index = editsByFinding(plan);
    for (const e of rewritten) {
      const f = findings.find((x) => x.sheet === e.sheet && x.cell === e.finding.cell && x.code === e.finding.code)!;
      const single = editFor(index, f)!;
      expect(single.after).toEqual(e.alone);
      expect(single.after).not.toEqual(e.after);
      // Alone, it makes its own finding go away on the workbook as it is.
      const after = analyzeWorkbook(applyToSnapshot(snap, [single])).findings;
      expect(after.some((x) => x.sheet === f.sheet && x.cell === f.cell && x.code === f.code)).toBe(false);
    }
  });
});

