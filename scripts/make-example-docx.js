#!/usr/bin/env node
'use strict';
/**
 * Builds examples/laporan-ntt-2021.docx from examples/laporan-ntt-2021.txt: the
 * same prose as a Word document, the way the report is really kept (A4, Arial
 * 11 pt, titles as Word Heading paragraphs, '- ' items as Word bullets).
 *
 *   node scripts/make-example-docx.js [input.txt] [output.docx]
 *
 * Needs the `docx` dev dependency. The output is byte-for-byte reproducible
 * (fixed dates), so running it again leaves git with nothing to commit.
 */
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');
const {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
} = require('docx');

const ROOT = path.resolve(__dirname, '..');
const input = process.argv[2] || path.join(ROOT, 'examples', 'laporan-ntt-2021.txt');
const output = process.argv[3] || input.replace(/\.txt$/i, '') + '.docx';

const FIXED_DATE = new Date('2022-01-25T00:00:00Z');
const FONT = 'Arial';
const SIZE = 22; // half-points: 11 pt

/** The same idea of a title as the reader's: short, no final period, not a count sentence, title-like. */
function isTitle(line) {
  const t = line.trim();
  if (t.length === 0 || t.length > 140) return false;
  if (/[.:;,]$/.test(t) || /\b(sebanyak|sebesar)\b/i.test(t)) return false;
  // '... Kelompok Rentan dan' goes on in the next paragraph.
  if (/\s(dan|atau|yang|di|ke|dari|untuk|dengan|serta|pada|bagi|oleh|dalam)$/i.test(t)) return false;
  if (!/^[\p{Lu}\d]/u.test(t)) return false;
  if (t.length <= 50) return true;
  const letters = (t.match(/\p{L}/gu) || []).length;
  const upper = (t.match(/\p{Lu}/gu) || []).length;
  if (letters > 0 && upper / letters >= 0.8) return true;
  const long = t.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

function headingLevel(line, previous) {
  if (/^BAB\s+[IVX]+\b/.test(line)) return HeadingLevel.HEADING_1;
  // 'BAB II' then 'PERENCANAAN DAN PERJANJIAN KINERJA': the chapter's name.
  if (previous && /^BAB\s+[IVX]+$/.test(previous)) return HeadingLevel.HEADING_1;
  if (/^[A-Z]\.\s/.test(line)) return HeadingLevel.HEADING_2;
  return HeadingLevel.HEADING_3;
}

const run = (text, extra = {}) => new TextRun({ text, font: FONT, size: SIZE, ...extra });

function bodyParagraph(text, extra = {}) {
  return new Paragraph({ children: [run(text)], alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 300 }, ...extra });
}

/** One line of a list block: '- text' is a Word bullet (indent = level), typed numbering stays as written. */
function listParagraph(line) {
  const indent = (line.match(/^\s*/) || [''])[0].length;
  const level = indent > 0 ? 1 : 0;
  const m = /^\s*-\s+(.*)$/.exec(line);
  if (m) return bodyParagraph(m[1], { numbering: { reference: 'bullets', level }, spacing: { after: 60, line: 300 } });
  return bodyParagraph(line.trim(), { indent: { left: convertMillimetersToTwip(6 + 6 * level) }, spacing: { after: 60, line: 300 } });
}

function paragraphsOf(text) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
  // The closing (place, date, signature) is plain text, not titles.
  const closing = blocks.findIndex((b) => /^Demikian\b/.test(b[0]));
  const out = [];
  let previous;
  blocks.forEach((block, i) => {
    const signature = closing >= 0 && i > closing;
    if (block.length === 1) {
      const line = block[0].trim();
      if (!signature && isTitle(line) && !/^-\s/.test(line)) {
        out.push(
          new Paragraph({
            heading: headingLevel(line, previous),
            children: [run(line, { bold: true })],
            spacing: { before: 240, after: 120 },
          }),
        );
      } else if (signature) {
        out.push(new Paragraph({ children: [run(line)], alignment: AlignmentType.RIGHT }));
      } else if (/^\s*-\s/.test(block[0])) {
        out.push(listParagraph(block[0]));
      } else {
        out.push(bodyParagraph(line));
      }
      previous = line;
      return;
    }
    for (const line of block) {
      if (signature) out.push(new Paragraph({ children: [run(line.trim())], alignment: AlignmentType.RIGHT }));
      else if (block.every((l) => isTitle(l.trim()))) out.push(new Paragraph({ children: [run(line.trim(), { bold: true })], alignment: AlignmentType.CENTER }));
      else out.push(listParagraph(line));
    }
    previous = block[block.length - 1].trim();
  });
  return out;
}

function headingStyle(id, name, size) {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  };
}

async function main() {
  const text = fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, '');
  const doc = new Document({
    creator: 'Dinas Sosial Provinsi Nusa Tenggara Timur',
    lastModifiedBy: 'Dinas Sosial Provinsi Nusa Tenggara Timur',
    title: 'Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) Dinas Sosial Provinsi NTT Tahun 2021',
    description: 'Contoh narasi LAKIP untuk lakip check --narrative',
    styles: {
      default: { document: { run: { font: FONT, size: SIZE } } },
      paragraphStyles: [
        headingStyle('Heading1', 'Heading 1', 28),
        headingStyle('Heading2', 'Heading 2', 24),
        headingStyle('Heading3', 'Heading 3', SIZE),
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: level === 0 ? '\u2022' : '\u2013',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: convertMillimetersToTwip(8 + 6 * level), hanging: convertMillimetersToTwip(5) } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips, as Word writes it
            margin: { top: 1418, bottom: 1418, left: 1701, right: 1418 },
          },
        },
        children: paragraphsOf(text),
      },
    ],
  });

  // Same bytes on every run: fixed document dates and zip entry times.
  const packed = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const zip = new JSZip();
  // [Content_Types].xml first, as Word writes it.
  const names = Object.keys(packed.files).sort((a, b) => (b === '[Content_Types].xml') - (a === '[Content_Types].xml'));
  for (const name of names) {
    const entry = packed.files[name];
    if (entry.dir) continue;
    let data = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      const iso = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
      data = Buffer.from(
        Buffer.from(data)
          .toString('utf8')
          .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
          .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`),
        'utf8',
      );
    }
    zip.file(name, data, { date: FIXED_DATE, createFolders: false });
  }
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
  fs.writeFileSync(output, buf);
  process.stdout.write(`${path.relative(process.cwd(), output) || output}: ${buf.length} bytes\n`);
}

main().catch((err) => {
  process.stderr.write(`make-example-docx: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
