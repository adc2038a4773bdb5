/**
 * The pane's engine worker client, without a real Worker: a fake worker that
 * answers through the worker's own handler (with structured clone both ways,
 * as a browser would), and a scripted one for ids, errors and failures.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { HostError } from '../../src/host/types';
import { analyze } from '../../src/taskpane/analysis';
import { EngineClient, EngineWorkerError, type EngineClientOptions, type EngineEvent, type WorkerLike } from '../../src/taskpane/engineClient';
import { ENGINE_OPS, handleEngineRequest } from '../../src/taskpane/engineHandler';
import { serializeError, type EngineOps, type EngineRequest, type EngineResponse } from '../../src/taskpane/engineProtocol';
import { errorMessage } from '../../src/taskpane/errorMessages';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';

type Listener = (e: { data?: unknown; message?: string; preventDefault?(): void }) => void;

/** A worker whose every move the test makes: it records what it is sent and emits what the test says. */
class ScriptedWorker implements WorkerLike {
  sent: EngineRequest[] = [];
  terminated = false;
  throwOnPost: unknown = null;
  private listeners: Record<string, Listener[]> = {};
  postMessage(message: unknown): void {
    if (this.throwOnPost) throw this.throwOnPost;
    this.sent.push(message as EngineRequest);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] ??= []).push(listener);
  }
  emit(type: 'message' | 'error' | 'messageerror', e: { data?: unknown; message?: string; preventDefault?(): void }): void {
    for (const l of this.listeners[type] ?? []) l(e);
  }
  reply(data: EngineResponse): void {
    this.emit('message', { data: structuredClone(data) });
  }
  ready(): void {
    this.reply({ type: 'ready' });
  }
}

/** A worker that runs the real handler a tick later, cloning requests and responses like postMessage does. */
class LoopbackWorker implements WorkerLike {
  private listeners: Record<string, Listener[]> = {};
  requests = 0;
  constructor() {
    setTimeout(() => this.emit({ type: 'ready' }), 0);
  }
  postMessage(message: unknown): void {
    const copy = structuredClone(message); // throws DataCloneError, as the browser does
    this.requests++;
    setTimeout(() => {
      const res = handleEngineRequest(copy);
      if (res) this.emit(res);
    }, 0);
  }
  terminate(): void {}
  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] ??= []).push(listener);
  }
  private emit(data: EngineResponse): void {
    const copy = structuredClone(data);
    for (const l of this.listeners.message ?? []) l({ data: copy });
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

let ntt: WorkbookSnapshot;
beforeAll(async () => {
  ntt = await readWorkbookBuffer(new Uint8Array(readFileSync(join(__dirname, '../../examples/dinsos-ntt-2021.xlsx'))), 'dinsos-ntt-2021.xlsx');
});

const tiny: WorkbookSnapshot = { sheets: [] };

/** A client with a scripted worker; `local` counts its loads and calls. */
function setup(over: Partial<EngineClientOptions> = {}) {
  const workers: ScriptedWorker[] = [];
  const events: EngineEvent[] = [];
  const timers: (() => void)[] = [];
  const localCalls: string[] = [];
  let localLoads = 0;
  const localOps: EngineOps = {
    analyze: (s, o) => {
      localCalls.push('analyze');
      return analyze(s, o);
    },
    tableSpecs: (s, o) => {
      localCalls.push('tableSpecs');
      return ENGINE_OPS.tableSpecs(s, o);
    },
  };
  const client = new EngineClient({
    spawn: () => {
      const w = new ScriptedWorker();
      workers.push(w);
      return w;
    },
    local: async () => {
      localLoads++;
      return localOps;
    },
    onEvent: (e) => events.push(e),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
    ...over,
  });
  return { client, workers, events, timers, localCalls, loads: () => localLoads };
}

describe('engine client over a worker', () => {
  test('checks in the worker: the same analysis as on this thread, after structured clone both ways', async () => {
    const client = new EngineClient({ spawn: () => new LoopbackWorker(), local: () => Promise.reject(new Error('not used')), onEvent: () => undefined });
    const run = await client.analyze(ntt, { lang: 'id', pusatMarker: 'Kewenangan Pusat' });
    expect(run.mode).toBe('worker');
    expect(client.lastMode).toBe('worker');
    expect(run.value).toEqual(analyze(ntt, { lang: 'id', pusatMarker: 'Kewenangan Pusat' }));
    expect(run.value.report.findings.length).toBeGreaterThan(10);
    const specs = await client.tableSpecs(ntt, { lang: 'id' });
    expect(specs.mode).toBe('worker');
    expect(specs.value).toEqual(ENGINE_OPS.tableSpecs(ntt, { lang: 'id' }));
  });

  test('each request has its own id; answers in any order reach their own caller', async () => {
    const { client, workers } = setup();
    const a = client.analyze(tiny, { lang: 'id' });
    const b = client.tableSpecs(tiny, { lang: 'en' });
    const w = workers[0];
    expect(workers).toHaveLength(1);
    expect(w.sent.map((m) => [m.op, m.options.lang])).toEqual([
      ['analyze', 'id'],
      ['tableSpecs', 'en'],
    ]);
    const [idA, idB] = w.sent.map((m) => m.id);
    expect(idA).not.toBe(idB);
    w.ready();
    w.reply({ type: 'result', id: idB, ok: true, value: ['B'], ms: 1 });
    // Stray messages: an unknown id, not a response at all, a duplicate answer.
    w.reply({ type: 'result', id: 999, ok: true, value: 'nobody', ms: 1 });
    w.emit('message', { data: { hello: 'world' } });
    w.emit('message', { data: null });
    w.reply({ type: 'result', id: idA, ok: true, value: 'A', ms: 1 });
    w.reply({ type: 'result', id: idA, ok: true, value: 'A again', ms: 1 });
    await expect(a).resolves.toMatchObject({ value: 'A', mode: 'worker' });
    await expect(b).resolves.toMatchObject({ value: ['B'], mode: 'worker' });
    // Later requests go to the same worker with new ids.
    void client.analyze(tiny, {});
    expect(w.sent).toHaveLength(3);
    expect(new Set(w.sent.map((m) => m.id)).size).toBe(3);
  });

  test('an error in the engine comes back as that request\'s error, explained like one thrown here', async () => {
    const { client, workers } = setup();
    const p = client.analyze(tiny, {});
    const w = workers[0];
    w.ready();
    w.reply({ type: 'result', id: w.sent[0].id, ok: false, error: serializeError(new HostError('protected-sheet', { sheet: 'APBD' })) });
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'HostError', code: 'protected-sheet', detail: { sheet: 'APBD' } });
    expect(errorMessage(e, 'id')).toBe(errorMessage(new HostError('protected-sheet', { sheet: 'APBD' }), 'id'));
    // The worker is fine: the next request goes to it.
    void client.analyze(tiny, {});
    expect(workers).toHaveLength(1);
    expect(w.terminated).toBe(false);
  });

  test('an exception inside the worker\'s handler answers with its message (real handler, loopback)', async () => {
    const client = new EngineClient({ spawn: () => new LoopbackWorker(), local: () => Promise.reject(new Error('not used')), onEvent: () => undefined });
    const broken = { sheets: [{ name: 'X' }] } as unknown as WorkbookSnapshot;
    const e = await client.analyze(broken, { lang: 'en' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name).toBe('TypeError');
    expect(errorMessage(e, 'en')).toMatch(/^An unexpected error occurred \(.+\)\. The checker changed no cell\./);
  });

  test('warm() starts the worker once, before any request', () => {
    const { client, workers } = setup();
    client.warm();
    client.warm();
    expect(workers).toHaveLength(1);
    void client.analyze(tiny, {});
    expect(workers).toHaveLength(1);
    expect(workers[0].sent).toHaveLength(1);
  });
});

describe('engine client fallbacks: the pane still checks', () => {
  test('no Worker in this environment: everything runs here, the engine chunk loaded once', async () => {
    const { client, localCalls, loads } = setup({ spawn: null });
    expect(client.mode).toBe('main');
    const run = await client.analyze(ntt, { lang: 'id' });
    expect(run.mode).toBe('main');
    expect(run.value).toEqual(analyze(ntt, { lang: 'id' }));
    await client.tableSpecs(ntt, { lang: 'id' });
    expect(localCalls).toEqual(['analyze', 'tableSpecs']);
    expect(loads()).toBe(1);
  });

  test('the busy state may paint before work runs here (beforeLocal)', async () => {
    const order: string[] = [];
    const { client } = setup({
      spawn: null,
      beforeLocal: async () => {
        order.push('paint');
      },
      local: async () => ({
        analyze: () => {
          order.push('analyze');
          return { report: { tables: [], findings: [] }, plan: { edits: [], skipped: [] }, sheetNames: [] };
        },
        tableSpecs: () => [],
      }),
    });
    await client.analyze(tiny, {});
    expect(order).toEqual(['paint', 'analyze']);
  });

  test('new Worker() throws (file://, CSP, a strict webview): this thread, and no second try', async () => {
    let tries = 0;
    const { client, events } = setup({
      spawn: () => {
        tries++;
        throw new Error('SecurityError: Failed to construct Worker');
      },
    });
    const run = await client.analyze(tiny, {});
    expect(run.mode).toBe('main');
    await client.analyze(tiny, {});
    expect(tries).toBe(1);
    expect(client.mode).toBe('main');
    expect(events).toEqual([{ kind: 'fallback', reason: expect.stringContaining('Failed to construct Worker') }]);
  });

  test('the worker fails to start (error before ready): work already sent is done here, nothing lost', async () => {
    const { client, workers, localCalls, events } = setup();
    const a = client.analyze(ntt, { lang: 'id' });
    const b = client.tableSpecs(ntt, { lang: 'id' });
    const w = workers[0];
    let prevented = false;
    w.emit('error', { message: 'NetworkError: script 404', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(w.terminated).toBe(true);
    await expect(a).resolves.toMatchObject({ mode: 'main', value: analyze(ntt, { lang: 'id' }) });
    await expect(b).resolves.toMatchObject({ mode: 'main' });
    expect(localCalls).toEqual(['analyze', 'tableSpecs']);
    expect(events[0]).toEqual({ kind: 'fallback', reason: expect.stringContaining('failed to start: NetworkError: script 404') });
    // From now on this thread; the failed worker's late messages change nothing.
    w.ready();
    w.reply({ type: 'result', id: w.sent[0].id, ok: true, value: 'late', ms: 1 });
    await expect(client.analyze(tiny, {})).resolves.toMatchObject({ mode: 'main' });
    expect(workers).toHaveLength(1);
  });

  test('the worker never says ready: after the start timeout its work is done here', async () => {
    const { client, workers, timers, events } = setup({ startTimeoutMs: 5000 });
    const p = client.analyze(tiny, {});
    expect(timers).toHaveLength(1);
    timers[0]();
    await expect(p).resolves.toMatchObject({ mode: 'main' });
    expect(workers[0].terminated).toBe(true);
    expect(events[0].reason).toContain('did not start within 5000 ms');
  });

  test('the start timeout does nothing once the worker is ready', async () => {
    const { client, workers, timers } = setup();
    const p = client.analyze(tiny, {});
    const w = workers[0];
    w.ready();
    timers[0]();
    expect(w.terminated).toBe(false);
    w.reply({ type: 'result', id: w.sent[0].id, ok: true, value: 'ok', ms: 1 });
    await expect(p).resolves.toMatchObject({ mode: 'worker', value: 'ok' });
  });

  test('a request that cannot be cloned runs here; the worker stays for the next one', async () => {
    const { client, workers, events } = setup();
    client.warm();
    const w = workers[0];
    w.ready();
    w.throwOnPost = Object.assign(new Error('could not be cloned'), { name: 'DataCloneError' });
    await expect(client.analyze(tiny, {})).resolves.toMatchObject({ mode: 'main' });
    expect(events[0]).toEqual({ kind: 'fallback', reason: expect.stringContaining('could not be cloned') });
    w.throwOnPost = null;
    const next = client.analyze(tiny, {});
    expect(w.sent).toHaveLength(1);
    w.reply({ type: 'result', id: w.sent[0].id, ok: true, value: 'worker', ms: 1 });
    await expect(next).resolves.toMatchObject({ mode: 'worker' });
  });

  test('a real DataCloneError from structured clone (a function in the options) also falls back', async () => {
    const client = new EngineClient({ spawn: () => new LoopbackWorker(), local: async () => ENGINE_OPS, onEvent: () => undefined });
    const opts = { lang: 'id' as const, extra: () => 1 };
    await expect(client.analyze(tiny, opts)).resolves.toMatchObject({ mode: 'main' });
  });

  test('the engine chunk for this thread fails to load: a clear error, and a later try loads it again', async () => {
    let fail = true;
    let loads = 0;
    const { client } = setup({
      spawn: null,
      local: async () => {
        loads++;
        if (fail) throw Object.assign(new Error('Loading chunk engine failed.'), { name: 'ChunkLoadError' });
        return ENGINE_OPS;
      },
    });
    const e = await client.analyze(tiny, {}).catch((x: unknown) => x);
    expect(errorMessage(e, 'id')).toBe('Bagian pemeriksa tidak dapat dimuat (Loading chunk engine failed.). Tutup lalu buka kembali panel ini.');
    fail = false;
    await expect(client.analyze(tiny, {})).resolves.toMatchObject({ mode: 'main' });
    expect(loads).toBe(2);
  });
});

describe('engine client: a worker that dies after starting', () => {
  test('its work fails with a clear message (no cell changed, try again); the next check gets a new worker', async () => {
    const { client, workers, events, localCalls } = setup();
    const a = client.analyze(tiny, {});
    const w = workers[0];
    w.ready();
    w.emit('error', { message: 'Uncaught RangeError: out of memory' });
    const e = await a.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EngineWorkerError);
    expect(errorMessage(e, 'id')).toBe(
      'Pemeriksaan di latar belakang berhenti sebelum selesai (Uncaught RangeError: out of memory). Pemeriksaan tidak mengubah sel apa pun. Tekan "Periksa buku kerja" lagi; jika terulang, tutup lalu buka kembali panel ini.',
    );
    expect(errorMessage(e, 'en')).toContain('The background check stopped before it finished');
    expect(w.terminated).toBe(true);
    expect(localCalls).toEqual([]); // not silently re-run on the pane's thread
    expect(events).toEqual([{ kind: 'crash', reason: 'Uncaught RangeError: out of memory' }]);

    const b = client.analyze(tiny, {});
    expect(workers).toHaveLength(2);
    const w2 = workers[1];
    w2.ready();
    w2.reply({ type: 'result', id: w2.sent[0].id, ok: true, value: 'fine', ms: 1 });
    await expect(b).resolves.toMatchObject({ mode: 'worker', value: 'fine' });
    // A late answer from the dead worker is ignored.
    w.reply({ type: 'result', id: w.sent[0].id, ok: true, value: 'ghost', ms: 1 });
  });

  test('after maxCrashes in a row the client stays on this thread', async () => {
    const { client, workers } = setup({ maxCrashes: 2 });
    for (let i = 0; i < 2; i++) {
      const p = client.analyze(tiny, {});
      const w = workers[i];
      w.ready();
      w.emit('error', { message: `crash ${i}` });
      await expect(p).rejects.toBeInstanceOf(EngineWorkerError);
    }
    expect(client.mode).toBe('main');
    await expect(client.analyze(tiny, {})).resolves.toMatchObject({ mode: 'main' });
    expect(workers).toHaveLength(2);
  });

  test('an unreadable answer (messageerror) fails the work under way with the same clear error', async () => {
    const { client, workers } = setup();
    const p = client.analyze(tiny, {});
    workers[0].ready();
    workers[0].emit('messageerror', {});
    await expect(p).rejects.toBeInstanceOf(EngineWorkerError);
  });

  test('dispose() stops the worker and fails what it had', async () => {
    const { client, workers } = setup();
    const p = client.analyze(tiny, {});
    client.dispose();
    await expect(p).rejects.toBeInstanceOf(EngineWorkerError);
    expect(workers[0].terminated).toBe(true);
  });
});
