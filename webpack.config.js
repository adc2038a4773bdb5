/* eslint-disable */
/**
 * Web build of the add-in: the task pane and the ribbon command for Excel
 * (office.js from Microsoft's CDN, the only external file) and a browser
 * preview of the same pane that needs neither Excel nor office.js.
 *
 *   npm run build        production build into dist-web/
 *   npm run build:dev    development build (source maps, no minifying)
 *   npm run dev-server   https://localhost:3000 with the Office dev certificates
 *
 * PRODUCTION_URL=https://lakip.example.go.id/ npm run build
 *   rewrites every https://localhost:3000/ in the copied manifest.xml.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
// office.js, first from its long-standing host, then from the host Microsoft is moving it to
// (the same /lib/1/hosted/ path assumed there). office.js loads its own parts and frames from
// the host it came from, so each host is allowed for scripts, frames and connections.
const OFFICE_JS_URLS = [
  'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  'https://officeapis.public.onecdn.static.microsoft/lib/1/hosted/office.js',
];
const OFFICE_ORIGINS = OFFICE_JS_URLS.map((u) => new URL(u).origin);

/**
 * Content-Security-Policy for a page. Scripts only from this origin (and, for
 * the Office pages, Microsoft's office.js hosts, which also serve the script's
 * own localised parts and the iframe it talks through). Nothing else is fetched:
 * connect-src is the page's own origin (the preview fetches its bundled samples
 * from there) and, for the Office pages, office.js's hosts. Fluent UI writes its styles at run time, hence
 * 'unsafe-inline' for style-src (styles only, never scripts).
 */
function csp(withOffice) {
  const office = withOffice ? ` ${OFFICE_ORIGINS.join(' ')}` : '';
  return [
    `default-src 'self'`,
    `script-src 'self'${office}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `connect-src 'self'${office}`,
    `worker-src 'self'`,
    `frame-src 'self'${office}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'none'`,
  ].join('; ');
}

function page(name, chunk, title, withOffice) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: path.resolve(__dirname, 'src/taskpane/page.html'),
    chunks: [chunk],
    scriptLoading: 'defer',
    inject: 'body',
    templateParameters: {
      title,
      csp: csp(withOffice),
      // The first host in the head, as Microsoft asks; src/taskpane/officeLoader.ts tries the others.
      officeScript: withOffice
        ? `<script src="${OFFICE_JS_URLS[0]}"></script>\n    <meta name="lakip-office-js-fallback" content="${OFFICE_JS_URLS.slice(1).join(' ')}" />`
        : '',
      bodyClass: name,
    },
  });
}

/** Copy a file only when it exists (manifest.xml and assets/ are written by others and may not be there yet). */
function copyIfPresent(from, to, transform) {
  const abs = path.resolve(__dirname, from);
  if (!fs.existsSync(abs)) return [];
  return [{ from: abs, to, ...(transform ? { transform } : {}), noErrorOnMissing: true }];
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const productionUrl = process.env.PRODUCTION_URL ? process.env.PRODUCTION_URL.replace(/\/?$/, '/') : '';

  const rewriteManifest = (content) => {
    const text = content.toString('utf8');
    return productionUrl ? text.split(DEV_URL).join(productionUrl) : text;
  };

  const config = {
    mode,
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: path.resolve(__dirname, 'src/taskpane/index.tsx'),
      commands: path.resolve(__dirname, 'src/commands/index.ts'),
      preview: path.resolve(__dirname, 'src/preview/index.tsx'),
      bantuan: path.resolve(__dirname, 'src/help/index.ts'),
    },
    output: {
      path: path.resolve(__dirname, 'dist-web'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    target: ['web', 'es2020'],
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs', '.json'],
      alias: {
        // exceljs's browser field names dist/exceljs.min.js, which carries core-js and regenerator
        // polyfills for old browsers (20 KB gzip, and core-js may replace the page's own Promise).
        // The pages need ES2020 anyway (target below), so the build of the same code without them.
        exceljs$: require.resolve('exceljs/dist/exceljs.bare.min.js'),
      },
      // The engine's dependencies are browser-safe; these Node modules are only
      // referenced on code paths the browser never takes.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, util: false, buffer: false },
    },
    module: {
      rules: [
        // Modules that only define things, so an export nobody uses on a page brings nothing to it:
        // decimal.js, and the settings modules whose scale reader needs decimal.js (see settingsModel.ts).
        {
          test: [/[\\/]node_modules[\\/]decimal\.js[\\/]/, /[\\/]src[\\/]taskpane[\\/](settingsModel|scaleSetting)\.ts$/],
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false, sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      page('taskpane', 'taskpane', 'LAKIP', true),
      page('commands', 'commands', 'LAKIP', true),
      page('preview', 'preview', 'LAKIP — pratinjau', false),
      new HtmlWebpackPlugin({
        filename: 'bantuan.html',
        template: path.resolve(__dirname, 'docs/bantuan/bantuan.html'),
        chunks: ['bantuan'],
        scriptLoading: 'defer',
        inject: 'body',
        templateParameters: { csp: csp(false) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...copyIfPresent('manifest.xml', 'manifest.xml', rewriteManifest),
          ...copyIfPresent('assets', 'assets'),
          { from: path.resolve(__dirname, 'examples/*.xlsx'), to: 'examples/[name][ext]' },
          { from: path.resolve(__dirname, 'examples/laporan-ntt-2021.docx'), to: 'examples/[name][ext]' },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: 'async',
      },
    },
    performance: { hints: false },
    devServer: {
      port: 3000,
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: false },
    },
  };

  if (env.WEBPACK_SERVE) {
    // Office requires https for add-ins; office-addin-dev-certs makes (and trusts) a localhost certificate.
    config.devServer.server = {
      type: 'https',
      options: await require('office-addin-dev-certs').getHttpsServerOptions(),
    };
  }
  return config;
};

/** For test/web/csp.test.ts: the policy each page gets and office.js's hosts. */
module.exports.csp = csp;
module.exports.OFFICE_JS_URLS = OFFICE_JS_URLS;
