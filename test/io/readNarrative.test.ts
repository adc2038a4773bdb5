/** Narrative files (.txt / .docx) -> numbered paragraphs, and the errors for files that cannot be read. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { NarrativeSource } from '../../src/core/narrative/types';
import {
  NarrativeReadError,
  isNarrativeReadError,
  narrativeErrorMessage,
  readNarrativeBuffer,
  readNarrativeFile,
} from '../../src/io/readNarrative';
import { MAX_DOCUMENT_XML_BYTES, MAX_NARRATIVE_BYTES } from '../../src/io/narrativeErrors';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const texts = (s: NarrativeSource) => s.paragraphs.map((p) => p.text);
const headings = (s: NarrativeSource) => s.paragraphs.filter((p) => p.heading).map((p) => p.text);

async function readError(p: Promise<unknown>): Promise<NarrativeReadError> {
  try {
    await p;
  } catch (e) {
    expect(isNarrativeReadError(e)).toBe(true);
    return e as NarrativeReadError;
  }
  throw new Error('expected a NarrativeReadError');
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakip-narr-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SAMPLE = [
  'BAB III',
  '',
  'AKUNTABILITAS KINERJA',
  '',
  'Anak Balita Terlantar',
  'Jumlah Anak Balita Terlantar sebanyak 201.667 orang dan yang ditangani sebanyak 126 orang.',
  '',
  'Sedangkan sebanyak 201.541 orang menjadi kewenangan',
  'kabupaten/kota.',
  '',
  'No.\tJenis PMKS\tPopulasi',
  '1\tAnak Balita Terlantar\t201,667',
  '',
  '| Program | Anggaran |',
  '| --- | --- |',
  '| Rehabilitasi | 10.973.269.245 |',
  '',
  '$$\\text{Capaian} = \\frac{\\text{Realisasi}}{\\text{Rencana}} \\times 100\\%$$',
  '',
  '## B. AKUNTABILITAS KEUANGAN',
  '',
  'Dana APBN sebesar Rp.**9.257.070.000,-** (*Sembilan Milyard Dua Ratus Lima Puluh Tujuh Juta Tujuh Puluh Ribu Rupiah*) dan <b>APBD</b> sebesar Rp.38.177.592.484,-.',
  '',
  '   ',
  '1. Aspek Perencanaan',
  '- a. Sistem dan mekanisme perencanaan belum mampu mengakomodasikan perubahan.',
  '- b. Masih terbatasnya informasi/data makro yang akurat.',
  '',
].join('\n');

describe('.txt', () => {
  let src: NarrativeSource;
  beforeAll(async () => {
    src = await readNarrativeBuffer(utf8(SAMPLE), 'C:\\laporan\\bab3.txt');
  });

  it('numbers the kept paragraphs from 1 and names the file by its base name', () => {
    expect(src.name).toBe('bab3.txt');
    expect(src.paragraphs.map((p) => p.paragraph)).toEqual(src.paragraphs.map((_, i) => i + 1));
    for (const p of src.paragraphs) {
      expect(p.file).toBe('bab3.txt');
      expect(p.sheet).toBeUndefined();
      expect(p.cell).toBeUndefined();
    }
  });

  it('keeps the prose, drops table rows, markdown tables and formulas, and strips markup but keeps the words', () => {
    expect(texts(src)).toEqual([
      'BAB III',
      'AKUNTABILITAS KINERJA',
      'Anak Balita Terlantar',
      'Jumlah Anak Balita Terlantar sebanyak 201.667 orang dan yang ditangani sebanyak 126 orang.',
      'Sedangkan sebanyak 201.541 orang menjadi kewenangan kabupaten/kota.',
      'B. AKUNTABILITAS KEUANGAN',
      'Dana APBN sebesar Rp.9.257.070.000,- (Sembilan Milyard Dua Ratus Lima Puluh Tujuh Juta Tujuh Puluh Ribu Rupiah) dan APBD sebesar Rp.38.177.592.484,-.',
      '1. Aspek Perencanaan\n- a. Sistem dan mekanisme perencanaan belum mampu mengakomodasikan perubahan.\n- b. Masih terbatasnya informasi/data makro yang akurat.',
    ]);
  });

  it('short title lines are headings, also the first line of a block; prose and lists are not', () => {
    expect(headings(src)).toEqual(['BAB III', 'AKUNTABILITAS KINERJA', 'Anak Balita Terlantar', 'B. AKUNTABILITAS KEUANGAN']);
  });

  it('CRLF, UTF-8 with BOM, UTF-16 LE and BE with BOM all read the same', async () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const variants = [
      utf8(crlf),
      new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])),
      new Uint8Array(le),
      new Uint8Array(be),
    ];
    for (const v of variants) expect(await readNarrativeBuffer(v, 'bab3.txt')).toEqual(src);
  });

  it('reads Windows-1252 text (Notepad "ANSI") too', async () => {
    const bytes = new Uint8Array([...Buffer.from('Tahun 2018 ', 'latin1'), 0x96, ...Buffer.from(' 2023 Caf', 'latin1'), 0xe9, 0x2e]);
    const s = await readNarrativeBuffer(bytes, 'ansi.txt');
    expect(texts(s)).toEqual(['Tahun 2018 – 2023 Café.']);
  });

  it("a TAB right after a list number (Word's plain-text lists) is kept as a space", async () => {
    const s = await readNarrativeBuffer(utf8('1.\tPerumusan kebijakan teknis.\n2.\tPembinaan unit pelaksana teknis.\n'), 'x.txt');
    expect(texts(s)).toEqual(['1. Perumusan kebijakan teknis.\n2. Pembinaan unit pelaksana teknis.']);
  });

  it('a table between two texts separates them even without blank lines', async () => {
    const s = await readNarrativeBuffer(utf8('Tabel berikut menunjukkan capaian.\nA\tB\n1\t2\nCapaian tersebut sudah baik.\n'), 'x.txt');
    expect(texts(s)).toEqual(['Tabel berikut menunjukkan capaian.', 'Capaian tersebut sudah baik.']);
  });

  it('a wrapped line is not a title, nor a line that goes on below', async () => {
    const s = await readNarrativeBuffer(
      utf8(
        [
          'Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) ini disusun dan disampaikan dengan maksud untuk memberikan informasi',
          '',
          'tentang capaian pelaksanaan program dan kegiatan tahun 2021.',
          '',
          'Pada Sasaran ini Dinas Sosial memiliki 2 Indikator, yaitu Penduduk Miskin, KAT, Kelompok Rentan dan',
          '',
          'PMKS lainnya yang terakses Perlindungan Sosial.',
        ].join('\n'),
      ),
      'x.txt',
    );
    expect(s.paragraphs).toHaveLength(4);
    expect(headings(s)).toEqual([]);
  });

  it('list items written one per paragraph are not titles; "A. ..." over "1. ..." both are', async () => {
    const s = await readNarrativeBuffer(
      utf8('A. GAMBARAN UMUM\n\n1. Kedudukan SKPD\n\nDinas Sosial merupakan unsur pelaksana.\n\n1. Anak balita telantar\n\n2. Anak telantar\n\n3. Anak jalanan\n'),
      'x.txt',
    );
    expect(headings(s)).toEqual(['A. GAMBARAN UMUM', '1. Kedudukan SKPD']);
  });

  it('drops table-of-contents lines and rules', async () => {
    const s = await readNarrativeBuffer(utf8('KATA PENGANTAR .......... ii\nBAB I : PENDAHULUAN ..... 1\n\n---\n\nIsi laporan.\n'), 'x.txt');
    expect(texts(s)).toEqual(['Isi laporan.']);
  });
});

// ---------------------------------------------------------------------------

async function docxBytes(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'b', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }],
    },
    footnotes: { 1: { children: [new Paragraph('Sumber: DTKS November 2021.')] } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('.docx', () => {
  let src: NarrativeSource;
  beforeAll(async () => {
    const data = await docxBytes([
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Laporan Kinerja Dinas Sosial 2021')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('BAB III AKUNTABILITAS KINERJA')] }),
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun('Pencapaian sasaran strategis yang diukur dengan dua indikator kinerja.')],
      }),
      new Paragraph({
        children: [
          new TextRun('\tDana APBN sebesar Rp.'),
          new TextRun({ text: '9.257.070.000,-', bold: true }),
          new FootnoteReferenceRun(1),
          new TextRun(' untuk 1 sasaran & <2> indikator.'),
        ],
      }),
      new Paragraph({ children: [new TextRun({ children: ['Anggaran', new Tab(), 'Realisasi', new Tab(), '%'] })] }),
      new Table({
        rows: [
          new TableRow({ children: [new TableCell({ children: [new Paragraph('Program')] }), new TableCell({ children: [new Paragraph('Anggaran')] })] }),
          new TableRow({ children: [new TableCell({ children: [new Paragraph('Rehabilitasi')] }), new TableCell({ children: [new Paragraph('10.973.269.245')] })] }),
        ],
      }),
      new Paragraph({ children: [new TextRun('Anak Balita Terlantar')] }),
      new Paragraph({ children: [new TextRun('Jumlah Anak Balita Terlantar sebanyak 201.667 orang.')] }),
      new Paragraph({ text: 'Anak balita telantar', numbering: { reference: 'b', level: 0 } }),
      new Paragraph({ text: 'Anak telantar', numbering: { reference: 'b', level: 0 } }),
      new Paragraph({ children: [new TextRun('Kepala Dinas Sosial'), new TextRun({ text: 'Provinsi Nusa Tenggara Timur.', break: 1 })] }),
      new Paragraph({ children: [] }),
    ]);
    src = await readNarrativeBuffer(data, 'laporan.docx');
  });

  it('one paragraph per Word paragraph; tables, tab-separated rows, empty paragraphs and footnote marks dropped', () => {
    expect(texts(src)).toEqual([
      'Laporan Kinerja Dinas Sosial 2021',
      'BAB III AKUNTABILITAS KINERJA',
      'Pencapaian sasaran strategis yang diukur dengan dua indikator kinerja.',
      'Dana APBN sebesar Rp.9.257.070.000,- untuk 1 sasaran & <2> indikator.',
      'Anak Balita Terlantar',
      'Jumlah Anak Balita Terlantar sebanyak 201.667 orang.',
      'Anak balita telantar',
      'Anak telantar',
      'Kepala Dinas Sosial Provinsi Nusa Tenggara Timur.',
      'Sumber: DTKS November 2021.',
    ]);
    expect(src.paragraphs.map((p) => p.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(src.paragraphs.every((p) => p.file === 'laporan.docx')).toBe(true);
  });

  it('Word heading styles are headings (even with a final period), and so are short lines; list runs are not', () => {
    expect(headings(src)).toEqual([
      'Laporan Kinerja Dinas Sosial 2021',
      'BAB III AKUNTABILITAS KINERJA',
      'Pencapaian sasaran strategis yang diukur dengan dua indikator kinerja.',
      'Anak Balita Terlantar',
    ]);
  });

  it('works on a plain Uint8Array of the bytes (the task pane has no Node Buffer)', async () => {
    const data = await docxBytes([new Paragraph({ children: [new TextRun('Realisasi anggaran 96,82%.')] })]);
    const copy = new Uint8Array(data.length + 16).subarray(8, 8 + data.length);
    copy.set(data);
    expect(texts(await readNarrativeBuffer(copy, 'x.docx'))).toEqual(['Realisasi anggaran 96,82%.']);
  });

  it('is recognised by content, whatever the extension says', async () => {
    const data = await docxBytes([new Paragraph('Isi laporan.')]);
    expect(texts(await readNarrativeBuffer(data, 'laporan.txt'))).toEqual(['Isi laporan.']);
    expect(texts(await readNarrativeBuffer(utf8('Isi laporan.'), 'laporan.docx'))).toEqual(['Isi laporan.']);
  });

  it('a .docx with only a table is empty', async () => {
    const data = await docxBytes([new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('1')] })] })] })]);
    const err = await readError(readNarrativeBuffer(data, 'tabel.docx'));
    expect(err.code).toBe('empty');
  });

  it('a cut-off .docx is corrupt', async () => {
    const data = await docxBytes([new Paragraph('Isi laporan.')]);
    const err = await readError(readNarrativeBuffer(data.subarray(0, Math.floor(data.length / 2)), 'putus.docx'));
    expect(err.code).toBe('corrupt');
    expect(err.file).toBe('putus.docx');
  });

  it('the browser-safe modules use no Node API', () => {
    for (const f of ['narrativeBuffer.ts', 'narrativeErrors.ts']) {
      const code = fs.readFileSync(path.join(ROOT, 'src', 'io', f), 'utf8');
      expect(code).not.toMatch(/from '(node:)?(fs|path|os|buffer|stream)'|require\(|\bBuffer\.|process\./);
    }
  });
});

// ---------------------------------------------------------------------------

describe('files that are not narratives', () => {
  const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it.each<[string, Uint8Array, string, string | undefined]>([
    ['zero bytes', new Uint8Array(0), 'empty', 'zero-bytes'],
    ['only blank lines and a table', utf8('\n\n  \nNo\tNama\n1\tA\n'), 'empty', 'no-text'],
    ['old Word (.doc)', new Uint8Array([...CFB, ...new Array(504).fill(0)]), 'unsupported', 'doc'],
    ['password-protected Word', new Uint8Array([...CFB, ...Buffer.from('EncryptionInfo', 'utf16le')]), 'unsupported', 'encrypted'],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'unsupported', 'pdf'],
    ['RTF', utf8('{\\rtf1\\ansi Laporan}'), 'unsupported', 'rtf'],
    ['a zip that is no document', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('foo/bar.txt')]), 'unsupported', 'zip'],
    ['binary', new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256).map((b) => (b === 0 ? 1 : b))), 'unsupported', 'binary'],
  ])('%s', async (_name, data, code, kind) => {
    const err = await readError(readNarrativeBuffer(data, 'laporan.doc'));
    expect(err.code).toBe(code);
    expect(err.kind).toBe(kind);
    expect(err.file).toBe('laporan.doc');
  });

  it('a file over the size limit is refused before anything is parsed', async () => {
    const err = await readError(readNarrativeBuffer(new Uint8Array(MAX_NARRATIVE_BYTES + 1), 'arsip.txt'));
    expect([err.code, err.file]).toEqual(['too-large', 'arsip.txt']);
  });

  it('a .docx whose text would unpack past the limit (a zip bomb) is refused before mammoth inflates it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document>' + ' '.repeat(MAX_DOCUMENT_XML_BYTES) + '</w:document>');
    const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(data.length).toBeLessThan(1024 * 1024); // small on disk: only the unpacked size is over
    const err = await readError(readNarrativeBuffer(data, 'bom.docx'));
    expect([err.code, err.file]).toEqual(['too-large', 'bom.docx']);
  });

  it('an Excel workbook given as narrative', async () => {
    const data = new Uint8Array(fs.readFileSync(path.join(EXAMPLES, 'dinsos-ntt-2021.xlsx')));
    const err = await readError(readNarrativeBuffer(data, 'dinsos-ntt-2021.xlsx'));
    expect([err.code, err.kind]).toEqual(['unsupported', 'xlsx']);
    expect(narrativeErrorMessage(err, 'en')).toMatch(/Excel workbook, not a narrative/);
  });
});

describe('narrativeErrorMessage', () => {
  const cases: [string, NarrativeReadError, RegExp, RegExp][] = [
    ['not-found', new NarrativeReadError('not-found', 'bab3.docx'), /tidak ditemukan.*\.docx atau \.txt/, /was not found/],
    ['not-found folder', new NarrativeReadError('not-found', 'narasi', 'folder'), /adalah folder/, /is a folder/],
    ['not-found permission', new NarrativeReadError('not-found', 'bab3.docx', 'permission'), /tidak ada izin/, /permission was denied/],
    ['unsupported doc', new NarrativeReadError('unsupported', 'lama.doc', 'doc'), /Word lama \(\.doc.*\*\.docx/, /old Word format.*\*\.docx/],
    ['unsupported pdf', new NarrativeReadError('unsupported', 'lap.pdf', 'pdf'), /PDF.*\.docx/, /PDF.*\.docx/],
    ['unsupported encrypted', new NarrativeReadError('unsupported', 'kunci.docx', 'encrypted'), /kata sandi/, /password/],
    ['unsupported binary', new NarrativeReadError('unsupported', 'x.bin', 'binary'), /bukan dokumen Word \(\.docx\) maupun teks/, /neither a Word document/],
    ['corrupt', new NarrativeReadError('corrupt', 'rusak.docx'), /rusak atau tidak lengkap/, /damaged or incomplete/],
    ['empty zero-bytes', new NarrativeReadError('empty', 'kosong.txt', 'zero-bytes'), /kosong \(0 bita\)/, /empty \(0 bytes\)/],
    ['empty no-text', new NarrativeReadError('empty', 'tabel.docx', 'no-text'), /tidak memuat paragraf teks/, /no text paragraphs/],
    ['too-large', new NarrativeReadError('too-large', 'besar.docx'), /terlalu besar.*200 MB.*64 MB/, /too large to read.*200 MB.*64 MB/],
  ];
  it.each(cases)('%s', (_name, err, id, en) => {
    const mid = narrativeErrorMessage(err, 'id');
    const men = narrativeErrorMessage(err, 'en');
    expect(mid).toMatch(id);
    expect(men).toMatch(en);
    for (const msg of [mid, men]) expect(msg).toContain(`"${err.file}"`);
  });
});

// ---------------------------------------------------------------------------

describe('readNarrativeFile', () => {
  it('a missing file', async () => {
    const missing = path.join(dir, 'tidak-ada.docx');
    const err = await readError(readNarrativeFile(missing));
    expect(err.code).toBe('not-found');
    expect(err.file).toBe(missing);
    expect(narrativeErrorMessage(err, 'id')).toContain(missing);
  });

  it('a folder', async () => {
    const err = await readError(readNarrativeFile(dir));
    expect([err.code, err.kind]).toEqual(['not-found', 'folder']);
  });

  it('reads a file without changing it', async () => {
    const file = path.join(dir, 'bab3.txt');
    fs.writeFileSync(file, SAMPLE);
    const past = new Date('2021-01-25T08:00:00Z');
    fs.utimesSync(file, past, past);
    const s = await readNarrativeFile(file);
    expect(s.name).toBe('bab3.txt');
    expect(s.paragraphs[0]).toEqual({ text: 'BAB III', heading: true, file: 'bab3.txt', paragraph: 1 });
    expect(fs.readFileSync(file, 'utf8')).toBe(SAMPLE);
    expect(fs.statSync(file).mtime.getTime()).toBe(past.getTime());
  });
});

describe('the example narratives', () => {
  const words = (s: NarrativeSource) =>
    s.paragraphs
      .map((p) => p.text)
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);

  it('laporan-ntt-2021.docx holds the same prose as laporan-ntt-2021.txt', async () => {
    const txt = await readNarrativeFile(path.join(EXAMPLES, 'laporan-ntt-2021.txt'));
    const docx = await readNarrativeFile(path.join(EXAMPLES, 'laporan-ntt-2021.docx'));
    expect(docx.name).toBe('laporan-ntt-2021.docx');
    expect(words(docx)).toEqual(words(txt));
    for (const h of ['BAB III', 'B. AKUNTABILITAS KEUANGAN', 'Anak Balita Terlantar', 'Korban Bencana Alam']) {
      expect(headings(txt)).toContain(h);
      expect(headings(docx)).toContain(h);
    }
    const figures = txt.paragraphs.find((p) => p.text.startsWith('Jumlah Anak Balita Terlantar'))!;
    expect(figures.heading).toBe(false);
    expect(figures.text).toContain('201.667');
  });

  it('the Flores Timur narrative reads, without tables or markdown', async () => {
    const s = await readNarrativeFile(path.join(EXAMPLES, 'laporan-flotim-2020.txt'));
    expect(s.paragraphs.length).toBeGreaterThan(100);
    for (const p of s.paragraphs) expect(p.text).not.toMatch(/\t|\*\*|^#|\|\s*---/);
    expect(texts(s).some((t) => t.includes('Rp. 6.353.928.630,80'))).toBe(true);
  });

  it('the docx example is A4, Arial 11 pt, with Word heading styles', () => {
    const JSZip = require('jszip') as typeof import('jszip');
    return JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, 'laporan-ntt-2021.docx'))).then(async (zip) => {
      const doc = await zip.file('word/document.xml')!.async('string');
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>/);
      expect(styles).toMatch(/w:ascii="Arial"/);
      expect(styles).toMatch(/<w:sz w:val="22"\/>/);
    });
  });
});
