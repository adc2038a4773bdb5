/**
 * The Office pages must allow office.js from both its hosts (Microsoft is moving it), for the
 * script, the parts it loads and the frame it talks through; the preview and the help page load
 * nothing from outside.
 */
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as {
  (env?: object, argv?: object): Promise<{ plugins: { userOptions?: { filename?: string; templateParameters?: Record<string, string> } }[] }>;
  csp(withOffice: boolean): string;
  OFFICE_JS_URLS: string[];
};

const HOSTS = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];

function directive(policy: string, name: string): string[] {
  const d = policy.split(';').map((x) => x.trim().split(/\s+/)).find((x) => x[0] === name);
  return d ? d.slice(1) : [];
}

async function pages(): Promise<Map<string, Record<string, string>>> {
  const config = await webpackConfig({}, { mode: 'production' });
  const out = new Map<string, Record<string, string>>();
  for (const p of config.plugins) if (p.userOptions?.filename && p.userOptions.templateParameters) out.set(p.userOptions.filename, p.userOptions.templateParameters);
  return out;
}

describe('Content-Security-Policy of the built pages', () => {
  it('loads office.js from the first host and names the second as the fallback', () => {
    expect(webpackConfig.OFFICE_JS_URLS.map((u) => new URL(u).origin)).toEqual(HOSTS);
  });

  it.each(['taskpane.html', 'commands.html'])('%s allows both office.js hosts for scripts, frames and connections', async (file) => {
    const params = (await pages()).get(file);
    expect(params).toBeDefined();
    for (const name of ['script-src', 'frame-src', 'connect-src']) expect(directive(params!.csp, name)).toEqual(["'self'", ...HOSTS]);
    expect(params!.officeScript).toContain(`<script src="${webpackConfig.OFFICE_JS_URLS[0]}"></script>`);
    expect(params!.officeScript).toContain(`<meta name="lakip-office-js-fallback" content="${webpackConfig.OFFICE_JS_URLS[1]}" />`);
  });

  it.each(['preview.html', 'bantuan.html'])('%s loads nothing from outside', async (file) => {
    const params = (await pages()).get(file);
    expect(params).toBeDefined();
    for (const name of ['script-src', 'frame-src', 'connect-src']) expect(directive(params!.csp, name)).toEqual(["'self'"]);
    expect(params!.officeScript ?? '').toBe('');
  });
});
