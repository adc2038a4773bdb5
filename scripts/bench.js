#!/usr/bin/env node
/**
 * npm run bench (issue 13): builds dist/ (build:cli) and dist-web/ (build), then measures in one run
 *   1. the project's time beside the bare exceljs parse, on
 *      (a) generated clean budget tables of 1k, 10k, 100k and 1M cells,
 *      (b) the same with ~2 % wrong cells,
 *      (c) small tables (budget, PMKS, IKU, count) on 50, 200 and 800 sheets, with some errors,
 *      (d) a SIPD-style export of 5,000 rows x 14 columns,
 *      (e) the bundled samples with their narratives;
 *      every run a fresh process: the bare parse (scripts/bench/engine.js parse) and ours
 *      (engine.js ours: narrative read + readWorkbookFile + analyzeWorkbook + fix plan), RUNS rounds;
 *   2. peak RSS of `lakip check` on the 1M-cell input;
 *   3. start-up: `lakip --help` / `--version` against `node -e 0`, `lakip check` on the sample
 *      against a bare exceljs read of it (scripts/bench/cli.js);
 *   4. batch CLI on 200-sheet workbooks and on 500 copies of the samples, against the
 *      baseline commit (BASELINE below, and re-measured in this run unless BENCH_NO_BASELINE=1);
 *   5. add-in reads through the fake Excel API (scripts/bench/excel.js);
 *   6. task pane (scripts/bench/taskpane.js).
 * Prints the tables and writes them to docs/bench.md.
 * Env: BENCH_SKIP_BUILD=1 uses the existing dist/ and dist-web/; BENCH_RUNS=n (default 5, at least 5
 * for the figures the README quotes); BENCH_NO_BASELINE=1 skips re-measuring the baseline commit;
 * BENCH_QUICK=1 a smoke test (small inputs, one round); BENCH_OUT=<file> writes the markdown there;
 * BENCH_JSON=<file> also writes every measured figure there as JSON, and BENCH_RENDER=<that file>
 * writes the report from it again without measuring.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const INPUTS = require('./bench/inputs');

const ROOT = path.resolve(__dirname, '..');
const B = path.join(__dirname, 'bench');
const TMP = process.env.BENCH_RENDER ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-bench-'));
const QUICK = !!process.env.BENCH_QUICK; // a smoke test: inputs up to 10k cells, one round, small batches
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || (QUICK ? 1 : 5)));
const OUT = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : path.join(ROOT, 'docs', 'bench.md');
if (QUICK) {
  const small = (s) => !/^budget:/.test(s) || s.split(':')[1] * s.split(':')[2] <= 10_000;
  for (const k of ['CLEAN', 'ERRORS']) INPUTS[k] = INPUTS[k].filter(small);
  INPUTS.BATCH200_FILES = 2;
  INPUTS.BATCH_SAMPLES_FILES = 20;
}

/**
 * The batch before issue 13's reader work: `node scripts/bench/baseline.js 0085c37 5` on commit
 * 0085c37 (HEAD on 2026-12-06 before the reader swap: the exceljs reader; the commits up to
 * 9ca9c9b change no file under src/), on this 2-core machine, medians of 5 runs. Wall-clock
 * figures were taken while other work kept the load average near 13, so files/s is about a
 * third of an idle machine's; CPU ms per file (user + sys) is the steadier figure. The bench
 * also re-measures this commit in the same run (unless BENCH_NO_BASELINE=1) and judges the goal
 * on that side-by-side ratio.
 */
const BASELINE = {
  commit: '0085c37',
  measured: '2026-12-06 10:00 UTC, load average ≈ 13 on 2 cores, median of 5 runs',
  batch200: { files: 16, filesPerSec: 0.409, cpuMsPerFile: 557 },
  batchSamples: { files: 500, filesPerSec: 14.3, cpuMsPerFile: 25.4 },
};

const GOAL_SHARE = 0.25; // project time <= 25 % of the bare exceljs parse
const GOAL_SCALE = 4.5; // 800 sheets <= 4.5 x 200 sheets
const GOAL_BATCH = 4; // batch on 200-sheet workbooks >= 4 x the baseline's files/s
const GOAL_HELP = 1.5; // lakip --help <= 1.5 x node -e 0
const GOAL_CHECK = 1.2; // lakip check sample <= 1.2 x bare exceljs read
const GOAL_RSS_MB = 0.4 * 1024; // 1M cells: peak RSS <= 0.4 GiB
const GOAL_FIRST_KB = 200; // preview first screen <= 200 KB on the wire

const T0 = Date.now();
const log = (s) => process.stderr.write(`[bench ${Math.round((Date.now() - T0) / 1000)} s] ${s}\n`);
function child(args, timeoutMs, nodeArgs = [], env = process.env) {
  const out = execFileSync(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out);
}
function attempt(name, fn) {
  try {
    return fn();
  } catch (e) {
    const msg = String(e && e.message ? e.message : e).split('\n')[0];
    log(`${name} failed: ${msg}`);
    return { error: msg };
  }
}
const ok = (x) => x !== undefined && x !== null && !Number.isNaN(x);
const f0 = (x) => (ok(x) ? Math.round(x).toLocaleString('en-US') : '—');
const f1 = (x) => (ok(x) ? x.toFixed(1) : '—');
const f2 = (x) => (ok(x) ? x.toFixed(2) : '—');
const pct = (x) => (ok(x) ? `${(x * 100).toFixed(1)} %` : '—');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mark = (b) => (b === undefined ? '' : b ? '✓' : '✗');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${f0(Math.min(...xs))}–${f0(Math.max(...xs))}`;
// Bytes on the wire: npm run build writes .gz and .br copies and servers send them (docs/deploy.md).
const wire = (p) => `${kb(p.gzip)} / ${p.br === undefined ? '—' : kb(p.br)} (${p.raw === undefined ? '—' : kb(p.raw)})`;

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * RUNS rounds on one input; each round one fresh process for the bare exceljs parse and
 * one for ours, back to back, so the two see the same load. Project time = ours − parse;
 * its share of the parse is given from the medians, with the range of the per-round shares.
 */
function measure(input) {
  const parse = [];
  const ours = [];
  const narratives = input.narratives || [];
  for (let i = 0; i < RUNS; i++) {
    const p = attempt(`parse ${input.label}`, () => child([path.join(B, 'engine.js'), 'parse', input.file], 600_000));
    if (p.error) return { ...input, error: p.error };
    const o = attempt(`ours ${input.label}`, () => child([path.join(B, 'engine.js'), 'ours', input.file, ...narratives], 600_000));
    if (o.error) return { ...input, error: o.error };
    parse.push(p);
    ours.push(o);
  }
  const m = (rs, k) => median(rs.map((r) => r[k]));
  const res = {
    ...input,
    parse: m(parse, 'ms'),
    parseAll: parse.map((r) => r.ms),
    parseCpu: m(parse, 'cpuMs'),
    parseRss: m(parse, 'rssMB'),
    read: m(ours, 'read'),
    readCpu: m(ours, 'readCpu'),
    analyze: m(ours, 'analyze'),
    analyzeCpu: m(ours, 'analyzeCpu'),
    narrative: m(ours, 'narrative'),
    total: m(ours, 'ms'),
    totalAll: ours.map((r) => r.ms),
    totalCpu: m(ours, 'cpuMs'),
    oursRss: m(ours, 'rssMB'),
    findings: ours[0].findings,
    bySeverity: ours[0].bySeverity,
    narrativeFindings: ours[0].narrativeFindings,
    fixes: ours[0].fixes,
    tables: ours[0].tables,
  };
  // Project time = ours − the bare parse holds while ours parses with exceljs; with a reader of
  // its own, ours has no exceljs parse in it to take away, and the goal is ours < the parse.
  res.usesExceljs = ours.every((r) => r.usesExceljs);
  if (res.usesExceljs) {
    res.project = res.total - res.parse;
    res.projectCpu = res.totalCpu - res.parseCpu;
    res.share = res.project / res.parse;
    res.shareCpu = res.projectCpu / res.parseCpu;
    const shares = parse.map((p, i) => (ours[i].ms - p.ms) / p.ms);
    res.shareMin = Math.min(...shares);
    res.shareMax = Math.max(...shares);
  }
  res.ratio = res.total / res.parse;
  const ratios = parse.map((p, i) => ours[i].ms / p.ms);
  res.ratioMin = Math.min(...ratios);
  res.ratioMax = Math.max(...ratios);
  res.goal = res.cells >= 10_000 ? (res.usesExceljs && res.share <= GOAL_SHARE) || res.total < res.parse : undefined;
  return res;
}

/** The columns every engine table shares. */
const ENGINE_HEAD = ['exceljs parse ms (min–max)', 'parse CPU ms', 'our read ms (CPU)', 'analysis ms (CPU)', 'ours total ms (min–max)', 'project ms (CPU)', 'project / parse (min–max)', 'project / parse, CPU', 'ours / parse (min–max)', 'peak RSS ours / parse', 'goal'];
function engineCells(e) {
  if (e.error) return [`failed: ${e.error.slice(0, 80)}`, '', '', '', '', '', '', '', '', '', ''];
  return [
    `${f0(e.parse)} (${range(e.parseAll)})`,
    f0(e.parseCpu),
    `${f0(e.read)} (${f0(e.readCpu)})`,
    `${f0(e.analyze)} (${f0(e.analyzeCpu)})`,
    `${f0(e.total)} (${range(e.totalAll)})`,
    e.usesExceljs ? `${f0(e.project)} (${f0(e.projectCpu)})` : 'n/a',
    e.usesExceljs ? `${pct(e.share)} (${pct(e.shareMin)}–${pct(e.shareMax)})` : 'n/a',
    e.usesExceljs ? pct(e.shareCpu) : 'n/a',
    `${f2(e.ratio)}× (${f2(e.ratioMin)}–${f2(e.ratioMax)})`,
    `${f0(e.oursRss)} / ${f0(e.parseRss)} MB`,
    e.goal === undefined ? '(< 10k cells)' : mark(e.goal),
  ];
}
const findingsCell = (e) => (e.error ? '' : `${f0(e.findings)} (${e.bySeverity.error} K, ${e.bySeverity.warning} P, ${e.bySeverity.info} I)`);

function main() {
  const t0 = Date.now();
  const load0 = os.loadavg();
  if (!process.env.BENCH_SKIP_BUILD) {
    log('npm run build:cli');
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    log('npm run build');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const head = attempt('git log', () => git('log', '-1', '--format=%h (%cs)'));
  const dirty = attempt('git status', () => git('status', '--porcelain', '--', 'src', 'bin', 'package.json'));
  const at = typeof head === 'string' ? `commit ${head}${dirty ? ', with uncommitted changes under src/ as built into dist/' : ''}` : 'an unknown commit';

  // Inputs. The generator alone gets a large heap; every measured run uses Node's defaults.
  log('generating inputs');
  const specs = [...INPUTS.CLEAN, ...INPUTS.ERRORS, ...INPUTS.SHEETS, ...INPUTS.SIPD];
  const gen = child([path.join(B, 'generate.js'), path.join(TMP, 'xlsx'), ...specs], 600_000, ['--max-old-space-size=4096']);
  const bySpec = Object.fromEntries(gen.map((g) => [g.spec, g]));
  const input = (spec, group) => ({ ...bySpec[spec], group, label: spec });
  const groups = {
    a: INPUTS.CLEAN.map((s) => input(s, 'a')),
    b: INPUTS.ERRORS.map((s) => input(s, 'b')),
    c: INPUTS.SHEETS.map((s) => input(s, 'c')),
    d: INPUTS.SIPD.map((s) => input(s, 'd')),
    e: INPUTS.SAMPLES.map((s) => ({ group: 'e', label: s.xlsx, file: path.join(ROOT, 'examples', s.xlsx), narratives: s.narratives.map((n) => path.join(ROOT, 'examples', n)), narrativeNames: s.narratives, bytes: fs.statSync(path.join(ROOT, 'examples', s.xlsx)).size })),
  };

  // 1. Project time beside the bare parse.
  const engine = {};
  for (const [g, inputs] of Object.entries(groups)) {
    engine[g] = inputs.map((inp) => {
      log(`(${g}) ${inp.label}: ${RUNS} rounds of parse + ours, fresh processes`);
      return measure(inp);
    });
  }

  // 2. Memory on the 1M-cell input.
  const big = groups.a[groups.a.length - 1];
  log(`peak RSS, lakip check ${path.basename(big.file)}`);
  const mem = attempt('memory', () => child([path.join(B, 'cli.js'), 'memory', big.file], 600_000));

  // 3. Start-up.
  log('start-up (fresh processes)');
  const start = attempt('startup', () => child([path.join(B, 'cli.js'), 'startup', String(Math.max(RUNS, 7))], 600_000));

  // 4. Batch CLI, this tree and (unless skipped) the baseline commit, interleaved.
  const sheets200 = bySpec['sheets:200'].file;
  const samples = ['dinsos-ntt-2021.xlsx', 'dinsos-flotim-2020.xlsx'].map((f) => path.join(ROOT, 'examples', f));
  let baseBin;
  if (!process.env.BENCH_NO_BASELINE) {
    baseBin = attempt('baseline build', () => {
      const dir = path.join(os.tmpdir(), `lakip-base-${BASELINE.commit}`);
      if (!fs.existsSync(path.join(dir, 'dist', 'cli', 'main.js'))) {
        log(`building the baseline commit ${BASELINE.commit} in ${dir}`);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        execFileSync('sh', ['-c', `git archive ${BASELINE.commit} | tar -x -C "${dir}"`], { cwd: ROOT, stdio: 'inherit' });
        fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: dir, stdio: 'inherit' });
      }
      return path.join(dir, 'bin', 'lakip.js');
    });
    if (baseBin && baseBin.error) baseBin = undefined;
  }
  const batchRuns = { b200: [], bSamples: [], base200: [], baseSamples: [] };
  const batchN = 3;
  for (let i = 0; i < batchN; i++) {
    log(`batch CLI round ${i + 1}/${batchN}: ${INPUTS.BATCH200_FILES} × 200 sheets, ${INPUTS.BATCH_SAMPLES_FILES} samples${baseBin ? ', and the same on the baseline' : ''}`);
    const run = (key, n, files, env) => {
      const r = attempt(`batch ${key}`, () => child([path.join(B, 'batch.js'), path.join(TMP, `batch-${key}`), String(n), ...files], 900_000, [], env));
      if (!r.error) batchRuns[key].push(r);
    };
    run('b200', INPUTS.BATCH200_FILES, [sheets200]);
    if (baseBin) run('base200', INPUTS.BATCH200_FILES, [sheets200], { ...process.env, LAKIP_BIN: baseBin });
    run('bSamples', INPUTS.BATCH_SAMPLES_FILES, samples);
    if (baseBin) run('baseSamples', INPUTS.BATCH_SAMPLES_FILES, samples, { ...process.env, LAKIP_BIN: baseBin });
  }
  const batchOf = (rs) => (rs.length ? { files: rs[0].files, filesPerSec: median(rs.map((r) => r.filesPerSec)), all: rs.map((r) => r.filesPerSec), cpuMsPerFile: median(rs.map((r) => r.cpuMsPerFile)), peakMB: median(rs.map((r) => r.peakMB)), via: rs[0].via, exitCode: rs[0].exitCode, summary: rs[0].summary } : undefined);
  const batch = { b200: batchOf(batchRuns.b200), bSamples: batchOf(batchRuns.bSamples), base200: batchOf(batchRuns.base200), baseSamples: batchOf(batchRuns.baseSamples) };

  // 5. Add-in reads through the fake Excel API.
  log('add-in reads (fake Excel API)');
  const excel = attempt('excel', () => child([path.join(B, 'excel.js')], 300_000, ['--max-old-space-size=4096']));

  // 6. Task pane.
  log('task pane (headless Chromium)');
  const pane = attempt('taskpane', () => child([path.join(B, 'taskpane.js')], 600_000));

  fs.rmSync(TMP, { recursive: true, force: true });
  const cpus = os.cpus();
  const R = {
    at,
    seconds: Math.round((Date.now() - t0) / 1000),
    machine: `${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString()}`,
    cores: cpus.length,
    load0,
    load1: os.loadavg(),
    runs: RUNS,
    batchN,
    files200: INPUTS.BATCH200_FILES,
    filesSamples: INPUTS.BATCH_SAMPLES_FILES,
    gen,
    engine,
    mem,
    start,
    batch,
    excel,
    pane,
  };
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(R, null, 1));
  render(R);
}

/** The report from the figures of one run (BENCH_RENDER=<json> renders a run kept with BENCH_JSON again). */
function render(R) {
  const { at, machine, cores, load0, load1, engine, mem, start, batch, batchN, excel, pane } = R;
  const RUNS = R.runs;
  const big = engine.a[engine.a.length - 1];
  const loadNote = `Load average (1 min) ${load0[0].toFixed(2)} at the start, ${load1[0].toFixed(2)} at the end, on ${cores} cores${Math.max(load0[0], load1[0]) > cores ? ': other work shared the machine, so wall times are longer than on an idle one; the ratios compare runs made side by side, and the CPU columns are less affected' : ''}.`;

  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((g) => engine[g]);
  const tA = table(['Cells', 'Rows×cols', 'File', ...ENGINE_HEAD, 'Findings'], a.map((x) => [f0(x.cells), `${f0(x.rows)}×${x.cols}`, kb(x.bytes), ...engineCells(x), findingsCell(x)]));
  const tB = table(['Cells', 'Wrong cells', 'File', ...ENGINE_HEAD, 'Findings'], b.map((x) => [f0(x.cells), f0(x.wrong), kb(x.bytes), ...engineCells(x), findingsCell(x)]));
  const tC = table(['Sheets', 'Cells', 'File', ...ENGINE_HEAD, 'ours ms / sheet', 'parse ms / sheet', 'Findings'], c.map((x) => [f0(x.sheets), f0(x.cells), kb(x.bytes), ...engineCells(x), x.error ? '' : f2(x.total / x.sheets), x.error ? '' : f2(x.parse / x.sheets), findingsCell(x)]));
  const c200 = c.find((x) => x.sheets === 200);
  const c800 = c.find((x) => x.sheets === 800);
  const scale = c200 && c800 && !c200.error && !c800.error ? { ours: c800.total / c200.total, oursCpu: c800.totalCpu / c200.totalCpu, project: c800.project / c200.project, parse: c800.parse / c200.parse, analyze: c800.analyze / c200.analyze } : undefined;
  const tC2 = scale
    ? table(['800 sheets / 200 sheets', 'Ratio', 'Goal'], [
        ['ours total (wall)', `${f2(scale.ours)}×`, `≤ ${GOAL_SCALE}× ${mark(scale.ours <= GOAL_SCALE)}`],
        ['ours total (CPU)', `${f2(scale.oursCpu)}×`, ''],
        ['analysis (wall)', `${f2(scale.analyze)}×`, ''],
        ...(ok(scale.project) ? [['project time (wall)', `${f2(scale.project)}×`, '']] : []),
        ['bare exceljs parse (wall)', `${f2(scale.parse)}×`, ''],
      ])
    : 'failed';
  const tD = table(['Rows×cols', 'Cells', 'Text zeros', 'Shared-formula cells', 'File', ...ENGINE_HEAD, 'Findings'], d.map((x) => [`${f0(x.rows)}×${x.cols}`, f0(x.cells), f0(x.textZeros), f0(x.sharedFormulaCells), kb(x.bytes), ...engineCells(x), findingsCell(x)]));
  const tE = table(['Sample + narrative', 'File', ...ENGINE_HEAD, 'narrative read ms', 'Findings (narrative)'], e.map((x) => [`${x.label} + ${x.narrativeNames.join(', ')}`, kb(x.bytes), ...engineCells(x).slice(0, -1), '(small)', f0(x.narrative), x.error ? '' : `${findingsCell(x)} (${x.narrativeFindings})`]));

  const memOk = !mem.error && mem.peakMB <= GOAL_RSS_MB;
  const tMem = mem.error
    ? `failed: ${mem.error}`
    : table(['Peak memory', 'Value', 'Goal'], [
        [`lakip check ${mem.file} --format json (${f0(big.cells)} cells)`, `${f1(mem.peakMB)} MB = ${(mem.peakMB / 1024).toFixed(2)} GiB (${mem.via}; ps polling every 20 ms: ${f1(mem.polledMB)} MB; ${f0(mem.ms)} ms, exit ${mem.exitCode})`, `≤ 0.4 GiB ${mark(memOk)}`],
        ['read + analysis in engine.js ours (max RSS, median)', `${f1(a[a.length - 1].oursRss)} MB`, ''],
        ['bare exceljs parse (max RSS, median)', `${f1(a[a.length - 1].parseRss)} MB`, ''],
      ]);

  let tStart = `failed: ${start.error}`;
  let helpRatio;
  let checkRatio;
  if (!start.error) {
    helpRatio = start.help.median / start.nodeE0.median;
    checkRatio = start.check.median / start.exceljsRead.median;
    const row = (name, x, vs, goal) => [name, `${f0(x.median)} (${f0(x.min)}–${f0(x.max)})`, f0(x.cpu), f1(x.rssMB), vs, goal];
    tStart = table(['Fresh process', 'Wall ms median (min–max)', 'CPU ms', 'Peak RSS MB', 'Ratio', 'Goal'], [
      row('node -e 0', start.nodeE0, '', ''),
      row('lakip --help', start.help, `${f2(helpRatio)}× node -e 0`, `≤ ${GOAL_HELP}× ${mark(helpRatio <= GOAL_HELP)}`),
      row('lakip --version', start.version, `${f2(start.version.median / start.nodeE0.median)}× node -e 0`, ''),
      row('node -e: require exceljs, read dinsos-ntt-2021.xlsx', start.exceljsRead, '', ''),
      row('lakip check examples/dinsos-ntt-2021.xlsx', start.check, `${f2(checkRatio)}× the exceljs read`, `≤ ${GOAL_CHECK}× ${mark(checkRatio <= GOAL_CHECK)}`),
    ]);
  }

  const b200 = batch.b200;
  const sameRun200 = b200 && batch.base200 ? b200.filesPerSec / batch.base200.filesPerSec : undefined;
  const const200 = b200 ? b200.filesPerSec / BASELINE.batch200.filesPerSec : undefined;
  const batchRatio = ok(sameRun200) ? sameRun200 : const200;
  const batchRow = (name, x) => (x ? [name, `${f2(x.filesPerSec)} files/s (${x.all.map((v) => f2(v)).join(', ')})`, f0(x.cpuMsPerFile), `${f1(x.peakMB)} MB`, `exit ${x.exitCode}`] : [name, 'failed', '', '', '']);
  const tBatch = table(['Batch CLI: lakip check <dir> --format json', `files/s, median of ${batchN} (runs)`, 'CPU ms / file', 'Peak RSS', 'Exit'], [
    batchRow(`${R.files200} × 200-sheet workbook (c), this tree`, b200),
    batchRow(`${R.files200} × 200-sheet workbook (c), baseline ${BASELINE.commit}, same run`, batch.base200),
    [`${R.files200} × 200-sheet workbook (c), baseline ${BASELINE.commit}, kept figure (${BASELINE.measured})`, `${f2(BASELINE.batch200.filesPerSec)} files/s`, f0(BASELINE.batch200.cpuMsPerFile), '', ''],
    batchRow(`${R.filesSamples} samples (NTT, Flotim in turn), this tree`, batch.bSamples),
    batchRow(`${R.filesSamples} samples, baseline ${BASELINE.commit}, same run`, batch.baseSamples),
    [`${R.filesSamples} samples, baseline ${BASELINE.commit}, kept figure (${BASELINE.measured})`, `${f2(BASELINE.batchSamples.filesPerSec)} files/s`, f0(BASELINE.batchSamples.cpuMsPerFile), '', ''],
  ]);
  const samplesRatio = batch.bSamples && batch.baseSamples ? batch.bSamples.filesPerSec / batch.baseSamples.filesPerSec : batch.bSamples ? batch.bSamples.filesPerSec / BASELINE.batchSamples.filesPerSec : undefined;
  const tBatch2 = table(['Against the baseline', 'files/s ratio', 'CPU per file ratio (baseline / now)', 'Goal'], [
    [`200-sheet workbooks, same run`, ok(sameRun200) ? `${f2(sameRun200)}×` : '—', b200 && batch.base200 ? `${f2(batch.base200.cpuMsPerFile / b200.cpuMsPerFile)}×` : '—', `≥ ${GOAL_BATCH}× ${ok(batchRatio) ? mark(batchRatio >= GOAL_BATCH) : ''}`],
    [`200-sheet workbooks, kept figure`, ok(const200) ? `${f2(const200)}×` : '—', b200 ? `${f2(BASELINE.batch200.cpuMsPerFile / b200.cpuMsPerFile)}×` : '—', ''],
    [`samples`, ok(samplesRatio) ? `${f2(samplesRatio)}×` : '—', batch.bSamples && batch.baseSamples ? `${f2(batch.baseSamples.cpuMsPerFile / batch.bSamples.cpuMsPerFile)}×` : '—', ''],
  ]);

  const t5 = excel.error
    ? `failed: ${excel.error}`
    : table(['Workbook (readWorkbookSnapshot on test/excel/fakeExcel.ts)', 'Cells', 'context.sync calls', 'Largest response', 'All responses', 'Time ms'], [
        ['(a) 50,000 × 20 sheet (+ a small title sheet)', f0(excel.big.cells), excel.big.syncs, kb(excel.big.maxBytes), kb(excel.big.totalBytes), f0(excel.big.ms)],
        ['(b) 30 sheets (NTT sample sheets ×6)', f0(excel.many.cells), excel.many.syncs, kb(excel.many.maxBytes), kb(excel.many.totalBytes), f0(excel.many.ms)],
      ]) +
      '\n\n' +
      table(
        ['Fixes applied at once (text numbers → numbers, 50,000 × 20 sheet)', 'applyEdits syncs', 'Largest request', 'Largest response', 'revertAll syncs', 'Largest request', 'Largest response', 'Refused and retried in parts'],
        excel.writes.map((w) => [f0(w.edits), w.apply.failed ? `failed: ${w.apply.failed}` : w.apply.syncs, kb(w.apply.maxRequest), kb(w.apply.maxResponse), w.revert ? w.revert.syncs : '-', w.revert ? kb(w.revert.maxRequest) : '-', w.revert ? kb(w.revert.maxResponse) : '-', w.apply.refused + (w.revert ? w.revert.refused : 0)]),
      );

  let firstOk;
  let t6 = `failed: ${pane.error}`;
  if (!pane.error) {
    const first = pane.pages.preview;
    firstOk = (first.br === undefined ? first.gzip : first.br) <= GOAL_FIRST_KB * 1024;
    const rows = [
      ['taskpane.html first-screen JS on the wire, gzip / br (plain)', `${wire(pane.pages.taskpane)} (${pane.pages.taskpane.files.join(', ')}; office.js external, not counted)`, `≤ ${GOAL_FIRST_KB} KB: gzip ${mark(pane.pages.taskpane.gzip <= GOAL_FIRST_KB * 1024)}, br ${mark(pane.pages.taskpane.br <= GOAL_FIRST_KB * 1024)}`],
      ['preview.html first screen: JS requested before Periksa is enabled, gzip / br (plain)', `${wire(first)} (${first.files.join(', ')})`, `≤ ${GOAL_FIRST_KB} KB: gzip ${mark(first.gzip <= GOAL_FIRST_KB * 1024)}, br ${mark(first.br <= GOAL_FIRST_KB * 1024)}`],
      ['preview.html all JS by the end of the first check (+ sample reader, engine worker), gzip / br (plain)', `${wire(pane.pages.previewLoaded)} (${pane.pages.previewLoaded.files.length} files)`, ''],
      ['Time to interactive (nav start → Periksa enabled), median of 3', `${f0(pane.tti)} ms (${pane.ttiRuns.join(', ')})`, ''],
      ['First check: Periksa clicked at once → findings (waits for the sample), median of 3', `${f0(pane.check)} ms (${pane.checkRuns.join(', ')}; ${pane.findingsShown} findings shown; ran in: ${[...new Set(pane.engine)].join(', ')})`, ''],
      ['Nav start → findings shown, median of 3', `${f0(pane.toResult)} ms (${pane.toResultRuns.join(', ')})`, ''],
      ['Re-check (sample read, worker warm: click → idle), median of 3', `${f0(pane.recheck)} ms (${pane.recheckRuns.join(', ')})`, ''],
    ];
    if (pane.throttled && pane.throttled.pageToResultsMs) {
      const t = pane.throttled.pageToResultsMs;
      const n = (x) => (Array.isArray(x.runs) ? x.runs.length : x.runs);
      rows.push([`Page → results on the NTT sample (nav start → findings shown), ${pane.throttled.profile}`, `${f0(t.median)} ms (${f0(t.min)}–${f0(t.max)}, ${n(t)} runs; engine: ${(pane.throttled.engine || []).join(', ') || '?'})`, 'reported ✓']);
      const mt = pane.throttled.pageToResultsMainThreadMs;
      if (mt) rows.push(['The same with no Worker (every step on the throttled page thread: an upper bound)', `${f0(mt.median)} ms (${f0(mt.min)}–${f0(mt.max)}, ${n(mt)} runs)`, '']);
      const by = pane.throttled.bytes;
      if (by) rows.push(['Bytes on the wire in one throttled run (as sent)', `${kb(by.total)} in ${by.requests} responses, JS ${kb(by.js)}, sample ${kb(by.sample)}`, '']);
    } else rows.push(['Page → results on the NTT sample, 9 Mbps / 4× CPU', 'not measured: scripts/bench/taskpane.js gave no `throttled` figures', '✗ (not reported)']);
    t6 = table(['Task pane', 'Value', 'Goal'], rows);
  }

  // Goals, in the issue's order.
  const atSize = [...a, ...b, ...c, ...d].filter((x) => !x.error && x.cells >= 10_000);
  const failedAtSize = [...a, ...b, ...c, ...d].filter((x) => x.error);
  const worst = atSize.reduce((w, x) => (!w || x.ratio > w.ratio ? x : w), undefined);
  const worstShare = atSize.filter((x) => x.usesExceljs).reduce((w, x) => (!w || x.share > w.share ? x : w), undefined);
  const shareOk = failedAtSize.length === 0 && atSize.every((x) => x.goal);
  const goals = table(['Goal (issue 13)', 'Measured in this run', ''], [
    [`Project time ≤ 25 % of the bare exceljs parse (or ours < parse) on (a)–(d), every input ≥ 10k cells`, worst ? `${atSize.filter((x) => x.goal).length} of ${atSize.length + failedAtSize.length} inputs; largest ours / parse ${f2(worst.ratio)}× (${worst.label})${worstShare ? `; largest project share ${pct(worstShare.share)} (${worstShare.label})` : '; ours reads without exceljs'}` : 'failed', mark(shareOk)],
    ['800 sheets ≤ 4.5× 200 sheets', scale ? `${f2(scale.ours)}× (ours total)` : 'failed', scale ? mark(scale.ours <= GOAL_SCALE) : '✗'],
    [`Batch on 200-sheet workbooks ≥ 4× the files/s of ${BASELINE.commit}`, ok(batchRatio) ? `${f2(batchRatio)}× (${ok(sameRun200) ? 'baseline re-measured in this run' : 'against the kept figure'})` : 'failed', ok(batchRatio) ? mark(batchRatio >= GOAL_BATCH) : '✗'],
    ['lakip --help ≤ 1.5× node -e 0', ok(helpRatio) ? `${f2(helpRatio)}×` : 'failed', ok(helpRatio) ? mark(helpRatio <= GOAL_HELP) : '✗'],
    ['lakip check on the sample ≤ 1.2× a bare exceljs read of it', ok(checkRatio) ? `${f2(checkRatio)}×` : 'failed', ok(checkRatio) ? mark(checkRatio <= GOAL_CHECK) : '✗'],
    ['1M cells: peak RSS ≤ 0.4 GiB', mem.error ? 'failed' : `${(mem.peakMB / 1024).toFixed(2)} GiB`, mark(memOk)],
    ['Preview first screen ≤ 200 KB on the wire', pane.error ? 'failed' : `${kb(pane.pages.preview.br)} br / ${kb(pane.pages.preview.gzip)} gzip`, pane.error ? '✗' : mark(firstOk)],
    ['Page → results on the NTT sample, 9 Mbps / 4× CPU: reported', pane.throttled && pane.throttled.pageToResultsMs ? `${f0(pane.throttled.pageToResultsMs.median)} ms (${pane.throttled.profile}); ${pane.throttled.pageToResultsMainThreadMs ? `${f0(pane.throttled.pageToResultsMainThreadMs.median)} ms with no Worker` : ''}` : 'not reported by taskpane.js', mark(!!(pane.throttled && pane.throttled.pageToResultsMs))],
  ]);

  const md = [
    '# LAKIP benchmarks',
    '',
    `Written by \`npm run bench\` (scripts/bench.js) in ${R.seconds} s, at ${at}.`,
    '',
    `Machine: ${machine}. ${loadNote}`,
    '',
    '**Project time** is everything after the bare exceljs parse: ours (narrative read, `readWorkbookFile`, `analyzeWorkbook` with the narrative, and the fix plan `lakip check` makes) minus the bare parse (`new ExcelJS.Workbook().xlsx.readFile`), each in its own fresh process, ' +
      `${RUNS} rounds of the two back to back. While the project's reader parses with exceljs, ours contains the parse and project time is the snapshot, analysis and narrative (goal ≤ 25 % of the parse). ` +
      `With a reader of its own (exceljs not loaded by ours, checked in every run: ${[...new Set(Object.values(engine).flat().filter((x) => !x.error).map((x) => (x.usesExceljs ? 'exceljs loaded' : 'exceljs not loaded')))].join(' / ')} in this run) there is no exceljs parse inside ours to take away: the project columns say n/a and the goal is ours total < the bare parse. ` +
      'Times are from after the modules are loaded (start-up is measured in section 3), with no forced gc and no pause. Medians, with the range over the rounds; CPU is user + sys of the process (every thread). The goal is judged on the wall-clock medians; "project / parse, CPU" is the same share in CPU time, steadier when other work shares the machine. Inputs are generated by scripts/bench/generate.js (fflate, deterministic) into a temp folder. K / P / I = Kesalahan / Peringatan / Info.',
    '',
    '## Goals',
    '',
    goals,
    '',
    '## 1. Project time beside the bare exceljs parse',
    '',
    '### (a) Clean budget tables',
    '',
    'One table: No, Kode Rekening, Program, Kegiatan, Anggaran, Realisasi, % and Capaian as formulas with cached results, Sisa, Target, a Jumlah row of SUMs; #,##0 and 0.00 formats, shared strings. No finding is expected.',
    '',
    tA,
    '',
    '### (b) The same with ~2 % wrong cells',
    '',
    'One data row in five has one wrong cell, in turn: a % typed wrong, an anggaran stored as text ("367.000.000", which SUM skips, so the cached total is short), #DIV/0! on a row whose anggaran is 0 (and the Capaian that divides by it), a realisasi stored as text; the Jumlah row has anggaran and sisa typed wrong over the formulas.',
    '',
    tB,
    '',
    '### (c) Many sheets of small tables',
    '',
    'Sheets in turn: an APBD budget table (title block, parent row "I Urusan …", six programs, Jumlah), a PMKS table (Populasi = Provinsi + Kab/Kota, %, TOTAL of SUMs), an IKU table (Target, Realisasi, Capaian), a count table (staff by education and rank, two-row merged header, row and column totals). One sheet in five has an error (a wrong total or parent row, a number stored as text, a wrong % or capaian, #DIV/0!, a wrong row total). The goal asks the cost to grow linearly with the sheets.',
    '',
    tC,
    '',
    tC2,
    '',
    '### (d) SIPD-style export',
    '',
    'Laporan Realisasi Anggaran per rekening as SIPD writes it: a title block, two header rows (merged KODE REKENING over five columns, ANGGARAN over sebelum / setelah perubahan) and a column-number row, Kode Rekening split over five columns (5 | 1 | 02 | 01 | 0001), a five-level code tree (akun, kelompok, jenis, objek, rincian) whose every parent row sums its children with one shared formula across G:K (`<f t="shared" ref="G9:K9" si="…">`), shared formulas down each block of detail rows (bertambah/berkurang, sisa, %), zeros typed as text "0" where there is no realisasi, row outline levels and a column group over the code columns, Sumber Dana, a signature block. Clean apart from the text zeros.',
    '',
    tD,
    '',
    '### (e) The samples with their narratives',
    '',
    'The bundled samples, each with its report prose (`--narrative`); the NTT workbook also has its own Narasi sheet. Ours includes reading the .docx/.txt and linking every figure of the prose to the tables.',
    '',
    tE,
    '',
    '## 2. Memory',
    '',
    'A fresh `lakip check` on the 1M-cell input of (a), as a user runs it (Node\'s default heap).',
    '',
    tMem,
    '',
    '## 3. Start-up',
    '',
    `Each command a fresh process, interleaved, ${Math.max(RUNS, 7)} times (after one unmeasured run to warm the file cache); wall time from spawn to exit, CPU and peak RSS from /usr/bin/time. The exceljs read is \`node -e\` that requires exceljs and reads the sample, nothing else.`,
    '',
    tStart,
    '',
    '## 4. Batch CLI',
    '',
    `\`node bin/lakip.js check <dir> --format json > /dev/null\` on ${R.files200} copies of the 200-sheet workbook of (c), and on ${R.filesSamples} copies of the two samples in turn; ${batchN} runs each. The baseline is commit ${BASELINE.commit} (the exceljs reader, before issue 13's reader work), built from \`git archive\` in a temp folder and run the same way in this run, interleaved with this tree; the kept figures were measured with scripts/bench/baseline.js (${BASELINE.measured}).`,
    '',
    tBatch,
    '',
    tBatch2,
    '',
    '## 5. Add-in reads and writes (fake Excel API)',
    '',
    'Measured by compiling test/excel/fakeExcel.ts, test/excel/generate.ts and src/excel/readSnapshot.ts in-process with TypeScript (transpileModule) — not taken from the jest tests. Response bytes are the fake\'s UTF-8 JSON of each sync\'s loaded properties; request bytes its estimate of each sync\'s request (the JSON of every written array, address and XML part, plus 64 bytes per action). Excel on the web\'s limit is 5 MB each way: fixes are applied and reverted in chunks estimated under 4 MB, three syncs for everyday counts; a revert log too large to read in one answer is read one part per sync (the "refused" column).',
    '',
    t5,
    '',
    '## 6. Task pane',
    '',
    'Headless Chromium (/usr/bin/chromium, playwright-core) on dist-web/preview.html served by scripts/serve-web.js, 1280×800 (scripts/bench/taskpane.js). The first screen is the JS whose request started before Periksa was enabled; the preview enables Periksa first and fetches the NTT sample, its .xlsx reader and the engine worker after the first paint. The first check is Periksa clicked as soon as it is enabled; the re-check is a second click on the same page.',
    '',
    t6,
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, md);
  process.stdout.write(`${md}\n(written to ${path.relative(ROOT, OUT)})\n`);
}


if (process.env.BENCH_RENDER) render(JSON.parse(fs.readFileSync(process.env.BENCH_RENDER, 'utf8')));
else main();
