import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planConverging } from '../../src/core/fixes/converge';
import type { CellEdit } from '../../src/core/fixes/types';
import type { Finding } from '../../src/core/findings';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { chosenEdits, defaultChoice, dependentsAllowed, fixChoiceItems, itemId, writesProposal, type FixChoiceItem } from '../../src/taskpane/fixChoice';
import { fixAllEdits } from '../../src/taskpane/fixText';
import { rowLabelAt } from '../../src/taskpane/rowLabels';

async function ntt() {
  const snap = await readWorkbookBuffer(new Uint8Array(readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'))), 'dinsos-ntt-2021.xlsx');
  const report = analyzeWorkbook(snap, { lang: 'id' });
  const plan = planConverging(snap, report.findings, { lang: 'id' });
  return { report, plan, items: fixChoiceItems(plan, report.findings, report.tables) };
}

describe('fix-all choice on the NTT sample', () => {
  let items: FixChoiceItem[];
  let plan: Awaited<ReturnType<typeof ntt>>['plan'];
  beforeAll(async () => {
    ({ items, plan } = await ntt());
  });

  it('lists every planned edit, judgement ones too, with its kind, row label and reason', () => {
    expect(items.map((i) => i.edit)).toEqual(plan.edits);
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['mechanical', 'judgement', 'dependent']));
    const g13 = items.find((i) => i.edit.sheet === 'Indikator 1 PMKS' && i.edit.address === 'G13')!;
    expect(g13).toMatchObject({ kind: 'mechanical', rowLabel: 'Tuna Susila' });
    expect(g13.message).toContain('#DIV/0!');
    for (const i of items.filter((x) => x.kind === 'judgement')) {
      expect(i.edit.judgement).toBe(true);
      expect(i.message).toBeTruthy();
    }
    // Follow-ups have no finding of their own in this report: they carry no message, never a wrong one.
    for (const i of items.filter((x) => x.edit.followUp)) expect(i.message).toBeUndefined();
  });

  it('starts as "Perbaiki semua" always did: the mechanical edits and their follow-ups, no judgement', () => {
    const choice = defaultChoice(items);
    expect(dependentsAllowed(items, choice)).toBe(true);
    expect(chosenEdits(items, choice)).toEqual(fixAllEdits(plan));
  });

  it('an unticked mechanical edit holds back every dependent edit, and nothing else changes', () => {
    const choice = defaultChoice(items);
    const one = items.find((i) => i.kind === 'mechanical')!;
    const ticked = new Set(choice.ticked);
    ticked.delete(one.id);
    const next = { ...choice, ticked };
    expect(dependentsAllowed(items, next)).toBe(false);
    const edits = chosenEdits(items, next);
    expect(edits).not.toContain(one.edit);
    expect(edits.some((e) => items.find((i) => i.edit === e)!.kind === 'dependent')).toBe(false);
    expect(edits).toEqual(items.filter((i) => i.kind === 'mechanical' && i !== one).map((i) => i.edit));
  });

  it('a ticked judgement edit is applied, and holds back the dependents planned without it', () => {
    const choice = defaultChoice(items);
    const judged = items.find((i) => i.kind === 'judgement')!;
    const next = { ...choice, ticked: new Set([...choice.ticked, judged.id]) };
    expect(dependentsAllowed(items, next)).toBe(false);
    const edits = chosenEdits(items, next);
    expect(edits).toContain(judged.edit);
    expect(edits.filter((e) => items.find((i) => i.edit === e)!.kind === 'dependent')).toEqual([]);
  });

  it('the dependents can be left out on their own; a cleared choice writes nothing', () => {
    const choice = defaultChoice(items);
    expect(chosenEdits(items, { ...choice, dependents: false })).toEqual(items.filter((i) => i.kind === 'mechanical').map((i) => i.edit));
    expect(chosenEdits(items, { ticked: new Set(), dependents: true })).toEqual([]);
  });
});

describe('dependent edits: follow-ups and first-pass edits a later pass rewrote', () => {
  const finding = (cell: string, fix: Finding['fix']): Finding => ({ code: 'percent-mismatch', severity: 'error', sheet: 'S', cell, message: `pesan ${cell}`, fix });
  const edit = (address: string, after: CellEdit['after'], extra: Partial<CellEdit> = {}): CellEdit => ({
    sheet: 'S',
    address,
    before: { value: 1, numberFormat: '0.00' },
    after,
    finding: { code: 'percent-mismatch', cell: address },
    ...extra,
  });

  it('an edit whose after is not what its finding proposed is dependent', () => {
    const findings = [finding('A1', { kind: 'set-value', value: 31.58 }), finding('A2', { kind: 'set-value', value: 50 })];
    const plan = { edits: [edit('A1', { value: 31.58, numberFormat: '0.00' }), edit('A2', { value: 49.5, numberFormat: '0.00' }), edit('A3', { value: 7, numberFormat: '0.00' }, { followUp: true })], skipped: [] };
    const items = fixChoiceItems(plan, findings, []);
    expect(items.map((i) => i.kind)).toEqual(['mechanical', 'dependent', 'dependent']);
    expect(items[1].message).toBe('pesan A2');
    expect(items[0].id).toBe(itemId(plan.edits[0]));
  });

  it('a grouped finding: each member cell is matched with its own proposal', () => {
    const f: Finding = {
      code: 'text-number',
      severity: 'warning',
      sheet: 'S',
      cell: 'B2',
      message: 'angka sebagai teks',
      params: { label: 'Anak Terlantar' },
      fix: { kind: 'convert-text-number', value: 1595 },
      group: { count: 2, members: [{ cell: 'B2', fix: { kind: 'convert-text-number', value: 1595 } }, { cell: 'B3', fix: { kind: 'convert-text-number', value: 12 } }] },
    };
    const e = (address: string, value: number): CellEdit => ({ sheet: 'S', address, before: { value: String(value), numberFormat: '@' }, after: { value, numberFormat: '#,##0' }, finding: { code: 'text-number', cell: address } });
    const items = fixChoiceItems({ edits: [e('B2', 1595), e('B3', 12)], skipped: [] }, [f], []);
    expect(items.map((i) => [i.kind, i.message, i.rowLabel])).toEqual([
      ['mechanical', 'angka sebagai teks', 'Anak Terlantar'],
      ['mechanical', 'angka sebagai teks', 'Anak Terlantar'],
    ]);
  });

  it('writesProposal compares content, not the number format the planner picked', () => {
    const e = edit('A1', { value: '', formula: '=SUM(A2:A9)', numberFormat: '#,##0' });
    expect(writesProposal(e, { kind: 'set-formula', value: '=SUM(A2:A9)' })).toBe(true);
    expect(writesProposal(e, { kind: 'set-formula', value: '=SUM(A2:A8)' })).toBe(false);
    expect(writesProposal(edit('A1', { value: 'Kewenangan Pusat', numberFormat: 'General' }), { kind: 'set-text', value: 'Kewenangan Pusat' })).toBe(true);
    expect(writesProposal(edit('A1', { value: 12, numberFormat: 'General' }), undefined)).toBe(false);
  });
});

describe('rowLabelAt', () => {
  const tables = [{ sheet: 'APBD', range: 'A5:E13', rows: [{ row: 10, role: 'item' as const, label: 'Program Perlindungan dan Jaminan Sosial' }, { row: 11, role: 'item' as const, label: ' ' }] }];
  it('names the row of a cell inside a recognised table, nothing outside or on an unlabelled row', () => {
    expect(rowLabelAt(tables, 'APBD', 'E11')).toBe('Program Perlindungan dan Jaminan Sosial');
    expect(rowLabelAt(tables, 'APBD', '$e$11')).toBe('Program Perlindungan dan Jaminan Sosial');
    expect(rowLabelAt(tables, 'APBD', 'F11')).toBeUndefined();
    expect(rowLabelAt(tables, 'APBN', 'E11')).toBeUndefined();
    expect(rowLabelAt(tables, 'APBD', 'E12')).toBeUndefined();
    expect(rowLabelAt(tables, 'APBD', 'bukan')).toBeUndefined();
  });
});
