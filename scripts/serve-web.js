#!/usr/bin/env node
/**
 * Tiny static file server for dist-web/ over plain http on localhost, for the
 * browser preview (npm run preview) and the end-to-end test. No dependencies,
 * loopback only, nothing outside the folder is served.
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
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
      if (log) console.log(`200 ${rel}`);
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

module.exports = { startServer };

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
