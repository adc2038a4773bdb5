#!/usr/bin/env node
/**
 * Tiny static file server for dist-web/ over plain http on localhost, for the
 * browser preview (npm run preview) and the end-to-end test. No dependencies,
 * loopback only, nothing outside the folder is served. Sends the `.br` or `.gz`
 * copy that `npm run build` writes beside a file (scripts/precompress.js) when
 * the browser accepts it, so the preview costs what a production server costs.
 *
 *   node scripts/serve-web.js [--port 8080] [--root dist-web]
 */
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

// Preferred first when the browser rates both alike: brotli is the smaller.
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

/**
 * The content coding to send for an Accept-Encoding header, from `available`
 * (in order of preference), or null for the file as it is. Follows RFC 9110's
 * q-values: `gzip;q=0` refuses gzip, `*` stands for any coding not named, the
 * highest q wins and ties go to the earlier in `available`.
 */
function pickEncoding(header, available = ENCODINGS.map(([name]) => name)) {
  if (!header) return null;
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    if (!name) continue;
    const qp = params.find((p) => /^q\s*=/.test(p));
    const v = qp === undefined ? 1 : Number(qp.replace(/^q\s*=\s*/, ''));
    q.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(v) && v >= 0 && v <= 1 ? v : 0);
  }
  let best = null;
  let bestQ = 0;
  for (const name of available) {
    const v = q.has(name) ? q.get(name) : q.has('*') ? q.get('*') : 0;
    if (v > bestQ) [best, bestQ] = [name, v];
  }
  return best;
}

/** The precompressed copy of `file` to send for `acceptEncoding`, if one exists: { encoding, path, size }. */
function findVariant(file, acceptEncoding, cb) {
  const present = [];
  let pending = ENCODINGS.length;
  ENCODINGS.forEach(([name, ext], i) => {
    fs.stat(file + ext, (err, st) => {
      if (!err && st.isFile()) present[i] = { encoding: name, path: file + ext, size: st.size };
      if (--pending > 0) return;
      const found = present.filter(Boolean);
      const pick = pickEncoding(acceptEncoding, found.map((v) => v.encoding));
      cb(found.length > 0, found.find((v) => v.encoding === pick) || null);
    });
  });
}

/** Start serving `root`; resolves with the server and its base URL (port 0 picks a free port). */
function startServer({ root = path.resolve(__dirname, '..', 'dist-web'), port = 0, host = '127.0.0.1', log = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (rel.endsWith('/')) rel += 'preview.html';
    const file = path.resolve(base, '.' + rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        if (log) console.log(`404 ${rel}`);
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      findVariant(file, req.headers['accept-encoding'], (hasVariants, variant) => {
        const headers = {
          // The original's type whichever copy is sent: the coding is in Content-Encoding.
          'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
          'Content-Length': variant ? variant.size : st.size,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        };
        if (variant) headers['Content-Encoding'] = variant.encoding;
        // Any file with a compressed copy is answered by Accept-Encoding, so caches must key on it.
        if (hasVariants) headers.Vary = 'Accept-Encoding';
        res.writeHead(200, headers);
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(variant ? variant.path : file).pipe(res);
        if (log) console.log(`200 ${rel}${variant ? ` (${variant.encoding})` : ''}`);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const a = server.address();
      resolve({ server, url: `http://${host === '127.0.0.1' ? '127.0.0.1' : host}:${a.port}/` });
    });
  });
}

module.exports = { startServer, pickEncoding };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const root = path.resolve(opt('--root', path.resolve(__dirname, '..', 'dist-web')));
  if (!fs.existsSync(path.join(root, 'preview.html'))) {
    console.error(`${root}/preview.html not found. Run "npm run build" first.`);
    process.exit(1);
  }
  startServer({ root, port: Number(opt('--port', process.env.PORT || 8080)), host: '127.0.0.1' }).then(({ url }) => {
    console.log(`LAKIP preview: ${url}preview.html  (Ctrl+C to stop)`);
  }, (e) => {
    console.error(`Could not start the server: ${e.message}`);
    process.exit(1);
  });
}
