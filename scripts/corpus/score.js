'use strict';
/** Scores one case's findings against its answer key and clean ranges. */
const { inRange } = require('./a1');

const RANK = { info: 0, warning: 1, error: 2 };
/** Codes that name the same mistake; the README lets a key use either. */
const SAME = { 'identity-mismatch': 'cross-table-mismatch' };
const family = (code) => SAME[code] || code;

function matches(f, e) {
  return f.sheet === e.sheet && f.cell === e.cell && family(f.code) === family(e.code);
}

function cleanRanges(c) {
  return [
    ...(c.tables || []).filter((t) => t.clean).map((t) => ({ sheet: t.sheet, range: t.range })),
    ...(c.sentences || []).filter((s) => s.clean).map((s) => ({ sheet: s.sheet, range: s.cell })),
  ];
}

function scoreCase(c, result) {
  const findings = result.findings || [];
  const key = c.expect || [];
  const solid = key.filter((e) => e.solid);
  const found = (e) => findings.some((f) => matches(f, e) && RANK[f.severity] >= RANK[e.severity]);
  const missed = solid.filter((e) => !found(e));
  const borderline = key.filter((e) => !e.solid);
  const clean = cleanRanges(c);
  const inClean = (f) => clean.some((r) => r.sheet === f.sheet && inRange(f.cell, r.range));
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    id: c.id,
    solid: solid.length,
    solidFound: solid.length - missed.length,
    borderline: borderline.length,
    borderlineFound: borderline.filter(found).length,
    missed,
    falseErrors: errors.filter(inClean),
    cleanWarnings: findings.filter((f) => f.severity === 'warning' && inClean(f)),
    unexplained: errors.filter((f) => !inClean(f) && !key.some((e) => matches(f, e))),
    findingCount: findings.length,
    findings,
    tablesRecognised: (result.tables || []).length,
  };
}

function summarize(cases, scores) {
  const add = (k) => scores.reduce((s, x) => s + (typeof x[k] === 'number' ? x[k] : x[k].length), 0);
  const urls = new Set(cases.map((c) => c.source && c.source.url));
  const local = new Set(cases.filter((c) => c.source && (c.source.level === 'kabupaten' || c.source.level === 'kota')).map((c) => c.source.url));
  const classes = [...new Set(cases.flatMap((c) => c.classes || []))].sort((a, b) => a - b);
  return {
    cases: cases.length,
    tables: cases.reduce((s, c) => s + (c.tables || []).length, 0),
    cleanTables: cases.reduce((s, c) => s + (c.tables || []).filter((t) => t.clean).length, 0),
    sentences: cases.reduce((s, c) => s + (c.sentences || []).length, 0),
    cleanSentences: cases.reduce((s, c) => s + (c.sentences || []).filter((t) => t.clean).length, 0),
    sources: urls.size,
    localSources: local.size,
    classes,
    solid: add('solid'),
    solidFound: add('solidFound'),
    borderline: add('borderline'),
    borderlineFound: add('borderlineFound'),
    falseErrors: add('falseErrors'),
    unexplained: add('unexplained'),
    cleanWarnings: add('cleanWarnings'),
  };
}

module.exports = { scoreCase, summarize };
