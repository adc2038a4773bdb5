#!/usr/bin/env node
/*
 * Validates manifest.xml and its production copy against Microsoft's published manifest XSDs
 * with xmllint, when both are on this machine:
 *
 *   node scripts/validate-manifest-xsd.js [--schemas DIR] [--production-url URL] [--require]
 *
 * The schemas are looked for in --schemas, else $LAKIP_OFFICE_SCHEMAS, else ../shared/office-schemas
 * beside this repository (see its README for provenance). Without them, or without xmllint, it
 * says so and exits 0: a fresh clone must build and test without them. --require makes a missing
 * xmllint an error (CI installs it).
 *
 * The production manifest is manifest.xml with https://localhost:3000/ rewritten, as the webpack
 * build writes dist-web/manifest.xml (PRODUCTION_URL, else a sample address).
 *
 * One documented gap: the published XSD copies predate <Runtimes> (the shared runtime, which
 * Microsoft documents for VersionOverrides 1.0 of task-pane add-ins), so xmllint sees each
 * manifest with that one element taken out; scripts/validate-manifest.js checks it instead
 * (place, resid, lifetime, and that the function file and panes are the runtime's page).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000/';
const SAMPLE_PRODUCTION_URL = 'https://lakip.example.go.id/';
const SCHEMA = 'OfficeAppManifestV1_1.xsd';
// Only the documented shape: a <Runtimes> of self-closing <Runtime .../> elements.
const RUNTIMES_RE = /[ \t]*<Runtimes>\s*(?:<Runtime\b[^>]*\/>\s*)+<\/Runtimes>[ \t]*\r?\n?/g;

function arg(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The folder named by --schemas or LAKIP_OFFICE_SCHEMAS (only that one), else ../shared/office-schemas. */
function findSchemas(argv, env = process.env) {
  const dir = path.resolve(arg(argv, '--schemas') || env.LAKIP_OFFICE_SCHEMAS || path.join(ROOT, '..', 'shared', 'office-schemas'));
  return fs.existsSync(path.join(dir, SCHEMA)) ? dir : undefined;
}

function hasXmllint() {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** The manifest as xmllint is shown it: without the <Runtimes> the XSD copies do not know. */
function forSchemas(xml) {
  let removed = 0;
  const text = xml.replace(RUNTIMES_RE, () => {
    removed += 1;
    return '';
  });
  return { text, removed };
}

function productionCopy(xml, url) {
  return xml.split(DEV_URL).join(url.replace(/\/?$/, '/'));
}

/** xmllint's verdict on one manifest text: { ok, output }. */
function validateText(xml, schemasDir, label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-xsd-'));
  try {
    const file = path.join(dir, `${label}.xml`);
    fs.writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(schemasDir, SCHEMA), file], { encoding: 'utf8' });
    const output = `${r.stdout || ''}${r.stderr || ''}`.split(file).join(label).trim();
    return { ok: r.status === 0, output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv) {
  const schemas = findSchemas(argv);
  if (!schemas) {
    console.log(`Manifest XSD check skipped: no ${SCHEMA} in ${path.resolve(arg(argv, '--schemas') || process.env.LAKIP_OFFICE_SCHEMAS || path.join(ROOT, '..', 'shared', 'office-schemas'))} (the Office schemas folder is not here).`);
    return 0;
  }
  if (!hasXmllint()) {
    const msg = 'Manifest XSD check: xmllint not found (Debian: apt-get install libxml2-utils).';
    if (argv.includes('--require')) {
      console.error(msg);
      return 1;
    }
    console.log(`${msg} Skipped.`);
    return 0;
  }
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const url = arg(argv, '--production-url') || process.env.PRODUCTION_URL || SAMPLE_PRODUCTION_URL;
  let failed = 0;
  for (const [label, text] of [
    ['manifest.xml', xml],
    [`production manifest (${url})`, productionCopy(xml, url)],
  ]) {
    const shown = forSchemas(text);
    const r = validateText(shown.text, schemas, label.replace(/[^\w.-]+/g, '_'));
    const note = shown.removed ? ` (<Runtimes> checked by validate-manifest.js: the XSD copies predate it)` : '';
    if (r.ok) console.log(`${label}: valid against ${path.join(schemas, SCHEMA)}${note}`);
    else {
      failed += 1;
      console.error(`${label}: NOT valid against ${path.join(schemas, SCHEMA)}${note}\n${r.output}`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { findSchemas, forSchemas, productionCopy, validateText, hasXmllint };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
