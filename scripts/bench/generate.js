'use strict';
/**
 * The bench's generated inputs, written with scripts/bench/xlsxWriter.js (fflate):
 *
 *   budget:<rows>:<cols>[:err]  one budget table (No, Kode Rekening, Program, Kegiatan, Anggaran,
 *                               Realisasi, %, Sisa, Target, Capaian; formulas with cached results;
 *                               a Jumlah row). With :err about 2 % of the cells are wrong: a %
 *                               typed wrong, an amount stored as text ('367.000.000', skipped by
 *                               SUM, so the total is short), #DIV/0! on a row whose anggaran is 0,
 *                               and totals typed wrong in the Jumlah row.
 *   sheets:<n>                  n sheets of small tables, budget (APBD), PMKS, IKU and count
 *                               (staff by education and rank) in turn, titles and merged headers
 *                               as in the samples; one sheet in five has an error (a wrong total,
 *                               a number stored as text, a wrong %, #DIV/0!, a wrong row total).
 *   sipd:<rows>                 a SIPD-style export (Laporan Realisasi Anggaran per rekening):
 *                               title block, two header rows and a column-number row, Kode Rekening
 *                               split over five columns (5 | 1 | 02 | 01 | 0001), a five-level code
 *                               tree whose every parent row sums its children with shared
 *                               formulas (<f t="shared">) across G:K, shared formulas down each
 *                               block of detail rows, zeros typed as text '0', outline levels on
 *                               rows and a column group over the code columns, a signature block.
 *
 *   node scripts/bench/generate.js <dir> <spec> ...
 * Prints JSON [{file, spec, kind, rows, cols, cells, sheets, wrong, bytes}].
 * Deterministic: the same spec writes the same file.
 */
const fs = require('fs');
const path = require('path');
const { writeXlsx } = require('./xlsxWriter');

/** mulberry32: a small seeded PRNG, so every run writes the same workbooks. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Half-up to 2 decimals as Excel ROUND does (80.125 is stored just below itself in binary).
const r2 = (x) => Math.round(x * 100 + 1e-7) / 100;
const idNum = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const AMT = 1; // #,##0
const PCT = 2; // 0.00
const BOLD = 3;
const BOLDAMT = 5;

// ---------------------------------------------------------------- (a), (b) one budget table

const HEAD = ['No', 'Kode Rekening', 'Program', 'Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)', 'Target', 'Capaian (%)'];
const PROGRAMS = ['Program Rehabilitasi Sosial', 'Program Perlindungan dan Jaminan Sosial', 'Program Pemberdayaan Sosial', 'Program Penanganan Bencana', 'Program Penunjang Urusan Pemerintahan'];

function budgetTable(rows, cols, withErrors) {
  const n = rows - 2; // header + Jumlah
  const out = [HEAD.slice(0, cols)];
  const rand = rng(rows * 31 + cols);
  let sumA = 0;
  let sumR = 0;
  let sumS = 0;
  let wrong = 0;
  // About 2 % of the cells: one wrong cell on every fifth data row, in turn
  // a % typed wrong, an amount stored as text, #DIV/0!, a % typed wrong, a realisasi stored as text.
  const kinds = ['percent', 'text', 'div0', 'percent', 'textReal'];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    let a = 10_000_000 + ((i * 7919) % 900) * 1_000_000;
    let real = Math.round(a * (0.6 + ((i * 31) % 40) / 100));
    const err = withErrors && i % 5 === 2 && cols >= 7 ? kinds[Math.floor(i / 5) % kinds.length] : undefined;
    if (err === 'div0') {
      a = 0;
      real = 0;
    }
    const target = 100 + (i % 50);
    let A = { v: a, st: AMT };
    let R = { v: real, st: AMT };
    let P = { f: `F${r}/E${r}*100`, v: a ? (real / a) * 100 : 0, st: PCT };
    if (err === 'percent') P = { v: r2((real / a) * 100) + (rand() < 0.5 ? -1 : 1) * (0.5 + Math.floor(rand() * 40) / 10), st: PCT };
    else if (err === 'div0') P = { f: `F${r}/E${r}*100`, e: '#DIV/0!' };
    if (err === 'text') A = idNum(a); // SUM skips it: the cached total is short by a
    else sumA += a;
    if (err === 'textReal') R = idNum(real);
    else sumR += real;
    if (err) wrong++;
    sumS += a - real;
    const cells = [
      i + 1,
      `1.06.${String(1 + (i % 5)).padStart(2, '0')}.${String(i + 1).padStart(6, '0')}`,
      PROGRAMS[i % PROGRAMS.length],
      `Kegiatan ${i + 1}`,
      A,
      R,
      P,
      { f: `E${r}-F${r}`, v: a - real, st: AMT },
      target,
      err === 'div0' ? { f: `I${r}/100*G${r}`, e: '#DIV/0!' } : { f: `I${r}/100*G${r}`, v: (target / 100) * (a ? (real / a) * 100 : 0), st: PCT },
    ];
    out.push(cells.slice(0, cols));
  }
  const last = n + 1;
  const t = last + 1;
  const total = ['', '', 'Jumlah', '', { f: `SUM(E2:E${last})`, v: sumA, st: BOLDAMT }, { f: `SUM(F2:F${last})`, v: sumR, st: BOLDAMT }, { f: `F${t}/E${t}*100`, v: (sumR / sumA) * 100, st: PCT }, { f: `SUM(H2:H${last})`, v: sumS, st: BOLDAMT }, '', ''];
  if (withErrors && cols >= 8) {
    // Totals typed over the formulas, wrong: anggaran off by a round figure, sisa by a transposition.
    total[4] = { v: sumA + 250_000_000, st: BOLDAMT };
    total[7] = { v: sumS + 90_000, st: BOLDAMT };
    wrong += 2;
  }
  out.push(total.slice(0, cols));
  return { rows: out, wrong };
}

// ---------------------------------------------------------------- (c) many sheets of small tables

const JENIS_PMKS = ['Anak Balita Terlantar', 'Anak Terlantar', 'Anak Berhadapan Dengan Hukum', 'Anak Jalanan', 'Anak Dengan Kedisabilitas', 'Lanjut Usia Terlantar', 'Penyandang Disabilitas Terlantar', 'Korban Bencana Alam', 'Perempuan Rawan Sosial Ekonomi', 'Fakir Miskin'];
const PROG_APBD = ['Program Penunjang Urusan Pemerintahan Daerah', 'Program Pemberdayaan Sosial', 'Program Penanganan Warga Negara Migran Korban Tindak Kekerasan', 'Program Rehabilitasi Sosial', 'Program Perlindungan dan Jaminan Sosial', 'Program Penanganan Bencana'];
const IKU = [
  ['Meningkatnya pelayanan sosial bagi PMKS', 'Persentase PMKS yang memperoleh bantuan sosial'],
  ['', 'Persentase PMKS yang tertangani'],
  ['Meningkatnya peran kelembagaan sosial', 'Persentase panti sosial yang menerima program pemberdayaan'],
  ['', 'Persentase korban bencana yang menerima bantuan sosial'],
  ['Meningkatnya perlindungan sosial', 'Persentase keluarga miskin yang menerima jaminan sosial'],
];
const PENDIDIKAN = ['S2', 'S1', 'D3/D2/D1', 'SMA', 'SMP'];

function pmksSheet(k, rand, err) {
  const rows = [[`Indikator ${k + 1} : Persentase PMKS yang terakses perlindungan sosial`], [], ['No.', 'Jenis PMKS', 'Populasi 2021', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kabupaten/Kota', 'Keterangan']];
  const sums = [0, 0, 0, 0];
  const n = 8;
  JENIS_PMKS.slice(0, n).forEach((jenis, i) => {
    const r = rows.length + 1;
    const prov = 50 + Math.floor(rand() * 5000);
    const pop = prov + Math.floor(rand() * 200_000);
    const handled = Math.max(1, prov - Math.floor(rand() * prov * 0.3));
    const kab = pop - prov;
    sums[0] += pop;
    sums[1] += prov;
    sums[2] += handled;
    sums[3] += kab;
    const row = [i + 1, jenis, { v: pop, st: AMT }, { v: prov, st: AMT }, { v: handled, st: AMT }, { v: r2((handled / prov) * 100), st: PCT }, { v: kab, st: AMT }, i % 3 ? 'APBD' : 'Bantuan Atensi (bantuan dalam bentuk uang)'];
    if (err === 'text' && i === 3) row[2] = idNum(pop);
    if (err === 'percent' && i === 5) row[5] = { v: r2((handled / prov) * 100) + 3.4, st: PCT };
    if (err === 'identity' && i === 2) row[6] = { v: kab + 30, st: AMT };
    void r;
    rows.push(row);
  });
  const first = 4;
  const last = rows.length;
  const t = last + 1;
  const total = ['', 'TOTAL', { f: `SUM(C${first}:C${last})`, v: sums[0] - (err === 'text' ? 0 : 0), st: BOLDAMT }, { f: `SUM(D${first}:D${last})`, v: sums[1], st: BOLDAMT }, { f: `SUM(E${first}:E${last})`, v: sums[2], st: BOLDAMT }, { f: `E${t}/D${t}*100`, v: (sums[2] / sums[1]) * 100, st: PCT }, { f: `SUM(G${first}:G${last})`, v: sums[3], st: BOLDAMT }, ''];
  if (err === 'total') total[4] = { v: sums[2] + 120, st: BOLDAMT };
  rows.push(total);
  return { rows, merges: ['A1:H1'] };
}

function budgetSheet(k, rand, err) {
  const rows = [['ALOKASI DAN REALISASI PELAKSANAAN ANGGARAN DANA APBD'], ['DINAS SOSIAL'], [`TAHUN ANGGARAN ${2015 + (k % 10)}`], [], ['NO.', 'PROGRAM', 'ANGGARAN', 'REALISASI', '%']];
  const parentRow = rows.length + 1;
  rows.push(null);
  let sa = 0;
  let sr = 0;
  PROG_APBD.forEach((p, i) => {
    let a = (100 + Math.floor(rand() * 20_000)) * 1_000_000 + Math.floor(rand() * 1000) * 1000;
    let real = Math.round(a * (0.7 + rand() * 0.3));
    let pct = { v: r2((real / a) * 100), st: PCT };
    if (err === 'div0' && i === 2) {
      a = 0;
      real = 0;
      pct = { f: `D${rows.length + 1}/C${rows.length + 1}*100`, e: '#DIV/0!' };
    }
    if (err === 'percent' && i === 4) pct = { v: r2((real / a) * 100) + 1.1, st: PCT };
    sa += a;
    sr += real;
    rows.push([`${i + 1}.`, p, { v: a, st: AMT }, { v: real, st: AMT }, pct]);
  });
  rows[parentRow - 1] = ['I', 'Urusan Pemerintahan Bidang Sosial', { v: sa + (err === 'parent' ? 72_912_100 : 0), st: AMT }, { v: sr, st: AMT }, { v: r2((sr / sa) * 100), st: PCT }];
  rows.push(['', 'Jumlah', { v: sa + (err === 'parent' ? 72_912_100 : 0), st: BOLDAMT }, { v: sr + (err === 'total' ? 1_000_000 : 0), st: BOLDAMT }, { v: r2((sr / sa) * 100), st: PCT }]);
  return { rows, merges: ['A1:E1', 'A2:E2', 'A3:E3'] };
}

function ikuSheet(k, rand, err) {
  const rows = [[`Tabel 3.${(k % 9) + 1}`], ['Capaian Indikator Kinerja Utama'], [`Tahun ${2015 + (k % 10)}`], [], ['NO.', 'SASARAN STRATEGIS', 'INDIKATOR KINERJA', 'TARGET (%)', 'REALISASI (%)', 'CAPAIAN (%)']];
  let no = 0;
  IKU.forEach(([sasaran, indikator], i) => {
    const target = 50 + Math.floor(rand() * 50);
    const real = r2(target * (0.7 + rand() * 0.4));
    let cap = r2((real / target) * 100);
    if (err === 'percent' && i === 1) cap = r2(cap + 4.5);
    rows.push([sasaran ? `${++no}.` : '', sasaran, indikator, target, real, { v: cap, st: PCT }]);
  });
  return { rows, merges: ['A1:F1', 'A2:F2', 'A3:F3'] };
}

function countSheet(k, rand, err) {
  const rows = [[`Tabel 1.${(k % 9) + 1}`], ['Jumlah PNS Dinas Sosial'], ['Berdasarkan Tingkat Pendidikan dan Golongan'], [`Tahun ${2015 + (k % 10)}`], [], ['No.', 'Pendidikan', 'Golongan', '', '', '', 'Jumlah Pegawai'], ['', '', 'I', 'II', 'III', 'IV', '']];
  const col = [0, 0, 0, 0];
  let all = 0;
  PENDIDIKAN.forEach((p, i) => {
    const g = [0, 1, 2, 3].map((j) => (j === 0 && i < 2 ? 0 : Math.floor(rand() * 20)));
    let sum = g.reduce((x, y) => x + y, 0);
    g.forEach((x, j) => (col[j] += x));
    all += sum;
    if (err === 'rowTotal' && i === 1) sum += 2;
    rows.push([`${i + 1}.`, p, ...g, sum]);
  });
  const tot = ['Jumlah', '', ...col, all];
  if (err === 'total') tot[4] += 1;
  rows.push(tot);
  rows.push(['Sumber: Sub Bagian Umum dan Kepegawaian']);
  return { rows, merges: ['A6:A7', 'B6:B7', 'C6:F6', 'G6:G7'] };
}

const SMALL = [
  { kind: 'budget', make: budgetSheet, name: (k) => `APBD ${k + 1}`, errs: ['parent', 'percent', 'div0', 'total'] },
  { kind: 'pmks', make: pmksSheet, name: (k) => `PMKS ${k + 1}`, errs: ['total', 'text', 'percent', 'identity'] },
  { kind: 'iku', make: ikuSheet, name: (k) => `IKU ${k + 1}`, errs: ['percent'] },
  { kind: 'count', make: countSheet, name: (k) => `Pegawai ${k + 1}`, errs: ['rowTotal', 'total'] },
];

function manySheets(n) {
  const rand = rng(n * 7 + 1);
  const sheets = [];
  let cells = 0;
  let wrong = 0;
  for (let k = 0; k < n; k++) {
    const s = SMALL[k % SMALL.length];
    const e = k % 5 === 2 ? s.errs[Math.floor(k / 5) % s.errs.length] : undefined;
    const { rows, merges } = s.make(k, rand, e);
    if (e) wrong++;
    cells += rows.reduce((m, r) => m + (r ? r.filter((x) => x !== '' && x !== null && x !== undefined).length : 0), 0);
    sheets.push({ name: s.name(k), rows, merges });
  }
  return { sheets, cells, wrong };
}

// ---------------------------------------------------------------- (d) SIPD-style export

const OBJEK = ['Belanja Gaji dan Tunjangan ASN', 'Belanja Barang Pakai Habis', 'Belanja Jasa Kantor', 'Belanja Perjalanan Dinas', 'Belanja Pemeliharaan', 'Belanja Bantuan Sosial kepada Individu', 'Belanja Bantuan Sosial kepada Keluarga', 'Belanja Modal Peralatan dan Mesin'];
const RINCIAN = ['Belanja Gaji Pokok PNS', 'Belanja Tunjangan Keluarga PNS', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover', 'Belanja Makanan dan Minuman Rapat', 'Belanja Jasa Tenaga Pendukung Administrasi', 'Belanja Perjalanan Dinas Biasa', 'Belanja Perjalanan Dinas Dalam Kota', 'Belanja Pemeliharaan Alat Angkutan Darat Bermotor', 'Belanja Bantuan Sosial Uang kepada Individu', 'Belanja Bantuan Sosial Barang kepada Keluarga', 'Belanja Modal Komputer Unit'];
const SUMBER = ['DAU', 'PAD', 'DAK Non Fisik', 'DBH'];

/**
 * A code tree: akun 5 > kelompok 5.1, 5.2 > jenis > objek > rincian (detail rows), in
 * pre-order (each parent above its children, as SIPD writes it), until `target` rows.
 */
function sipdTree(target, rand) {
  const head = 8; // title block, blank, two header rows, column numbers, blank
  const foot = 6; // blank, place and date, office, blank, name, NIP
  let budget = target - head - foot - 1; // the akun row
  const akun = { code: ['5'], name: 'BELANJA DAERAH', kids: [] };
  const kelompokNames = ['BELANJA OPERASI', 'BELANJA MODAL'];
  for (let g = 0; budget > 0; g++) {
    const kel = { code: ['5', String((g % 2) + 1)], name: kelompokNames[g % 2], kids: [] };
    akun.kids.push(kel);
    budget--;
    for (let j = 1; j <= 6 && budget > 0; j++) {
      const jen = { code: [...kel.code, String(j).padStart(2, '0')], name: `${kelompokNames[g % 2]} ${j}`, kids: [] };
      kel.kids.push(jen);
      budget--;
      for (let o = 1; o <= 12 && budget > 1; o++) {
        const obj = { code: [...jen.code, String(o).padStart(2, '0')], name: OBJEK[(j + o) % OBJEK.length], kids: [] };
        jen.kids.push(obj);
        budget--;
        const d = Math.min(budget, 20 + Math.floor(rand() * 40));
        for (let x = 1; x <= d; x++) obj.kids.push({ code: [...obj.code, String(x).padStart(4, '0')], name: RINCIAN[(o + x) % RINCIAN.length], kids: [] });
        budget -= d;
      }
    }
  }
  // Kelompok codes repeat (5.1, 5.2, 5.1 ...) once the tree is large: number them on.
  akun.kids.forEach((k, i) => {
    const c = String(i + 1);
    const recode = (n) => {
      n.code[1] = c;
      n.kids.forEach(recode);
    };
    recode(k);
  });
  const link = (n) => n.kids.forEach((k) => {
    k.parent = n;
    link(k);
  });
  link(akun);
  return akun;
}

function sipdExport(target) {
  const rand = rng(target);
  const tree = sipdTree(target, rand);
  const rows = [
    ['PEMERINTAH PROVINSI NUSA TENGGARA TIMUR'],
    ['LAPORAN REALISASI ANGGARAN BELANJA PER REKENING'],
    ['SKPD : 1.06.0.00.0.00.01.0000 - DINAS SOSIAL'],
    ['PERIODE : 1 JANUARI 2023 s/d 31 DESEMBER 2023'],
    [],
    ['KODE REKENING', '', '', '', '', 'URAIAN', 'ANGGARAN', '', 'BERTAMBAH / (BERKURANG)', 'REALISASI', 'SISA ANGGARAN', '%', 'SUMBER DANA', 'KETERANGAN'],
    ['', '', '', '', '', '', 'SEBELUM PERUBAHAN', 'SETELAH PERUBAHAN', '', '', '', '', '', ''],
    { cells: Array.from({ length: 14 }, (_, i) => i + 1), outlineLevel: 0 },
  ];
  const merges = ['A1:N1', 'A2:N2', 'A3:N3', 'A4:N4', 'A6:E7', 'F6:F7', 'G6:H6', 'I6:I7', 'J6:J7', 'K6:K7', 'L6:L7', 'M6:M7', 'N6:N7'];
  // Row numbers first (pre-order), then values bottom-up.
  const order = [];
  const walk = (n, depth) => {
    n.depth = depth;
    order.push(n);
    n.kids.forEach((k) => walk(k, depth + 1));
  };
  walk(tree, 0);
  order.forEach((n, i) => (n.row = rows.length + 1 + i));
  const sum = (n) => {
    if (!n.kids.length) {
      const before = (1 + Math.floor(rand() * 500)) * 1_000_000 + Math.floor(rand() * 1000) * 1000;
      const after = rand() < 0.2 ? before + Math.round((rand() - 0.4) * before * 0.2 / 1000) * 1000 : before;
      const none = rand() < 0.1; // no realisasi: SIPD writes '0' as text
      const real = none ? 0 : Math.round(after * (0.5 + rand() * 0.5) / 1000) * 1000;
      n.v = { before, after, real, none };
      return n.v;
    }
    const v = { before: 0, after: 0, real: 0 };
    for (const k of n.kids) {
      const x = sum(k);
      v.before += x.before;
      v.after += x.after;
      v.real += x.real;
    }
    n.v = v;
    return v;
  };
  sum(tree);
  let si = 0;
  let textZeros = 0;
  let shared = 0;
  for (const n of order) {
    const r = n.row;
    const code = [0, 1, 2, 3, 4].map((i) => (n.code[i] === undefined ? '' : n.code[i]));
    const { before, after, real } = n.v;
    const cells = [...code, n.name];
    if (n.kids.length) {
      // A parent row: SUM of its children, one shared formula across G:K.
      const refs = n.kids.length > 1 && n.kids.every((k, i) => i === 0 || k.row === n.kids[i - 1].row + 1)
        ? `SUM(G${n.kids[0].row}:G${n.kids[n.kids.length - 1].row})`
        : `SUM(${n.kids.map((k) => `G${k.row}`).join(',')})`;
      const id = si++;
      shared += 5;
      cells.push({ f: refs, ref: `G${r}:K${r}`, si: id, v: before, st: BOLDAMT }, { si: id, v: after, st: BOLDAMT }, { si: id, v: after - before, st: BOLDAMT }, { si: id, v: real, st: BOLDAMT }, { si: id, v: after - real, st: BOLDAMT });
      cells.push({ f: `IF(H${r}=0,0,J${r}/H${r}*100)`, v: after ? (real / after) * 100 : 0, st: PCT }, '', '');
    } else {
      // A detail row: typed amounts, shared formulas down the block for I, K and L.
      const block = n.parent;
      const first = n === block.kids[0];
      const lastRow = block.kids[block.kids.length - 1].row;
      const ids = block.ids || (block.ids = [si++, si++, si++]);
      const f = (col, text, id, v, st) => (first ? { f: text, ref: `${col}${r}:${col}${lastRow}`, si: id, v, st } : { si: id, v, st });
      if (first) shared += 3 * block.kids.length;
      cells.push({ v: before, st: AMT }, { v: after, st: AMT }, f('I', `H${r}-G${r}`, ids[0], after - before, AMT), n.v.none ? '0' : { v: real, st: AMT }, f('K', `H${r}-J${r}`, ids[1], after - real, AMT), f('L', `J${r}/H${r}*100`, ids[2], (real / after) * 100, PCT), SUMBER[(r * 7) % SUMBER.length], '');
      if (n.v.none) textZeros++;
    }
    rows.push({ cells, outlineLevel: n.depth });
  }
  rows.push([], ['', '', '', '', '', '', '', '', '', 'Kupang, 31 Desember 2023'], ['', '', '', '', '', '', '', '', '', 'KEPALA DINAS SOSIAL'], [], ['', '', '', '', '', '', '', '', '', 'Drs. NAMA KEPALA DINAS, M.Si'], ['', '', '', '', '', '', '', '', '', 'NIP. 19700101 199503 1 001']);
  const cols = [{ min: 1, max: 5, width: 4, outlineLevel: 1 }, { min: 6, max: 6, width: 60 }, { min: 7, max: 11, width: 18 }, { min: 12, max: 12, width: 8 }, { min: 13, max: 14, width: 14 }];
  const cells = rows.reduce((m, r) => m + (Array.isArray(r) ? r : r.cells).filter((x) => x !== '' && x !== null && x !== undefined).length, 0);
  return { sheet: { name: 'LRA Belanja', rows, merges, cols, outlineRows: 4, outlineCols: 1, width: 14 }, rows: rows.length, cells, textZeros, shared };
}

// ---------------------------------------------------------------- main

function main() {
  const [dir, ...specs] = process.argv.slice(2);
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (const spec of specs) {
    const [kind, ...p] = spec.split(':');
    const size = (file) => fs.statSync(file).size;
    if (kind === 'budget') {
      const rows = Number(p[0]);
      const cols = Number(p[1]);
      const err = p[2] === 'err';
      const file = path.join(dir, `anggaran-${rows * cols}${err ? '-err' : ''}.xlsx`);
      const t = budgetTable(rows, cols, err);
      writeXlsx(file, [{ name: 'Anggaran', rows: t.rows, width: cols }]);
      out.push({ file, spec, kind, rows, cols, cells: rows * cols, sheets: 1, wrong: t.wrong, bytes: size(file) });
    } else if (kind === 'sheets') {
      const n = Number(p[0]);
      const file = path.join(dir, `sheets-${n}.xlsx`);
      const t = manySheets(n);
      writeXlsx(file, t.sheets);
      out.push({ file, spec, kind, sheets: n, cells: t.cells, wrong: t.wrong, bytes: size(file) });
    } else if (kind === 'sipd') {
      const n = Number(p[0]);
      const file = path.join(dir, `sipd-${n}.xlsx`);
      const t = sipdExport(n);
      writeXlsx(file, [t.sheet]);
      out.push({ file, spec, kind, rows: t.rows, cols: 14, cells: t.cells, sheets: 1, textZeros: t.textZeros, sharedFormulaCells: t.shared, bytes: size(file) });
    } else throw new Error(`unknown spec ${spec}`);
  }
  process.stdout.write(JSON.stringify(out));
}

if (require.main === module) main();
module.exports = { budgetTable, manySheets, sipdExport };
