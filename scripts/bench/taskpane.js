'use strict';
/**
 * Task pane: gzip and brotli size of the first screen's JS, time to interactive and a
 * full check of the NTT sample in headless Chromium on dist-web/preview.html.
 *   node scripts/bench/taskpane.js  -> JSON
 *
 * The preview's first screen is the JS whose request started before Periksa
 * was enabled (request start times against the page's own clock, so chunks
 * fetched right after, when the page is idle, are not counted). The sample and
 * its .xlsx reader, and the engine worker, come after that; they are reported
 * apart (`previewLoaded`: every JS file the page and its worker fetched by the
 * end of the first check). Each run clicks Periksa as soon as it is enabled
 * (`check`: click → findings, which includes waiting for the sample), then
 * once more (`recheck`: the check alone, sample read and worker warm).
 * taskpane.html (in Excel) is its entry script alone: office.js is external
 * and every other chunk is fetched on use.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');
const { startServer } = require('../serve-web.js');

const ROOT = path.resolve(__dirname, '..', '..');
// BENCH_WEB=<dir>: measure another build (e.g. an older commit's dist-web) with this script.
const WEB = process.env.BENCH_WEB ? path.resolve(process.env.BENCH_WEB) : path.join(ROOT, 'dist-web');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(WEB, f)), { level: 9 }).length;
// Bytes on the wire to a brotli browser: the .br copy npm run build wrote, else the file as it is (what serve-web sends).
const br = (f) => fs.statSync(path.join(WEB, fs.existsSync(path.join(WEB, `${f}.br`)) ? `${f}.br` : f)).size;
const sizeOf = (files) => ({ files, gzip: files.reduce((n, f) => n + gz(f), 0), br: files.reduce((n, f) => n + br(f), 0), raw: files.reduce((n, f) => n + fs.statSync(path.join(WEB, f)).size, 0) });
const scriptsOf = (html) => [...fs.readFileSync(path.join(WEB, html), 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
const uniq = (a) => [...new Set(a)];

async function main() {
  const out = { pages: {} };
  const { server, url } = await startServer({ root: WEB });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'] });
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      // Every JS request of the page and of its workers, with the wall-clock time it arrived here (a fallback for timing()).
      const js = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.endsWith('.js')) js.push({ r, seen: Date.now() });
      });
      await page.goto(`${url}preview.html`, { waitUntil: 'commit' });
      const h = await page.waitForFunction(() => { const b = document.querySelector('[data-testid="check"]'); return b && !b.disabled && b.getAttribute('aria-disabled') !== 'true' ? performance.now() : false; }, null, { polling: 'raf', timeout: 60_000 });
      const tti = await h.jsonValue();
      const timeOrigin = await page.evaluate(() => performance.timeOrigin);
      const t = Date.now();
      await page.getByTestId('check').click();
      await page.getByTestId('summary').waitFor({ timeout: 60_000 });
      await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60_000 });
      const check = Date.now() - t;
      const toResult = await page.evaluate(() => performance.now());
      await page.locator('[data-testid="grid"] table').waitFor({ timeout: 60_000 });
      const findings = await page.locator('[data-testid="finding"]').count();
      const engine = await page.locator('main').getAttribute('data-engine');
      // The check again, timed in the page: click → the pane busy → idle again.
      const recheck = await page.evaluate(() => new Promise((resolve) => {
        const main = document.querySelector('main');
        let busy = false;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (main.getAttribute('aria-busy') === 'true') busy = true;
          else if (busy) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
        document.querySelector('[data-testid="check"]').click();
      }));
      await page.waitForLoadState('networkidle');
      const enabledAt = timeOrigin + tti;
      const started = js.map(({ r, seen }) => {
        const s = r.timing().startTime;
        return { file: path.basename(new URL(r.url()).pathname), start: s > 0 ? s : seen };
      });
      runs.push({
        tti,
        check,
        recheck,
        toResult,
        findings,
        engine,
        firstScreen: uniq(started.filter((x) => x.start <= enabledAt).map((x) => x.file)),
        all: uniq(started.map((x) => x.file)),
      });
      await ctx.close();
    }
    const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
    for (const k of ['tti', 'check', 'recheck', 'toResult']) {
      out[k] = med(k);
      out[`${k}Runs`] = runs.map((r) => Math.round(r[k]));
    }
    out.findingsShown = runs[0].findings;
    out.engine = runs.map((r) => r.engine);
    // The largest first screen of the three runs (they should agree).
    const first = runs.map((r) => r.firstScreen).sort((a, b) => b.length - a.length)[0];
    out.pages.preview = sizeOf(first);
    out.pages.preview.runs = runs.map((r) => r.firstScreen.length);
    out.pages.previewLoaded = sizeOf(runs[0].all);
  } finally {
    await browser.close();
    server.close();
  }
  // taskpane.html needs office.js (external, not counted); its entry has no synchronous chunks (splitChunks: async).
  out.pages.taskpane = sizeOf(scriptsOf('taskpane.html'));
  const pv = scriptsOf('preview.html');
  out.pages.previewStatic = sizeOf(pv);
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
