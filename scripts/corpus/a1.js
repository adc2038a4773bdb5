'use strict';
/** A1 addresses for the corpus scripts: 'B12' <-> { row: 11, col: 1 } (0-based). */

function colIndex(letters) {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col) {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseCell(a1) {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(String(a1).trim());
  return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : null;
}

function parseRange(a1) {
  const [a, b] = String(a1).split(':');
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

function inRange(cell, range) {
  const p = parseCell(cell);
  const r = parseRange(range);
  return !!p && !!r && p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
}

module.exports = { colIndex, colLetters, parseCell, parseRange, inRange };
