'use strict';
/**
 * Writes budget-like .xlsx workbooks (No, Kode, Program, Kegiatan, Anggaran,
 * Realisasi, %, Sisa, Target, Capaian) with a Jumlah row, streamed by exceljs.
 *   node scripts/bench/generate.js <dir> <rows>:<cols> ...
 * Prints JSON [{file, rows, cols, cells, bytes}].
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const HEAD = ['No', 'Kode Rekening', 'Program', 'Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)', 'Target', 'Capaian (%)'];
const PROGRAMS = ['Program Rehabilitasi Sosial', 'Program Perlindungan dan Jaminan Sosial', 'Program Pemberdayaan Sosial', 'Program Penanganan Bencana', 'Program Penunjang Urusan Pemerintahan'];

async function writeOne(file, rows, cols) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('Anggaran');
  const n = rows - 2; // header + Jumlah
  ws.addRow(HEAD.slice(0, cols)).commit();
  let sumA = 0;
  let sumR = 0;
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const a = 10_000_000 + ((i * 7919) % 900) * 1_000_000;
    const real = Math.round(a * (0.6 + ((i * 31) % 40) / 100));
    sumA += a;
    sumR += real;
    const cells = [i + 1, `1.06.${String(1 + (i % 5)).padStart(2, '0')}.${String(i + 1).padStart(6, '0')}`, PROGRAMS[i % PROGRAMS.length], `Kegiatan ${i + 1}`, a, real,
      { formula: `F${r}/E${r}*100`, result: (real / a) * 100 }, { formula: `E${r}-F${r}`, result: a - real }, 100 + (i % 50), { formula: `I${r}/100*G${r}`, result: ((100 + (i % 50)) / 100) * (real / a) * 100 }];
    const row = ws.addRow(cells.slice(0, cols));
    row.getCell(5).numFmt = '#,##0';
    row.getCell(6).numFmt = '#,##0';
    if (cols >= 7) row.getCell(7).numFmt = '0.00';
    row.commit();
  }
  const last = n + 1;
  const total = ['', '', 'Jumlah', '', { formula: `SUM(E2:E${last})`, result: sumA }, { formula: `SUM(F2:F${last})`, result: sumR }, { formula: `F${last + 1}/E${last + 1}*100`, result: (sumR / sumA) * 100 }, { formula: `E${last + 1}-F${last + 1}`, result: sumA - sumR }, '', ''];
  const tr = ws.addRow(total.slice(0, cols));
  tr.getCell(5).numFmt = '#,##0';
  tr.getCell(6).numFmt = '#,##0';
  tr.commit();
  ws.commit();
  await wb.commit();
}

async function main() {
  const [dir, ...specs] = process.argv.slice(2);
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (const s of specs) {
    const [rows, cols] = s.split(':').map(Number);
    const file = path.join(dir, `anggaran-${rows * cols}.xlsx`);
    await writeOne(file, rows, cols);
    out.push({ file, rows, cols, cells: rows * cols, bytes: fs.statSync(file).size });
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
