import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { precompressDir } = require('../../scripts/precompress.js') as {
  precompressDir: (dir: string, opt?: { minBytes?: number }) => Promise<{ file: string; raw: number; gzip: number | null; br: number | null }[]>;
};

/** Text that compresses like a bundle: repeated identifiers with some variety. */
const script = (n: number) => Array.from({ length: n }, (_, i) => `function f${i}(a){return a+${i % 17};}`).join('\n');

describe('scripts/precompress.js (npm run build writes .gz and .br beside the assets)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-precompress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'main.1234abcd.js'), script(400));
    fs.writeFileSync(path.join(dir, 'preview.html'), `<!doctype html><html><body>${'<p>Periksa</p>'.repeat(200)}</body></html>`);
    fs.writeFileSync(path.join(dir, 'assets', 'logo.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(100)}</svg>`);
    fs.writeFileSync(path.join(dir, 'tiny.js'), 'console.log(1);');
    fs.writeFileSync(path.join(dir, 'icon.png'), Buffer.alloc(4096, 7));
    fs.writeFileSync(path.join(dir, 'main.1234abcd.js.LICENSE.txt'), 'MIT '.repeat(1000));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes copies that decompress to the original, for text assets of 1 KB or more only', async () => {
    const done = await precompressDir(dir);
    expect(done.map((r) => path.relative(dir, r.file))).toEqual([path.join('assets', 'logo.svg'), 'main.1234abcd.js', 'preview.html']);
    for (const rel of ['main.1234abcd.js', 'preview.html', path.join('assets', 'logo.svg')]) {
      const original = fs.readFileSync(path.join(dir, rel));
      const gz = fs.readFileSync(path.join(dir, `${rel}.gz`));
      const br = fs.readFileSync(path.join(dir, `${rel}.br`));
      expect(zlib.gunzipSync(gz).equals(original)).toBe(true);
      expect(zlib.brotliDecompressSync(br).equals(original)).toBe(true);
      expect(br.length).toBeLessThan(original.length);
      expect(gz.length).toBeLessThan(original.length);
    }
    // Too small to gain anything, not a text asset, or never requested by a page.
    for (const rel of ['tiny.js', 'icon.png', 'main.1234abcd.js.LICENSE.txt']) {
      expect(fs.existsSync(path.join(dir, `${rel}.gz`))).toBe(false);
      expect(fs.existsSync(path.join(dir, `${rel}.br`))).toBe(false);
    }
  });

  it('gives byte-identical output on a second run (no time stamps), and never compresses its own copies', async () => {
    await precompressDir(dir);
    const first = ['main.1234abcd.js.gz', 'main.1234abcd.js.br'].map((f) => fs.readFileSync(path.join(dir, f)));
    // The gzip header's modification time is zero, so the copy does not depend on when it was built.
    expect(first[0].readUInt32LE(4)).toBe(0);
    const again = await precompressDir(dir);
    expect(again).toHaveLength(3);
    expect(fs.readFileSync(path.join(dir, 'main.1234abcd.js.gz')).equals(first[0])).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'main.1234abcd.js.br')).equals(first[1])).toBe(true);
    expect(fs.existsSync(path.join(dir, 'main.1234abcd.js.gz.gz'))).toBe(false);
  });

  it('writes no copy that would be larger than the original, and removes a stale one', async () => {
    // Random bytes do not compress: both coders would only add their framing.
    fs.writeFileSync(path.join(dir, 'random.json'), crypto.randomBytes(4096));
    fs.writeFileSync(path.join(dir, 'random.json.gz'), 'stale');
    const done = await precompressDir(dir);
    expect(done.find((x) => x.file.endsWith('random.json'))).toEqual(expect.objectContaining({ raw: 4096, gzip: null, br: null }));
    expect(fs.existsSync(path.join(dir, 'random.json.gz'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'random.json.br'))).toBe(false);
  });
});
