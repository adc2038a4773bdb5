/**
 * The worker's side: one request in, one response out, and every result plain
 * data (no class instances such as Decimal), so it crosses postMessage intact.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { buildTableSpecs } from '../../src/core/tables/build';
import { HostError } from '../../src/host/types';
import { analyze } from '../../src/taskpane/analysis';
import { handleEngineRequest } from '../../src/taskpane/engineHandler';
import { deserializeError, isEngineResponse, serializeError } from '../../src/taskpane/engineProtocol';
import { errorMessage } from '../../src/taskpane/errorMessages';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { NTT_SCALE } from '../fixtures/scales';

const read = (f: string) => readWorkbookBuffer(new Uint8Array(readFileSync(join(__dirname, '../../examples', f))), f);

/** Paths of every value that is not plain data: objects other than {} and [], functions, symbols, bigints. */
function notPlain(v: unknown, at = '$', out: string[] = []): string[] {
  if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return out;
  if (typeof v !== 'object') {
    out.push(`${at}: ${typeof v}`);
    return out;
  }
  // By constructor name, not identity: structuredClone builds its copies in Node's realm, outside jest's.
  const proto = Object.getPrototypeOf(v);
  if (!Array.isArray(v) && proto?.constructor?.name !== 'Object') out.push(`${at}: ${proto?.constructor?.name ?? 'null prototype'}`);
  for (const [k, x] of Object.entries(v as object)) notPlain(x, `${at}.${k}`, out);
  return out;
}

describe('engine worker handler', () => {
  let samples: [string, WorkbookSnapshot][];
  beforeAll(async () => {
    samples = [
      ['ntt', await read('dinsos-ntt-2021.xlsx')],
      ['flotim', await read('dinsos-flotim-2020.xlsx')],
    ];
  });

  test.each(['ntt', 'flotim'])('%s: analyze answers with the analysis, plain data that survives structured clone', (name) => {
    const snapshot = samples.find(([n]) => n === name)![1];
    const options = { lang: 'id' as const, pusatMarker: 'Kewenangan Pusat', scale: NTT_SCALE, narratives: [] };
    const res = handleEngineRequest(structuredClone({ id: 7, op: 'analyze', snapshot, options }));
    expect(res).toMatchObject({ type: 'result', id: 7, ok: true });
    expect(isEngineResponse(res)).toBe(true);
    const value = (res as { value: unknown }).value;
    expect(value).toEqual(analyze(snapshot, options));
    expect(notPlain(value)).toEqual([]);
    expect(structuredClone(value)).toEqual(value);
  });

  test.each(['ntt', 'flotim'])('%s: tableSpecs answers with the report tables, plain data', (name) => {
    const snapshot = samples.find(([n]) => n === name)![1];
    const res = handleEngineRequest({ id: 8, op: 'tableSpecs', snapshot, options: { lang: 'en' } });
    expect(res).toMatchObject({ type: 'result', id: 8, ok: true });
    const value = (res as { value: unknown }).value;
    expect(value).toEqual(buildTableSpecs(snapshot, { lang: 'en' }));
    expect((value as unknown[]).length).toBeGreaterThan(0);
    expect(notPlain(value)).toEqual([]);
  });

  test('a snapshot is plain data too (what the pane sends)', () => {
    expect(notPlain(samples[0][1])).toEqual([]);
  });

  test('not a request: no answer; a bad request: an error with its id', () => {
    expect(handleEngineRequest(null)).toBeNull();
    expect(handleEngineRequest('analyze')).toBeNull();
    expect(handleEngineRequest({ op: 'analyze' })).toBeNull();
    expect(handleEngineRequest({ id: 1, op: 'format-disk', snapshot: { sheets: [] }, options: {} })).toMatchObject({ id: 1, ok: false, error: { message: expect.stringContaining('unknown engine operation') } });
    expect(handleEngineRequest({ id: 2, op: 'analyze' })).toMatchObject({ id: 2, ok: false, error: { message: 'no workbook snapshot in the request' } });
    expect(handleEngineRequest({ id: 3, op: 'analyze', snapshot: { sheets: [] } })).toMatchObject({ id: 3, ok: true });
  });

  test('an exception in an operation becomes that request\'s error result', () => {
    const ops = {
      analyze: () => {
        throw new HostError('read-failed', { sheet: 'APBD' });
      },
      tableSpecs: () => [],
    };
    const res = handleEngineRequest({ id: 4, op: 'analyze', snapshot: { sheets: [] }, options: {} }, ops);
    expect(res).toMatchObject({ id: 4, ok: false, error: { name: 'HostError', fields: { code: 'read-failed', detail: { sheet: 'APBD' } } } });
  });
});

describe('errors across the worker boundary', () => {
  test.each([
    ['HostError', new HostError('changed-since-check', { sheet: 'Indikator 1 PMKS', address: 'G13' })],
    ['WorkbookReadError', new WorkbookReadError('encrypted', 'x.xlsx')],
    ['TypeError', new TypeError('x is not a function')],
  ])('%s keeps name, message and fields, so the pane words it the same', (_name, e) => {
    const back = deserializeError(structuredClone(serializeError(e)));
    expect(back).toBeInstanceOf(Error);
    expect(back.name).toBe(e.name);
    expect(back.message).toBe(e.message);
    for (const lang of ['id', 'en'] as const) expect(errorMessage(back, lang)).toBe(errorMessage(e, lang));
  });

  test('anything thrown becomes a message', () => {
    expect(serializeError('boom')).toEqual({ name: 'Error', message: 'boom' });
    expect(serializeError({ message: 'plain object' })).toMatchObject({ name: 'Error', message: 'plain object' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(serializeError(Object.assign(new Error('x'), { detail: cyclic })).fields).toBeUndefined();
  });
});
