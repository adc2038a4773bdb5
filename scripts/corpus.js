#!/usr/bin/env node
/**
 * npm run corpus: builds every case of test/corpus/cases into an .xlsx as staff would
 * type it, runs `lakip check --format json` on it (in-process, the built CLI in dist/),
 * and scores the findings against the case's answer key and clean ranges.
 *
 *   node scripts/corpus.js                 all cases; exit 1 when the gate fails
 *   node scripts/corpus.js --case ID ...   only these cases, with every finding listed
 *   node scripts/corpus.js --validate F    check case files' format only
 *   node scripts/corpus.js --write-md      also regenerate test/corpus/CORPUS.md
 *   node scripts/corpus.js --keep DIR      keep the built workbooks in DIR
 *   node scripts/corpus.js --min-recall R  recall gate (default 0.95, issue 10's bar)
 *
 * Gate: no error finding inside a clean range, and recall of solid key entries >= R.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadCase, validateCase } = require('./corpus/caseFile');
const { buildWorkbook } = require('./corpus/build');
const { scoreCase, summarize } = require('./corpus/score');
const { writeCorpusMd } = require('./corpus/markdown');

const ROOT = path.resolve(__dirname, '..');
const CASES = path.join(ROOT, 'test', 'corpus', 'cases');
const RECALL_GATE = 0.95;

function parseArgs(argv) {
  const a = { cases: [], validate: [], writeMd: false, keep: null, verbose: false, minRecall: RECALL_GATE };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--case') a.cases.push(argv[++i]);
    else if (x === '--validate') a.validate.push(argv[++i]);
    else if (x === '--write-md') a.writeMd = true;
    else if (x === '--keep') a.keep = argv[++i];
    else if (x === '--min-recall') {
      a.minRecall = Number(argv[++i]);
      if (!(a.minRecall >= 0 && a.minRecall <= 1)) throw new Error('--min-recall takes a share between 0 and 1');
    }
    else if (x === '--verbose' || x === '-v') a.verbose = true;
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

function cliRun() {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  if (!fs.existsSync(main)) throw new Error('dist/cli/main.js is missing: run `npm run build:cli` first');
  return require(main).run;
}

async function checkFile(run, file) {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (err += s) }, isTTY: false, env: {} };
  const code = await run(['check', file, '--format', 'json', '--lang', 'id'], io);
  if (code !== 0 && code !== 1) throw new Error(`lakip check exited ${code}: ${err.trim()}`);
  return JSON.parse(out).files[0];
}

function allCaseFiles() {
  return fs
    .readdirSync(CASES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(CASES, f));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.validate.length) {
    let bad = 0;
    for (const f of args.validate) {
      const problems = validateCase(loadCase(f), f);
      if (problems.length) {
        bad++;
        console.log(`${f}: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
      } else console.log(`${f}: OK`);
    }
    process.exit(bad ? 1 : 0);
  }
  const files = args.cases.length ? args.cases.map((id) => path.join(CASES, id.replace(/\.json$/, '') + '.json')) : allCaseFiles();
  const cases = files.map((f) => ({ file: f, data: loadCase(f) }));
  const invalid = cases.flatMap((c) => validateCase(c.data, c.file).map((p) => `${path.basename(c.file)}: ${p}`));
  if (invalid.length) {
    console.error(`corpus: ${invalid.length} format problem(s):\n  - ${invalid.join('\n  - ')}`);
    process.exit(1);
  }
  const dir = args.keep ? path.resolve(args.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-corpus-'));
  fs.mkdirSync(dir, { recursive: true });
  const run = cliRun();
  const scores = [];
  for (const c of cases) {
    const xlsx = path.join(dir, `${c.data.id}.xlsx`);
    await buildWorkbook(c.data, xlsx);
    const result = await checkFile(run, xlsx);
    const s = scoreCase(c.data, result);
    scores.push(s);
    printCase(s, args.verbose || args.cases.length > 0);
  }
  if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  const sum = summarize(cases.map((c) => c.data), scores);
  console.log('');
  console.log(
    `cases=${sum.cases} tables=${sum.tables} (clean ${sum.cleanTables}) sentences=${sum.sentences} (clean ${sum.cleanSentences}) ` +
      `sources=${sum.sources} (kabupaten/kota ${sum.localSources}) classes=${sum.classes.join(',') || '-'}`,
  );
  console.log(`borderline found=${sum.borderlineFound}/${sum.borderline} unexplained_errors=${sum.unexplained} warnings_in_clean=${sum.cleanWarnings}`);
  const pct = sum.solid ? ((100 * sum.solidFound) / sum.solid).toFixed(1) : '100.0';
  console.log(`corpus: recall=${sum.solidFound}/${sum.solid} (${pct}%) false_errors=${sum.falseErrors}`);
  if (args.writeMd) {
    writeCorpusMd(path.join(ROOT, 'test', 'corpus', 'CORPUS.md'), cases.map((c) => c.data), scores, sum);
    console.log('wrote test/corpus/CORPUS.md');
  }
  const gateFailed = sum.falseErrors > 0 || (sum.solid > 0 && sum.solidFound / sum.solid < args.minRecall);
  if (gateFailed && !args.cases.length) {
    console.error(`corpus gate failed: needs false_errors=0 and recall >= ${(args.minRecall * 100).toFixed(0)}%`);
    process.exit(1);
  }
}

function printCase(s, all) {
  const flag = s.falseErrors.length ? 'FALSE' : s.missed.length ? 'MISS ' : 'ok   ';
  console.log(`${flag} ${s.id}: solid ${s.solidFound}/${s.solid}, false errors ${s.falseErrors.length}, unexplained ${s.unexplained.length}, findings ${s.findingCount}`);
  const line = (tag, f) => console.log(`      ${tag} ${f.sheet}!${f.cell} ${f.code}${f.severity ? ' ' + f.severity : ''}: ${f.message ?? f.why ?? ''}`.slice(0, 400));
  for (const f of s.falseErrors) line('false-error', f);
  for (const e of s.missed) line('missed', e);
  for (const f of s.unexplained) line('unexplained', f);
  if (all) {
    for (const f of s.findings) line('finding', f);
  }
}

main().catch((e) => {
  console.error(`corpus: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
