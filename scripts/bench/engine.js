'use strict';
/**
 * One measured run, in its own fresh process (scripts/bench.js starts one per run):
 *
 *   node scripts/bench/engine.js parse <file.xlsx>
 *     the bare exceljs parse: new ExcelJS.Workbook().xlsx.readFile(file), nothing else.
 *   node scripts/bench/engine.js ours <file.xlsx> [narrative ...]
 *     what `lakip check` does with the file (src/cli/check.ts, checkOne and loadNarratives):
 *     readNarrativeFile for each narrative (.docx/.txt), readWorkbookFile (the project's
 *     reader), analyzeWorkbook with the narratives
 *     (tables, checks, and the prose linked to the tables by NarrativeChecker) and the fix
 *     plan the CLI computes for every report (partitionIgnored, planFixes).
 *
 * `usesExceljs`: whether exceljs was loaded by then (the reader before issue 13 parsed with it).
 * Prints JSON: wall ms and CPU ms (user + sys of the whole process, every thread) of each
 * step, counted from after the modules are loaded (start-up is measured apart), and the
 * process's peak RSS. Env BENCH_DIST=<dir> reads another build's dist/. No forced gc, no pause: the steps run back to back, as in the CLI.
 */
const path = require('path');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function parse(file) {
  const ExcelJS = require('exceljs');
  const t = now();
  const c = cpu();
  await new ExcelJS.Workbook().xlsx.readFile(file);
  return { ms: now() - t, cpuMs: cpu() - c };
}

async function ours(file, narrativeFiles) {
  const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.resolve(__dirname, '..', '..', 'dist');
  const { readWorkbookFile } = require(path.join(DIST, 'xlsx', 'readWorkbook.js'));
  const { analyzeWorkbook } = require(path.join(DIST, 'core', 'analyze.js'));
  const { readNarrativeFile } = require(path.join(DIST, 'io', 'readNarrative.js'));
  const { planFixes } = require(path.join(DIST, 'core', 'fixes', 'plan.js'));
  const { fixableFindings, partitionIgnored } = require(path.join(DIST, 'core', 'ignore.js'));

  const t0 = now();
  const c0 = cpu();
  const narratives = [];
  for (const f of narrativeFiles) narratives.push(await readNarrativeFile(f));
  const t1 = now();
  const c1 = cpu();
  const snapshot = await readWorkbookFile(file);
  const t2 = now();
  const c2 = cpu();
  const opts = { lang: 'id' };
  if (narratives.length) opts.narratives = narratives;
  const report = analyzeWorkbook(snapshot, opts);
  const ignored = snapshot.ignored ?? [];
  const { shown } = partitionIgnored(report.findings, ignored);
  const plan = planFixes(snapshot, fixableFindings(shown, ignored));
  const t3 = now();
  const c3 = cpu();
  // Does our read still parse with exceljs? (The streaming reader of issue 13 does not load it.)
  const usesExceljs = Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(k));
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of shown) bySeverity[f.severity] = (bySeverity[f.severity] || 0) + 1;
  return {
    narrative: t1 - t0,
    narrativeCpu: c1 - c0,
    read: t2 - t1,
    readCpu: c2 - c1,
    analyze: t3 - t2,
    analyzeCpu: c3 - c2,
    ms: t3 - t0,
    cpuMs: c3 - c0,
    findings: shown.length,
    bySeverity,
    narrativeFindings: shown.filter((f) => /^narrative-|^terbilang-/.test(f.code)).length,
    fixes: plan.edits.length,
    tables: report.tables.length,
    sheets: snapshot.sheets.length,
    usesExceljs,
  };
}

async function main() {
  const [mode, file, ...rest] = process.argv.slice(2);
  let out;
  if (mode === 'parse') out = await parse(file);
  else if (mode === 'ours') out = await ours(file, rest);
  else throw new Error('usage: engine.js parse|ours <file.xlsx> [narrative ...]');
  out.rssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
