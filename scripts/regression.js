#!/usr/bin/env node
'use strict';
/**
 * Regression run over folders of real workbooks (kept outside the repository):
 * every workbook-like file is read in a child process of its own, with a time
 * limit and a 1 GB heap, and classified:
 *
 *   ok         read (sheets, cells, tables found, findings by severity)
 *   refused    the reader said why (code and message); with --libreoffice the file is
 *              then tried with LibreOffice: "valid but refused" when LibreOffice reads
 *              it, "damaged" when it cannot either
 *   hang       no answer within --timeout seconds (the child is killed)
 *   crash      the child ended without a result or a read error (an exception, a signal)
 *   oom        out of memory (exit 134, "heap out of memory", or killed by the system)
 *
 * Files are found by extension (.xlsx .xlsm .xltx .xltm .xlsb .xls .ods .fods) and, for
 * any other file, by content (a zip holding a spreadsheet, a CFB container with a
 * workbook or an encrypted package, an XML 2003 or flat OpenDocument spreadsheet).
 * The producer comes from docProps/app.xml <Application> (meta.xml's generator for
 * OpenDocument). Prints one line per file, a summary and the counts per producer;
 * --json writes everything. Exits 1 on any hang, crash, out-of-memory or valid file
 * refused (only --libreoffice can tell a refused file valid), 0 otherwise, 64 on a
 * usage error.
 *
 *   npm run build:cli && node scripts/regression.js /work/realwb /work/realwb2 --json out.json
 *   node scripts/regression.js DIR... [--json FILE] [--timeout 60] [--libreoffice] [--cli] [--jobs 1]
 *
 * By default the child calls the reader and the engine compiled in dist/ (so the counts
 * of sheets and cells are known); --cli runs `node bin/lakip.js check FILE --format json`
 * instead. Either way, build dist/ first: the run checks what dist/ holds.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.join(__dirname, '..');
const MARK = '@@regression ';
const HEAP_MB = 1024;

const BY_EXTENSION = /\.(xlsx|xlsm|xltx|xltm|xlsb|xls|ods|fods)$/i;
const OOM_TEXT = /heap out of memory|JavaScript heap|Reached heap limit|Allocation failed|out of memory/i;

// ------------------------------------------------------------------ classification (pure)

/** The last result line the child printed ({read} or {refused}), or null. */
function childResult(stdout) {
  const lines = String(stdout || '').split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].startsWith(MARK)) continue;
    try {
      return JSON.parse(lines[i].slice(MARK.length));
    } catch {
      return null;
    }
  }
  return null;
}

/** The line of a child's stderr that says most: the last one naming an error, else the last one (Node's version banner skipped). */
function lastLine(text) {
  const lines = String(text || '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Node\.js v\d/.test(l));
  const named = lines.filter((l) => /\b\w*Error\b|error:|FATAL/i.test(l) && !/^at /.test(l));
  const line = named.length ? named[named.length - 1] : lines.length ? lines[lines.length - 1] : '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/** Counts of a `lakip check --format json` file object. */
function fromCliFile(f) {
  const findings = { error: 0, warning: 0, info: 0 };
  for (const x of f.findings || []) if (x.severity in findings) findings[x.severity]++;
  return { tables: (f.tables || []).length, findings };
}

/**
 * What one child run means. `run`: { mode: 'reader' | 'cli', exitCode, signal, timedOut,
 * stdout, stderr }. Returns { status: 'ok' | 'refused' | 'hang' | 'crash' | 'oom', ... }.
 */
function classify(run) {
  const { exitCode, signal, timedOut } = run;
  const stderr = String(run.stderr || '');
  if (timedOut) return { status: 'hang' };
  const failed = exitCode !== 0 || !!signal;
  if (failed && (OOM_TEXT.test(stderr) || exitCode === 134 || exitCode === 137 || signal === 'SIGABRT' || signal === 'SIGKILL')) {
    const said = stderr.split('\n').find((l) => OOM_TEXT.test(l));
    return { status: 'oom', detail: (said && said.trim()) || lastLine(stderr) || `exit ${exitCode === null ? signal : exitCode}` };
  }
  const crash = (why) => ({ status: 'crash', detail: why || lastLine(stderr) || `exit ${exitCode === null ? signal : exitCode}` });
  if (signal) return crash(`killed by ${signal}`);
  if (run.mode === 'cli') {
    let f;
    try {
      f = JSON.parse(String(run.stdout || '')).files[0];
    } catch {
      return crash();
    }
    if (!f) return crash('no file in the JSON');
    if (f.error && exitCode === 2) return { status: 'refused', code: f.error.code, message: f.error.message };
    if (!f.error && (exitCode === 0 || exitCode === 1)) return { status: 'ok', read: fromCliFile(f) };
    return crash();
  }
  const r = childResult(run.stdout);
  if (exitCode !== 0 || !r) return crash(r && r.threw ? r.threw : undefined);
  if (r.refused) return { status: 'refused', code: r.refused.code, message: r.refused.message };
  if (r.read) return { status: 'ok', read: r.read };
  return crash(r.threw || 'no result');
}

/** A refused file with LibreOffice's answer: 'valid-but-refused' when it reads the file, 'damaged' when it cannot. */
function refusedVerdict(libreoffice) {
  if (!libreoffice) return undefined;
  if (libreoffice.converted) return 'valid-but-refused';
  if (libreoffice.available === false) return undefined;
  return 'damaged';
}

/** The run fails on any hang, crash, out-of-memory, or a refused file LibreOffice reads. */
function exitCodeFor(entries) {
  return entries.some((e) => e.status === 'hang' || e.status === 'crash' || e.status === 'oom' || e.verdict === 'valid-but-refused') ? 1 : 0;
}

/** "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/..." -> "LibreOffice"; "" -> "(none)". */
function producerName(application) {
  const a = String(application || '').trim();
  if (!a) return '(no app.xml)';
  if (a.startsWith('(')) return a;
  return a.split(/[/$]/)[0].trim() || a;
}

const STATUSES = ['ok', 'refused', 'hang', 'crash', 'oom'];

function summarize(entries) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const byProducer = {};
  let validButRefused = 0;
  let damaged = 0;
  for (const e of entries) {
    counts[e.status]++;
    if (e.verdict === 'valid-but-refused') validButRefused++;
    if (e.verdict === 'damaged') damaged++;
    const p = (byProducer[e.producer] ??= { files: 0, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) });
    p.files++;
    p[e.status]++;
  }
  return { files: entries.length, ...counts, validButRefused, damaged, byProducer };
}

function formatEntry(e) {
  const name = e.file;
  switch (e.status) {
    case 'ok': {
      const r = e.read;
      const where = r.sheets === undefined ? '' : `${r.sheets} sheets, ${r.cells} cells, `;
      return `ok       ${name}  ${where}${r.tables} tables, findings ${r.findings.error}/${r.findings.warning}/${r.findings.info} (error/warning/info)  ${e.seconds}s`;
    }
    case 'refused':
      return `REFUSED  ${name}  ${e.code}: ${e.message}${e.verdict ? `  [LibreOffice: ${e.verdict === 'valid-but-refused' ? 'reads it: VALID BUT REFUSED' : 'cannot read it either: damaged'}]` : ''}`;
    case 'hang':
      return `HANG     ${name}  no answer in ${e.seconds}s`;
    case 'oom':
      return `OOM      ${name}  ${e.detail}`;
    default:
      return `CRASH    ${name}  ${e.detail}`;
  }
}

function formatSummary(s) {
  const lines = [
    `${s.files} files: ok ${s.ok}, refused ${s.refused} (valid but refused ${s.validButRefused}, damaged ${s.damaged}), hang ${s.hang}, crash ${s.crash}, out of memory ${s.oom}`,
    'By producer (docProps/app.xml <Application>):',
  ];
  const rows = Object.entries(s.byProducer).sort((a, b) => b[1].files - a[1].files || a[0].localeCompare(b[0]));
  const width = Math.max(10, ...rows.map(([p]) => p.length));
  for (const [p, c] of rows) {
    const rest = STATUSES.filter((k) => c[k]).map((k) => `${k} ${c[k]}`).join(', ');
    lines.push(`  ${p.padEnd(width)}  ${String(c.files).padStart(3)}  ${rest}`);
  }
  return lines;
}

// ------------------------------------------------------------------ finding files

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s) => Buffer.from(s, 'utf16le');

function readSlices(file, size) {
  const fd = fs.openSync(file, 'r');
  try {
    const headLen = Math.min(size, 64 * 1024);
    const head = Buffer.alloc(headLen);
    fs.readSync(fd, head, 0, headLen, 0);
    const tailLen = Math.min(size, 1024 * 1024);
    const tail = Buffer.alloc(tailLen);
    fs.readSync(fd, tail, 0, tailLen, size - tailLen);
    return { head, tail };
  } finally {
    fs.closeSync(fd);
  }
}

/** What a file is, by content, when it is a spreadsheet of some kind; null otherwise. */
function sniffWorkbook(head, tail) {
  if (head.subarray(0, 4).equals(ZIP)) {
    const names = Buffer.concat([head, tail]).toString('latin1');
    if (/xl\/workbook\.(xml|bin)|xl\/worksheets\//.test(names)) return 'zip-spreadsheet';
    if (/mimetypeapplication\/vnd\.oasis\.opendocument\.spreadsheet/.test(names)) return 'ods';
    return null;
  }
  if (head.subarray(0, 8).equals(CFB)) {
    const all = Buffer.concat([head, tail]);
    if (all.includes(utf16('EncryptionInfo')) || all.includes(utf16('Workbook')) || all.includes(utf16('Book'))) return 'cfb';
    return null;
  }
  const text = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').slice(0, 4096).toLowerCase();
  if (/<\?mso-application\s+progid\s*=\s*["']excel\.sheet["']/.test(text) || /urn:schemas-microsoft-com:office:spreadsheet/.test(text)) return 'xml-2003';
  if (/office:mimetype\s*=\s*["']application\/vnd\.oasis\.opendocument\.spreadsheet["']/.test(text)) return 'flat-ods';
  return null;
}

/** Workbook-like files under the folders, sorted; hidden folders and node_modules skipped. */
function findWorkbooks(dirs) {
  const out = [];
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        walk(path.join(p, name));
      }
      return;
    }
    if (!st.isFile() || st.size === 0) {
      if (st.isFile() && BY_EXTENSION.test(p)) out.push({ file: p, size: 0, kind: 'empty' });
      return;
    }
    const { head, tail } = readSlices(p, st.size);
    const kind = sniffWorkbook(head, tail);
    if (kind || BY_EXTENSION.test(p)) out.push({ file: p, size: st.size, kind: kind || 'by-extension' });
  };
  for (const d of dirs) walk(path.resolve(d));
  return out;
}

/** docProps/app.xml <Application> (or meta.xml's generator), read without trusting declared sizes far. */
function producerOf(file, size) {
  if (size > 200 * 1024 * 1024) return '';
  let data;
  try {
    data = fs.readFileSync(file);
  } catch {
    return '';
  }
  if (!data.subarray(0, 4).equals(ZIP)) return data.subarray(0, 8).equals(CFB) ? '(CFB container)' : '';
  try {
    const { unzipSync } = require('fflate');
    const names = [];
    const files = unzipSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
      filter: (f) => {
        names.push(f.name);
        return (f.name === 'docProps/app.xml' || f.name === 'meta.xml') && f.originalSize < 4 * 1024 * 1024 && f.size < 4 * 1024 * 1024;
      },
    });
    const app = files['docProps/app.xml'];
    if (app) {
      const m = /<(?:\w+:)?Application>([^<]*)<\/(?:\w+:)?Application>/.exec(Buffer.from(app).toString('utf8'));
      if (m) return m[1].trim();
    }
    const meta = files['meta.xml'];
    if (meta) {
      const m = /<meta:generator>([^<]*)<\/meta:generator>/.exec(Buffer.from(meta).toString('utf8'));
      if (m) return m[1].trim();
    }
    // No docProps at all and a drawing part per sheet: how Google Sheets exports (test/fixtures/google-sheets-shaped.js).
    if (!names.some((n) => n.startsWith('docProps/')) && names.includes('xl/drawings/drawing1.xml')) return GOOGLE_LIKE;
  } catch {
    return '';
  }
  return '';
}

const GOOGLE_LIKE = '(no app.xml; Google Sheets-like)';

// ------------------------------------------------------------------ running

function runChild(args, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      if (stdout.length < 64 * 1024 * 1024) stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-64 * 1024);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stdout, stderr, seconds: Math.round((Date.now() - t0) / 100) / 10 });
    });
  });
}

/** LibreOffice's own profile for this run, so it neither clashes with an office already open nor changes the user's. */
const LO_PROFILE = path.join(os.tmpdir(), `lakip-regression-lo-profile-${process.pid}`);

function libreofficeTry(file, timeoutMs) {
  return new Promise((resolve) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-regression-lo-'));
    const profile = `file://${LO_PROFILE}`;
    const child = spawn('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', out, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-8192)));
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      fs.rmSync(out, { recursive: true, force: true });
      resolve(r);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ available: true, converted: false, detail: 'LibreOffice timed out' });
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      finish({ available: false, converted: false, detail: 'soffice not found' });
    });
    child.on('close', () => {
      clearTimeout(timer);
      const csv = fs.existsSync(out) ? fs.readdirSync(out).filter((n) => n.endsWith('.csv')) : [];
      finish({ available: true, converted: csv.length > 0, detail: csv.length ? `converted to ${csv.length} csv` : lastLine(stderr) || 'no output' });
    });
  });
}

async function checkOne(item, opts) {
  const args =
    opts.cli
      ? [`--max-old-space-size=${HEAP_MB}`, path.join(ROOT, 'bin', 'lakip.js'), 'check', item.file, '--format', 'json']
      : [`--max-old-space-size=${HEAP_MB}`, __filename, '--child', item.file];
  const run = await runChild(args, opts.timeout * 1000);
  const c = classify({ mode: opts.cli ? 'cli' : 'reader', ...run });
  const application = producerOf(item.file, item.size);
  const entry = { file: item.file, size: item.size, kind: item.kind, producer: producerName(application), application, seconds: run.seconds, ...c };
  if (c.status === 'refused' && opts.libreoffice) {
    entry.libreoffice = await libreofficeTry(item.file, 120 * 1000);
    const v = refusedVerdict(entry.libreoffice);
    if (v) entry.verdict = v;
  }
  return entry;
}

function parseArgs(argv) {
  const opts = { dirs: [], json: null, timeout: 60, libreoffice: false, cli: false, jobs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') opts.json = value();
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--jobs') opts.jobs = Number(value());
    else if (a === '--libreoffice') opts.libreoffice = true;
    else if (a === '--cli') opts.cli = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.dirs.push(a);
  }
  if (!(opts.timeout > 0)) throw new Error('--timeout must be a number of seconds');
  if (!(opts.jobs >= 1)) throw new Error('--jobs must be 1 or more');
  return opts;
}

const USAGE = 'usage: node scripts/regression.js DIR... [--json FILE] [--timeout 60] [--libreoffice] [--cli] [--jobs 1]';

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 64;
  }
  if (opts.help || opts.dirs.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return opts.help ? 0 : 64;
  }
  const built = path.join(ROOT, 'dist', 'xlsx', 'readWorkbook.js');
  if (!fs.existsSync(built)) {
    process.stderr.write('dist/ is not built: run `npm run build:cli` first.\n');
    return 64;
  }
  const items = findWorkbooks(opts.dirs);
  const distTime = fs.statSync(built).mtime.toISOString();
  process.stdout.write(`lakip regression: ${items.length} workbook-like files; reader from dist/ built ${distTime}; timeout ${opts.timeout}s, heap ${HEAP_MB} MB${opts.cli ? ', via bin/lakip.js' : ''}\n`);
  const entries = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      entries[i] = await checkOne(items[i], opts);
      process.stdout.write(`${formatEntry(entries[i])}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, items.length || 1) }, worker));
  fs.rmSync(LO_PROFILE, { recursive: true, force: true });
  const summary = summarize(entries);
  process.stdout.write(`\n${formatSummary(summary).join('\n')}\n`);
  const code = exitCodeFor(entries);
  if (opts.json) {
    fs.writeFileSync(opts.json, `${JSON.stringify({ generated: new Date().toISOString(), dist: distTime, dirs: opts.dirs, timeoutSeconds: opts.timeout, heapMb: HEAP_MB, mode: opts.cli ? 'cli' : 'reader', summary, exitCode: code, files: entries }, null, 2)}\n`);
  }
  return code;
}

// ------------------------------------------------------------------ the child

async function child(file) {
  const dist = (p) => require(path.join(ROOT, 'dist', p));
  const { readWorkbookFile } = dist('xlsx/readWorkbook.js');
  const { readErrorMessage } = dist('xlsx/errors.js');
  const { analyzeWorkbook } = dist('core/analyze.js');
  const say = (o) => process.stdout.write(`${MARK}${JSON.stringify(o)}\n`);
  let snap;
  try {
    snap = await readWorkbookFile(file);
  } catch (e) {
    if (e && e.name === 'WorkbookReadError' && typeof e.code === 'string') {
      const cause = e.cause instanceof Error ? e.cause.message.split('\n')[0] : undefined;
      say({ refused: { code: e.code, message: readErrorMessage(e, 'en'), cause } });
      return 0;
    }
    say({ threw: `while reading: ${e && e.stack ? e.stack.split('\n').slice(0, 2).join(' ') : String(e)}` });
    return 70;
  }
  let cells = 0;
  for (const s of snap.sheets) for (const row of s.valueTypes) for (const t of row) if (t !== 'Empty') cells++;
  let report;
  try {
    report = analyzeWorkbook(snap);
  } catch (e) {
    say({ threw: `while checking: ${e && e.stack ? e.stack.split('\n').slice(0, 2).join(' ') : String(e)}` });
    return 70;
  }
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) findings[f.severity]++;
  say({ read: { sheets: snap.sheets.length, cells, tables: report.tables.length, findings } });
  return 0;
}

module.exports = { classify, childResult, refusedVerdict, exitCodeFor, producerName, summarize, formatEntry, formatSummary, sniffWorkbook, parseArgs, runChild, MARK };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const run = argv[0] === '--child' ? child(argv[1]) : main(argv);
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 70;
    },
  );
}
