'use strict';
/**
 * Task pane: gzip size of the first screen's JS, time to interactive and a
 * full check of the NTT sample in headless Chromium on dist-web/preview.html.
 *   node scripts/bench/taskpane.js  -> JSON
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');
const { startServer } = require('../serve-web.js');

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'dist-web');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(WEB, f)), { level: 9 }).length;
const scriptsOf = (html) => [...fs.readFileSync(path.join(WEB, html), 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));

async function main() {
  const out = { pages: {} };
  const { server, url } = await startServer({ root: WEB });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'] });
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      const js = new Set();
      let ready = false;
      page.on('request', (r) => { const u = new URL(r.url()); if (!ready && u.pathname.endsWith('.js')) js.add(path.basename(u.pathname)); });
      await page.goto(`${url}preview.html`, { waitUntil: 'commit' });
      const h = await page.waitForFunction(() => { const b = document.querySelector('[data-testid="check"]'); return b && !b.disabled && b.getAttribute('aria-disabled') !== 'true' ? performance.now() : false; }, null, { polling: 'raf', timeout: 60_000 });
      const tti = await h.jsonValue();
      ready = true;
      const t = Date.now();
      await page.getByTestId('check').click();
      await page.getByTestId('summary').waitFor({ timeout: 60_000 });
      await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60_000 });
      const check = Date.now() - t;
      const findings = await page.locator('[data-testid="finding"]').count();
      runs.push({ tti, check, findings, js: [...js] });
      await ctx.close();
    }
    const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
    out.tti = med('tti');
    out.check = med('check');
    out.ttiRuns = runs.map((r) => Math.round(r.tti));
    out.checkRuns = runs.map((r) => r.check);
    out.findingsShown = runs[0].findings;
    const first = runs[0].js;
    out.pages.preview = { files: first, gzip: first.reduce((n, f) => n + gz(f), 0), raw: first.reduce((n, f) => n + fs.statSync(path.join(WEB, f)).size, 0) };
  } finally {
    await browser.close();
    server.close();
  }
  // taskpane.html needs office.js (external, not counted); its entry has no synchronous chunks (splitChunks: async).
  const tp = scriptsOf('taskpane.html');
  out.pages.taskpane = { files: tp, gzip: tp.reduce((n, f) => n + gz(f), 0), raw: tp.reduce((n, f) => n + fs.statSync(path.join(WEB, f)).size, 0) };
  const pv = scriptsOf('preview.html');
  out.pages.previewStatic = { files: pv, gzip: pv.reduce((n, f) => n + gz(f), 0) };
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
