'use strict';
/** Reading and validating one corpus case file (format: test/corpus/README.md). */
const fs = require('fs');
const path = require('path');
const { parseCell, parseRange } = require('./a1');

const LEVELS = ['kabupaten', 'kota', 'provinsi', 'pusat'];
const LAYOUTS = ['pmks', 'spm', 'budget', 'belanja', 'iku', 'count', 'scale', 'other'];
const SEVERITIES = ['error', 'warning', 'info'];
const SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;

function findingCodes() {
  const built = path.join(__dirname, '..', '..', 'dist', 'core', 'findings.js');
  return fs.existsSync(built) ? require(built).FINDING_CODES : null;
}

function loadCase(file) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${e.message}`);
  }
}

/** Problems with a case, as sentences; [] when it is well-formed. */
function validateCase(c, file) {
  const p = [];
  const need = (cond, msg) => {
    if (!cond) p.push(msg);
  };
  const id = path.basename(file || '', '.json');
  need(c && typeof c === 'object', 'the file must hold one JSON object');
  if (!c || typeof c !== 'object') return p;
  need(c.id === id, `id "${c.id}" must equal the file name "${id}"`);
  const s = c.source || {};
  need(typeof s.url === 'string' && /^https?:\/\//.test(s.url), 'source.url must be the URL of the page or the repository file');
  need(typeof s.office === 'string' && s.office, 'source.office is required');
  need(LEVELS.includes(s.level), `source.level must be one of ${LEVELS.join(', ')}`);
  need(typeof s.doc === 'string' && s.doc, 'source.doc is required');
  need(typeof c.taken === 'string' && c.taken, 'taken (what was transcribed) is required');
  need(Array.isArray(c.judgements), 'judgements must be a list (may be empty)');
  need(Array.isArray(c.classes) && c.classes.every((n) => Number.isInteger(n) && n >= 1 && n <= 21), 'classes must be a list of failure-class numbers 1..21');
  need(typeof c.planted === 'boolean', 'planted must be true or false');
  need(Array.isArray(c.sheets) && c.sheets.length > 0, 'sheets must be a non-empty list');
  const names = new Set();
  for (const sh of c.sheets || []) {
    need(typeof sh.name === 'string' && SHEET_NAME.test(sh.name), `sheet name "${sh.name}" is not a valid Excel sheet name`);
    need(!names.has(sh.name), `sheet "${sh.name}" appears twice`);
    names.add(sh.name);
    need(sh.numbers === undefined || sh.numbers === 'typed' || sh.numbers === 'text', `sheet "${sh.name}": numbers must be "typed" or "text"`);
    need(sh.start === undefined || parseCell(sh.start), `sheet "${sh.name}": start must be an A1 cell`);
    need(Array.isArray(sh.rows) && sh.rows.every(Array.isArray), `sheet "${sh.name}": rows must be a list of lists`);
    for (const m of sh.merges || []) need(parseRange(m) && String(m).includes(':'), `sheet "${sh.name}": merge "${m}" is not an A1 range`);
  }
  const sheetOk = (name, what) => need(names.has(name), `${what}: no sheet named "${name}"`);
  need(Array.isArray(c.tables) && c.tables.length > 0, 'tables must list every table of the case');
  for (const t of c.tables || []) {
    sheetOk(t.sheet, `table ${t.range}`);
    need(parseRange(t.range), `table range "${t.range}" is not an A1 range`);
    need(LAYOUTS.includes(t.layout), `table ${t.range}: layout must be one of ${LAYOUTS.join(', ')}`);
    need(typeof t.clean === 'boolean', `table ${t.range}: clean must be true or false`);
  }
  for (const x of c.sentences || []) {
    sheetOk(x.sheet, `sentence ${x.cell}`);
    need(parseCell(x.cell), `sentence cell "${x.cell}" is not an A1 cell`);
    need(typeof x.clean === 'boolean', `sentence ${x.cell}: clean must be true or false`);
  }
  const codes = findingCodes();
  need(Array.isArray(c.expect), 'expect (the answer key) must be a list (may be empty)');
  for (const e of c.expect || []) {
    const at = `expect ${e.sheet}!${e.cell} ${e.code}`;
    sheetOk(e.sheet, at);
    need(parseCell(e.cell), `${at}: cell is not an A1 cell`);
    if (codes) need(codes.includes(e.code), `${at}: unknown finding code`);
    need(SEVERITIES.includes(e.severity), `${at}: severity must be error, warning or info`);
    need(typeof e.solid === 'boolean', `${at}: solid must be true or false`);
    need(typeof e.why === 'string' && e.why, `${at}: why (the arithmetic) is required`);
    if (e.planted) need(c.planted === true, `${at}: a planted entry needs "planted": true on the case`);
  }
  return p;
}

module.exports = { loadCase, validateCase };
