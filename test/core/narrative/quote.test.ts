import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeWorkbook } from '../../../src/core/analyze';
import { quoteAround } from '../../../src/core/narrative/quote';
import { readNarrativeBuffer } from '../../../src/io/narrativeBuffer';
import { readWorkbookBuffer } from '../../../src/xlsx/fromBuffer';

const quote = (text: string, raw: string) => {
  const start = text.indexOf(raw);
  return quoteAround(text, start, start + raw.length);
};

describe('the words of a figure’s sentence, for Find in Word', () => {
  it('a short sentence is quoted whole up to the figure', () => {
    expect(quote('Pendahuluan. Sedangkan sebanyak 1.104 orang menjadi kewenangan kabupaten/kota.', '1.104')).toBe('Sedangkan sebanyak 1.104');
  });

  it('a long one by its first words and the words just before the figure, each an exact run of the text', () => {
    const text =
      'Jumlah Anak Balita Terlantar sebanyak 201.667 orang yang menjadi kewenangan Provinsi sebanyak 126 orang dan yang ditangani sebanyak 126 orang, sedangkan sebanyak 201.511 orang adalah kewenangan kabupaten/kota.';
    const q = quote(text, '201.511');
    expect(q).toBe('Jumlah Anak Balita Terlantar sebanyak 201.667 … sedangkan sebanyak 201.511');
    for (const part of q.split(' … ')) expect(text).toContain(part);
  });

  it('an amount after "Rp." stays in its sentence (the abbreviation ends none)', () => {
    const text = 'Panti mendapat bantuan dari APBN sebesar Rp. 2.100.000 per orang.';
    expect(quote(text, '2.100.000')).toBe('Panti mendapat bantuan dari APBN sebesar Rp. 2.100.000');
  });
});

describe('narrative findings from a .docx', () => {
  it('quote the sentence in the message and keep source as it was', async () => {
    const root = join(__dirname, '..', '..', '..', 'examples');
    const wb = await readWorkbookBuffer(readFileSync(join(root, 'dinsos-ntt-2021.xlsx')), 'dinsos-ntt-2021.xlsx');
    const narrative = await readNarrativeBuffer(new Uint8Array(readFileSync(join(root, 'laporan-ntt-2021.docx'))), 'laporan-ntt-2021.docx');
    const found = analyzeWorkbook(wb, { lang: 'id', narratives: [narrative] }).findings.filter((f) => f.source && f.code === 'narrative-mismatch');
    const balita = found.find((f) => f.message.includes('201.511'))!;
    expect(balita.source).toEqual({ file: 'laporan-ntt-2021.docx', paragraph: 88 });
    expect(balita.message).toMatch(/ Kalimatnya: "Jumlah Anak Balita Terlantar sebanyak [^"]*201\.511"\.$/);
    expect(found.every((f) => / Kalimatnya: "[^"]+"\.$/.test(f.message))).toBe(true);
  });
});
