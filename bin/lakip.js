#!/usr/bin/env node
'use strict';
// Entry point of the `lakip` command. The program itself is compiled from src/cli
// into dist/ by `npm run build:cli` (also run by `npm install` / `npm ci`).
const path = require('path');

const mainPath = path.join(__dirname, '..', 'dist', 'cli', 'main.js');

let cli;
try {
  cli = require(mainPath);
} catch (err) {
  const notBuilt =
    err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(mainPath);
  if (!notBuilt) throw err;
  process.stderr.write(
    'lakip: program belum dibangun; jalankan "npm run build:cli" di folder proyek, lalu coba lagi.\n' +
      '(lakip: the program has not been built; run "npm run build:cli" in the project folder and try again.)\n' +
      `(${mainPath} tidak ada / is missing)\n`,
  );
  process.exitCode = 70;
  return;
}

// `lakip check ... | head` closes stdout early: stop quietly instead of crashing.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw err;
});

cli
  .run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: { stdout: !!process.stdout.isTTY, stderr: !!process.stderr.isTTY },
    env: process.env,
    columns: process.stderr.columns,
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`lakip: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 70;
    },
  );
