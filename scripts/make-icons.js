#!/usr/bin/env node
/*
 * Draws the add-in's icons into assets/ (committed; run again only to change the design):
 *
 *   node scripts/make-icons.js            # writes assets/icon-{16,32,64,80,128}.png and assets/logo-filled.png
 *   node scripts/make-icons.js --preview  # also writes enlarged copies to tmp/icons-preview/ for a look
 *
 * The glyph is a small table (header row, one column divider, one row line) with a check mark
 * over its lower-right corner, in white on a dark teal rounded square. It is designed on a
 * 16-unit grid; every straight line is snapped to whole pixels at each size, and at 16 px the
 * check mark is drawn pixel by pixel, so the ribbon's smallest icon stays crisp. Only the
 * rounded corners (and the check mark at larger sizes) are anti-aliased.
 *
 * Deterministic: the same pixels every run (test/manifest checks the committed PNGs against them).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

const ROOT = path.resolve(__dirname, '..');
const ASSETS = path.join(ROOT, 'assets');

const BACKGROUND = [0x0b, 0x6e, 0x5f]; // dark teal-green (#0B6E5F): white on it has a contrast ratio of about 6:1
const FOREGROUND = [0xff, 0xff, 0xff];

/** Sizes the manifest uses (16/32/80 ribbon, 32/64 IconUrl/HighResolutionIconUrl) plus 128 for listings. */
const ICON_SIZES = [16, 32, 64, 80, 128];
const LOGO_SIZE = 300;

// ---------------------------------------------------------------------------------------------
// Shapes are signed distance functions: sdf(x, y) is the distance in pixels from the point to
// the shape's edge, negative inside. A pixel's coverage is taken at its centre as
// clamp(0.5 - sdf, 0, 1): one pixel of anti-aliasing on curved and slanted edges, and exactly
// 0 or 1 for edges on whole pixels (the table lines) and for pixel sets (the 16 px check).

function coverage(sdf, px, py) {
  return Math.min(1, Math.max(0, 0.5 - sdf(px + 0.5, py + 0.5)));
}

function roundedSquare(size, radius) {
  return (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    const outside = Math.hypot(x - cx, y - cy);
    if (outside > 0) return outside - radius;
    return -Math.min(x, y, size - x, size - y); // inside the straight part
  };
}

/** Axis-aligned rectangles in whole pixels: [x0, y0, x1, y1) each. */
function rects(list) {
  return (x, y) => {
    let d = Infinity;
    for (const [x0, y0, x1, y1] of list) {
      const dx = Math.max(x0 - x, x - x1);
      const dy = Math.max(y0 - y, y - y1);
      const box = dx > 0 || dy > 0 ? Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) : Math.max(dx, dy);
      d = Math.min(d, box);
    }
    return d;
  };
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** A thick polyline with round joins and caps. */
function stroke(points, width) {
  return (x, y) => {
    let d = Infinity;
    for (let i = 0; i + 1 < points.length; i++) d = Math.min(d, distanceToSegment(x, y, points[i], points[i + 1]));
    return d - width / 2;
  };
}

/** A set of whole pixels ("x,y" keys): fully in or fully out. */
function pixels(set) {
  return (x, y) => (set.has(`${Math.floor(x)},${Math.floor(y)}`) ? -1 : 1);
}

// ---------------------------------------------------------------------------------------------
// The design, on a 16-unit grid (1 unit = 1 px at 16 px).
//
// Table frame [1, 11] x [2, 12]: a filled header row two units high, left/right/bottom bars,
// one row line at 7 and one column divider at 4 (a narrow "No" column). Check mark over the
// lower-right corner, from (7, 10.5) down to (9, 12.5) and up to (14, 7.5), with a halo in the
// background colour that cuts the table lines around it so the two shapes read apart.

const TABLE = { left: 1, top: 2, right: 11, bottom: 12, header: 2, row: 7, divider: 4 };
const CHECK = [
  [7, 10.5],
  [9, 12.5],
  [14, 7.5],
];

/** At 16 px the check is drawn pixel by pixel (a two-pixel stair), so nothing in it is blurred. */
const CHECK_16 = {
  7: [13, 14],
  8: [12, 13],
  9: [11, 12],
  10: [6, 7, 10, 11],
  11: [7, 8, 9, 10],
  12: [8, 9],
};

function tableRects(u, line) {
  const s = (v) => Math.round(v * u);
  const { left, top, right, bottom, header, row, divider } = TABLE;
  return [
    [s(left), s(top), s(right), s(top + header)], // header row (filled)
    [s(left), s(top), s(left) + line, s(bottom)], // left bar
    [s(right) - line, s(top), s(right), s(bottom)], // right bar
    [s(left), s(bottom) - line, s(right), s(bottom)], // bottom bar
    [s(left), s(row), s(right), s(row) + line], // row line
    [s(divider), s(top), s(divider) + line, s(bottom)], // column divider
  ];
}

function design(size) {
  const background = roundedSquare(size, size * 0.19);
  if (size === 16) {
    const check = new Set();
    for (const [y, xs] of Object.entries(CHECK_16)) for (const x of xs) check.add(`${x},${y}`);
    const halo = new Set();
    for (const key of check) {
      const [x, y] = key.split(',').map(Number);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) halo.add(`${x + dx},${y + dy}`);
    }
    return { background, table: rects(tableRects(1, 1)), halo: pixels(halo), check: pixels(check) };
  }
  const u = size / 16;
  const line = Math.max(1, Math.round(u * 0.75)); // table lines a little lighter than the check
  const points = CHECK.map(([x, y]) => [x * u, y * u]);
  const width = 2 * u;
  return {
    background,
    table: rects(tableRects(u, line)),
    halo: stroke(points, width + 1.8 * u),
    check: stroke(points, width),
  };
}

function render(size) {
  const { background, table, halo, check } = design(size);
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const bg = coverage(background, px, py);
      // Foreground amount: the table where the halo does not cut it, then the check on top.
      const tableCov = coverage(table, px, py) * (1 - coverage(halo, px, py));
      const fg = Math.max(tableCov, coverage(check, px, py));
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        png.data[i + c] = Math.round(BACKGROUND[c] * (1 - fg) + FOREGROUND[c] * fg);
      }
      png.data[i + 3] = Math.round(255 * bg);
    }
  }
  return png;
}

function encode(png) {
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9, filterType: -1 });
}

/** Nearest-neighbour enlargement on a light grey checkerboard, only for looking at the icons. */
function enlarge(png, factor) {
  const size = png.width;
  const out = new PNG({ width: size * factor, height: size * factor, colorType: 6 });
  for (let y = 0; y < size * factor; y++) {
    for (let x = 0; x < size * factor; x++) {
      const i = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4;
      const o = (y * size * factor + x) * 4;
      const a = png.data[i + 3] / 255;
      const board = (Math.floor(x / 8) + Math.floor(y / 8)) % 2 ? 0xee : 0xdd;
      for (let c = 0; c < 3; c++) out.data[o + c] = Math.round(png.data[i + c] * a + board * (1 - a));
      out.data[o + 3] = 255;
    }
  }
  return out;
}

function main() {
  const preview = process.argv.includes('--preview');
  fs.mkdirSync(ASSETS, { recursive: true });
  const outputs = ICON_SIZES.map((size) => [`icon-${size}.png`, size]);
  outputs.push(['logo-filled.png', LOGO_SIZE]);
  const previewDir = path.join(ROOT, 'tmp', 'icons-preview');
  if (preview) fs.mkdirSync(previewDir, { recursive: true });
  for (const [name, size] of outputs) {
    const png = render(size);
    const bytes = encode(png);
    fs.writeFileSync(path.join(ASSETS, name), bytes);
    console.log(`assets/${name}  ${size}x${size}  ${bytes.length} bytes`);
    if (preview && size <= 128) {
      const factor = Math.max(1, Math.floor(256 / size));
      fs.writeFileSync(path.join(previewDir, name), encode(enlarge(png, factor)));
    }
  }
  if (preview) console.log(`enlarged previews in ${path.relative(ROOT, previewDir)}/`);
}

if (require.main === module) main();

module.exports = { render, encode, ICON_SIZES, LOGO_SIZE };
