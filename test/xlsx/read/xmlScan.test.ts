/**
 * The streaming tokenizer: the same events however the text is cut into pieces
 * (parts arrive from the inflater in arbitrary chunks), local names whatever the
 * prefix, and malformed parts refused instead of read as empty.
 */
import fc from 'fast-check';
import { attributes, decodeEntities, decodeOoxmlEscapes, XmlScanner, XmlSyntaxError, type XmlHandler } from '../../../src/xlsx/read/xmlScan';

function events(pieces: string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(`text:${text}`);
    text = '';
  };
  const h: XmlHandler = {
    open(name, raw) {
      flush();
      out.push(`open:${name}:${JSON.stringify(attributes(raw))}`);
    },
    close(name) {
      flush();
      out.push(`close:${name}`);
    },
    // Text runs may be split at piece boundaries: joined here, as the readers join them.
    text(raw, cdata) {
      text += cdata ? raw : decodeEntities(raw);
    },
  };
  const s = new XmlScanner(h);
  for (const p of pieces) s.push(p);
  s.end();
  flush();
  return out;
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- a comment with <c> inside -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[Anak & <Remaja>]]></x:t></x:is></x:c><x:c r='B1' s="2"><x:v>1.5</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="str"><x:f>IF(B1&gt;1,"a&amp;b","&lt;")</x:f><x:v>a&amp;b</x:v></x:c><x:c r="B2" a="x>y"/></x:row>
</x:sheetData></x:worksheet>
`;

describe('XmlScanner', () => {
  it('gives local names, decoded attributes, CDATA as text, and a quoted > inside a tag', () => {
    const ev = events([SHEET]);
    expect(ev).toContain('open:c:{"r":"A1","t":"inlineStr"}');
    expect(ev).toContain('text:Anak & <Remaja>');
    expect(ev).toContain('text:IF(B1>1,"a&b","<")');
    expect(ev).toContain('open:c:{"r":"B2","a":"x>y"}');
    expect(ev.filter((e) => e.startsWith('open:row'))).toHaveLength(2);
    expect(ev.some((e) => e.includes('comment'))).toBe(false);
  });

  it('gives the same events however the part is cut into pieces', () => {
    const whole = events([SHEET]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces: string[] = [];
        let prev = 0;
        for (const c of at) {
          pieces.push(SHEET.slice(prev, c));
          prev = c;
        }
        pieces.push(SHEET.slice(prev));
        expect(events(pieces)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a part cut short, text outside the root, a stray closing tag, and no element at all', () => {
    expect(() => events(['<worksheet><sheetData>'])).toThrow(XmlSyntaxError);
    expect(() => events(['<worksheet><sheetData><row'])).toThrow(XmlSyntaxError);
    expect(() => events(['this is not xml <<<'])).toThrow(XmlSyntaxError);
    expect(() => events(['<a/></b>'])).toThrow(XmlSyntaxError);
    expect(() => events(['<a/><b/>'])).toThrow(XmlSyntaxError);
    expect(() => events(['   '])).toThrow(XmlSyntaxError);
  });

  it('never processes a DTD: an internal subset is skipped, its entities are not expanded', () => {
    const ev = events(['<!DOCTYPE x [<!ENTITY big "boom">]><x>&big;</x>']);
    expect(ev).toEqual(['open:x:{}', 'text:&big;', 'close:x']);
  });
});

describe('text decoding', () => {
  it('decodes the predefined entities and character references, and XML line ends', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#xE9;')).toBe('a & b <c> "d" \'e\' é é');
    expect(decodeEntities('baris\r\nkedua\rketiga')).toBe('baris\nkedua\nketiga');
    expect(decodeEntities('&unknown; &#xZZ;')).toBe('&unknown; &#xZZ;');
  });

  it("decodes OOXML's _xHHHH_ escapes as Excel does", () => {
    expect(decodeOoxmlEscapes('Jumlah_x000D_\nTotal')).toBe('Jumlah\r\nTotal');
    expect(decodeOoxmlEscapes('kode_x005F_x0041_')).toBe('kode_x0041_');
    expect(decodeOoxmlEscapes('no_escape_here')).toBe('no_escape_here');
  });
});
