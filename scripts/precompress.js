#!/usr/bin/env node
/**
 * Writes `<file>.gz` and `<file>.br` beside every text asset of a built folder,
 * so a web server can send the compressed copy as it is instead of compressing
 * on every request (scripts/serve-web.js does; docs/deploy.md shows IIS, nginx
 * and Apache how). Run by `npm run build` after webpack.
 *
 *   node scripts/precompress.js [dist-web]
 *
 * Node's own zlib, no dependency. The output is the same for the same input:
 * Node writes no time stamp or file name into the gzip header, and brotli has none.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { promisify } = require('util');

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map']);
// Below about 1 KB the saving is smaller than a packet and not worth a second file.
const MIN_BYTES = 1024;

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : e.isFile() ? [p] : [];
  });
}

async function compressFile(file, data) {
  const [gz, br] = await Promise.all([
    gzip(data, { level: 9 }),
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);
  const out = { file, raw: data.length, gzip: null, br: null };
  // A copy no smaller than the original would only cost the server a lookup; none is written.
  for (const [ext, bytes, key] of [['.gz', gz, 'gzip'], ['.br', br, 'br']]) {
    if (bytes.length < data.length) {
      fs.writeFileSync(file + ext, bytes);
      out[key] = bytes.length;
    } else fs.rmSync(file + ext, { force: true });
  }
  return out;
}

/** Precompress every eligible file under `dir`; resolves with one entry per file compressed, sorted by path. */
async function precompressDir(dir, { minBytes = MIN_BYTES } = {}) {
  const files = listFiles(path.resolve(dir))
    .filter((f) => EXTENSIONS.has(path.extname(f).toLowerCase()))
    .sort();
  const jobs = [];
  for (const f of files) {
    const data = fs.readFileSync(f);
    if (data.length >= minBytes) jobs.push(compressFile(f, data));
  }
  // The zlib calls run on libuv's thread pool, so the files compress in parallel.
  return Promise.all(jobs);
}

module.exports = { precompressDir, EXTENSIONS, MIN_BYTES };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist-web'));
  const t0 = Date.now();
  precompressDir(dir).then((rs) => {
    const sum = (k) => rs.reduce((n, r) => n + (r[k] || 0), 0);
    const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
    console.log(`precompress: ${rs.length} files in ${path.relative(process.cwd(), dir) || '.'}, ${kb(sum('raw'))} → gzip ${kb(sum('gzip'))}, br ${kb(sum('br'))} (${Date.now() - t0} ms)`);
  }, (e) => {
    console.error(`precompress failed: ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}
