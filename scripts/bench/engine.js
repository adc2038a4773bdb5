'use strict';
/**
 * Times, on one .xlsx: the bare exceljs parse, the project reader
 * (readWorkbookFile: parse + snapshot) and analyzeWorkbook on the snapshot.
 *   node scripts/bench/engine.js <file> [runs]
 * Prints JSON {parse, reader, analyze, findings, tables} (medians, ms).
 */
const path = require('path');
const ExcelJS = require('exceljs');
const DIST = path.resolve(__dirname, '..', '..', 'dist');
const { readWorkbookFile } = require(path.join(DIST, 'xlsx', 'readWorkbook.js'));
const { analyzeWorkbook } = require(path.join(DIST, 'core', 'analyze.js'));

// No forced gc and no pause: the steps run as one `lakip check` runs them, in a fresh
// process (scripts/bench.js starts one per run). A forced collection before each step
// flushed the engine's compiled code and made it look two to three times slower.
const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function main() {
  const file = process.argv[2];
  const runs = Number(process.argv[3] || 1);
  const parse = [];
  const reader = [];
  const analyze = [];
  const analyzeCpu = [];
  let findings = 0;
  let tables = 0;
  for (let i = 0; i < runs; i++) {
    let t = now();
    await new ExcelJS.Workbook().xlsx.readFile(file);
    parse.push(now() - t);
    t = now();
    const snap = await readWorkbookFile(file);
    reader.push(now() - t);
    t = now();
    const c = cpu();
    const rep = analyzeWorkbook(snap, { lang: 'id' });
    analyze.push(now() - t);
    analyzeCpu.push(cpu() - c);
    findings = rep.findings.length;
    tables = (rep.tables || []).length;
  }
  process.stdout.write(JSON.stringify({ parse: median(parse), reader: median(reader), analyze: median(analyze), analyzeCpu: median(analyzeCpu), findings, tables, heapMB: Math.round(process.memoryUsage().rss / 1048576) }));
}
main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
