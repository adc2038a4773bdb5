import { readFileSync } from 'fs';
import { join } from 'path';
import { buildTableSpecs } from '../../src/core/tables/build';
import { sheetPlan } from '../../src/core/tables/sheetPlan';
import { TableOutputError, tableOutputOf } from '../../src/host/tableOutput';
import { cellContent, gridView, planCellCss } from '../../src/preview/gridModel';
import { PreviewHost } from '../../src/preview/PreviewHost';
import { coverRect, emptySheet, occupiedIn } from '../../src/preview/tableInsert';
import { copyRich, richClipboardAvailable, type ClipboardEnv } from '../../src/taskpane/clipboard';
import { outputName, tableFileBase } from '../../src/taskpane/download';
import { errorMessage } from '../../src/taskpane/errorMessages';

const NTT = readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'));

async function open(): Promise<PreviewHost> {
  const host = new PreviewHost({ lang: 'id', theme: 'light' });
  await host.openBuffer(new Uint8Array(NTT), 'dinsos-ntt-2021.xlsx');
  return host;
}

const shown = (host: PreviewHost, sheet: string) => {
  const s = host.getState().snapshot!.sheets.find((x) => x.name === sheet)!;
  return Object.fromEntries(gridView(s).cells.flat().filter((c) => c).map((c) => [c!.address, c!.text]));
};

describe('PreviewHost as the table output', () => {
  test('a new sheet with the PMKS table, shown in the grid as Indonesian Excel shows it', async () => {
    const host = await open();
    expect(tableOutputOf(host)).toBe(host);
    // With the accepted fixes: the totals are formulas again, and four lines sit under the table.
    const specs = buildTableSpecs(await host.readSnapshot(), { withFixes: true });
    const before = host.getState().snapshot!;
    const res = await host.insertTables([sheetPlan(specs[0])], 'new-sheet');
    expect(res).toEqual([{ id: 'pmks-Indikator 1 PMKS', sheet: 'Tabel PMKS', range: 'A1:I34' }]);
    const state = host.getState();
    expect(state.activeSheet).toBe('Tabel PMKS');
    expect(state.selected).toBeNull();
    expect(state.snapshot!.sheets.at(-1)!.name).toBe('Tabel PMKS');
    expect(before.sheets).toHaveLength(state.snapshot!.sheets.length - 1);
    const cells = shown(host, 'Tabel PMKS');
    expect(cells.C30).toBe('TOTAL');
    expect(cells.D30).toBe('2.579.089');
    expect(cells.G30).toBe('79,13');
    expect(cells.G13).toBe('Kewenangan Pusat');
    expect(cells.D8).toBe('1.595');
    expect(cells.A32).toMatch(/^Catatan: dengan perbaikan yang diterima, nilai berikut berbeda dari buku kerja: baris 'Tuna Susila'/);
    const sheet = state.snapshot!.sheets.at(-1)!;
    expect(cellContent(sheet, 'D30')).toBe('=SUM(D4:D29)');
    expect(sheet.merges).toContain('A4:A12');
    // Formats for the grid: the header grey and bold, the total row's thick top.
    const styles = state.styles['Tabel PMKS'];
    expect(styles.cells['2,4']).toMatchObject({ bold: true, fill: '#D9D9D9' });
    expect(planCellCss(styles.cells['29,3'], styles.edges['29,3'])).toMatchObject({ fontWeight: '700', borderTop: '2px solid currentColor', textAlign: 'right' });
    // The table's outer edges: the header's top and the first column's left line.
    expect(styles.edges['2,0']).toBe('tl');
    expect(styles.edges['2,4']).toBe('t');
    expect(styles.edges['5,0']).toBe('l');
    expect(styles.edges['5,4']).toBeUndefined();
    expect(planCellCss(styles.cells['2,4'], 't')).toMatchObject({ borderTop: '1px solid currentColor', backgroundColor: '#D9D9D9', color: '#000000' });
    expect(styles.widths[0]).toBe(40);

    // The same table again gets its own name; the workbook can be checked with it.
    const again = await host.insertTables([sheetPlan(specs[0])], 'new-sheet');
    expect(again[0].sheet).toBe('Tabel PMKS (2)');
  });

  test('at the selected cell; an occupied target is refused with nothing written', async () => {
    const host = await open();
    const specs = buildTableSpecs(await host.readSnapshot());
    await host.selectCell('APBD', 'C6');
    const v = host.getState().version;
    const e = await host.insertTables([sheetPlan(specs[1])], 'selection').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TableOutputError);
    expect(e).toMatchObject({ reason: 'target-not-empty', detail: { sheet: 'APBD', address: 'C6:E13' } });
    expect(errorMessage(e, 'id')).toBe(
      'Tabel tidak disisipkan: APBD!C6:E13 sudah berisi. Pilih sel kosong dengan ruang cukup di kanan dan bawahnya, atau sisipkan di lembar baru. Tidak ada sel yang diubah.',
    );
    expect(host.getState().version).toBe(v);

    await host.selectCell('APBD', 'H2');
    const res = await host.insertTables([sheetPlan(specs[1])], 'selection');
    expect(res).toEqual([{ id: 'spm-Indikator 2 SPM', sheet: 'APBD', range: 'H2:N11' }]);
    const apbd = host.getState().snapshot!.sheets.find((s) => s.name === 'APBD')!;
    // As it is: the workbook's TOTAL (866, where the rows add up to 918) is written as typed, not as a SUM.
    expect(cellContent(apbd, 'K9')).toBe('866');
    expect(apbd.valueTypes[8 - apbd.origin.row][10 - apbd.origin.col]).toBe('Double');
    expect(cellContent(apbd, 'M5')).toBe('=IF(K5=0,"-",L5/K5*100)');
    expect(cellContent(apbd, 'C6')).toBe(cellContent((await open()).getState().snapshot!.sheets.find((s) => s.name === 'APBD')!, 'C6'));
    expect(shown(host, 'APBD').K9).toBe('866');
    expect(shown(host, 'APBD').H10).toBe('Catatan: pemeriksaan menandai 2 nilai di tabel ini, yang ditulis seperti di buku kerja (lembar "Indikator 2 SPM": D8, E8).');
  });
});

describe('tableInsert helpers', () => {
  test('coverRect grows a sheet in every direction, keeping its cells', () => {
    const s = emptySheet('x');
    coverRect(s, { top: 2, left: 2, bottom: 3, right: 3 });
    s.values[0][0] = 5;
    s.valueTypes[0][0] = 'Double';
    coverRect(s, { top: 0, left: 0, bottom: 0, right: 0 });
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values[2][2]).toBe(5);
    expect(s.values).toHaveLength(4);
    expect(occupiedIn(s, { top: 0, left: 0, bottom: 1, right: 1 })).toBeNull();
    expect(occupiedIn(s, { top: 0, left: 0, bottom: 5, right: 5 })).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    s.merges.push('E5:F6');
    expect(occupiedIn(s, { top: 5, left: 5, bottom: 9, right: 9 })).toEqual({ top: 5, left: 5, bottom: 5, right: 5 });
  });
});

describe('copy for Word', () => {
  const blob = class {
    constructor(
      readonly parts: unknown[],
      readonly opts: { type: string },
    ) {}
  } as unknown as typeof Blob;

  test('writes text/html and text/plain in one ClipboardItem', async () => {
    const written: unknown[][] = [];
    class Item {
      constructor(readonly items: Record<string, Blob>) {}
    }
    const env: ClipboardEnv = { isSecureContext: true, Blob: blob, ClipboardItem: Item, navigator: { clipboard: { write: async (items) => void written.push(items) } } };
    expect(await copyRich('<table></table>', 'a\tb', env)).toEqual({ ok: true });
    const item = written[0][0] as Item;
    expect(Object.keys(item.items)).toEqual(['text/html', 'text/plain']);
    expect((item.items['text/html'] as unknown as { parts: unknown[] }).parts).toEqual(['<table></table>']);
  });

  test('says when the clipboard is unavailable, denied or fails, never throws', async () => {
    class Item {
      constructor(readonly items: Record<string, Blob>) {}
    }
    expect(await copyRich('h', 't', { Blob: blob })).toEqual({ ok: false, reason: 'unavailable' });
    expect(richClipboardAvailable({ Blob: blob, ClipboardItem: Item, navigator: { clipboard: {} } })).toBe(false);
    expect(richClipboardAvailable({ Blob: blob, ClipboardItem: Item, isSecureContext: false, navigator: { clipboard: { write: async () => undefined } } })).toBe(false);
    const framed: ClipboardEnv = { Blob: blob, ClipboardItem: Item, navigator: { clipboard: { write: async () => undefined } }, document: { permissionsPolicy: { allowsFeature: (f) => f !== 'clipboard-write' } } };
    expect(await copyRich('h', 't', framed)).toEqual({ ok: false, reason: 'unavailable' });
    const denied: ClipboardEnv = {
      Blob: blob,
      ClipboardItem: Item,
      navigator: { clipboard: { write: () => Promise.reject(Object.assign(new Error('Write permission denied.'), { name: 'NotAllowedError' })) } },
    };
    expect(await copyRich('h', 't', denied)).toMatchObject({ ok: false, reason: 'denied' });
    const broken: ClipboardEnv = { Blob: blob, ClipboardItem: Item, navigator: { clipboard: { write: () => Promise.reject(new TypeError('x')) } } };
    expect(await copyRich('h', 't', broken)).toMatchObject({ ok: false, reason: 'failed' });
  });
});

describe('messages and names', () => {
  test('a protected workbook structure says how to unprotect it', () => {
    expect(errorMessage(new TableOutputError('workbook-protected'), 'id')).toContain('Tinjau > Proteksi Buku Kerja');
    expect(errorMessage(new TableOutputError('workbook-protected'), 'en')).toContain('Review > Protect Workbook');
    expect(errorMessage(new TableOutputError('target-not-empty', { sheet: 'Indikator 1 PMKS', address: 'A1:C3' }), 'en')).toContain("'Indikator 1 PMKS'!A1:C3 already holds something");
  });

  test('download names', () => {
    expect(outputName('dinsos-ntt-2021.xlsx', 'docx')).toBe('dinsos-ntt-2021-tabel-lakip.docx');
    expect(outputName('', 'xlsx')).toBe('lakip-tabel-lakip.xlsx');
    expect(tableFileBase('pmks-Indikator 1 PMKS')).toBe('pmks-Indikator-1-PMKS');
    expect(tableFileBase('a/b:c')).toBe('a-b-c');
  });
});
