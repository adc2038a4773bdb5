#!/usr/bin/env node
/**
 * End-to-end test of the browser preview (dist-web/preview.html), driven in
 * Debian's Chromium with playwright-core at a task pane's width (320 px).
 *
 * Expects `npm run build` (dist-web/) and `npm run build:cli` (dist/, the
 * engine compiled for Node) first; `npm run test:e2e` does both. The expected
 * counts come from the engine itself on the same file, never hard-coded.
 *
 * Fails on any network request that is not to the local server, on any page
 * error or CSP violation. Writes screenshots to docs/screenshots/ and
 * docs/tables/ (the PMKS table inserted into the preview's workbook).
 * Prints `e2e: N passed, M failed` and exits non-zero on failure.
 *
 * Env: CHROMIUM (default /usr/bin/chromium), E2E_HEADED=1, E2E_ONLY=<substring of step names>.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');
const { chromium } = require('playwright-core');
const { startServer } = require('../../scripts/serve-web.js');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST_WEB = path.join(ROOT, 'dist-web');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const TABLE_SHOTS = path.join(ROOT, 'docs', 'tables');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SAMPLE = path.join(ROOT, 'examples', 'dinsos-ntt-2021.xlsx');
const NARRATIVE = path.join(ROOT, 'examples', 'laporan-ntt-2021.docx');
const STEP_TIMEOUT = 30_000;

// ---------------------------------------------------------------------------
// The engine in Node, on the same file: what the pane must show.

function engine() {
  for (const f of ['xlsx/fromBuffer.js', 'xlsx/formatText.js', 'core/analyze.js', 'core/fixes/plan.js', 'core/fixes/converge.js', 'core/fixes/applyToSnapshot.js', 'core/fixes/recalculate.js', 'io/narrativeBuffer.js', 'core/tables/build.js', 'core/tables/sheetPlan.js']) {
    if (!fs.existsSync(path.join(DIST, f))) throw new Error(`dist/${f} missing: run "npm run build:cli" first`);
  }
  return {
    ...require(path.join(DIST, 'xlsx/fromBuffer.js')),
    ...require(path.join(DIST, 'xlsx/formatText.js')),
    ...require(path.join(DIST, 'core/analyze.js')),
    ...require(path.join(DIST, 'core/fixes/plan.js')),
    ...require(path.join(DIST, 'core/fixes/converge.js')),
    ...require(path.join(DIST, 'core/fixes/applyToSnapshot.js')),
    ...require(path.join(DIST, 'core/fixes/recalculate.js')),
    ...require(path.join(DIST, 'io/narrativeBuffer.js')),
    ...require(path.join(DIST, 'core/tables/build.js')),
    ...require(path.join(DIST, 'core/tables/sheetPlan.js')),
  };
}

const E = engine();

function counts(findings) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** What PreviewHost.applyEdits does: the edits and the formulas depending on them (applyAndRecalculate), then those cells' text as the xlsx formatter shows it. */
function applyLikePreview(snapshot, edits) {
  const { snapshot: next, recalculated } = E.applyAndRecalculate(snapshot, edits);
  for (const e of [...edits, ...recalculated]) {
    const sheet = next.sheets.find((s) => s.name === e.sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(e.address);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const r = Number(m[2]) - 1 - sheet.origin.row;
    const c = col - 1 - sheet.origin.col;
    sheet.text[r][c] = E.displayText(sheet.values[r][c], sheet.valueTypes[r][c], sheet.numberFormat[r][c]);
  }
  return next;
}

const isUnlinked = (f) => f.code === 'narrative-unlinked' && f.severity === 'info';

// ---------------------------------------------------------------------------
// A tiny runner.

const results = [];
async function step(name, fn) {
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
  const t0 = Date.now();
  try {
    await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error(`timed out after ${STEP_TIMEOUT} ms`)), STEP_TIMEOUT))]);
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  FAIL  ${name}\n        ${String(e && e.stack ? e.stack : e).split('\n').slice(0, 6).join('\n        ')}`);
  }
}

// ---------------------------------------------------------------------------
// Page helpers.

async function idle(page) {
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
}

async function shownCounts(page) {
  const get = async (s) => Number(await page.getByTestId(`count-${s}`).getAttribute('data-count'));
  return { error: await get('error'), warning: await get('warning'), info: await get('info') };
}

async function runCheck(page) {
  await page.getByTestId('check').click();
  await page.getByTestId('summary').waitFor();
  await idle(page);
}

/** Where the last check ran: 'worker' (the engine worker) or 'main' (the pane's thread, the fallback). */
async function engineMode(page) {
  return page.locator('main').getAttribute('data-engine');
}

/**
 * Waits for Periksa to be enabled and returns the JS files the page had asked for at that frame:
 * finished ones (resource timing) and ones in flight (webpack's <script> tags, removed once loaded).
 */
async function scriptsWhenCheckEnabled(page) {
  const h = await page.waitForFunction(
    () => {
      const b = document.querySelector('[data-testid="check"]');
      if (!b || b.disabled || b.getAttribute('aria-disabled') === 'true') return false;
      const urls = [...performance.getEntriesByType('resource').map((e) => e.name), ...[...document.querySelectorAll('script[src]')].map((s) => s.src)];
      return [...new Set(urls.map((u) => new URL(u, location.href).pathname.split('/').pop()).filter((f) => f.endsWith('.js')))].sort();
    },
    null,
    { polling: 'raf' },
  );
  return h.jsonValue();
}

/** The local scripts an HTML page of dist-web/ loads itself. */
function entryScripts(html) {
  return [...fs.readFileSync(path.join(DIST_WEB, html), 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s)).sort();
}

function finding(page, sheet, cell, code) {
  let sel = `[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"]`;
  if (code) sel += `[data-code="${code}"]`;
  return page.locator(sel);
}

/** The finding that has keyboard focus (its main button), or null when focus is elsewhere. */
async function focusedFinding(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.hasAttribute('data-finding-main')) return null;
    const li = el.closest('[data-testid="finding"]');
    return { sheet: li.getAttribute('data-sheet'), cell: li.getAttribute('data-cell'), code: li.getAttribute('data-code'), index: Number(el.getAttribute('data-index')) };
  });
}

/** The findings as the list shows them, in order: 'Sheet!A1 code'. */
async function listedFindings(page) {
  return page.$$eval('[data-testid="findings"] [data-testid="finding"]', (lis) => lis.map((li) => `${li.getAttribute('data-sheet')}!${li.getAttribute('data-cell')} ${li.getAttribute('data-code')}`));
}

/** The data-testid of the focused element (or of its nearest ancestor that has one), 'BODY' when nothing has focus. */
async function focusedTestId(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName;
  });
}

async function selectedCell(page) {
  const td = page.locator('[data-testid="grid"] td[data-selected="true"]');
  await td.waitFor({ timeout: 5000 });
  const sheet = await page.locator('[data-testid="grid"] table').getAttribute('data-sheet');
  return { sheet, cell: await td.getAttribute('data-cell'), text: (await td.textContent()) ?? '' };
}

async function gridCellText(page, sheet, cell) {
  await showSheet(page, sheet);
  return (await page.locator(`[data-testid="grid"] table[data-sheet="${sheet}"] td[data-cell="${cell}"]`).textContent()) ?? '';
}

async function showSheet(page, sheet) {
  await page.locator(`[data-testid="sheet-tab"][data-sheet="${sheet}"]`).click();
  await page.locator(`[data-testid="grid"] table[data-sheet="${sheet}"]`).waitFor();
}

/** Every cell text of a sheet's grid, address -> text. */
async function gridTexts(page, sheet) {
  await showSheet(page, sheet);
  return page.$$eval(`[data-testid="grid"] table[data-sheet="${sheet}"] td[data-cell]`, (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), td.textContent])));
}

/** Let hover and fade transitions settle so a screenshot shows the resting state. */
async function settle(page) {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
}

function a1(row, col) {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const d = (n - 1) % 26;
    letters = String.fromCharCode(65 + d) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** Every cell of a sheet plan that shows text: address -> the text Indonesian Excel shows. */
function planTexts(plan) {
  const out = {};
  for (const b of Object.values(plan.blocks)) for (const row of b.cells) for (const c of row) if (!c.covered && c.text !== '') out[a1(c.row, c.col)] = c.text;
  return out;
}

async function openTables(page) {
  await page.getByTestId('tab-tables').click();
  await page.locator('[data-testid="tables-view"][aria-busy="false"] [data-testid="spec-list"]').waitFor({ timeout: 20_000 });
}

async function tablesIdle(page) {
  await page.locator('[data-testid="tables-view"][aria-busy="false"]').waitFor({ timeout: 20_000 });
}

function specItem(page, id) {
  return page.locator(`[data-testid="spec"][data-id="${id}"]`);
}

async function noHorizontalScroll(page) {
  const o = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]');
    return { doc: document.documentElement.scrollWidth, win: window.innerWidth, pane: pane ? pane.scrollWidth : 0, paneClient: pane ? pane.clientWidth : 0 };
  });
  assert.ok(o.doc <= o.win, `page scrolls sideways: scrollWidth ${o.doc} > ${o.win}`);
  assert.ok(o.pane <= o.paneClient + 1, `pane scrolls sideways: ${o.pane} > ${o.paneClient}`);
}

// ---------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(DIST_WEB, 'preview.html'))) throw new Error('dist-web/preview.html missing: run "npm run build" first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);

  fs.mkdirSync(SHOTS, { recursive: true });
  const bytes = fs.readFileSync(SAMPLE);
  const S0 = await E.readWorkbookBuffer(bytes, 'dinsos-ntt-2021.xlsx');
  const opts = (lang, extra = {}) => ({ lang, pusatMarker: 'Kewenangan Pusat', narratives: [], ...extra });
  const R0 = E.analyzeWorkbook(S0, opts('id'));
  const R0en = E.analyzeWorkbook(S0, opts('en'));
  // The pane plans the whole workbook at once; 'Perbaiki semua' writes its mechanical edits.
  const plan0 = E.planConverging(S0, R0.findings, opts('id'));
  const g13 = plan0.edits.find((e) => e.sheet === 'Indikator 1 PMKS' && e.address === 'G13');
  assert.ok(g13, 'the engine plans a fix for G13');
  const S1 = applyLikePreview(S0, [g13]);
  const R1 = E.analyzeWorkbook(S1, opts('id'));
  const plan1 = E.planConverging(S1, R1.findings, opts('id'));
  const fixAll1 = plan1.edits.filter((e) => !e.judgement);
  const S2 = applyLikePreview(S1, fixAll1);
  const R2 = E.analyzeWorkbook(S2, opts('id'));
  const narrative = await E.readNarrativeBuffer(fs.readFileSync(NARRATIVE), 'laporan-ntt-2021.docx');
  const Rn = E.analyzeWorkbook(S0, opts('id', { narratives: [narrative] }));
  const C0 = counts(R0.findings);
  // The pane builds the tables as the workbook is, unless 'Dengan perbaikan yang diterima' is chosen.
  const SPECS = E.buildTableSpecs(S0, { lang: 'id', pusatMarker: 'Kewenangan Pusat' });
  const PMKS = SPECS.find((s) => s.kind === 'pmks');
  const PMKS_PLAN = E.sheetPlan(PMKS);
  const PMKS_FIXED = E.buildTableSpecs(S0, { lang: 'id', pusatMarker: 'Kewenangan Pusat', withFixes: true }).find((s) => s.kind === 'pmks');
  const apbdSheet = S0.sheets.find((s) => s.name === 'APBD');
  const apbdBottom = apbdSheet.origin.row + apbdSheet.values.length - 1;
  let apbdBefore = {};
  console.log(`engine on ${path.basename(SAMPLE)}: ${C0.error} errors, ${C0.warning} warnings, ${C0.info} info; ${plan0.edits.length} fixes`);

  const { server, url } = await startServer({ root: DIST_WEB });
  const origin = new URL(url).origin;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADED,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 320, height: 800 },
    locale: 'id-ID',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(15_000);

  const requests = [];
  const problems = [];
  context.on('request', (r) => {
    let from = '';
    try {
      from = r.frame().url();
    } catch {
      /* not from a page */
    }
    requests.push({ url: r.url(), from });
  });
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
  };
  context.on('page', watch);

  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  const previewUrl = (q = '') => `${url}preview.html${q}`;

  let original = {};
  const touchedSheets = [...new Set(plan0.edits.map((e) => e.sheet))];

  try {
    // A browser's very first page after a build is slow enough (cold caches, 2 cores) that the
    // deferred chunks' idle deadline passes before Periksa is enabled: warm up once, untimed.
    {
      const warm = await context.newPage();
      await warm.goto(previewUrl('?lang=id'));
      await warm.getByTestId('check').waitFor();
      await warm.close();
    }

    await step('preview opens the NTT sample at 320 px without office.js', async () => {
      await page.goto(previewUrl('?lang=id'));
      // Periksa comes with the entry script alone; the sample, its .xlsx reader and the engine worker come after.
      const firstScreen = await scriptsWhenCheckEnabled(page);
      await page.locator('[data-testid="grid"] table').waitFor();
      // The grid as it was, read before any assertion, so that the revert and insert steps
      // below still have it if an assertion here fails.
      for (const s of touchedSheets) original[s] = await gridTexts(page, s);
      apbdBefore = await gridTexts(page, 'APBD');
      assert.deepEqual(firstScreen, entryScripts('preview.html'));
      assert.equal((await page.getByTestId('check').textContent()).trim(), 'Periksa buku kerja');
      assert.equal(await page.locator('script[src*="office.js"]').count(), 0);
      await noHorizontalScroll(page);
      assert.ok(Object.keys(original['Indikator 1 PMKS']).length > 100, 'grid shows the PMKS sheet');
      // Numbers as Excel with Indonesian regional settings shows them; a number stored as text as typed.
      assert.deepEqual([original['Indikator 1 PMKS'].D30, original['Indikator 1 PMKS'].G30, original['Indikator 1 PMKS'].D8], ['2.560.142', '79,13', '1.595']);
    });

    await step('Periksa shows the engine counts and the recognised tables (checked in the engine worker)', async () => {
      await runCheck(page);
      assert.equal(await engineMode(page), 'worker');
      assert.deepEqual(await shownCounts(page), C0);
      assert.equal(C0.error, R0.findings.filter((f) => f.severity === 'error').length);
      const tables = await page.getByTestId('tables').locator('li').allTextContents();
      assert.equal(tables.length, R0.tables.length);
      assert.ok(tables[0].includes('Tabel PMKS') && tables[0].includes('A3:J30'), tables[0]);
      const listed = await page.locator('[data-testid="finding"]').count();
      const unlinked = R0.findings.filter(isUnlinked).length;
      assert.equal(listed, R0.findings.length - unlinked, 'every finding listed, unlinked ones collapsed');
      if (unlinked > 0) {
        await page.getByTestId('unlinked-toggle').first().click();
        assert.equal(await page.locator('[data-testid="finding"]').count(), R0.findings.length);
        await page.getByTestId('unlinked-toggle').first().click();
      }
      const messages = new Set(R0.findings.map((f) => f.message));
      for (const m of await page.getByTestId('finding-message').allTextContents()) assert.ok(messages.has(m), `message from the engine: ${m.slice(0, 60)}`);
      await noHorizontalScroll(page);
    });

    await step('a severity chip shows only its findings, clicked again shows all; search narrows the list', async () => {
      await page.getByTestId('filter-error').click();
      const errorsOnly = R0.findings.filter((f) => f.severity === 'error').length;
      assert.equal(await page.locator('[data-testid="finding"]').count(), errorsOnly);
      assert.equal(await page.locator('[data-testid="finding"]:not([data-severity="error"])').count(), 0);
      assert.equal(await page.getByTestId('filter-error').getAttribute('aria-pressed'), 'true');
      await page.getByTestId('filter-error').click();
      assert.equal(await page.locator('[data-testid="finding"]').count(), R0.findings.length - R0.findings.filter(isUnlinked).length);
      await page.getByTestId('search').fill('APBD');
      const n = await page.locator('[data-testid="finding"]').count();
      assert.ok(n >= 3 && n < R0.findings.length, `search APBD gives ${n}`);
      await page.getByTestId('search').fill('');
    });

    await step('clicking a finding selects its cell in the grid', async () => {
      const f = R0.findings.find((x) => x.sheet === 'APBD' && x.cell === 'E11');
      await finding(page, f.sheet, f.cell, f.code).getByTestId('finding-select').click();
      assert.deepEqual(await selectedCell(page), { sheet: 'APBD', cell: 'E11', text: await gridCellText(page, 'APBD', 'E11') });
      assert.ok((await page.getByTestId('formula-bar').textContent()).includes('APBD!E11'));
    });

    await step('Enter and Space on a finding select its cell (keyboard)', async () => {
      await finding(page, 'Indikator 1 PMKS', 'H8', 'identity-mismatch').getByTestId('finding-select').focus();
      await page.keyboard.press('Enter');
      let s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, 'Indikator 1 PMKS!H8');
      await finding(page, 'Indikator 2 SPM', 'D8').getByTestId('finding-select').focus();
      await page.keyboard.press('Space');
      s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, 'Indikator 2 SPM!D8');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'focused finding shows a focus outline');
    });

    await step('a narrative finding offers its paragraph cell and the related table cell', async () => {
      const f = R0.findings.find((x) => x.code === 'narrative-mismatch' && x.related);
      const item = finding(page, f.sheet, f.cell, f.code);
      await item.getByTestId('finding-select').click();
      let s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, `${f.sheet}!${f.cell}`);
      await item.getByTestId('open-related').click();
      s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, `${f.related.sheet}!${f.related.cell}`);
    });

    await step('G13 #DIV/0! fix: preview before -> after, apply, grid shows Kewenangan Pusat', async () => {
      assert.equal(await gridCellText(page, 'Indikator 1 PMKS', 'G13'), '#DIV/0!');
      const item = finding(page, 'Indikator 1 PMKS', 'G13', 'division-by-zero');
      await item.getByTestId('fix').click();
      const panel = item.getByTestId('fix-panel');
      const content = await panel.getByTestId('edit-content').textContent();
      assert.ok(content.includes(g13.before.formula) && content.includes('Kewenangan Pusat'), content);
      const listed = await listedFindings(page);
      const next = listed[listed.indexOf('Indikator 1 PMKS!G13 division-by-zero') + 1];
      await panel.getByTestId('apply').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      // Focus went to the finding after the fixed one, not to the top of the pane or <body> (read before the grid is clicked).
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-finding-main'));
      assert.equal(await focusedFinding(page).then((f) => f && `${f.sheet}!${f.cell} ${f.code}`), next);
      assert.equal(await gridCellText(page, 'Indikator 1 PMKS', 'G13'), 'Kewenangan Pusat');
      assert.deepEqual(await shownCounts(page), counts(R1.findings));
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'G13', 'division-by-zero').count(), 0);
      assert.equal((await page.getByTestId('revert').textContent()).trim(), 'Batalkan semua perbaikan (1 sel)');
    });

    await step('Kembalikan one cell: the list of changes shows G13 before -> now, one revert brings #DIV/0! and its finding back', async () => {
      await page.getByTestId('changes-toggle').click();
      const item = page.locator('[data-testid="changed-cell"][data-sheet="Indikator 1 PMKS"][data-cell="G13"]');
      await item.waitFor();
      assert.equal(await page.getByTestId('changed-cell').count(), 1);
      const text = await item.textContent();
      assert.ok(text.includes('G13') && text.includes('Tuna Susila') && text.includes(g13.before.formula) && text.includes('Kewenangan Pusat'), text);
      await item.getByTestId('revert-one').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      // The list of changes went with its last cell: focus is on the notice saying so, not on <body>.
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'notice');
      assert.ok((await page.getByTestId('notice').textContent()).includes('1 sel dikembalikan'));
      assert.equal(await gridCellText(page, 'Indikator 1 PMKS', 'G13'), '#DIV/0!');
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'G13', 'division-by-zero').count(), 1);
      assert.deepEqual(await shownCounts(page), C0);
      assert.equal(await page.getByTestId('revert').count(), 0);
      assert.equal(await page.getByTestId('changes').count(), 0);
    });

    await step('keyboard only: from Periksa to the list (one Tab stop), arrows to G13, Enter selects it, Escape closes its fix preview, Enter applies', async () => {
      await page.getByTestId('check').focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="notice"][data-intent=""]').waitFor({ state: 'attached' });
      await idle(page);
      let f = null;
      for (let i = 0; i < 40 && !f; i++) {
        await page.keyboard.press('Tab');
        f = await focusedFinding(page);
      }
      assert.ok(f, 'Tab reaches the findings list');
      assert.equal(await page.locator('[data-finding-main][tabindex="0"]').count(), 1, 'the list is one Tab stop');
      await page.keyboard.press('Home');
      f = await focusedFinding(page);
      assert.equal(f.index, 0);
      for (let i = 0; i < 80 && !(f.cell === 'G13' && f.code === 'division-by-zero'); i++) {
        await page.keyboard.press('ArrowDown');
        f = await focusedFinding(page);
      }
      assert.equal(`${f.sheet}!${f.cell} ${f.code}`, 'Indikator 1 PMKS!G13 division-by-zero');
      await page.keyboard.press('Enter');
      const s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, 'Indikator 1 PMKS!G13');
      await page.keyboard.press('Tab');
      assert.equal(await focusedTestId(page), 'fix');
      await page.keyboard.press('Enter');
      const item = finding(page, 'Indikator 1 PMKS', 'G13', 'division-by-zero');
      await item.getByTestId('fix-panel').waitFor();
      await page.keyboard.press('Escape');
      await item.getByTestId('fix-panel').waitFor({ state: 'detached' });
      assert.equal(await focusedTestId(page), 'fix', 'Escape gives focus back to Perbaiki');
      await page.keyboard.press('Enter');
      await item.getByTestId('fix-panel').waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await focusedTestId(page), 'apply');
      const listed = await listedFindings(page);
      const next = listed[listed.indexOf('Indikator 1 PMKS!G13 division-by-zero') + 1];
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-finding-main'));
      const after = await focusedFinding(page);
      assert.equal(after && `${after.sheet}!${after.cell} ${after.code}`, next, 'focus on the finding after G13');
      assert.equal(await gridCellText(page, 'Indikator 1 PMKS', 'G13'), 'Kewenangan Pusat');
      assert.deepEqual(await shownCounts(page), counts(R1.findings));
    });

    await step('Sebelumnya / Berikutnya select the neighbouring finding and its cell; arrows, Home and End move focus', async () => {
      const shown = (await listedFindings(page)).map((x) => {
        const [sheet, cell] = x.slice(0, x.lastIndexOf(' ')).split(/!(?=[A-Z]+\d+$)/);
        return { sheet, cell };
      });
      assert.equal(shown.length, R1.findings.filter((x) => !isUnlinked(x)).length);
      await page.getByTestId('finding-next').click();
      let s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, `${shown[0].sheet}!${shown[0].cell}`);
      assert.equal((await page.getByTestId('finding-position').textContent()).trim(), `Temuan 1 dari ${shown.length}`);
      assert.equal(await page.getByTestId('finding-prev').getAttribute('aria-disabled'), 'true');
      assert.equal(await page.getByTestId('finding-prev').getAttribute('aria-label'), 'Temuan sebelumnya');
      await page.getByTestId('finding-next').click();
      await page.getByTestId('finding-next').click();
      s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, `${shown[2].sheet}!${shown[2].cell}`);
      await page.getByTestId('finding-prev').click();
      s = await selectedCell(page);
      assert.equal(`${s.sheet}!${s.cell}`, `${shown[1].sheet}!${shown[1].cell}`);
      assert.equal((await page.getByTestId('finding-position').textContent()).trim(), `Temuan 2 dari ${shown.length}`);
      assert.equal(await focusedTestId(page), 'finding-prev', 'focus stays on the button');
      const current = page.locator('[data-finding-main][aria-current="true"]');
      assert.equal(await current.getAttribute('data-index'), '1');
      await current.focus();
      await page.keyboard.press('ArrowDown');
      assert.equal((await focusedFinding(page)).index, 2);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal((await focusedFinding(page)).index, 0);
      await page.keyboard.press('End');
      assert.equal((await focusedFinding(page)).index, shown.length - 1);
      await page.keyboard.press('Home');
      assert.equal((await focusedFinding(page)).index, 0);
      assert.equal(await page.locator('[data-finding-main][tabindex="0"]').count(), 1);
    });

    await step('Escape closes the Perbaiki semua dialog and gives focus back to its button', async () => {
      await page.getByTestId('fix-all').click();
      await page.getByTestId('fix-all-dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('fix-all-dialog').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'fix-all');
    });

    await step('Perbaiki semua lists every edit with a choice, judgement ones unticked, then applies the ticked ones in one go', async () => {
      assert.equal((await page.getByTestId('fix-all').textContent()).trim(), `Perbaiki semua (${fixAll1.length})`);
      await page.getByTestId('fix-all').click();
      const dialog = page.getByTestId('fix-all-dialog');
      await dialog.waitFor();
      assert.equal(await dialog.getByTestId('fix-choice').count(), plan1.edits.length);
      const judged = plan1.edits.filter((e) => e.judgement);
      assert.ok(judged.length > 0, 'the plan has a judgement fix to leave unticked');
      assert.equal(await dialog.locator('[data-testid="fix-choice"][data-kind="judgement"]').count(), judged.length);
      for (const box of await dialog.locator('[data-kind="judgement"] input[type="checkbox"]').all()) assert.equal(await box.isChecked(), false);
      for (const box of await dialog.locator('[data-kind="mechanical"] input[type="checkbox"]').all()) assert.equal(await box.isChecked(), true);
      const apply = dialog.getByTestId('fix-all-apply');
      assert.equal((await apply.textContent()).trim(), `Terapkan ${fixAll1.length} perbaikan`);
      const h8 = dialog.locator('[data-testid="fix-choice"][data-cell="H8"]');
      assert.ok((await h8.textContent()).includes('Anak Dengan Kedisabilitas'), 'a judgement fix names its row and says why');
      // Unticking a mechanical fix holds back the follow-ups planned on top of it; "Pilih semua" puts the plan back.
      const dependents = await dialog.locator('[data-testid="fix-choice"][data-kind="dependent"]').count();
      await dialog.locator('[data-kind="mechanical"] input[type="checkbox"]').first().click();
      assert.equal((await apply.textContent()).trim(), `Terapkan ${fixAll1.length - 1 - dependents} perbaikan`);
      if (dependents > 0) assert.equal(await dialog.getByTestId('fix-followups-box').isDisabled(), true);
      await dialog.getByTestId('fix-choice-all').click();
      assert.equal((await apply.textContent()).trim(), `Terapkan ${fixAll1.length} perbaikan`);
      await noHorizontalScroll(page);
      await page.waitForTimeout(500); // the dialog's opening animation
      await page.screenshot({ path: path.join(SHOTS, 'taskpane-id-light-fix-all.png') });
      await apply.click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      assert.deepEqual(await shownCounts(page), counts(R2.findings));
      assert.equal(await engineMode(page), 'worker', 'the check after the fixes ran in the worker too');
      const revertN = new Set([g13, ...fixAll1].map((e) => `${e.sheet}!${e.address}`)).size;
      assert.equal((await page.getByTestId('revert').textContent()).trim(), `Batalkan semua perbaikan (${revertN} sel)`);
      assert.equal(await gridCellText(page, 'Indikator 1 PMKS', 'G14'), 'Kewenangan Pusat');
      for (const e of judged) assert.equal(await gridCellText(page, e.sheet, e.address), original[e.sheet][e.address], `${e.sheet}!${e.address} unticked, unchanged`);
    });

    await step('Kembalikan in a longer list: that cell only comes back, focus moves to the next cell\'s Kembalikan', async () => {
      await page.getByTestId('changes-toggle').click();
      const items = page.getByTestId('changed-cell');
      await items.first().waitFor();
      const n = await items.count();
      const cells = await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-sheet')}!${e.getAttribute('data-cell')}`));
      const i = cells.indexOf('Indikator 1 PMKS!G14');
      assert.ok(i >= 0 && i < n - 1, `G14 listed with a cell after it: ${cells.join(', ')}`);
      const before = await gridTexts(page, 'Indikator 1 PMKS');
      await items.nth(i).getByTestId('revert-one').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      await page.waitForFunction((want) => document.querySelectorAll('[data-testid="changed-cell"]').length === want, n - 1);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'revert-one');
      const focused = await page.evaluate(() => {
        const li = document.activeElement.closest('[data-testid="changed-cell"]');
        return `${li.getAttribute('data-sheet')}!${li.getAttribute('data-cell')}`;
      });
      assert.equal(focused, cells[i + 1], 'the next cell takes focus');
      const after = await gridTexts(page, 'Indikator 1 PMKS');
      assert.equal(after.G14, original['Indikator 1 PMKS'].G14);
      for (const [address, text] of Object.entries(before)) if (address !== 'G14') assert.equal(after[address], text, `${address} unchanged`);
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'G14', 'division-by-zero').count(), 1, 'its finding is back');
      assert.equal((await page.getByTestId('revert').textContent()).trim(), `Batalkan semua perbaikan (${n - 1} sel)`);
    });

    await step('Batalkan perbaikan restores every original value in the grid', async () => {
      await page.getByTestId('revert').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      assert.deepEqual(await shownCounts(page), C0);
      assert.equal(await page.getByTestId('revert').count(), 0);
      for (const s of touchedSheets) assert.deepEqual(await gridTexts(page, s), original[s], `sheet ${s} back as it was`);
      assert.equal(await gridCellText(page, 'Indikator 1 PMKS', 'G13'), '#DIV/0!');
    });

    await step('Abaikan with a reason: the finding leaves the list and the counts, survives Periksa again and a reload; Tampilkan lagi brings it back', async () => {
      const d8 = R0.findings.find((f) => f.sheet === 'Indikator 1 PMKS' && f.cell === 'D8' && f.code === 'text-number');
      assert.ok(d8, 'the engine reports D8 as a number stored as text');
      const without = counts(R0.findings.filter((f) => f !== d8));
      const listed = await listedFindings(page);
      const next = listed[listed.indexOf('Indikator 1 PMKS!D8 text-number') + 1];
      const item = finding(page, 'Indikator 1 PMKS', 'D8', 'text-number');
      await item.getByTestId('ignore').click();
      await item.getByTestId('ignore-reason').fill('angka dari SIKS-NG, diketik ulang nanti');
      await item.getByTestId('ignore-confirm').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-finding-main'));
      assert.equal(await focusedFinding(page).then((f) => f && `${f.sheet}!${f.cell} ${f.code}`), next, 'focus moved to the next finding');
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'D8', 'text-number').count(), 0);
      assert.deepEqual(await shownCounts(page), without);
      assert.equal((await page.getByTestId('ignored-toggle').textContent()).trim(), 'Diabaikan (1)');

      // Checked again: still ignored.
      await page.getByTestId('check').click();
      await idle(page);
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'D8', 'text-number').count(), 0);
      assert.deepEqual(await shownCounts(page), without);

      // The page reloaded (the file opened again): still ignored, with its reason.
      await page.reload();
      await page.locator('[data-testid="grid"] table').waitFor();
      await page.getByTestId('check').click();
      await page.getByTestId('summary').waitFor();
      await idle(page);
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'D8', 'text-number').count(), 0);
      assert.deepEqual(await shownCounts(page), without);
      await page.getByTestId('ignored-toggle').click();
      const ignored = page.getByTestId('ignored-item');
      assert.equal(await ignored.count(), 1);
      const text = await ignored.textContent();
      assert.ok(text.includes('D8') && text.includes('angka dari SIKS-NG, diketik ulang nanti'), text);

      // Unduh buku kerja yang diperbaiki: the file carries the ignore list as Excel stores it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-fixed').click()]);
      assert.equal(download.suggestedFilename(), 'dinsos-ntt-2021-diperbaiki.xlsx');
      const saved = await E.readWorkbookBuffer(fs.readFileSync(await download.path()), 'saved.xlsx');
      assert.deepEqual((saved.ignored ?? []).map((e) => `${e.code} ${e.sheet}!${e.cell} ${e.reason}`), ['text-number Indikator 1 PMKS!D8 angka dari SIKS-NG, diketik ulang nanti']);

      // Tampilkan lagi: the finding and the counts are back; focus is not lost.
      await ignored.getByTestId('restore-ignored').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await idle(page);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'notice');
      assert.equal(await finding(page, 'Indikator 1 PMKS', 'D8', 'text-number').count(), 1);
      assert.deepEqual(await shownCounts(page), C0);
      assert.equal(await page.getByTestId('ignored-panel').count(), 0);
    });

    await step('a narrative .docx is read in the browser and checked with the tables', async () => {
      await page.getByTestId('narrative-input').setInputFiles(NARRATIVE);
      await page.getByTestId('narrative-chip').waitFor();
      assert.ok((await page.getByTestId('narrative-chip').textContent()).includes('laporan-ntt-2021.docx'));
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="count-error"]')?.getAttribute('data-count')) === n,
        counts(Rn.findings).error,
      );
      await idle(page);
      assert.deepEqual(await shownCounts(page), counts(Rn.findings));
      await page.getByTestId('narrative-remove').click();
      await page.getByTestId('narrative-pick').waitFor();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="count-error"]')?.getAttribute('data-count')) === n, C0.error);
      await idle(page);
    });

    await step('switching the language to English relabels the pane and the findings', async () => {
      // Indonesian Office's own words first (Kesalahan, not GALAT), in the counts and on each finding.
      assert.ok((await page.getByTestId('count-error').textContent()).includes('kesalahan'));
      assert.ok((await page.locator('[data-testid="finding"][data-severity="error"]').first().textContent()).includes('Kesalahan'));
      await page.getByTestId('settings-toggle').click();
      await page.getByTestId('language').selectOption('en');
      await page.waitForFunction(() => document.querySelector('[data-testid="check"]')?.textContent?.trim() === 'Check again');
      await idle(page);
      assert.equal((await page.getByTestId('summary').locator('h2').textContent()).trim(), 'Summary');
      assert.ok((await page.getByTestId('count-error').textContent()).includes('errors'));
      assert.deepEqual(await shownCounts(page), counts(R0en.findings));
      const en = new Set(R0en.findings.map((f) => f.message));
      const shown = await page.getByTestId('finding-message').allTextContents();
      assert.ok(shown.length > 0 && shown.every((m) => en.has(m)), 'finding messages are the engine’s English ones');
      assert.ok((await page.locator('[data-testid="finding"][data-severity="error"]').first().textContent()).includes('Error'));
      assert.deepEqual([await gridCellText(page, 'Indikator 1 PMKS', 'D30'), await gridCellText(page, 'Indikator 1 PMKS', 'G30')], ['2,560,142', '79.13']);
      assert.ok((await page.getByTestId('sheet-tab').first().isVisible()));
      await page.getByTestId('language').selectOption('auto');
      await page.getByTestId('settings-toggle').click();
    });

    // --- The engine worker: a check before the sample is read, and the fallbacks ---------------

    await step('without ?lang the preview speaks Bahasa Indonesia, even in a browser set to English', async () => {
      const p = await context.newPage();
      await p.addInitScript(() => {
        Object.defineProperty(navigator, 'language', { get: () => 'en-US' });
        Object.defineProperty(navigator, 'languages', { get: () => ['en-US', 'en'] });
      });
      await p.goto(previewUrl(''));
      await p.getByTestId('check').waitFor();
      assert.equal((await p.getByTestId('check').textContent()).trim(), 'Periksa buku kerja');
      assert.equal(await p.evaluate(() => document.documentElement.lang), 'id');
      await p.close();
    });

    await step('Periksa clicked before the sample is read waits with the progress indicator, then checks it in the worker', async () => {
      const p = await context.newPage();
      // The sample arrives late, as on a slow connection.
      await p.route('**/examples/dinsos-ntt-2021.xlsx', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await p.goto(previewUrl('?lang=id'));
      await p.getByTestId('grid-loading').waitFor();
      await p.getByTestId('check').click();
      await p.getByTestId('busy').waitFor();
      assert.ok((await p.getByTestId('busy').textContent()).includes('Membaca buku kerja'), await p.getByTestId('busy').textContent());
      await p.getByTestId('summary').waitFor();
      await idle(p);
      assert.deepEqual(await shownCounts(p), C0);
      assert.equal(await engineMode(p), 'worker');
      await p.locator('[data-testid="grid"] table').waitFor();
      await p.close();
    });

    const noWorker = {
      'no Worker at all': () => {
        delete window.Worker;
      },
      'new Worker() refused (as under a strict CSP)': () => {
        window.Worker = function Worker() {
          throw new DOMException('Worker blocked for this test', 'SecurityError');
        };
      },
      'the worker script missing (404)': () => {
        const W = window.Worker;
        window.Worker = class extends W {
          constructor(url, options) {
            super(new URL('missing-engine-worker.js', location.href), options);
          }
        };
      },
    };
    for (const [what, init] of Object.entries(noWorker)) {
      await step(`${what}: the check and Tabel LAKIP run on the pane's thread with the same results`, async () => {
        const before = problems.length;
        const p = await context.newPage();
        await p.addInitScript(init);
        await p.goto(previewUrl('?lang=id&view=pane'));
        await runCheck(p);
        assert.equal(await engineMode(p), 'main');
        assert.deepEqual(await shownCounts(p), C0);
        await openTables(p);
        assert.equal(await p.getByTestId('tables-view').getAttribute('data-engine'), 'main');
        const ids = await p.locator('[data-testid="spec"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
        assert.deepEqual(ids, SPECS.map((s) => s.id));
        await p.close();
        // The missing script's 404 is the only console error this may cause.
        const added = problems.splice(before).filter((m) => !/404 \(Not Found\)/.test(m));
        assert.deepEqual(added, []);
      });
    }

    // --- Tabel LAKIP: the report tables as the workbook is (or with the accepted fixes), into the workbook, Word and files ---

    await step('Tabel LAKIP lists the report tables built as the workbook is, with kind, source and the values the check flags', async () => {
      await openTables(page);
      const ids = await page.locator('[data-testid="spec"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      assert.deepEqual(ids, SPECS.map((s) => s.id));
      assert.equal(await page.getByRole('radio', { name: 'Seperti di buku kerja' }).isChecked(), true);
      assert.equal(await page.getByRole('radio', { name: 'Dengan perbaikan yang diterima' }).isChecked(), false);
      const pmksText = await specItem(page, PMKS.id).textContent();
      assert.ok(pmksText.includes('Penanganan PMKS') && pmksText.includes('Indikator 1 PMKS') && pmksText.includes(PMKS.from.range), pmksText);
      assert.equal((await specItem(page, PMKS.id).getByTestId('spec-truth').textContent()).trim(), `${PMKS.flagged.length} nilai ditandai pemeriksaan`);
      assert.equal(await page.getByTestId('spec-low-confidence').count(), 0, 'no sample table is read with low confidence');
      assert.equal((await page.getByTestId('spec-all').locator('h3').textContent()).trim(), `Semua tabel (${SPECS.length})`);
      for (const label of ['Sisipkan di lembar baru', 'Sisipkan di sel terpilih', 'Salin untuk Word', 'Unduh .docx', 'Unduh .xlsx']) {
        assert.equal(await specItem(page, PMKS.id).getByRole('button', { name: label }).count(), 1, label);
      }
      assert.equal(await page.getByTestId('tables-view').getAttribute('data-engine'), 'worker', 'the tables are built in the engine worker');
      await noHorizontalScroll(page);
    });

    await step('Sisipkan di lembar baru, as in the workbook: the PMKS TOTAL as typed (2.560.142), #DIV/0! as typed, the note naming the flagged cells', async () => {
      await specItem(page, PMKS.id).getByTestId('insert-new-sheet').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await tablesIdle(page);
      const notice = await page.getByTestId('notice').textContent();
      assert.equal(PMKS_PLAN.sheetName, 'Tabel PMKS', 'the inserted sheet has a readable name');
      assert.ok(notice.includes('1 tabel disisipkan') && notice.includes(`lembar "${PMKS_PLAN.sheetName}" ${PMKS_PLAN.range}`), notice);
      await page.locator(`[data-testid="sheet-tab"][data-sheet="${PMKS_PLAN.sheetName}"]`).waitFor();
      const shown = await gridTexts(page, PMKS_PLAN.sheetName);
      const want = planTexts(PMKS_PLAN);
      for (const [address, text] of Object.entries(want)) assert.equal(shown[address], text, `${address}`);
      const total = PMKS_PLAN.blocks.body.cells.at(-1);
      const at = (i) => a1(total[i].row, total[i].col);
      // The workbook's TOTAL row reads 2.560.142 where its rows add up to 2.579.089: the table says what the workbook says.
      assert.deepEqual([shown[at(2)], shown[at(3)], shown[at(6)]], ['TOTAL', '2.560.142', '79,13']);
      assert.ok(Object.values(shown).includes('#DIV/0!') && !Object.values(shown).includes('Kewenangan Pusat'));
      assert.ok(Object.values(shown).some((t) => t.startsWith('Catatan: pemeriksaan menandai 13 nilai di tabel ini')));
      // A total that agrees with the workbook is a formula (the formula bar shows it); one that does not is the typed figure.
      await page.locator(`[data-testid="grid"] table[data-sheet="${PMKS_PLAN.sheetName}"] td[data-cell="${at(7)}"]`).click();
      assert.equal((await page.getByTestId('formula-bar-content').textContent()).trim(), total[7].formula);
      assert.equal(total[3].formula, undefined);
      await noHorizontalScroll(page);
    });

    await step('Sisipkan di sel terpilih: an occupied cell is refused, an empty one takes the SPM table', async () => {
      const spm = SPECS.find((s) => s.kind === 'spm');
      await showSheet(page, 'APBD');
      await page.locator('[data-testid="grid"] table[data-sheet="APBD"] td[data-cell="C6"]').click();
      await specItem(page, spm.id).getByTestId('insert-selection').click();
      await page.locator('[data-testid="notice"][data-intent="error"]').waitFor();
      await tablesIdle(page);
      assert.ok((await page.getByTestId('notice').textContent()).includes('sudah berisi'), 'occupied target refused');
      assert.deepEqual(await gridTexts(page, 'APBD'), apbdBefore, 'nothing written');
      const free = a1(apbdBottom + 2, 0);
      await page.locator(`[data-testid="grid"] table[data-sheet="APBD"] td[data-cell="${free}"]`).click();
      await specItem(page, spm.id).getByTestId('insert-selection').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await tablesIdle(page);
      const plan = E.sheetPlan(spm, { startRow: apbdBottom + 2, startCol: 0 });
      const shown = await gridTexts(page, 'APBD');
      for (const [address, text] of Object.entries(planTexts(plan))) assert.equal(shown[address], text, address);
    });

    await step('Salin untuk Word puts HTML (with rowspan) and plain text on the clipboard', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.bringToFront();
      await specItem(page, PMKS.id).getByTestId('copy-word').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await tablesIdle(page);
      assert.ok((await page.getByTestId('notice').textContent()).includes('Tempel di Word'));
      const clip = await page.evaluate(async () => {
        const out = {};
        for (const item of await navigator.clipboard.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
        return out;
      });
      assert.ok(clip['text/html'].includes('<table'), 'text/html holds a table');
      assert.ok(/rowspan|colspan/.test(clip['text/html']), 'merged cells as rowspan/colspan');
      assert.ok(clip['text/html'].includes('2.560.142') && clip['text/html'].includes('#DIV/0!'));
      assert.ok(/TOTAL\t2\.560\.142/.test(clip['text/plain']), clip['text/plain'].slice(0, 200));
      assert.equal(await page.getByTestId('copy-fallback').count(), 0);
    });

    await step('clipboard denied (as Office hosts may): the table shown to select, with the message and a .docx button', async () => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Browser.setPermission', { permission: { name: 'clipboard-write' }, setting: 'denied', origin });
      await specItem(page, PMKS.id).getByTestId('copy-word').click();
      const panel = page.getByTestId('copy-fallback');
      await panel.waitFor();
      await tablesIdle(page);
      assert.ok((await panel.textContent()).includes('Salin tidak diizinkan di sini: pilih tabel di bawah lalu tekan Ctrl+C, atau unduh .docx'));
      assert.equal(await panel.getByTestId('fallback-docx').count(), 1);
      assert.ok((await panel.getByTestId('copy-fallback-content').locator('table').count()) >= 1);
      await panel.getByTestId('fallback-select').click();
      const selected = await page.evaluate(() => String(window.getSelection()));
      assert.ok(selected.includes('TOTAL') && selected.includes('2.560.142'), 'the tables are selected for Ctrl+C');
      await noHorizontalScroll(page);
      await context.clearPermissions();
      await cdp.detach();
    });

    await step('Unduh .docx downloads a Word file (a zip: PK)', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), specItem(page, PMKS.id).getByTestId('download-docx').click()]);
      assert.equal(download.suggestedFilename(), 'pmks-Indikator-1-PMKS.docx');
      const bytes = fs.readFileSync(await download.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'a Word package');
      await tablesIdle(page);
      const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spec-all').getByTestId('download-xlsx').click()]);
      assert.equal(all.suggestedFilename(), 'dinsos-ntt-2021-tabel-lakip.xlsx');
      const xlsx = await E.readWorkbookBuffer(fs.readFileSync(await all.path()), 'x.xlsx');
      assert.deepEqual(xlsx.sheets.map((s) => s.name), ['Tabel PMKS', 'Tabel SPM', 'Tabel Capaian Kinerja', 'Tabel APBN', 'Tabel APBD']);
      await tablesIdle(page);
    });

    await step('Dengan perbaikan yang diterima: the fixed PMKS table (TOTAL 2.579.089, Kewenangan Pusat) with the note listing every value that differs', async () => {
      await page.getByRole('radio', { name: 'Dengan perbaikan yang diterima' }).click();
      await tablesIdle(page);
      await specItem(page, PMKS.id).getByTestId('spec-truth').filter({ hasText: 'berbeda dari buku kerja' }).waitFor();
      assert.equal(await page.getByRole('radio', { name: 'Dengan perbaikan yang diterima' }).isChecked(), true);
      assert.equal(
        (await specItem(page, PMKS.id).getByTestId('spec-truth').textContent()).trim(),
        `${PMKS_FIXED.differences.length} nilai berbeda dari buku kerja · ${PMKS_FIXED.flagged.length} nilai ditandai pemeriksaan`,
      );
      await specItem(page, PMKS.id).getByTestId('insert-new-sheet').click();
      await page.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await tablesIdle(page);
      // The as-is table took the sheet name; this one is the second.
      const sheet = `${PMKS_PLAN.sheetName} (2)`;
      await page.locator(`[data-testid="sheet-tab"][data-sheet="${sheet}"]`).waitFor();
      const plan = E.sheetPlan(PMKS_FIXED);
      const shown = await gridTexts(page, sheet);
      for (const [address, text] of Object.entries(planTexts(plan))) assert.equal(shown[address], text, address);
      const total = plan.blocks.body.cells.at(-1);
      const at = (i) => a1(total[i].row, total[i].col);
      assert.deepEqual([shown[at(2)], shown[at(3)], shown[at(6)]], ['TOTAL', '2.579.089', '79,13']);
      assert.ok(Object.values(shown).includes('Kewenangan Pusat') && !Object.values(shown).includes('#DIV/0!'));
      const note = Object.values(shown).find((t) => t.startsWith('Catatan: dengan perbaikan yang diterima, nilai berikut berbeda dari buku kerja:'));
      assert.ok(note && note.includes("baris 'TOTAL', kolom 'Populasi 2021' (D30): 2.579.089 (di buku kerja: 2.560.142)"), note);
      await page.locator(`[data-testid="grid"] table[data-sheet="${sheet}"] td[data-cell="${at(3)}"]`).click();
      assert.equal((await page.getByTestId('formula-bar-content').textContent()).trim(), total[3].formula);
      // Back to the workbook as it is.
      await page.getByRole('radio', { name: 'Seperti di buku kerja' }).click();
      await tablesIdle(page);
      await specItem(page, PMKS.id).getByTestId('spec-truth').filter({ hasText: 'ditandai pemeriksaan' }).waitFor();
      assert.equal((await specItem(page, PMKS.id).getByTestId('spec-truth').textContent()).trim(), `${PMKS.flagged.length} nilai ditandai pemeriksaan`);
      await noHorizontalScroll(page);
      await page.getByTestId('tab-check').click();
      await page.getByTestId('check').waitFor();
    });

    await step('screenshots: the Tabel LAKIP pane (320 px), its PMKS preview (id light, en dark) and the PMKS table inserted in the preview grid', async () => {
      fs.mkdirSync(TABLE_SHOTS, { recursive: true });
      const p = await context.newPage();
      await p.emulateMedia({ colorScheme: 'light' });
      await p.setViewportSize({ width: 320, height: 900 });
      await p.goto(previewUrl('?lang=id&theme=light&view=pane'));
      await openTables(p);
      await settle(p);
      await p.screenshot({ path: path.join(SHOTS, 'tabel-lakip-id.png') });
      // Each table's preview before it goes anywhere: opened from the keyboard, a focusable region holding a real table; id light, en dark.
      for (const [lang, theme] of [['id', 'light'], ['en', 'dark']]) {
        await p.emulateMedia({ colorScheme: theme });
        await p.goto(previewUrl(`?lang=${lang}&theme=${theme}&view=pane`));
        await openTables(p);
        const item = specItem(p, PMKS.id);
        const toggle = item.getByTestId('spec-preview-toggle');
        await toggle.focus();
        await p.keyboard.press('Enter');
        const region = item.getByTestId('spec-preview');
        await region.locator('table th').first().waitFor();
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        assert.equal(await toggle.getAttribute('aria-controls'), await region.getAttribute('id'));
        assert.equal(await region.getAttribute('role'), 'region');
        assert.match(await region.getAttribute('aria-label'), lang === 'id' ? /^Pratinjau / : /^Preview of /);
        const cells = await region.locator('td, th').allTextContents();
        for (const word of [PMKS.headerRows[0][1].text, 'TOTAL']) assert.ok(cells.includes(word), word);
        await p.keyboard.press('Tab');
        assert.equal(await region.evaluate((el) => el === document.activeElement), true, 'the scrolling region takes focus');
        await noHorizontalScroll(p);
        await item.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await settle(p);
        await p.screenshot({ path: path.join(SHOTS, `tabel-lakip-preview-${lang}.png`) });
      }
      await p.emulateMedia({ colorScheme: 'light' });
      // The 'Excel' picture: the table as the preview's grid shows it after "Sisipkan di lembar baru".
      // Tall enough for the whole table, TOTAL row and notes included.
      await p.setViewportSize({ width: 1900, height: 2700 });
      await p.goto(previewUrl('?lang=id&theme=light'));
      await openTables(p);
      await specItem(p, PMKS.id).getByTestId('insert-new-sheet').click();
      await p.locator('[data-testid="notice"][data-intent="success"]').waitFor();
      await p.locator(`[data-testid="grid"] table[data-sheet="${PMKS_PLAN.sheetName}"]`).waitFor();
      await settle(p);
      // The grid (sheet tabs, formula bar, headers) down to the table's last drawn row.
      const g = await p.getByTestId('grid').boundingBox();
      const tb = await p.locator(`[data-testid="grid"] table[data-sheet="${PMKS_PLAN.sheetName}"]`).boundingBox();
      await p.screenshot({ path: path.join(TABLE_SHOTS, 'excel-preview-pmks.png'), clip: { x: g.x, y: g.y, width: g.width, height: Math.min(g.height, tb.y + tb.height - g.y + 1) } });
      await p.close();
    });

    await step('taskpane.html and commands.html run under their CSP with office.js (stubbed locally)', async () => {
      // office.js is answered by this stub through Playwright's router: nothing goes to the network.
      const stub = `
        window.__associated = [];
        var ctx = { workbook: { name: 'Stub.xlsx', load: function () {} }, sync: function () { return Promise.resolve(); } };
        window.Excel = { run: function (batch) { return batch(ctx); } };
        window.Office = {
          HostType: { Excel: 'Excel' },
          onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); },
          actions: { associate: function (name, fn) { window.__associated.push([name, typeof fn]); } },
          addin: { showAsTaskpane: function () { return Promise.resolve(); } },
          context: {
            displayLanguage: 'id-ID',
            officeTheme: { bodyBackgroundColor: '#FFFFFF' },
            requirements: { isSetSupported: function () { return false; } },
            document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { cb && cb({ status: 'succeeded' }); } } },
          },
        };`;
      const p = await context.newPage();
      const seen = [];
      await p.route('**/*', (route) => {
        const u = route.request().url();
        seen.push(u);
        if (u === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
        if (u.startsWith(origin + '/')) return route.continue();
        return route.abort();
      });
      await p.goto(`${url}taskpane.html`);
      await p.getByTestId('check').waitFor();
      assert.equal((await p.getByTestId('check').textContent()).trim(), 'Periksa buku kerja');
      await p.getByText('Buku kerja: Stub.xlsx').waitFor();
      // The engine worker starts under the pane's CSP (worker-src 'self'), loads its chunks and says it is ready.
      const workerFile = fs.readdirSync(DIST_WEB).find((f) => /^engine-worker\.(.+\.)?chunk\.js$/.test(f));
      assert.ok(workerFile, 'dist-web has the engine worker chunk');
      const hello = await p.evaluate(
        (file) =>
          new Promise((resolve) => {
            const w = new Worker(file, { name: 'engine-worker' });
            w.onmessage = (e) => {
              resolve(e.data);
              w.terminate();
            };
            w.onerror = (e) => resolve({ error: e.message || 'error event' });
          }),
        workerFile,
      );
      assert.deepEqual(hello, { type: 'ready' });
      await p.goto(`${url}commands.html`);
      await p.waitForFunction(() => window.__associated && window.__associated.length > 0);
      assert.deepEqual(await p.evaluate(() => [window.__associated, typeof window.runCheck]), [[['runCheck', 'function']], 'function']);
      await p.close();
      const foreign = seen.filter((u) => !u.startsWith(origin + '/'));
      assert.deepEqual([...new Set(foreign)], ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
      assert.deepEqual(problems, []);
    });

    await step('Periksa on the ribbon in a shared runtime (stubbed) opens the pane, which checks and shows the outcome; office.js from its second host; a message in both languages when neither loads', async () => {
      const [FIRST, SECOND] = ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'https://officeapis.public.onecdn.static.microsoft/lib/1/hosted/office.js'];
      // The stub of the CSP step, with SharedRuntime 1.1 and a record of what the command asked of Office.
      const stub = `
        window.__shown = 0; window.__runs = 0;
        var ctx = { workbook: { name: 'Stub.xlsx', load: function () {} }, sync: function () { return Promise.resolve(); } };
        window.Excel = { run: function (batch) { window.__runs++; return batch(ctx); } };
        window.Office = {
          HostType: { Excel: 'Excel' },
          onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); },
          actions: { associate: function () {} },
          addin: { showAsTaskpane: function () { window.__shown++; return Promise.resolve(); } },
          context: {
            displayLanguage: 'id-ID',
            officeTheme: { bodyBackgroundColor: '#FFFFFF' },
            requirements: { isSetSupported: function (name) { return name === 'SharedRuntime'; } },
            document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { cb && cb({ status: 'succeeded' }); } } },
          },
        };`;
      const before = problems.length;
      const open = async (serve) => {
        const p = await context.newPage();
        await p.route('**/*', (route) => {
          const u = route.request().url();
          if (u === FIRST || u === SECOND) return serve.includes(u) ? route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }) : route.abort();
          if (u.startsWith(origin + '/')) return route.continue();
          return route.abort();
        });
        await p.goto(`${url}taskpane.html`);
        return p;
      };

      // The pane page is the ribbon's function file too: Periksa opens it and the check runs there.
      const p = await open([FIRST]);
      await p.getByTestId('check').waitFor();
      const runsBefore = await p.evaluate(() => window.__runs);
      const completed = await p.evaluate(() => new Promise((resolve) => window.runCheck({ completed: () => resolve(true) })));
      assert.equal(completed, true);
      assert.equal(await p.evaluate(() => window.__shown), 1);
      // The stub workbook has no sheets to read: the check the pane ran must say so, never stay silent.
      await p.locator('[data-testid="notice"][data-intent="error"]').waitFor();
      assert.ok((await p.evaluate(() => window.__runs)) > runsBefore, 'the pane read the workbook after Periksa');
      assert.equal(await p.evaluate(() => localStorage.getItem('lakip.pendingCheck')), null, 'the request was taken');
      await p.close();

      // The first host unreachable (blocked, or moved): office.js comes from the second, and the pane starts.
      const second = await open([SECOND]);
      await second.getByTestId('check').waitFor();
      await second.close();

      // Neither host: the page says why, in both languages, instead of staying blank.
      const none = await open([]);
      const missing = none.getByTestId('office-js-missing');
      await missing.waitFor();
      assert.equal(await missing.getAttribute('role'), 'alert');
      assert.match(await missing.locator('p[lang="id"]').textContent(), /office\.js\) tidak dapat dimuat/);
      assert.match(await missing.locator('p[lang="en"]').textContent(), /office\.js\) could not be loaded/);
      await none.close();
      // The blocked office.js loads are the only console errors these pages gave.
      const mine = problems.splice(before);
      assert.deepEqual(mine.filter((m) => !/Failed to load resource/.test(m)), []);
    });

    // Screenshots of the pane as it looks in Excel (view=pane), both languages and themes, 320 and 420 px.
    for (const lang of ['id', 'en']) {
      for (const theme of ['light', 'dark']) {
        await step(`screenshots ${lang} ${theme} at 320 and 420 px`, async () => {
          const p = await context.newPage();
          await p.emulateMedia({ colorScheme: theme });
          for (const width of [320, 420]) {
            await p.setViewportSize({ width, height: 900 });
            await p.goto(previewUrl(`?lang=${lang}&theme=${theme}&view=pane`));
            await runCheck(p);
            assert.equal(await p.locator('[data-theme]').first().getAttribute('data-theme'), theme);
            await noHorizontalScroll(p);
            const file = width === 320 ? `taskpane-${lang}-${theme}.png` : `taskpane-${lang}-${theme}-${width}.png`;
            await settle(p);
            await p.screenshot({ path: path.join(SHOTS, file) });
            if (width === 320 && theme === 'light') {
              // The findings further down, with a fix preview open.
              const item = finding(p, 'Indikator 1 PMKS', 'G13', 'division-by-zero');
              await item.getByTestId('fix').click();
                    await p.evaluate(() => window.scrollBy(0, -200));
              await settle(p);
              await p.screenshot({ path: path.join(SHOTS, `taskpane-${lang}-${theme}-fix.png`) });
              await p.getByTestId('settings-toggle').click();
              await p.evaluate(() => window.scrollTo(0, 0));
              await settle(p);
              await p.screenshot({ path: path.join(SHOTS, `taskpane-${lang}-${theme}-settings.png`) });
            }
          }
          await p.close();
        });
      }
    }

    await step('screenshot of the whole preview (grid and pane) at 1100 px', async () => {
      const p = await context.newPage();
      await p.emulateMedia({ colorScheme: 'light' });
      await p.setViewportSize({ width: 1100, height: 700 });
      await p.goto(previewUrl('?lang=id'));
      await runCheck(p);
      await finding(p, 'Indikator 1 PMKS', 'E30').getByTestId('finding-select').click();
      await selectedCell(p);
      await settle(p);
      await p.screenshot({ path: path.join(SHOTS, 'preview-id-light.png') });
      await p.close();
    });

    await step('no request left the local server; no page error or CSP violation', async () => {
      // The only other URL ever asked for is office.js (either host) by taskpane.html/commands.html, answered by the stubs above.
      const foreign = requests.filter(
        (r) =>
          !r.url.startsWith(origin + '/') &&
          !r.url.startsWith('data:') &&
          !(/^https:\/\/(appsforoffice\.microsoft\.com|officeapis\.public\.onecdn\.static\.microsoft)\/lib\/1\/hosted\/office\.js$/.test(r.url) && /\/(taskpane|commands)\.html/.test(r.from)),
      );
      assert.deepEqual(foreign, [], 'requests to other hosts');
      assert.ok(!requests.some((r) => r.url.includes('office.js') && r.from.includes('preview.html')), 'the preview never loads office.js');
      assert.ok(requests.some((r) => r.url.endsWith('/examples/dinsos-ntt-2021.xlsx')), 'the sample came from the local server');
      assert.deepEqual(problems, []);
    });
  } finally {
    await context.close().catch(() => undefined);
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main()
  .catch((e) => {
    results.push({ name: 'setup', ok: false, error: e });
    console.log(`  FAIL  setup\n        ${e && e.stack ? e.stack : e}`);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  });
