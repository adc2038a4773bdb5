'use strict';
/**
 * Many-sheet workbooks, as real LAKIP/LKjIP reports are (hundreds of small
 * tables, the same PMKS types, programs and staff categories on sheet after
 * sheet), and how the read and the analysis scale with them (issue 13).
 *
 *   node scripts/profile/manySheets.js generate <dir> [--sheets 50,200,800]
 *       writes <dir>/sheets-<N>.xlsx (deterministic: the same N gives the same file)
 *   node scripts/profile/manySheets.js time [--sheets 50,200,800] [--runs 3] [--root DIR] [--dir DIR]
 *       per size, --runs fresh processes that each read (readWorkbookFile) and then
 *       analyse (analyzeWorkbook) once; medians of wall and CPU ms, ms per sheet
 *   node scripts/profile/manySheets.js batch [--files 20] [--sheets 200] [--root DIR] [--dir DIR]
 *       K copies of the N-sheet workbook in a temp dir;
 *       `node <root>/bin/lakip.js check <dir> --format json > /dev/null`, files/s
 *   node scripts/profile/manySheets.js all   (time, then batch; the default)
 *   node scripts/profile/manySheets.js json <file> [--root DIR]
 *       the analysis of one workbook as JSON (tables and findings), for comparing builds
 *
 * --root is a folder with dist/ and bin/ (default: this repository), so a build of
 * another commit can be measured beside this one. Every sheet kind the engine
 * recognises is generated: budget (APBD), PMKS, SPM, IKU/capaian, count tables
 * (staff by education per echelon and per rank, PMKS per kecamatan, PMKS by sex),
 * with planted errors (wrong totals, numbers stored as text, wrong percentages)
 * and now and then a long sentence under a table that restates its figures.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');

// ---------------------------------------------------------------- data

const PMKS = [
  'Anak Balita Terlantar', 'Anak Terlantar', 'Anak yang Berhadapan dengan Hukum', 'Anak Jalanan', 'Anak Dengan Kedisabilitas',
  'Anak yang Menjadi Korban Tindak Kekerasan', 'Anak yang Memerlukan Perlindungan Khusus', 'Lanjut Usia Terlantar', 'Penyandang Disabilitas',
  'Tuna Susila', 'Gelandangan', 'Pengemis', 'Pemulung', 'Kelompok Minoritas', 'Bekas Warga Binaan Lembaga Pemasyarakatan',
  'Orang dengan HIV/AIDS', 'Korban Penyalahgunaan NAPZA', 'Korban Trafficking', 'Korban Tindak Kekerasan', 'Pekerja Migran Bermasalah Sosial',
  'Korban Bencana Alam', 'Korban Bencana Sosial', 'Perempuan Rawan Sosial Ekonomi', 'Fakir Miskin', 'Keluarga Bermasalah Sosial Psikologis',
  'Komunitas Adat Terpencil',
];
const PROGRAMS = [
  'Program Pelayanan Administrasi Perkantoran', 'Program Peningkatan Sarana dan Prasarana Aparatur', 'Program Pemberdayaan Fakir Miskin',
  'Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial', 'Program Pembinaan Anak Terlantar', 'Program Pembinaan Para Penyandang Cacat',
  'Program Pembinaan Panti Asuhan/Panti Jompo', 'Program Perlindungan dan Jaminan Sosial', 'Program Penanganan Bencana',
  'Program Pemberdayaan Sosial', 'Program Rehabilitasi Sosial', 'Program Penunjang Urusan Pemerintahan Daerah',
];
const LAYANAN = [
  'Rehabilitasi sosial dasar penyandang disabilitas terlantar di dalam panti', 'Rehabilitasi sosial dasar anak terlantar di dalam panti',
  'Rehabilitasi sosial dasar lanjut usia terlantar di dalam panti', 'Rehabilitasi sosial dasar tuna sosial khususnya gelandangan dan pengemis di dalam panti',
  'Perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat bencana bagi korban bencana provinsi',
];
const INDIKATOR = [
  'Persentase PMKS yang tertangani', 'Persentase penyandang disabilitas yang mendapat rehabilitasi sosial', 'Persentase anak terlantar yang terlayani',
  'Persentase lanjut usia terlantar yang terlayani', 'Persentase korban bencana yang mendapat bantuan', 'Persentase fakir miskin yang diberdayakan',
  'Persentase KPM PKH yang graduasi', 'Persentase panti sosial yang terakreditasi', 'Persentase desa dengan pendamping sosial',
  'Persentase pengaduan masyarakat yang ditindaklanjuti', 'Nilai SAKIP perangkat daerah', 'Persentase temuan BPK yang ditindaklanjuti',
];
const SASARAN = ['Meningkatnya kualitas penanganan PMKS', 'Meningkatnya perlindungan sosial', 'Meningkatnya akuntabilitas kinerja'];
const KECAMATAN = [
  'Kota Lama', 'Kelapa Lima', 'Oebobo', 'Maulafa', 'Alak', 'Kota Raja', 'Larantuka', 'Ile Mandiri', 'Tanjung Bunga', 'Wulanggitang',
  'Titehena', 'Solor Barat', 'Solor Timur', 'Adonara Barat', 'Adonara Timur', 'Witihama', 'Kelubagolit', 'Ile Boleng', 'Lewolema', 'Demon Pagong',
  'Wotan Ulumado', 'Ile Bura', 'Klubagolit', 'Adonara Tengah', 'Adonara', 'Solor Selatan',
];
const EDU = ['SD', 'SMP', 'SMA', 'D3', 'S1', 'S2'];
const RANKS = ['Gol I', 'Gol II', 'Gol III', 'Gol IV'];
const ECHELONS = ['Eselon II', 'Eselon III', 'Eselon IV', 'Fungsional', 'Pelaksana'];

/** A small deterministic generator (mulberry32), so a size always gives the same workbook. */
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

const id = (n) => n.toLocaleString('de-DE'); // 1.234.567 as the reports write it
const pct = (a, b) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 100);

// ---------------------------------------------------------------- sheets

/**
 * Each sheet is { name, rows, merges } with rows of plain values or { f, v } formulas
 * or { n, fmt } numbers with a format. `chapter` groups sheets that report one year:
 * their staff tables agree with each other, tables of other years do not.
 */
function budgetSheet(r, i, chapter, j) {
  const rows = [[`Tabel ${i}. Realisasi Anggaran APBD Dinas Sosial Tahun ${2015 + (i % 8)}`], [], ['No', 'Program / Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '%']];
  const n = 18 + Math.floor(r() * 18);
  const items = [];
  for (let k = 0; k < n; k++) {
    const a = 50_000_000 + Math.floor(r() * 900) * 1_000_000 + Math.floor(r() * 1000) * 1000;
    const real = Math.round(a * (0.55 + r() * 0.45));
    items.push({ label: k < PROGRAMS.length ? PROGRAMS[(k + i) % PROGRAMS.length] : `Kegiatan Penunjang ${k + 1}`, a, real });
  }
  const sumA = items.reduce((s, x) => s + x.a, 0);
  const sumR = items.reduce((s, x) => s + x.real, 0);
  rows.push(['I', 'Urusan Pemerintahan Bidang Sosial', { n: sumA, fmt: '#,##0' }, { n: sumR, fmt: '#,##0' }, { n: pct(sumR, sumA), fmt: '0.00' }]);
  items.forEach((x, k) => {
    let real = { n: x.real, fmt: '#,##0' };
    let p = { n: pct(x.real, x.a), fmt: '0.00' };
    if (k === 3 && j % 3 === 0) real = id(x.real); // a number stored as text
    if (k === 5 && j % 4 === 1) p = { n: pct(x.real, x.a) + 0.07, fmt: '0.00' }; // a wrong percentage
    rows.push([`${k + 1}.`, x.label, { n: x.a, fmt: '#,##0' }, real, p]);
  });
  const wrong = j % 5 === 2 ? 1_500_000 : 0; // a wrong total
  rows.push(['', 'Jumlah', { n: sumA + wrong, fmt: '#,##0' }, { n: sumR, fmt: '#,##0' }, { n: pct(sumR, sumA), fmt: '0.00' }]);
  return { name: `APBD ${i}`, rows, merges: ['A1:E1'] };
}

function pmksSheet(r, i, chapter, j) {
  const rows = [
    [`Tabel ${i}. Penanganan PMKS Tahun ${2015 + (i % 8)}`],
    ['No', 'Jenis PMKS', 'Populasi', 'Kewenangan Provinsi', 'Yang ditangani', '%', 'Kewenangan Kab/Kota', 'Keterangan'],
  ];
  const n = 20 + Math.floor(r() * 6);
  const tot = [0, 0, 0, 0];
  for (let k = 0; k < n; k++) {
    const prov = 20 + Math.floor(r() * 3000);
    const kab = Math.floor(r() * 20000);
    const pop = prov + kab;
    const handled = Math.floor(prov * (0.3 + r() * 0.7));
    tot[0] += pop;
    tot[1] += prov;
    tot[2] += handled;
    tot[3] += kab;
    let popCell = pop;
    if (k === 4 && j % 3 === 1) popCell = id(pop); // text number
    const p = k === 7 && j % 4 === 0 ? pct(handled, prov) + 1 : pct(handled, prov);
    const ket = k % 6 === 0 ? `Bantuan Rp ${id(1_200_000 + 100_000 * (k % 4))} per orang` : '';
    rows.push([k + 1, PMKS[(k + i) % PMKS.length], popCell, prov, handled, { n: p, fmt: '0.00' }, kab, ket]);
  }
  rows.push(['', 'TOTAL', tot[0], tot[1] + (j % 5 === 3 ? 2 : 0), tot[2], { n: pct(tot[2], tot[1]), fmt: '0.00' }, tot[3], '']);
  const s = { name: `PMKS ${i}`, rows, merges: ['A1:H1'] };
  if (j % 2 === 0) {
    const x = rows[2];
    s.after = `Jumlah ${x[1]} pada tahun ${2015 + (i % 8)} sebanyak ${id(typeof x[2] === 'number' ? x[2] : Number(String(x[2]).replace(/\./g, '')))} orang, dengan kewenangan provinsi ${id(x[3])} orang, dan yang ditangani sebanyak ${id(x[4])} orang atau ${String(x[5].n).replace('.', ',')}% dari kewenangan provinsi, sebagaimana tabel di atas.`;
  }
  return s;
}

function spmSheet(r, i) {
  const rows = [[`Tabel ${i}. Capaian SPM Bidang Sosial`], ['No', 'Jenis Layanan', 'Target', 'Yang ditangani', '%']];
  let t = 0;
  let h = 0;
  for (let k = 0; k < LAYANAN.length; k++) {
    const pop = 100 + Math.floor(r() * 900);
    const handled = Math.floor(pop * (0.5 + r() * 0.5));
    t += pop;
    h += handled;
    rows.push([k + 1, LAYANAN[k], pop, handled, { n: pct(handled, pop), fmt: '0.00' }]);
  }
  rows.push(['', 'Jumlah', t, h, { n: pct(h, t), fmt: '0.00' }]);
  return { name: `SPM ${i}`, rows, merges: ['A1:E1'] };
}

function ikuSheet(r, i, chapter, j) {
  const rows = [[`Tabel ${i}. Capaian Indikator Kinerja Utama Tahun ${2015 + (i % 8)}`], ['No', 'Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)']];
  const n = 20 + Math.floor(r() * 12);
  for (let k = 0; k < n; k++) {
    const target = 60 + Math.floor(r() * 40);
    const real = Math.round((target * (0.7 + r() * 0.5)) * 100) / 100;
    let cap = pct(real, target);
    if (k === 2 && j % 3 === 2) cap += 3; // a wrong capaian
    rows.push([k + 1, SASARAN[k % SASARAN.length], `${INDIKATOR[(k + i) % INDIKATOR.length]}${k >= INDIKATOR.length ? ` (${k})` : ''}`, target, real, { n: cap, fmt: '0.00' }]);
  }
  return { name: `IKU ${i}`, rows, merges: ['A1:F1'] };
}

/** Staff by education per echelon: columns SD … S2 under one group title (an 'across' table). */
function staffByEchelon(r, i, chapter) {
  const rows = [
    [`Tabel ${i}. Komposisi Pegawai menurut Pendidikan dan Eselon`],
    ['No', 'Eselon', 'Pendidikan', '', '', '', '', '', 'Jumlah'],
    ['', '', ...EDU, ''],
  ];
  const cr = rng(1000 + chapter);
  const grid = ECHELONS.map(() => EDU.map(() => Math.floor(cr() * 12)));
  grid.forEach((g, k) => rows.push([`${k + 1}.`, ECHELONS[k], ...g, g.reduce((s, x) => s + x, 0)]));
  const totals = EDU.map((_, c) => grid.reduce((s, g) => s + g[c], 0));
  rows.push(['Jumlah', '', ...totals, totals.reduce((s, x) => s + x, 0)]);
  return { name: `Pegawai Eselon ${i}`, rows, merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:H2', 'I2:I3', `A${rows.length}:B${rows.length}`] };
}

/** Staff by education per rank: rows SD … S2 with a Jumlah column (a 'down' table). */
function staffByRank(r, i, chapter, j) {
  const rows = [[`Tabel ${i}. Komposisi Pegawai menurut Pendidikan dan Golongan`], ['No', 'Pendidikan', ...RANKS, 'Jumlah']];
  const cr = rng(1000 + chapter);
  const grid = ECHELONS.map(() => EDU.map(() => Math.floor(cr() * 12)));
  const byEdu = EDU.map((_, c) => grid.reduce((s, g) => s + g[c], 0));
  const tot = RANKS.map(() => 0);
  byEdu.forEach((n, k) => {
    const split = RANKS.map(() => 0);
    for (let x = 0; x < n; x++) split[Math.floor(r() * RANKS.length)]++;
    split.forEach((v, c) => (tot[c] += v));
    // Now and then one figure slips, and the two tables disagree.
    const jumlah = k === 1 && j % 6 === 1 ? n + 1 : n;
    rows.push([`${k + 1}.`, EDU[k], ...split, jumlah]);
  });
  rows.push(['Jumlah', '', ...tot, tot.reduce((s, x) => s + x, 0)]);
  return { name: `Pegawai Golongan ${i}`, rows, merges: ['A1:G1'] };
}

/** PMKS per kecamatan: PMKS types as columns under a group title (an 'across' table). */
function pmksPerKecamatan(r, i, chapter, j) {
  const types = [0, 1, 2, 3, 4, 5].map((k) => PMKS[(k * 4 + i) % PMKS.length]);
  const rows = [
    [`Tabel ${i}. Sebaran PMKS per Kecamatan`],
    ['No', 'Uraian', 'Jenis PMKS', '', '', '', '', '', 'Jumlah'],
    ['', '', ...types, ''],
  ];
  const n = 18 + Math.floor(r() * 8);
  const totals = types.map(() => 0);
  for (let k = 0; k < n; k++) {
    const v = types.map(() => Math.floor(r() * 400));
    v.forEach((x, c) => (totals[c] += x));
    rows.push([k + 1, `Kecamatan ${KECAMATAN[k % KECAMATAN.length]}`, ...v, v.reduce((s, x) => s + x, 0)]);
  }
  rows.push(['Jumlah', '', ...totals, totals.reduce((s, x) => s + x, 0) + (j % 7 === 3 ? 10 : 0)]);
  return { name: `PMKS Kecamatan ${i}`, rows, merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:H2', 'I2:I3', `A${rows.length}:B${rows.length}`] };
}

/** PMKS by sex: PMKS types as rows with Laki-laki | Perempuan | Jumlah (a 'down' table). */
function pmksBySex(r, i, chapter, j) {
  const rows = [[`Tabel ${i}. PMKS menurut Jenis Kelamin`], ['No', 'Jenis PMKS', 'Laki-laki', 'Perempuan', 'Jumlah']];
  const n = 20 + Math.floor(r() * 6);
  const tot = [0, 0];
  for (let k = 0; k < n; k++) {
    const l = Math.floor(r() * 900);
    const p = Math.floor(r() * 900);
    tot[0] += l;
    tot[1] += p;
    rows.push([k + 1, PMKS[(k + i) % PMKS.length], l, p, k === 6 && j % 5 === 4 ? String(l + p) : l + p]);
  }
  rows.push(['Jumlah', '', tot[0], tot[1], tot[0] + tot[1]]);
  return { name: `PMKS JK ${i}`, rows, merges: ['A1:E1', `A${rows.length}:B${rows.length}`] };
}

/** Kode Rekening: programs (1.06.01) over their kegiatan (1.06.01.01), a JUMLAH row. */
function belanjaSheet(r, i, chapter, j) {
  const rows = [[`Tabel ${i}. Realisasi Belanja Langsung per Kode Rekening`], ['Kode Rekening', 'Uraian', 'Jumlah Belanja', 'Realisasi', '%']];
  const programs = 3 + Math.floor(r() * 3);
  let sumA = 0;
  let sumR = 0;
  for (let p = 0; p < programs; p++) {
    const kegiatan = [];
    const n = 3 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      const a = 10_000_000 + Math.floor(r() * 400) * 500_000;
      kegiatan.push({ a, real: Math.round(a * (0.6 + r() * 0.4)) });
    }
    const pa = kegiatan.reduce((s, x) => s + x.a, 0) + (p === 1 && j % 4 === 2 ? 2_000_000 : 0);
    const pr = kegiatan.reduce((s, x) => s + x.real, 0);
    sumA += pa;
    sumR += pr;
    const code = `1.06.${String(p + 1).padStart(2, '0')}`;
    rows.push([code, PROGRAMS[(p + i) % PROGRAMS.length], pa, pr, { n: pct(pr, pa), fmt: '0.00' }]);
    kegiatan.forEach((x, k) => rows.push([`${code}.${String(k + 1).padStart(2, '0')}`, `Kegiatan ${['Pendataan', 'Pemberdayaan', 'Rehabilitasi', 'Bantuan', 'Pembinaan', 'Pelatihan'][k]} ${PMKS[(p * 3 + k + i) % PMKS.length]}`, x.a, x.real, { n: pct(x.real, x.a), fmt: '0.00' }]));
  }
  rows.push(['', 'JUMLAH BELANJA LANGSUNG', sumA, sumR, { n: pct(sumR, sumA), fmt: '0.00' }]);
  return { name: `Belanja ${i}`, rows, merges: ['A1:E1'] };
}

const KINDS = [budgetSheet, pmksSheet, ikuSheet, staffByEchelon, pmksPerKecamatan, staffByRank, pmksBySex, spmSheet, belanjaSheet];

function sheetsFor(n) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    const r = rng(i * 7919);
    const kind = KINDS[(i - 1) % KINDS.length];
    out.push(kind(r, i, Math.floor((i - 1) / 18), Math.floor((i - 1) / KINDS.length)));
  }
  return out;
}

async function writeWorkbook(file, n) {
  const ExcelJS = require(path.join(ROOT, 'node_modules', 'exceljs'));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  for (const s of sheetsFor(n)) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    for (const cells of s.rows) {
      const row = ws.addRow(cells.map((c) => (c && typeof c === 'object' && 'n' in c ? c.n : c === '' ? null : c)));
      cells.forEach((c, k) => {
        if (c && typeof c === 'object' && 'fmt' in c) row.getCell(k + 1).numFmt = c.fmt;
      });
    }
    if (s.after) {
      ws.addRow([]);
      ws.addRow([s.after]);
    }
    // Merged before the rows are committed (the streaming writer cannot reach back).
    for (const m of s.merges) ws.mergeCells(m);
    ws.commit();
  }
  await wb.commit();
}

async function generate(dir, sizes) {
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (const n of sizes) {
    const file = path.join(dir, `sheets-${n}.xlsx`);
    if (!fs.existsSync(file)) await writeWorkbook(file, n);
    out.push({ file, sheets: n, bytes: fs.statSync(file).size });
  }
  return out;
}

// ---------------------------------------------------------------- timing

/** Child: read once, analyse once, print the times. */
async function child(file, root) {
  const { readWorkbookFile } = require(path.join(root, 'dist', 'xlsx', 'readWorkbook.js'));
  const { analyzeWorkbook } = require(path.join(root, 'dist', 'core', 'analyze.js'));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t = performance.now();
  let c = cpu();
  const snapshot = await readWorkbookFile(file);
  const readMs = performance.now() - t;
  const readCpuMs = cpu() - c;
  t = performance.now();
  c = cpu();
  const report = analyzeWorkbook(snapshot, { lang: 'id' });
  const analyzeMs = performance.now() - t;
  const analyzeCpuMs = cpu() - c;
  const byKind = {};
  for (const x of report.tables) byKind[x.kind] = (byKind[x.kind] ?? 0) + 1;
  const byCode = {};
  for (const f of report.findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  process.stdout.write(JSON.stringify({ readMs, readCpuMs, analyzeMs, analyzeCpuMs, sheets: snapshot.sheets.length, tables: report.tables.length, byKind, findings: report.findings.length, byCode }));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runChild(file, root) {
  const out = execFileSync(process.execPath, [__filename, 'child', file, '--root', root], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

async function time(opts) {
  const files = await generate(opts.dir, opts.sheets);
  const rows = [];
  for (const f of files) {
    const runs = [];
    for (let k = 0; k < opts.runs; k++) runs.push(runChild(f.file, opts.root));
    const m = (key) => median(runs.map((x) => x[key]));
    const row = {
      sheets: f.sheets,
      kb: Math.round(f.bytes / 1024),
      tables: runs[0].tables,
      findings: runs[0].findings,
      readMs: m('readMs'),
      readCpuMs: m('readCpuMs'),
      analyzeMs: m('analyzeMs'),
      analyzeCpuMs: m('analyzeCpuMs'),
      analyzeRuns: runs.map((x) => Math.round(x.analyzeMs)),
      readRuns: runs.map((x) => Math.round(x.readMs)),
    };
    row.analyzeMsPerSheet = row.analyzeMs / f.sheets;
    row.readMsPerSheet = row.readMs / f.sheets;
    rows.push(row);
    if (opts.verbose) process.stderr.write(`${JSON.stringify({ ...row, byKind: runs[0].byKind, byCode: runs[0].byCode })}\n`);
  }
  return rows;
}

async function batch(opts) {
  const [f] = await generate(opts.dir, [opts.batchSheets]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-many-'));
  try {
    for (let k = 0; k < opts.files; k++) fs.copyFileSync(f.file, path.join(dir, `${String(k + 1).padStart(3, '0')}-sheets-${opts.batchSheets}.xlsx`));
    // CPU time too (through /usr/bin/time where there is one): on a busy machine wall time swings.
    const useTime = fs.existsSync('/usr/bin/time');
    const args = [path.join(opts.root, 'bin', 'lakip.js'), 'check', dir, '--format', 'json'];
    const t = performance.now();
    let stderr = '';
    const code = await new Promise((res) => {
      const p = spawn(useTime ? '/usr/bin/time' : process.execPath, useTime ? ['-f', 'TIME %U %S %M', process.execPath, ...args] : args, { stdio: ['ignore', fs.openSync('/dev/null', 'w'), 'pipe'] });
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', res);
    });
    const ms = performance.now() - t;
    const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
    const cpuMs = m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined;
    return { files: opts.files, sheets: opts.batchSheets, ms: Math.round(ms), filesPerSec: opts.files / (ms / 1000), cpuMs, filesPerCpuSec: cpuMs ? opts.files / (cpuMs / 1000) : undefined, peakMB: m ? Number(m[3]) / 1024 : undefined, exitCode: code };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows) {
  const head = '| sheets | file KB | tables | findings | read ms (CPU) | analyze ms (CPU) | analyze ms/sheet | analyze runs |';
  const lines = [head, '|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.sheets} | ${r.kb} | ${r.tables} | ${r.findings} | ${Math.round(r.readMs)} (${Math.round(r.readCpuMs)}) | ${Math.round(r.analyzeMs)} (${Math.round(r.analyzeCpuMs)}) | ${r.analyzeMsPerSheet.toFixed(2)} | ${r.analyzeRuns.join(', ')} |`);
  }
  if (rows.length >= 2) {
    const a = rows.find((r) => r.sheets === 200) ?? rows[rows.length - 2];
    const b = rows[rows.length - 1];
    lines.push('', `analyze ${b.sheets} / ${a.sheets} sheets: ${(b.analyzeMs / a.analyzeMs).toFixed(2)}× wall, ${(b.analyzeCpuMs / a.analyzeCpuMs).toFixed(2)}× CPU (linear: ${(b.sheets / a.sheets).toFixed(2)}×); read ${(b.readMs / a.readMs).toFixed(2)}×`);
  }
  return lines.join('\n');
}

function parseArgs(argv) {
  const opts = { cmd: argv[0] && !argv[0].startsWith('--') ? argv[0] : 'all', rest: [], sheets: [50, 200, 800], runs: 3, files: 20, batchSheets: 200, root: ROOT, dir: path.join(os.tmpdir(), 'lakip-many-sheets'), verbose: true };
  for (let i = opts.cmd === argv[0] ? 1 : 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sheets') opts.sheets = argv[++i].split(',').map(Number);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--files') opts.files = Number(argv[++i]);
    else if (a === '--batch-sheets') opts.batchSheets = Number(argv[++i]);
    else if (a === '--root') opts.root = path.resolve(argv[++i]);
    else if (a === '--dir') opts.dir = path.resolve(argv[++i]);
    else if (a === '--quiet') opts.verbose = false;
    else opts.rest.push(a);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.cmd === 'child') return child(opts.rest[0], opts.root);
  if (opts.cmd === 'generate') {
    process.stdout.write(JSON.stringify(await generate(opts.rest[0] ?? opts.dir, opts.sheets)) + '\n');
    return;
  }
  if (opts.cmd === 'json') {
    const { readWorkbookFile } = require(path.join(opts.root, 'dist', 'xlsx', 'readWorkbook.js'));
    const { analyzeWorkbook } = require(path.join(opts.root, 'dist', 'core', 'analyze.js'));
    const report = analyzeWorkbook(await readWorkbookFile(opts.rest[0]), { lang: 'id' });
    process.stdout.write(JSON.stringify(report, null, 1) + '\n');
    return;
  }
  let commit = '';
  try {
    commit = execFileSync('git', ['-C', opts.root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = fs.existsSync(path.join(opts.root, 'COMMIT')) ? fs.readFileSync(path.join(opts.root, 'COMMIT'), 'utf8').trim() : '?';
  }
  process.stdout.write(`root ${opts.root} (commit ${commit}), node ${process.version}, ${os.cpus().length} cores\n\n`);
  if (opts.cmd === 'time' || opts.cmd === 'all') process.stdout.write(table(await time(opts)) + '\n\n');
  if (opts.cmd === 'batch' || opts.cmd === 'all') {
    const b = await batch(opts);
    const cpu = b.cpuMs ? `; CPU ${Math.round(b.cpuMs)} ms: ${b.filesPerCpuSec.toFixed(2)} files per CPU-second; peak ${Math.round(b.peakMB)} MB` : '';
    process.stdout.write(`batch: ${b.files} workbooks of ${b.sheets} sheets in ${b.ms} ms: ${b.filesPerSec.toFixed(2)} files/s${cpu} (exit ${b.exitCode})\n`);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
