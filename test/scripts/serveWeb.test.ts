import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer, pickEncoding } = require('../../scripts/serve-web.js') as {
  startServer: (o: { root: string }) => Promise<{ server: http.Server; url: string }>;
  pickEncoding: (header: string | undefined, available?: string[]) => string | null;
};

describe('pickEncoding (Accept-Encoding → the copy serve-web sends)', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.4', 'gzip'],
    ['GZIP ; Q=1', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['gzip;q=2', null],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (header, want) => {
    expect(pickEncoding(header)).toBe(want);
  });

  it('only picks a coding whose copy exists', () => {
    expect(pickEncoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(pickEncoding('br', ['gzip'])).toBeNull();
    expect(pickEncoding('gzip, br', [])).toBeNull();
  });
});

describe('scripts/serve-web.js sends the precompressed copies', () => {
  const js = 'const lakip = "periksa";\n'.repeat(200);
  let root: string;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-serve-'));
    fs.writeFileSync(path.join(root, 'app.js'), js);
    fs.writeFileSync(path.join(root, 'app.js.gz'), zlib.gzipSync(js));
    fs.writeFileSync(path.join(root, 'app.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(root, 'only-gz.css'), 'a{}'.repeat(500));
    fs.writeFileSync(path.join(root, 'only-gz.css.gz'), zlib.gzipSync('a{}'.repeat(500)));
    fs.writeFileSync(path.join(root, 'preview.html'), '<!doctype html><p>LAKIP</p>');
    ({ server, url: base } = await startServer({ root }));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** GET with the given Accept-Encoding (none when undefined); Node's http never decodes on its own. */
  const get = (p: string, acceptEncoding?: string, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(new URL(p, base), { method, headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode || 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  it('brotli when accepted, with the original type and Vary', async () => {
    const r = await get('/app.js', 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(js.length);
    expect(zlib.brotliDecompressSync(r.body).toString()).toBe(js);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('gzip when brotli is not accepted, or has no copy', async () => {
    const r = await get('/app.js', 'gzip, deflate');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(r.body).toString()).toBe(js);
    const css = await get('/only-gz.css', 'br, gzip');
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('the plain file without Accept-Encoding, still with Vary; files with no copy as before', async () => {
    const r = await get('/app.js');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.body.toString()).toBe(js);
    const html = await get('/', 'gzip, br');
    expect(html.headers['content-encoding']).toBeUndefined();
    expect(html.headers.vary).toBeUndefined();
    expect(html.body.toString()).toContain('LAKIP');
  });

  it('HEAD gives the compressed length and no body', async () => {
    const r = await get('/app.js', 'br', 'HEAD');
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(fs.statSync(path.join(root, 'app.js.br')).size);
    expect(r.body.length).toBe(0);
  });

  it('keeps its checks: missing files and paths outside the folder', async () => {
    expect((await get('/missing.js', 'br')).status).toBe(404);
    expect((await get('/..%2f..%2fetc%2fpasswd', 'gzip')).status).toBe(403);
  });
});
