/**
 * The add-in manifest and its icons, checked offline by scripts/validate-manifest.js (a rule
 * check of the published manifest schemas plus this project's rules; see that script's header).
 * Every broken copy below must fail with a message that names what is wrong.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Issue {
  line?: number;
  message: string;
}
interface Result {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  notes: Issue[];
  info: { id?: string; version?: string; displayName?: string };
}
interface Options {
  baseUrl?: string;
  files?: 'images' | 'all' | 'none';
  root?: string;
}
interface Validator {
  validateManifestText(xml: string, options?: Options): Result;
  validateManifestFile(file: string, options?: Options): Result;
  turnOffOfficeAddinUsageData(): void;
}
interface PngImage {
  width: number;
  height: number;
  data: Buffer;
}
interface IconMaker {
  render(size: number): PngImage;
  ICON_SIZES: number[];
  LOGO_SIZE: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.js');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const validator = require(SCRIPT) as Validator;
const icons = require(path.join(ROOT, 'scripts', 'make-icons.js')) as IconMaker;
const { PNG } = require('pngjs') as { PNG: { sync: { read(bytes: Buffer): PngImage } } };

const xml = fs.readFileSync(MANIFEST, 'utf8');
const validate = (text: string, options: Options = {}) => validator.validateManifestText(text, { root: ROOT, ...options });
const messages = (r: Result) => r.errors.map((e) => e.message).join('\n');

/** Replaces text that must be present, so a test cannot pass on a pattern that no longer matches. */
function broken(from: string | RegExp, to: string, text = xml): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`test setup: ${String(from)} not found in manifest.xml`);
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml as committed', () => {
  const result = validate(xml);

  it('passes every rule, with no warning', () => {
    expect(messages(result)).toBe('');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('has a fixed GUID, version and the Indonesian name', () => {
    expect(result.info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.info.id).toBe('6d298d13-ddf2-4fa1-b7a2-8b5a17d63c34');
    expect(result.info.version).toBe('1.0.0.0');
    expect(result.info.displayName).toBe('Pemeriksa Tabel LAKIP');
  });

  it('keeps the contract with the task pane and command code', () => {
    expect(xml).toContain('<DefaultLocale>id-ID</DefaultLocale>');
    expect(xml).toContain('<Override Locale="en-US" Value="LAKIP Table Checker"/>');
    expect(xml).toMatch(/<Sets DefaultMinVersion="1\.13">\s*<Set Name="ExcelApi" MinVersion="1\.13"\/>/);
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).toContain('<FunctionName>runCheck</FunctionName>');
    expect(xml).toContain('<TaskpaneId>LakipPane</TaskpaneId>');
    expect(xml).toContain('<Group id="LakipGroup">');
    expect(xml).toContain('<Control xsi:type="Button" id="LakipCheck">');
    expect(xml).toContain('<Control xsi:type="Button" id="LakipPane">');
    expect(xml).toContain('<SupportUrl DefaultValue="https://localhost:3000/bantuan.html"/>');
    expect(xml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/bantuan.html"/>');
    // One shared runtime: the ribbon's function file is the pane's own page.
    expect(xml).toMatch(/<Runtimes>\s*<Runtime resid="Taskpane.Url" lifetime="long"\/>\s*<\/Runtimes>/);
    expect(xml).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(xml).not.toMatch(/<AppDomains?>/);
  });

  it('prefixes every URL with exactly https://localhost:3000/ for the build to rewrite', () => {
    const urls = xml.match(/[a-z]+:\/\/[^"\s<]+/g) ?? [];
    const own = urls.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(own.length).toBeGreaterThanOrEqual(10);
    for (const u of own) expect(u.startsWith('https://localhost:3000/')).toBe(true);
  });
});

describe('broken copies fail with a clear message', () => {
  it.each<[string, string, string]>([
    ['a resid that is not defined', broken('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), '<Label> resid="Group.Missing" is not defined in <bt:ShortStrings>'],
    [
      'a resid of the wrong kind',
      broken('<Label resid="Group.Label"/>', '<Label resid="CheckButton.Tooltip"/>'),
      'an id "CheckButton.Tooltip" exists in <bt:LongStrings>, the wrong kind of resource for <Label>',
    ],
    [
      'an http URL',
      broken('LearnMoreUrl" DefaultValue="https://localhost:3000/bantuan.html"', 'LearnMoreUrl" DefaultValue="http://localhost:3000/bantuan.html"'),
      '<bt:Url> DefaultValue="http://localhost:3000/bantuan.html": every URL must use https://',
    ],
    [
      'a URL the build would not rewrite',
      broken('https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', 'https://localhost:3001/taskpane.html"/>\n  </DefaultSettings>'),
      'every URL must start with exactly https://localhost:3000/ so that the production build can rewrite it',
    ],
    [
      'DisplayName after Description',
      broken(/( {2}<DisplayName[\s\S]*?<\/DisplayName>\n)( {2}<Description[\s\S]*?<\/Description>\n)/, '$2$1'),
      '<DisplayName> is out of order: it must come before <Description>',
    ],
    [
      'Permissions before DefaultSettings',
      broken(/( {2}<DefaultSettings>[\s\S]*?<\/DefaultSettings>\n)( {2}<Permissions>.*\n)/, '$2$1'),
      '<DefaultSettings> is out of order: it must come before <Permissions>',
    ],
    [
      'Supertip before Label in a button',
      broken(/(<Label resid="CheckButton.Label"\/>\n)(\s*<Supertip>[\s\S]*?<\/Supertip>\n)/, '$2$1'),
      '<Label> is out of order: it must come before <Supertip>',
    ],
    ['a short string over 125 characters', broken('DefaultValue="Periksa"', `DefaultValue="${'x'.repeat(126)}"`), '<bt:String> DefaultValue is 126 characters long; a short string may have at most 125'],
    [
      'a long string over 250 characters',
      broken('DefaultValue="Membuka panel LAKIP', `DefaultValue="${'Panjang sekali. '.repeat(16)}Membuka panel LAKIP`),
      'a long string may have at most 250',
    ],
    ['a DisplayName over 125 characters', broken('DefaultValue="Pemeriksa Tabel LAKIP"', `DefaultValue="${'P'.repeat(130)}"`), '<DisplayName> DefaultValue is 130 characters long'],
    [
      'a Description over 250 characters',
      broken('<Description DefaultValue="Memeriksa tabel', `<Description DefaultValue="${'d'.repeat(200)} Memeriksa tabel`),
      '<Description> DefaultValue is 310 characters long; a long string may have at most 250',
    ],
    ['a string without its English text', broken('<bt:Override Locale="en-US" Value="Check"/>', ''), '<bt:String> id="CheckButton.Label" has no <bt:Override Locale="en-US" .../>'],
    ['DisplayName without its English text', broken('<Override Locale="en-US" Value="LAKIP Table Checker"/>', ''), '<DisplayName> has no <Override Locale="en-US" .../>'],
    ['an Id that is not a GUID', broken('<Id>6d298d13-ddf2-4fa1-b7a2-8b5a17d63c34</Id>', '<Id>lakip-addin</Id>'), '<Id> "lakip-addin" is not a GUID'],
    ['a bad Version', broken('<Version>1.0.0.0</Version>', '<Version>1.0.0.0.1</Version>'), '<Version> "1.0.0.0.1" is not a version'],
    ['an unknown permission', broken('>ReadWriteDocument<', '>ReadWriteEverything<'), '<Permissions> "ReadWriteEverything" is not one of'],
    ['a missing required element', broken(/ {2}<DefaultSettings>[\s\S]*?<\/DefaultSettings>\n/, ''), '<OfficeApp> is missing its required <DefaultSettings>'],
    ['an unknown element', broken('<Permissions>', '<Izin/>\n  <Permissions>'), '<Izin> is not allowed inside <OfficeApp>'],
    ['bt:Image without its prefix', broken('<bt:Image size="16" resid="Icon.16x16"/>', '<Image size="16" resid="Icon.16x16"/>'), 'check the prefix'],
    ['an unknown action type', broken('xsi:type="ExecuteFunction"', 'xsi:type="RunFunction"'), '<Action> has xsi:type="RunFunction"; expected one of ExecuteFunction, ShowTaskpane'],
    ['ExecuteFunction without FunctionFile', broken('<FunctionFile resid="Taskpane.Url"/>', ''), 'needs a <FunctionFile resid="..."/> in its <DesktopFormFactor>'],
    ['a shared runtime of short lifetime', broken('lifetime="long"', 'lifetime="short"'), 'the shared <Runtime> needs lifetime="long"'],
    ['an unknown runtime lifetime', broken('lifetime="long"', 'lifetime="forever"'), '"forever" is not a runtime lifetime'],
    ['a function file outside the shared runtime', broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'), 'must be the shared runtime\'s page "Taskpane.Url"'],
    ['Runtimes after the form factor', broken(/(<Runtimes>\s*<Runtime [\s\S]*?<\/Runtimes>)\s*(<DesktopFormFactor>[\s\S]*?<\/DesktopFormFactor>)/, '$2$1'), '<Runtimes>'],
    ['an icon list without 80 px', broken('<bt:Image size="80" resid="Icon.80x80"/>', ''), '<Icon> must list images of size 16, 32, 80; missing 80'],
    ['an icon file that does not exist', broken('assets/icon-80.png"/>', 'assets/icon-81.png"/>'), 'there is no file'],
    ['an icon of the wrong size', broken('assets/icon-80.png"/>', 'assets/icon-64.png"/>'), 'assets/icon-64.png is 64x64 px but is used as a 80x80 px icon'],
    ['IconUrl not 32 px', broken('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"/>'), 'is used as a 32x32 px icon'],
    ['the same control id twice', broken('id="LakipPane">', 'id="LakipCheck">'), 'control id "LakipCheck" is used twice'],
    ['ExcelApi below 1.13', broken('<Set Name="ExcelApi" MinVersion="1.13"/>', '<Set Name="ExcelApi" MinVersion="1.9"/>'), 'ExcelApi must be at least 1.13'],
    ['a host other than Excel', broken('<Host Name="Workbook"/>', '<Host Name="Document"/>'), '<Hosts> must list exactly <Host Name="Workbook"/>'],
    ['not well-formed XML', broken('</Hosts>\n  <!--', '</Host>\n  <!--'), 'not well-formed XML: Opening and ending tag mismatch'],
  ])('%s', (_name, text, expected) => {
    const result = validate(text);
    expect(result.ok).toBe(false);
    expect(messages(result)).toContain(expected);
    for (const e of result.errors) expect(e.line).toEqual(expect.any(Number));
  });

  it('reports a resource nobody uses as a warning, not an error', () => {
    const text = broken('</bt:ShortStrings>', '  <bt:String id="Extra" DefaultValue="Lain"><bt:Override Locale="en-US" Value="Other"/></bt:String>\n      </bt:ShortStrings>');
    const result = validate(text);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual(['resource "Extra" in <bt:ShortStrings> is never used']);
  });
});

describe('a production manifest (URLs rewritten by the build)', () => {
  const base = 'https://lakip.example.go.id/';
  const rewritten = xml.split('https://localhost:3000/').join(base);
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-dist-web-'));
    fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.xml'), rewritten);
    fs.writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html>');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('needs every page to be there, and then passes', () => {
    const file = path.join(dir, 'manifest.xml');
    const missing = validator.validateManifestFile(file, { baseUrl: base });
    expect(messages(missing)).toContain('DefaultValue="https://lakip.example.go.id/bantuan.html": there is no file');
    fs.writeFileSync(path.join(dir, 'bantuan.html'), '<!doctype html>');
    expect(messages(validator.validateManifestFile(file, { baseUrl: base }))).toBe('');
  });

  it('rejects a URL left at localhost or at another address', () => {
    const left = broken(`<SupportUrl DefaultValue="${base}bantuan.html"/>`, '<SupportUrl DefaultValue="https://localhost:3000/bantuan.html"/>', rewritten);
    expect(messages(validate(left, { baseUrl: base, files: 'none' }))).toContain('every URL must start with https://lakip.example.go.id/ (the production address)');
  });
});

describe('scripts/validate-manifest.js on the command line', () => {
  it('exits 0 on manifest.xml and prints what office-addin-manifest reads offline', () => {
    const out = execFileSync(process.execPath, [SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('manifest.xml: valid');
    expect(out).toContain('office-addin-manifest reads: id 6d298d13-ddf2-4fa1-b7a2-8b5a17d63c34, version 1.0.0.0, "Pemeriksa Tabel LAKIP", TaskPaneApp for Workbook');
  });

  it('exits 1 with file:line messages on a broken copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-manifest-'));
    try {
      fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, broken('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'));
      const run = spawnSync(process.execPath, [SCRIPT, file], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^manifest\.xml:\d+: error: <Label> resid="Group\.Missing" is not defined/m);
      expect(run.stdout).toContain('manifes tidak valid: 1 kesalahan');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 64 on a bad option', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--base-url', 'http://lakip.example.go.id/'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('--base-url must be an https:// address');
  });

  it('turns usage data of the Office add-in tools off without failing', () => {
    expect(() => validator.turnOffOfficeAddinUsageData()).not.toThrow();
  });
});

describe('assets/', () => {
  it.each([16, 32, 64, 80, 128])('icon-%i.png is a small square PNG of that size', (size) => {
    const file = path.join(ROOT, 'assets', `icon-${size}.png`);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(fs.statSync(file).size).toBeLessThan(16 * 1024);
  });

  it('logo-filled.png is 300x300', () => {
    expect(pngSize(path.join(ROOT, 'assets', 'logo-filled.png'))).toEqual({ width: 300, height: 300 });
  });

  it('the committed icons are what scripts/make-icons.js draws', () => {
    const files: Array<[string, number]> = icons.ICON_SIZES.map((s): [string, number] => [`icon-${s}.png`, s]);
    files.push(['logo-filled.png', icons.LOGO_SIZE]);
    for (const [name, size] of files) {
      const committed = PNG.sync.read(fs.readFileSync(path.join(ROOT, 'assets', name)));
      expect(Buffer.compare(committed.data, icons.render(size).data)).toBe(0);
    }
  });

  it('the 16 px icon is crisp: table lines and check are solid white on solid teal inside the rounded square', () => {
    const img = icons.render(16);
    const px = (x: number, y: number) => Array.from(img.data.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4));
    const inner: number[][] = [];
    for (let y = 2; y < 14; y++) for (let x = 2; x < 14; x++) inner.push(px(x, y));
    for (const [r, g, b, a] of inner) {
      expect(a).toBe(255);
      const white = r === 255 && g === 255 && b === 255;
      const teal = r === 0x0b && g === 0x6e && b === 0x5f;
      expect(white || teal).toBe(true);
    }
  });
});
