import Decimal from 'decimal.js';
import { parseRange } from '../a1';
import { TableContext } from '../checks/context';
import { Grid } from '../grid';
import { computeCapaian, guessPolarity } from '../iku/capaian';
import { predikatFor } from '../iku/scales';
import type { ColumnRole, PredikatScale, RecognizedTable, TableColumn } from '../model';
import { formatNumber } from '../numbers/parse';
import { settle } from './typed';
import type { SpecCell, SpecCellKind, SpecRow, TableSpec, TableSpecKind } from './types';

const ZERO = new Decimal(0);

export function num(v: Decimal, kind: SpecCellKind, decimals = kind === 'money' && !v.isInteger() ? 2 : 0): SpecCell {
  // Counts of zero print as '-' in these reports; money and percentages print the number.
  const text = kind === 'count' && v.isZero() ? '-' : formatNumber(v, 'id', decimals);
  return { text, value: v.toNumber(), kind, decimals, align: 'right' };
}

function pct(n: Decimal, d: Decimal): Decimal {
  return n.div(d).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function text(t: string, kind: SpecCellKind = 'text', extra: Partial<SpecCell> = {}): SpecCell {
  return { text: t, kind, ...extra };
}

export function header(t: string, extra: Partial<SpecCell> = {}): SpecCell {
  return { text: t, kind: 'text', bold: true, align: 'center', ...extra };
}

export function sourceLine(grid: Grid, table: RecognizedTable): string {
  const r = parseRange(table.range)!;
  for (let row = r.bottom + 1; row <= Math.min(r.bottom + 3, grid.bottom); row++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const t = grid.textAt(row, c);
      if (/^sumber\s*:/i.test(t)) return t;
    }
  }
  return `Sumber: lembar "${table.sheet}", diolah kembali (LAKIP).`;
}

export function titleLines(table: RecognizedTable, fallback: string): string[] {
  const lines = table.title ? table.title.split(' / ').map((x) => x.trim()).filter(Boolean) : [];
  return lines.length ? lines : [fallback];
}

export const LABELS: Record<TableSpecKind, string> = {
  capaian: 'Capaian Kinerja',
  anggaran: 'Realisasi Anggaran',
  pmks: 'Penanganan PMKS',
  spm: 'Pencapaian SPM',
  belanja: 'Realisasi Belanja per Kode Rekening',
  count: 'Rekapitulasi Jumlah',
};

/** What a report-table builder reads: the table in its context, the predikat scale and the Kewenangan Pusat marker. */
export interface SpecContext {
  ctx: TableContext;
  scale: PredikatScale | undefined;
  marker: string;
}


/** Value of a figure cell as the checks read it; dashes and blanks are zero. */
function v(c: SpecContext, row: number, col: TableColumn | undefined): Decimal {
  if (!col) return ZERO;
  return c.ctx.value(row, col.col) ?? ZERO;
}

export function topLevel(table: RecognizedTable): number[] {
  return table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.parentRow === undefined && (r.role === 'item' || r.role === 'parent')).map(({ i }) => i);
}

/** PMKS (Indikator 1) and SPM (Indikator 2): counts, the % recomputed, 'Kewenangan Pusat' where the province has no share. */
export function peopleSpec(c: SpecContext, kind: 'pmks' | 'spm'): TableSpec {
  const { ctx } = c;
  const t = ctx.table;
  const cols = t.columns.filter((k) => k.role !== 'sumber-dana');
  const numRole: ColumnRole = 'ditangani';
  const denRole: ColumnRole = kind === 'pmks' ? 'kewenangan-prov' : 'populasi';
  const ni = cols.findIndex((x) => x.role === numRole);
  const di = cols.findIndex((x) => x.role === denRole);
  const marker = kind === 'pmks' ? c.marker : '-';
  const items = t.rows.filter((r) => r.role === 'item');
  const body: SpecRow[] = [];
  const sums = new Map<number, Decimal>();
  // Sums and % are taken from what the table shows, so an inserted formula gives the same figure.
  const shown = (cell: SpecCell) => new Decimal(typeof cell.value === 'number' ? cell.value : 0);
  for (const r of items) {
    const figures = new Map<number, SpecCell>();
    const figure = (k: TableColumn): SpecCell => {
      let f = figures.get(k.col);
      if (!f) figures.set(k.col, (f = settle(ctx, num(v(c, r.row, k), 'count'), r.row, k.col, 'count')));
      return f;
    };
    const cells = cols.flatMap((k): SpecCell[] => {
      if (k.role === 'indikator') {
        // The indicator text is merged over its rows; the report repeats it after a page break, so it spans each merge.
        const m = ctx.grid.merge(r.row, k.col);
        if (m && m.top !== r.row) return [];
        const span = m ? items.filter((x) => x.row >= m.top && x.row <= m.bottom).length : 1;
        return [text(ctx.grid.textAt(r.row, k.col, true), 'text', { rowSpan: span > 1 ? span : undefined })];
      }
      return [cell(k)];
    });
    function cell(k: TableColumn): SpecCell {
      if (k.role === 'no') return text(r.no ?? '', 'no', { align: 'center' });
      if (k.role === 'label') return text(r.label);
      if (k.role === 'keterangan') return text(ctx.grid.textAt(r.row, k.col));
      if (k.role === 'percent') {
        const numCol = cols[ni];
        const denCol = cols[di];
        const num0 = numCol ? shown(figure(numCol)) : ZERO;
        const den = denCol ? shown(figure(denCol)) : ZERO;
        const formula = { kind: 'ratio' as const, num: ni, den: di, marker };
        const computed = den.isZero() ? text(marker, 'marker', { align: 'center', formula }) : { ...num(pct(num0, den), 'percent', 2), formula };
        return settle(ctx, computed, r.row, k.col, 'percent');
      }
      const f = figure(k);
      sums.set(k.col, (sums.get(k.col) ?? ZERO).plus(shown(f)));
      return f;
    }
    body.push({ role: 'item', cells });
  }
  const rowsIdx = body.map((_, i) => i);
  const n = sums.get(ctx.col(numRole)?.col ?? -1) ?? ZERO;
  const d = sums.get(ctx.col(denRole)?.col ?? -1) ?? ZERO;
  const labelAt = cols.findIndex((k) => k.role === 'label');
  const typedTotal = t.rows.find((r) => r.role === 'total');
  const total = cols.map((k, i): SpecCell => {
    if (i === labelAt) return text(typedTotal?.label || 'TOTAL', 'text', { bold: true });
    if (k.role === 'indikator') return text('');
    if (k.role === 'percent') {
      const computed = d.isZero() ? text('-', 'marker', { bold: true }) : { ...num(pct(n, d), 'percent', 2), bold: true, formula: { kind: 'ratio' as const, num: ni, den: di } };
      return settle(ctx, computed, typedTotal?.row, k.col, 'percent');
    }
    if (k.role === 'no' || k.role === 'keterangan') return text('');
    return settle(ctx, { ...num(sums.get(k.col) ?? ZERO, 'count'), bold: true, formula: { kind: 'sum', rows: rowsIdx } }, typedTotal?.row, k.col, 'count');
  });
  body.push({ role: 'total', cells: total });
  // The marker is explained only where the table shows it (as is, the workbook may still show #DIV/0!).
  const showsMarker = kind === 'pmks' && body.some((row) => row.role === 'item' && row.cells.some((x) => x.kind === 'marker' && x.text === c.marker));
  const notes = showsMarker ? [`"${c.marker}": penanganannya menjadi kewenangan pemerintah pusat; baris ini tidak ikut dalam persentase total.`] : [];
  return {
    id: `${kind}-${t.sheet}`,
    kind,
    titleLines: titleLines(t, LABELS[kind]),
    columns: cols.map((k) => ({ kind: kindOfRole(k.role), width: widthOf(k.role) })),
    headerRows: [cols.map((k) => header(k.header))],
    bodyRows: body,
    notes,
    source: sourceLine(ctx.grid, t),
    from: { sheet: t.sheet, range: t.range },
  };
}

export function kindOfRole(role: ColumnRole): SpecCellKind {
  switch (role) {
    case 'no':
      return 'no';
    case 'code':
      return 'code';
    case 'anggaran':
    case 'realisasi':
      return 'money';
    case 'percent':
    case 'capaian':
    case 'target':
      return 'percent';
    case 'label':
    case 'keterangan':
    case 'indikator':
    case 'sasaran':
    case 'predikat':
    case 'text':
    case 'satuan':
    case 'rumus':
    case 'sumber-dana':
      return 'text';
    default:
      return 'count';
  }
}

export function widthOf(role: ColumnRole): number {
  if (role === 'no') return 5;
  if (role === 'label' || role === 'indikator' || role === 'sasaran') return 40;
  if (role === 'keterangan') return 36;
  if (role === 'code') return 16;
  if (role === 'anggaran' || role === 'realisasi') return 18;
  if (role === 'percent' || role === 'capaian') return 9;
  if (role === 'predikat') return 16;
  return 13;
}

/** APBN/APBD: sections, 'I Urusan ...' parents equal to their programs, Jumlah over the top level. */
export function budgetSpec(c: SpecContext, kind: 'anggaran' | 'belanja'): TableSpec {
  const { ctx } = c;
  const t = ctx.table;
  const ang = ctx.col('anggaran');
  const real = ctx.col('realisasi');
  const pctCol = ctx.col('percent');
  const rows = t.rows.filter((r) => r.role !== 'total' && r.role !== 'subtotal');
  const lead0 = kind === 'belanja' ? t.columns.find((k) => k.role === 'code') : ctx.col('no');
  const first = lead0?.header || (kind === 'belanja' ? 'Kode Rekening' : 'No');
  const labelHeader = t.columns.find((k) => k.role === 'label')?.header ?? (kind === 'belanja' ? 'Uraian' : 'Program');
  // A blank amount stays blank ('-'), and a column whose rows are all blank keeps the one total the source gives.
  const blank = (row: number, col: TableColumn | undefined) => !col || ctx.num(row, col.col).state === 'empty';
  const items = rows.filter((r) => r.role === 'item');
  const noRows = (col: TableColumn | undefined) => items.length > 0 && items.every((r) => blank(r.row, col));
  const typedTotalRow = t.rows.find((r) => r.role === 'total');
  const typedTotal = (col: TableColumn | undefined) => (typedTotalRow && col ? ctx.num(typedTotalRow.row, col.col).value : null);
  const shown = (cell: SpecCell) => new Decimal(typeof cell.value === 'number' ? cell.value : 0);
  const children = (row: number) => rows.map((x, i) => ({ x, i })).filter(({ x }) => x.parentRow === row).map(({ i }) => i);
  // Children before their parent: a parent is computed from what its rows show, so its formula gives the same figure.
  const body: SpecRow[] = new Array(rows.length);
  const money = (r: (typeof rows)[number], col: TableColumn | undefined, kids: number[], idx: 2 | 3): SpecCell => {
    const parent = r.role === 'parent';
    if (!parent && blank(r.row, col)) return text('-', 'marker', { align: 'center' });
    if (!parent) return settle(ctx, num(v(c, r.row, col), 'money'), r.row, col?.col, 'money');
    const sum = kids.reduce((s, i) => s.plus(shown(body[i].cells[idx])), ZERO);
    return settle(ctx, { ...num(sum, 'money'), bold: true, formula: { kind: 'sum', rows: kids } }, r.row, col?.col, 'money');
  };
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const lead = kind === 'belanja' ? text((r.code ?? '').split('.').join(' '), 'code') : text(r.no ?? '', 'no', { align: 'center' });
    if (r.role === 'section') {
      body[i] = { role: 'section', cells: [lead, text(r.label, 'text', { bold: true }), text(''), text(''), text('')] };
      continue;
    }
    const parent = r.role === 'parent';
    const kids = parent ? children(r.row) : [];
    const a = money(r, ang, kids, 2);
    const b = money(r, real, kids, 3);
    const p =
      shown(a).isZero() || (!parent && blank(r.row, real))
        ? text('-', 'marker', { align: 'center' })
        : { ...num(pct(shown(b), shown(a)), 'percent', 2), bold: parent, formula: { kind: 'ratio' as const, num: 3, den: 2, marker: '-' } };
    body[i] = {
      role: parent ? 'parent' : 'item',
      cells: [
        { ...lead, bold: parent },
        text(r.label, 'text', { bold: parent, indent: kind === 'belanja' && r.parentRow !== undefined ? 1 : 0 }),
        a,
        b,
        settle(ctx, p, r.row, pctCol?.col, 'percent'),
      ],
    };
  }
  const tops = topLevel({ ...t, rows }).filter((i) => rows[i].role !== 'section');
  const notes: string[] = [];
  const totalOf = (idx: 2 | 3, col: TableColumn | undefined): { value: Decimal; typed: boolean } => {
    const typed = noRows(col) ? typedTotal(col) : null;
    if (typed) {
      notes.push(`Jumlah ${col!.header} diambil dari tabel sumber: rinciannya tidak tersedia.`);
      return { value: typed, typed: true };
    }
    return { value: tops.reduce((s, i) => s.plus(shown(body[i].cells[idx])), ZERO), typed: false };
  };
  const A = totalOf(2, ang);
  const B = totalOf(3, real);
  const ta = A.value;
  const tb = B.value;
  const totalLabel = typedTotalRow?.label ?? (kind === 'belanja' ? 'JUMLAH BELANJA' : 'Jumlah');
  const totalMoney = (total: { value: Decimal; typed: boolean }, col: TableColumn | undefined) =>
    total.typed
      ? { ...num(total.value, 'money'), bold: true, source: typedTotalRow && col ? { row: typedTotalRow.row, col: col.col } : undefined }
      : settle(ctx, { ...num(total.value, 'money'), bold: true, formula: { kind: 'sum', rows: tops } }, typedTotalRow?.row, col?.col, 'money');
  const ca = totalMoney(A, ang);
  const cb = totalMoney(B, real);
  const totalPct = shown(ca).isZero() ? text('-', 'marker') : { ...num(pct(shown(cb), shown(ca)), 'percent', 2), bold: true, formula: { kind: 'ratio' as const, num: 3, den: 2, marker: '-' } };
  body.push({
    role: 'total',
    cells: [text('', kind === 'belanja' ? 'code' : 'no'), text(totalLabel, 'text', { bold: true }), ca, cb, settle(ctx, totalPct, typedTotalRow?.row, pctCol?.col, 'percent')],
  });
  return {
    id: `${kind}-${t.sheet}`,
    kind,
    titleLines: titleLines(t, LABELS[kind]),
    columns: [
      { kind: kind === 'belanja' ? 'code' : 'no', width: kind === 'belanja' ? 16 : 5 },
      { kind: 'text', width: 48 },
      { kind: 'money', width: 18 },
      { kind: 'money', width: 18 },
      { kind: 'percent', width: 9 },
    ],
    // The office's own header words ('Pagu Anggaran (Rp)' stays); generic words only where the source has no such column.
    headerRows: [[header(first), header(labelHeader), header(ang?.header || 'Anggaran (Rp)'), header(real?.header || 'Realisasi (Rp)'), header(pctCol?.header || '%')]],
    bodyRows: body,
    notes,
    source: sourceLine(ctx.grid, t),
    from: { sheet: t.sheet, range: t.range },
  };
}

/** IKU: Sasaran merged over its indicators, capaian with polarity, predikat from the scale named below. */
export function capaianSpec(c: SpecContext): TableSpec {
  const { ctx } = c;
  const t = ctx.table;
  const target = ctx.col('target');
  const real = ctx.col('realisasi');
  const predikatCol = ctx.col('predikat');
  const capaianCol = ctx.col('capaian');
  const sasaran = ctx.col('sasaran');
  const labelCol = ctx.col('label');
  const items = t.rows.filter((r) => r.role === 'item');
  const body: SpecRow[] = items.map((r, i) => {
    const tv = target ? ctx.num(r.row, target.col).value : null;
    const rv = real ? ctx.num(r.row, real.col).value : null;
    const res = tv && rv ? computeCapaian(tv, rv, guessPolarity(r.label)) : null;
    const cap = res && res.ok ? res.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : null;
    const cells: SpecCell[] = [];
    if (sasaran) {
      const m = ctx.grid.merge(r.row, sasaran.col);
      const starts = !m || m.top === r.row;
      if (starts) {
        const span = m ? items.slice(i).filter((x) => x.row <= m.bottom).length : 1;
        cells.push(text(ctx.grid.textAt(r.row, sasaran.col, true), 'text', { rowSpan: span > 1 ? span : undefined }));
      }
    }
    cells.push(text(r.label));
    cells.push(settle(ctx, tv ? num(tv, 'percent', tv.decimalPlaces()) : text('-', 'marker'), r.row, target?.col, 'percent'));
    cells.push(settle(ctx, rv ? num(rv, 'percent', rv.decimalPlaces()) : text('-', 'marker'), r.row, real?.col, 'percent'));
    cells.push(settle(ctx, cap ? num(cap, 'percent', 2) : text('target 0', 'marker', { align: 'center' }), r.row, capaianCol?.col, 'percent'));
    // Without a chosen or found scale the office's own word is shown, never one computed on a scale it does not use.
    const typed = predikatCol ? ctx.grid.textAt(r.row, predikatCol.col) : '';
    const word = c.scale ? (cap ? predikatFor(res!.ok ? res!.value : ZERO, c.scale) : '-') : typed || '-';
    const shownWord = predikatCol && typed && typed.trim().toLowerCase() !== word.trim().toLowerCase() ? typed.trim() : word;
    cells.push(text(shownWord, 'text', { align: 'center', source: predikatCol ? { row: r.row, col: predikatCol.col } : undefined }));
    return { role: 'item', cells };
  });
  const scale = c.scale;
  const bands = scale ? scale.bands.map((b, i) => (i === scale.bands.length - 1 ? `di bawahnya ${b.label}` : `${b.lowerExclusive ? '>' : '≥'} ${b.min} ${b.label}`)).join('; ') : '';
  const scaleNote = scale
    ? `Skala predikat (${scale.id === 'custom' ? `lembar ${scale.name} di buku kerja` : scale.name}): ${bands}.`
    : 'Predikat seperti tertulis di buku kerja (skala predikat belum dipilih).';
  // The office's own header words; generic ones only for a column the source does not have.
  const own = (k: TableColumn | undefined, generic: string) => header(k?.header || generic);
  const heads = [...(sasaran ? [own(sasaran, 'Sasaran')] : []), own(labelCol, 'Indikator Kinerja'), own(target, 'Target'), own(real, 'Realisasi'), own(capaianCol, 'Capaian (%)'), own(predikatCol, 'Predikat')];
  return {
    id: `capaian-${t.sheet}`,
    kind: 'capaian',
    titleLines: titleLines(t, LABELS.capaian),
    columns: [...(sasaran ? [{ kind: 'text' as const, width: 28 }] : []), { kind: 'text', width: 42 }, { kind: 'percent', width: 10 }, { kind: 'percent', width: 10 }, { kind: 'percent', width: 11 }, { kind: 'text', width: 16 }],
    headerRows: [heads],
    bodyRows: body,
    notes: [`${scaleNote} Capaian = realisasi / target × 100; untuk indikator yang makin kecil makin baik: (2 × target − realisasi) / target × 100.`],
    source: sourceLine(ctx.grid, t),
    from: { sheet: t.sheet, range: t.range },
  };
}

