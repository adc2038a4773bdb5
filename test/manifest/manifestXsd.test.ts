/**
 * scripts/validate-manifest-xsd.js: xmllint against Microsoft's XSDs in ../shared/office-schemas.
 * A fresh clone has neither the folder nor xmllint, so the xmllint cases run only where both are;
 * the skip and the <Runtimes> handling are tested everywhere.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface XsdCheck {
  findSchemas(argv: string[], env?: Record<string, string | undefined>): string | undefined;
  forSchemas(xml: string): { text: string; removed: number };
  productionCopy(xml: string, url: string): string;
  validateText(xml: string, dir: string, label: string): { ok: boolean; output: string };
  hasXmllint(): boolean;
}

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest-xsd.js');
const xsd = require(SCRIPT) as XsdCheck;
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const schemas = xsd.findSchemas([], {});
const withXmllint = schemas && xsd.hasXmllint() ? it : it.skip;

describe('manifest XSD check', () => {
  it('shows xmllint the manifest without <Runtimes> only, everything else byte for byte', () => {
    const { text, removed } = xsd.forSchemas(xml);
    expect(removed).toBe(1);
    expect(text).not.toMatch(/<Runtime\b/);
    expect(text).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(xml.length - text.length).toBeLessThan(120);
  });

  it('rewrites every localhost URL for the production copy, as the build does', () => {
    const prod = xsd.productionCopy(xml, 'https://lakip.example.go.id');
    expect(prod).not.toContain('https://localhost:3000/');
    expect(prod).toContain('<SupportUrl DefaultValue="https://lakip.example.go.id/bantuan.html"/>');
  });

  it('says it skipped when the schema folder is not there', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-noschemas-'));
    try {
      expect(xsd.findSchemas(['--schemas', empty], {})).toBeUndefined();
      const out = execFileSync(process.execPath, [SCRIPT, '--require'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LAKIP_OFFICE_SCHEMAS: empty } });
      expect(out).toBe(`Manifest XSD check skipped: no OfficeAppManifestV1_1.xsd in ${empty} (the Office schemas folder is not here).\n`);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  withXmllint('manifest.xml and its production copy are valid against the XSDs', () => {
    const out = execFileSync(process.execPath, [SCRIPT, '--require'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('manifest.xml: valid against');
    expect(out).toContain('production manifest (https://lakip.example.go.id/): valid against');
  });

  withXmllint('xmllint rejects a manifest the schemas do not allow, naming the element', () => {
    const bad = xsd.forSchemas(xml).text.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const r = xsd.validateText(bad, schemas as string, 'bad');
    expect(r.ok).toBe(false);
    expect(r.output).toContain('Permissions');
  });
});
