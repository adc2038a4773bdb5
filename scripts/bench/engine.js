'use strict';
/**
 * Times, on one .xlsx: the bare exceljs parse, the project reader
 * (readWorkbookFile: parse + snapshot) and analyzeWorkbook on the snapshot.
 *   node --expose-gc scripts/bench/engine.js <file> <runs>
 * Prints JSON {parse, reader, analyze, findings, tables} (medians, ms).
 */
const path = require('path');
const ExcelJS = require('exceljs');
const DIST = path.resolve(__dirname, '..', '..', 'dist');
const { readWorkbookFile } = require(path.join(DIST, 'xlsx', 'readWorkbook.js'));
const { analyzeWorkbook } = require(path.join(DIST, 'core', 'analyze.js'));

// A forced full collection leaves sweeping to finish in the background; on a
// 2-core machine that lands inside whatever is timed next. Settle after it so
// each timed step starts from a clean heap, not from the collector's tail.
const settle = () => new Promise((r) => setTimeout(r, 250));
const gc = async () => { if (global.gc) { global.gc(); await settle(); } };
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function main() {
  const file = process.argv[2];
  const runs = Number(process.argv[3] || 3);
  const parse = [];
  const reader = [];
  const analyze = [];
  let findings = 0;
  let tables = 0;
  for (let i = 0; i < runs; i++) {
    await gc();
    let t = now();
    await new ExcelJS.Workbook().xlsx.readFile(file);
    parse.push(now() - t);
    await gc();
    t = now();
    const snap = await readWorkbookFile(file);
    reader.push(now() - t);
    await gc();
    t = now();
    const rep = analyzeWorkbook(snap, { lang: 'id' });
    analyze.push(now() - t);
    findings = rep.findings.length;
    tables = (rep.tables || []).length;
  }
  process.stdout.write(JSON.stringify({ parse: median(parse), reader: median(reader), analyze: median(analyze), findings, tables, heapMB: Math.round(process.memoryUsage().rss / 1048576) }));
}
main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
