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
 *
 * `throttled`: page → results on the NTT sample over a slow link and a slow CPU, through
 * the Chrome DevTools Protocol (THROTTLE below): navigation start → findings shown, with
 * Periksa clicked as soon as it is enabled, each run in a fresh browser context with the
 * cache disabled; median and range. Chromium applies the CPU rate to the page's own thread
 * only (Emulation.setCPUThrottlingRate answers "only supported for pages, not workers"), so
 * the check in the engine worker runs at this machine's speed; `pageToResultsMainThreadMs`
 * is the same with Worker removed, every step on the throttled thread (an upper bound).
 * `bytes` counts the response bodies as sent (Content-Length: the .br/.gz copy
 * scripts/serve-web.js chose for Chromium's Accept-Encoding) and which coding each had.
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

// A slow office link and an older laptop: 9 Mbps down, 3 Mbps up, 40 ms added latency, CPU 4x slower.
const THROTTLE = { downMbps: 9, upMbps: 3, latencyMs: 40, cpuRate: 4 };
const PROFILE = `${THROTTLE.downMbps} Mbps down, ${THROTTLE.upMbps} Mbps up, ${THROTTLE.latencyMs} ms latency, CPU ${THROTTLE.cpuRate}× slower (page thread), cache disabled`;
const THROTTLED_RUNS = Number(process.env.BENCH_THROTTLED_RUNS) || 5;
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: Math.round(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2), min: Math.round(s[0]), max: Math.round(s[s.length - 1]), runs: xs.map(Math.round) };
};

/** One throttled run in a fresh context: navigation start → Periksa enabled → findings shown (page clock), and every response's size and coding. */
async function throttledRun(browser, url, { worker = true } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    if (!worker) await ctx.addInitScript(() => { delete window.Worker; });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.latencyMs,
      downloadThroughput: (THROTTLE.downMbps * 1e6) / 8,
      uploadThroughput: (THROTTLE.upMbps * 1e6) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuRate });
    // Responses of the page and of its engine worker.
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(`${url}preview.html`, { waitUntil: 'commit', timeout: 120_000 });
    const enabled = await page.waitForFunction(() => { const b = document.querySelector('[data-testid="check"]'); return b && !b.disabled && b.getAttribute('aria-disabled') !== 'true' ? performance.now() : false; }, null, { polling: 'raf', timeout: 120_000 });
    const tti = await enabled.jsonValue();
    await page.getByTestId('check').click();
    const shown = await page.waitForFunction(() => (document.querySelector('[data-testid="summary"]') && document.querySelector('main[aria-busy="false"]') ? performance.now() : false), null, { polling: 'raf', timeout: 120_000 });
    const toResults = await shown.jsonValue();
    const findings = await page.locator('[data-testid="finding"]').count();
    const engine = await page.locator('main').getAttribute('data-engine');
    await page.waitForLoadState('networkidle');
    const files = [];
    for (const r of responses) {
      const h = await r.allHeaders().catch(() => ({}));
      files.push({ file: path.basename(new URL(r.url()).pathname), status: r.status(), bytes: Number(h['content-length']) || 0, encoding: h['content-encoding'] || 'none' });
    }
    return { tti, toResults, findings, engine, files };
  } finally {
    await ctx.close();
  }
}

/** The bytes of one throttled run: bodies as sent, by kind and by coding; JS of 1 KB or more sent plain would mean no compression. */
function wireBytes(files) {
  const sum = (fs) => fs.reduce((n, f) => n + f.bytes, 0);
  const js = files.filter((f) => f.file.endsWith('.js'));
  const plainJs = js.filter((f) => f.encoding === 'none');
  const encodings = {};
  for (const f of files) encodings[f.encoding] = (encodings[f.encoding] || 0) + 1;
  return {
    total: sum(files),
    requests: files.length,
    js: sum(js),
    jsRequests: js.length,
    html: sum(files.filter((f) => f.file.endsWith('.html'))),
    sample: sum(files.filter((f) => f.file.endsWith('.xlsx'))),
    encodings,
    // precompress.js skips files under 1 KB (no smaller copy is worth a second file).
    jsSentPlain: plainJs.map((f) => `${f.file} (${f.bytes} B)`),
    jsCompressed: plainJs.every((f) => f.bytes < 1024),
  };
}

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

    // Throttled page → results (THROTTLE), as shipped (engine worker), then with no Worker.
    const thr = [];
    for (let i = 0; i < THROTTLED_RUNS; i++) thr.push(await throttledRun(browser, url));
    const main = [];
    for (let i = 0; i < Math.max(3, Math.ceil(THROTTLED_RUNS / 2)); i++) main.push(await throttledRun(browser, url, { worker: false }));
    const totals = thr.map((r) => wireBytes(r.files).total);
    out.throttled = {
      profile: PROFILE,
      settings: { ...THROTTLE, cdp: 'Network.emulateNetworkConditions, Network.setCacheDisabled, Emulation.setCPUThrottlingRate', viewport: '1280x800', runs: THROTTLED_RUNS },
      pageToResultsMs: summary(thr.map((r) => r.toResults)),
      pageToCheckEnabledMs: summary(thr.map((r) => r.tti)),
      pageToResultsMainThreadMs: summary(main.map((r) => r.toResults)),
      findingsShown: thr.map((r) => r.findings),
      engine: uniq(thr.map((r) => r.engine)),
      engineMainThread: uniq(main.map((r) => r.engine)),
      bytes: { ...wireBytes(thr[0].files), totalRuns: totals },
    };
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
