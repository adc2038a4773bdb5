#!/usr/bin/env bash
# Pictures of `lakip tables` output, for docs/tables/ and for a human look:
#   - builds the CLI, writes the .docx and .html of both bundled samples;
#   - converts each .docx to PDF with LibreOffice (headless) and checks the PDF has
#     pages: a .docx that LibreOffice cannot open fails this script (exit 1);
#   - renders the first two PDF pages to PNG (docs/tables/docx-<name>-<page>.png);
#   - renders the HTML page in Chromium (playwright-core) to docs/tables/html-<name>.png.
#
# Needs: soffice (libreoffice-writer-nogui), pdftoppm + pdfinfo (poppler-utils),
# /usr/bin/chromium. On Debian/Ubuntu:
#   apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation chromium
# (fonts-liberation gives LibreOffice and Chromium Liberation Sans, metric-compatible with Arial.)
#
# Usage: scripts/render-table-docs.sh [output-dir]   (default docs/tables)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT_DIR="${1:-docs/tables}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

fail() {
  echo "render-table-docs: $*" >&2
  exit 1
}

missing=()
command -v soffice >/dev/null 2>&1 || missing+=("soffice (apt-get install -y libreoffice-writer-nogui)")
command -v pdftoppm >/dev/null 2>&1 || missing+=("pdftoppm (apt-get install -y poppler-utils)")
command -v pdfinfo >/dev/null 2>&1 || missing+=("pdfinfo (apt-get install -y poppler-utils)")
[ -x "$CHROMIUM" ] || missing+=("$CHROMIUM (apt-get install -y chromium, or set CHROMIUM=/path/to/chromium)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'render-table-docs: missing tools:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

WORK="$(mktemp -d /tmp/lakip-render.XXXXXX)"
LO_PROFILE="$WORK/lo-profile"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT_DIR"

npm run --silent build:cli

SAMPLES=("flotim:examples/dinsos-flotim-2020.xlsx" "ntt:examples/dinsos-ntt-2021.xlsx")

for sample in "${SAMPLES[@]}"; do
  name="${sample%%:*}"
  xlsx="${sample#*:}"
  docx="$WORK/tabel-$name.docx"
  html="$WORK/tabel-$name.html"

  node bin/lakip.js tables "$xlsx" --out "$docx" --html "$html" || fail "lakip tables $xlsx failed (exit $?)"
  [ -s "$docx" ] || fail "$docx was not written"
  [ -s "$html" ] || fail "$html was not written"

  # A throwaway LibreOffice profile: no first-run dialogs, no clash with a running office.
  soffice --headless --norestore "-env:UserInstallation=file://$LO_PROFILE" \
    --convert-to pdf --outdir "$WORK" "$docx" >"$WORK/soffice-$name.log" 2>&1 ||
    { cat "$WORK/soffice-$name.log" >&2; fail "LibreOffice could not convert $docx"; }
  pdf="$WORK/tabel-$name.pdf"
  [ -s "$pdf" ] || { cat "$WORK/soffice-$name.log" >&2; fail "LibreOffice wrote no PDF for $docx"; }
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  [ "${pages:-0}" -gt 0 ] || fail "$pdf has no pages"
  echo "$docx -> PDF, $pages pages"

  rm -f "$OUT_DIR/docx-$name-"*.png
  pdftoppm -png -r 70 -f 1 -l 2 "$pdf" "$WORK/docx-$name"
  # pdftoppm numbers pages with as many digits as the page count needs (-1, -01, ...).
  for png in "$WORK/docx-$name"-*.png; do
    n="${png##*-}"
    n="${n%.png}"
    cp "$png" "$OUT_DIR/docx-$name-$((10#$n)).png"
  done

  HTML_FILE="$html" PNG_FILE="$OUT_DIR/html-$name.png" CHROMIUM="$CHROMIUM" node - <<'EOF'
const { chromium } = require('playwright-core');
const { pathToFileURL } = require('url');
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  try {
    // About the width of an A4 page on screen, so the picture reads like the printout.
    const page = await browser.newPage({ viewport: { width: 900, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(process.env.HTML_FILE).href);
    await page.screenshot({ path: process.env.PNG_FILE, fullPage: true });
  } finally {
    await browser.close();
  }
})().catch((err) => {
  console.error(`render-table-docs: HTML screenshot failed: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
EOF
  echo "$html -> $OUT_DIR/html-$name.png"
done

ls -1 "$OUT_DIR"/*.png
