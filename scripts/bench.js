#!/usr/bin/env node
/**
 * npm run bench: builds dist/ (build:cli) and dist-web/ (build), then measures in one run
 *   1. engine vs parsing on generated budget workbooks of ~1k, 10k, 100k and 1M cells;
 *   2. add-in reads through the fake Excel API (syncs, largest response);
 *   3. task pane: the first screen's JS on the wire (gzip, brotli), time to interactive, a full check (headless Chromium);
 *   4. batch CLI on 500 copies of the samples (files/s, peak RSS).
 * Prints a table and writes the same as markdown to docs/bench.md.
 * Env: BENCH_SKIP_BUILD=1 uses the existing dist/ and dist-web/.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const B = path.join(__dirname, 'bench');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-bench-'));
const SIZES = [[100, 10], [1000, 10], [10_000, 10], [100_000, 10]]; // rows x cols: 1k, 10k, 100k, 1M cells

const log = (s) => process.stderr.write(`[bench] ${s}\n`);
function child(args, timeoutMs, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out);
}
function attempt(name, fn) {
  try {
    return fn();
  } catch (e) {
    log(`${name} failed: ${String(e && e.message ? e.message : e).split('\n')[0]}`);
    return { error: String(e && e.message ? e.message : e).split('\n')[0] };
  }
}
const f0 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : Math.round(x).toLocaleString('en-US'));
const f1 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(1));
const f2 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(2));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
// Bytes on the wire: npm run build writes .gz and .br copies and servers send them (docs/deploy.md).
const wire = (p) => `${kb(p.gzip)} / ${p.br === undefined ? '—' : kb(p.br)} (${p.raw === undefined ? '—' : kb(p.raw)})`;

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function main() {
  const t0 = Date.now();
  if (!process.env.BENCH_SKIP_BUILD) {
    log('npm run build:cli');
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    log('npm run build');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  // 1. Engine vs parsing.
  log('generating workbooks');
  const files = child([path.join(B, 'generate.js'), path.join(TMP, 'xlsx'), ...SIZES.map(([r, c]) => `${r}:${c}`)], 300_000, ['--max-old-space-size=4096']);
  // One fresh process per run, as each `lakip check` is; medians, and the share's range.
  const engine = files.map((f) => {
    const runs = f.cells <= 100_000 ? 5 : 3;
    log(`engine ${f.cells} cells (${runs} fresh processes)`);
    const rs = [];
    for (let i = 0; i < runs; i++) {
      const r = attempt(`engine ${f.cells}`, () => child([path.join(B, 'engine.js'), f.file, '1'], 360_000, ['--max-old-space-size=8192']));
      if (r.error) return { ...f, runs, ...r };
      rs.push(r);
    }
    const med = (k) => { const xs = rs.map((r) => r[k]).sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)]; };
    const shares = rs.map((r) => r.analyze / r.parse).sort((a, b) => a - b);
    return { ...f, runs, parse: med('parse'), reader: med('reader'), analyze: med('analyze'), analyzeCpu: med('analyzeCpu'), findings: rs[0].findings, share: shares[Math.floor(shares.length / 2)], shareMin: shares[0], shareMax: shares[shares.length - 1] };
  });

  // 2. Add-in reads through the fake Excel API.
  log('add-in reads (fake Excel API)');
  const excel = attempt('excel', () => child([path.join(B, 'excel.js')], 180_000, ['--max-old-space-size=4096']));

  // 3. Task pane.
  log('task pane (headless Chromium)');
  const pane = attempt('taskpane', () => child([path.join(B, 'taskpane.js')], 240_000));

  // 4. Batch CLI.
  log('batch CLI, 500 files');
  const batch = attempt('batch', () => child([path.join(B, 'batch.js'), path.join(TMP, 'batch'), '500'], 300_000));

  fs.rmSync(TMP, { recursive: true, force: true });

  const cpus = os.cpus();
  const machine = `${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString()}`;

  const t1 = table(
    ['Cells', 'Rows×cols', 'File', 'Runs', 'exceljs parse ms', 'readWorkbookFile ms', 'analyzeWorkbook ms (CPU)', 'Validation / parse (min–max)', 'µs/cell (validation)', 'Findings'],
    engine.map((e) => e.error
      ? [f0(e.cells), `${e.rows}×${e.cols}`, kb(e.bytes), e.runs, `failed: ${e.error.slice(0, 60)}`, '', '', '', '', '']
      : [f0(e.cells), `${f0(e.rows)}×${e.cols}`, kb(e.bytes), e.runs, f0(e.parse), f0(e.reader), `${f0(e.analyze)} (${f0(e.analyzeCpu)})`, `${f1(e.share * 100)} % ${e.share <= 0.25 ? '✓' : '✗'} (${f1(e.shareMin * 100)}–${f1(e.shareMax * 100)})`, f2((e.analyze * 1000) / e.cells), e.findings]),
  );
  const t2 = excel.error
    ? `failed: ${excel.error}`
    : table(['Workbook (readWorkbookSnapshot on test/excel/fakeExcel.ts)', 'Cells', 'context.sync calls', 'Largest response', 'All responses', 'Time ms'], [
        ['(a) 50,000 × 20 sheet (+ a small title sheet)', f0(excel.big.cells), excel.big.syncs, kb(excel.big.maxBytes), kb(excel.big.totalBytes), f0(excel.big.ms)],
        ['(b) 30 sheets (NTT sample sheets ×6)', f0(excel.many.cells), excel.many.syncs, kb(excel.many.maxBytes), kb(excel.many.totalBytes), f0(excel.many.ms)],
      ]) +
      '\n\n' +
      table(
        ['Fixes applied at once (text numbers → numbers, 50,000 × 20 sheet)', 'applyEdits syncs', 'Largest request', 'Largest response', 'revertAll syncs', 'Largest request', 'Largest response', 'Refused and retried in parts'],
        excel.writes.map((w) => [
          f0(w.edits),
          w.apply.failed ? `failed: ${w.apply.failed}` : w.apply.syncs,
          kb(w.apply.maxRequest),
          kb(w.apply.maxResponse),
          w.revert ? w.revert.syncs : '-',
          w.revert ? kb(w.revert.maxRequest) : '-',
          w.revert ? kb(w.revert.maxResponse) : '-',
          w.apply.refused + (w.revert ? w.revert.refused : 0),
        ]),
      );
  const t3 = pane.error
    ? `failed: ${pane.error}`
    : table(['Task pane', 'Value', 'Goal'], [
        ['taskpane.html first-screen JS on the wire, gzip / br (plain)', `${wire(pane.pages.taskpane)} (${pane.pages.taskpane.files.join(', ')}; office.js external, not counted)`, `< 300 KB ${pane.pages.taskpane.gzip < 300 * 1024 ? '✓' : '✗'}`],
        ['preview.html entry JS on the wire, gzip / br (plain)', `${wire(pane.pages.previewStatic)} (${pane.pages.previewStatic.files.join(', ')})`, `< 300 KB ${pane.pages.previewStatic.gzip < 300 * 1024 ? '✓' : '✗'}`],
        ['preview.html first screen: JS requested before Periksa is enabled, gzip / br (plain)', `${wire(pane.pages.preview)} (${pane.pages.preview.files.join(', ')})`, `< 300 KB ${pane.pages.preview.gzip < 300 * 1024 ? '✓' : '✗'}`],
        ['preview.html all JS by the end of the first check (+ sample reader, engine worker), gzip / br (plain)', `${wire(pane.pages.previewLoaded)} (${pane.pages.previewLoaded.files.length} files)`, ''],
        ['Time to interactive (nav start → Periksa enabled), median of 3', `${f0(pane.tti)} ms (${pane.ttiRuns.join(', ')})`, ''],
        ['Periksa clicked at once → findings (waits for the sample), median of 3', `${f0(pane.check)} ms (${pane.checkRuns.join(', ')}; ${pane.findingsShown} findings shown; ran in: ${[...new Set(pane.engine)].join(', ')})`, ''],
        ['Nav start → findings shown, median of 3', `${f0(pane.toResult)} ms (${pane.toResultRuns.join(', ')})`, ''],
        ['Check again (sample read, worker warm: click → idle), median of 3', `${f0(pane.recheck)} ms (${pane.recheckRuns.join(', ')})`, ''],
      ]);
  const t4 = batch.error
    ? `failed: ${batch.error}`
    : table(['Batch CLI', 'Value'], [
        ['lakip check <dir of 500 .xlsx> --format json', `${f0(batch.ms)} ms wall, ${f1(batch.filesPerSec)} files/s (exit ${batch.exitCode})`],
        ['Peak memory (RSS)', `${f1(batch.peakMB)} MB (${batch.via}; ps polling every 50 ms: ${f1(batch.polledMB)} MB)`],
      ]);

  const md = [
    '# LAKIP benchmarks',
    '',
    `Written by \`npm run bench\` (scripts/bench.js) in ${Math.round((Date.now() - t0) / 1000)} s.`,
    '',
    `Machine: ${machine}`,
    '',
    '## 1. Engine vs parsing',
    '',
    'Generated budget tables (No, Kode Rekening, Program, Kegiatan, Anggaran, Realisasi, %, Sisa, Target, Capaian; formulas with cached results; a Jumlah row). Each run is a fresh process that parses, reads and analyses once, as one `lakip check` does (5 runs up to 100k cells, 3 at 1M), with no forced gc or pause; the table gives medians, analyzeWorkbook\'s CPU time, and the range of the share over the runs. "Validation / parse" is analyzeWorkbook time as a share of the bare exceljs parse in the same run (goal ≤ 25 %); readWorkbookFile is parse + snapshot.',
    '',
    t1,
    '',
    '## 2. Add-in reads and writes (fake Excel API)',
    '',
    'Measured by compiling test/excel/fakeExcel.ts, test/excel/generate.ts and src/excel/readSnapshot.ts in-process with TypeScript (transpileModule) — not taken from the jest tests. Response bytes are the fake\'s UTF-8 JSON of each sync\'s loaded properties; request bytes its estimate of each sync\'s request (the JSON of every written array, address and XML part, plus 64 bytes per action). Excel on the web\'s limit is 5 MB each way: fixes are applied and reverted in chunks estimated under 4 MB, three syncs for everyday counts; a revert log too large to read in one answer is read one part per sync (the "refused" column).',
    '',
    t2,
    '',
    '## 3. Task pane',
    '',
    'Headless Chromium (/usr/bin/chromium, playwright-core) on dist-web/preview.html served by scripts/serve-web.js, 1280×800. The first screen is the JS whose request started before Periksa was enabled (request start times against the page clock); the preview enables Periksa first and fetches the NTT sample, its .xlsx reader and the engine worker after the first paint (a check clicked earlier waits for them). Checks run in the engine worker (a Web Worker), with the pane\'s thread as fallback. The task pane in Excel loads only taskpane.js (+ office.js) and starts the worker when idle.',
    '',
    t3,
    '',
    '## 4. Batch CLI',
    '',
    '500 files: examples/dinsos-ntt-2021.xlsx and examples/dinsos-flotim-2020.xlsx alternately; `node bin/lakip.js check <dir> --format json > /dev/null`.',
    '',
    t4,
    '',
  ].join('\n');
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'docs', 'bench.md'), md);
  process.stdout.write(`${md}\n(written to docs/bench.md)\n`);
}

main();
