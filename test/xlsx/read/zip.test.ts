/**
 * The zip container: parts found by OPC name (any case, any slash), inflated in
 * chunks with the output counted, damaged data told apart from a bomb; the same
 * with Node's zlib lent, as the CLI does.
 */
import { zipSync } from 'fflate';
import { inflateWithZlib } from '../../../src/xlsx/nodeInflate';
import { inflateAll, InflateBudgetError, readCentralDirectory, streamText, useNativeInflate, ZipFormatError } from '../../../src/xlsx/read/zip';

const enc = new TextEncoder();

describe.each([
  ['fflate (the browser)', undefined],
  ['zlib lent (the CLI)', inflateWithZlib],
])('zip with %s', (_name, inflater) => {
  beforeAll(() => useNativeInflate(inflater));
  afterAll(() => useNativeInflate(undefined));

  it('lists parts by OPC name and inflates stored and deflated parts', () => {
    const data = zipSync({ 'xl/Workbook.xml': [enc.encode('<workbook/>'), { level: 6 }], 'mimetype': [enc.encode('x'), { level: 0 }] });
    const entries = readCentralDirectory(data);
    expect([...entries.keys()].sort()).toEqual(['mimetype', 'xl/workbook.xml']);
    expect(new TextDecoder().decode(inflateAll(data, entries.get('xl/workbook.xml')!, { remaining: 1e6 }))).toBe('<workbook/>');
    expect(new TextDecoder().decode(inflateAll(data, entries.get('mimetype')!, { remaining: 1e6 }))).toBe('x');
  });

  it('stops a part at the budget while inflating, whatever size the zip declares', () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(65); // 8 MB of 'A' deflates to a few KB
    const data = zipSync({ 'xl/worksheets/sheet1.xml': [big, { level: 9 }] });
    expect(data.length).toBeLessThan(64 * 1024);
    const e = readCentralDirectory(data).get('xl/worksheets/sheet1.xml')!;
    let seen = 0;
    expect(() => streamText(data, e, { remaining: 1024 * 1024 }, (s) => (seen += s.length))).toThrow(InflateBudgetError);
    expect(seen).toBeLessThanOrEqual(1024 * 1024);
  });

  it('streams text without splitting a UTF-8 character across pieces', () => {
    const text = `<t>${'é✓'.repeat(200_000)}</t>`;
    const data = zipSync({ 'a.xml': [enc.encode(text), { level: 1 }] });
    let out = '';
    streamText(data, readCentralDirectory(data).get('a.xml')!, { remaining: 1e9 }, (s) => (out += s));
    expect(out).toBe(text);
  });

  it('tells damaged data from a bomb: cut short, bad deflate data, no end record', () => {
    const data = zipSync({ 'a.xml': [enc.encode('<a>'.repeat(1000)), { level: 6 }] });
    expect(() => readCentralDirectory(data.subarray(0, data.length - 30))).toThrow(ZipFormatError);
    expect(() => readCentralDirectory(enc.encode('PK\u0003\u0004 not really a zip'))).toThrow(ZipFormatError);
    const e = readCentralDirectory(data).get('a.xml')!;
    const broken = data.slice();
    const start = 30 + 'a.xml'.length;
    broken.fill(0xff, start, start + 8);
    expect(() => inflateAll(broken, e, { remaining: 1e9 })).toThrow(ZipFormatError);
  });

  it('streams a part too large to take whole, still within the budget', () => {
    const text = `<t>${'x'.repeat(30 * 1024 * 1024)}</t>`;
    const data = zipSync({ 'a.xml': [enc.encode(text), { level: 1 }] });
    const e = readCentralDirectory(data).get('a.xml')!;
    let pieces = 0;
    let length = 0;
    streamText(data, e, { remaining: 64 * 1024 * 1024 }, (s) => {
      pieces++;
      length += s.length;
    });
    expect(length).toBe(text.length);
    expect(pieces).toBeGreaterThan(1);
    expect(() => streamText(data, e, { remaining: 29 * 1024 * 1024 }, () => undefined)).toThrow(InflateBudgetError);
  });
});
