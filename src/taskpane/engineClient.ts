/**
 * The pane's side of the engine worker: sends each check (or report-table
 * build) to the worker with a request id and resolves with the result of that
 * id, so the pane's thread stays free (spinner turning, Excel responsive)
 * however long the work takes.
 *
 * Falls back to running the same code on this thread (a lazy chunk) when
 * there is no Worker, when creating one throws (file://, a strict webview,
 * CSP), or when the worker fails to start (an error, or no 'ready' in time);
 * work already sent is then done here, nothing is lost. A worker that dies
 * after starting fails only the work it had, with an EngineWorkerError the
 * pane explains ("nothing was changed, try again"); the next request starts a
 * fresh worker, and after `maxCrashes` the client stays on this thread.
 *
 * Pure (no DOM): the Worker is injected as `spawn`, so tests use a fake.
 */
import type { AnalyzeOptions } from '../core/model';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { TableBuildOptions } from '../core/tables/build';
import type { TableSpec } from '../core/tables/types';
import type { Analysis } from './analysis';
import { deserializeError, isEngineResponse, type EngineOp, type EngineOps, type EngineRequest, type EngineResult } from './engineProtocol';

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (e: { data?: unknown; message?: string; preventDefault?(): void }) => void): void;
}

export type EngineMode = 'worker' | 'main';

export interface EngineRun<T> {
  value: T;
  /** Where the work ran. */
  mode: EngineMode;
  /** From the request to the result, in ms (on the worker: cloning both ways included). */
  ms: number;
}

export interface EngineEvent {
  kind: 'fallback' | 'crash';
  reason: string;
}

export interface EngineClientOptions {
  /** Starts a worker; null when this environment has none. May throw (CSP, file://, a webview without workers). */
  spawn: (() => WorkerLike) | null;
  /** The same operations on this thread, fetched on first need. */
  local: () => Promise<EngineOps>;
  /** Awaited before work runs on this thread (it blocks): lets the busy state paint first. */
  beforeLocal?: () => Promise<void>;
  /** A worker that has not said 'ready' by then counts as failed to start. Default 20 000 ms. */
  startTimeoutMs?: number;
  /** Workers that may die after starting before the client stays on this thread. Default 2. */
  maxCrashes?: number;
  /** Told when the client falls back to this thread or a worker dies; default console.warn. */
  onEvent?: (e: EngineEvent) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The worker died (or answered something unreadable) while checking. Nothing in the workbook was changed. */
export class EngineWorkerError extends Error {
  override readonly name = 'EngineWorkerError';
  constructor(readonly detail: string) {
    super(`engine worker stopped: ${detail}`);
  }
}

interface Pending {
  id: number;
  op: EngineOp;
  snapshot: WorkbookSnapshot;
  options: AnalyzeOptions;
  t0: number;
  resolve(run: EngineRun<unknown>): void;
  reject(e: unknown): void;
}

type State = 'idle' | 'starting' | 'ready' | 'off';

function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

export class EngineClient {
  private worker: WorkerLike | null = null;
  private state: State;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes = 0;
  private startTimer: unknown = undefined;
  private localOps: Promise<EngineOps> | undefined;
  /** Where the last finished request ran. */
  lastMode: EngineMode | null = null;
  private readonly now: () => number;

  constructor(private readonly opts: EngineClientOptions) {
    this.state = opts.spawn ? 'idle' : 'off';
    this.now = opts.now ?? (() => globalThis.performance?.now() ?? Date.now());
  }

  /** 'worker' while a worker is (or may be) used, 'main' once the client runs everything on this thread. */
  get mode(): EngineMode {
    return this.state === 'off' ? 'main' : 'worker';
  }

  analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions): Promise<EngineRun<Analysis>> {
    return this.run('analyze', snapshot, options);
  }

  tableSpecs(snapshot: WorkbookSnapshot, options: TableBuildOptions): Promise<EngineRun<TableSpec[]>> {
    return this.run('tableSpecs', snapshot, options);
  }

  /** Start the worker ahead of the first check (when the pane is idle). */
  warm(): void {
    this.ensureWorker();
  }

  /** Stop the worker; work under way fails with EngineWorkerError. */
  dispose(): void {
    const list = [...this.pending.values()];
    this.pending.clear();
    this.stopWorker();
    this.state = 'off';
    for (const p of list) p.reject(new EngineWorkerError('closed'));
  }

  run<K extends EngineOp>(op: K, snapshot: WorkbookSnapshot, options: AnalyzeOptions): Promise<EngineRun<EngineResult<K>>> {
    return new Promise<EngineRun<unknown>>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, op, snapshot, options, t0: this.now(), resolve, reject };
      const w = this.ensureWorker();
      if (!w) {
        this.runHere(p);
        return;
      }
      this.pending.set(p.id, p);
      try {
        w.postMessage({ id: p.id, op, snapshot, options } satisfies EngineRequest);
      } catch (e) {
        // This request cannot be cloned (e.g. a custom scale holding functions): this thread does it; the worker stays.
        this.pending.delete(p.id);
        this.event({ kind: 'fallback', reason: `request not sent to the worker: ${describe(e)}` });
        this.runHere(p);
      }
    }) as Promise<EngineRun<EngineResult<K>>>;
  }

  // --- the worker -------------------------------------------------------------

  private ensureWorker(): WorkerLike | null {
    if (this.state === 'off') return null;
    if (this.worker) return this.worker;
    let w: WorkerLike;
    try {
      w = this.opts.spawn!();
    } catch (e) {
      this.giveUp(`the worker could not be created: ${describe(e)}`);
      return null;
    }
    this.worker = w;
    this.state = 'starting';
    w.addEventListener('message', (e) => this.onMessage(w, e.data));
    w.addEventListener('error', (e) => this.onError(w, e));
    w.addEventListener('messageerror', () => this.onMessageError(w));
    const set = this.opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    const timeout = this.opts.startTimeoutMs ?? 20_000;
    this.startTimer = set(() => {
      if (this.worker === w && this.state === 'starting') this.giveUp(`the worker did not start within ${timeout} ms`);
    }, timeout);
    return w;
  }

  private onMessage(w: WorkerLike, data: unknown): void {
    if (w !== this.worker || !isEngineResponse(data)) return;
    if (this.state === 'starting') {
      this.state = 'ready';
      this.clearStartTimer();
    }
    if (data.type !== 'result') return;
    const p = this.pending.get(data.id);
    if (!p) return; // an answer nobody waits for any more
    this.pending.delete(data.id);
    if (data.ok) {
      this.crashes = 0;
      this.lastMode = 'worker';
      p.resolve({ value: data.value, mode: 'worker', ms: this.now() - p.t0 });
    } else {
      this.lastMode = 'worker';
      p.reject(deserializeError(data.error));
    }
  }

  private onError(w: WorkerLike, e: { message?: string; preventDefault?(): void }): void {
    if (w !== this.worker) return;
    // Handled here: the pane says what happened; the browser need not report it as uncaught as well.
    e.preventDefault?.();
    const reason = e.message || 'error event';
    if (this.state === 'starting') {
      this.giveUp(`the worker failed to start: ${reason}`);
      return;
    }
    this.crash(reason);
  }

  private onMessageError(w: WorkerLike): void {
    if (w !== this.worker) return;
    this.crash('a result could not be read');
  }

  /** The worker died after starting: its work fails with a clear error; the next request gets a new worker. */
  private crash(reason: string): void {
    this.crashes++;
    const list = [...this.pending.values()];
    this.pending.clear();
    this.stopWorker();
    this.state = this.crashes >= (this.opts.maxCrashes ?? 2) ? 'off' : 'idle';
    this.event({ kind: 'crash', reason });
    for (const p of list) p.reject(new EngineWorkerError(reason));
  }

  /** No worker from now on; anything sent to the one that failed is done on this thread. */
  private giveUp(reason: string): void {
    const list = [...this.pending.values()];
    this.pending.clear();
    this.stopWorker();
    this.state = 'off';
    this.event({ kind: 'fallback', reason });
    for (const p of list) this.runHere(p);
  }

  private stopWorker(): void {
    this.clearStartTimer();
    const w = this.worker;
    this.worker = null;
    try {
      w?.terminate();
    } catch {
      /* already gone */
    }
  }

  private clearStartTimer(): void {
    if (this.startTimer === undefined) return;
    (this.opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.startTimer);
    this.startTimer = undefined;
  }

  // --- this thread --------------------------------------------------------------

  private loadLocal(): Promise<EngineOps> {
    this.localOps ??= this.opts.local().catch((e: unknown) => {
      this.localOps = undefined; // a later request may try again
      throw e;
    });
    return this.localOps;
  }

  private runHere(p: Pending): void {
    void (async () => {
      try {
        const ops = await this.loadLocal();
        await this.opts.beforeLocal?.();
        const value = ops[p.op](p.snapshot, p.options);
        this.lastMode = 'main';
        p.resolve({ value, mode: 'main', ms: this.now() - p.t0 });
      } catch (e) {
        p.reject(e);
      }
    })();
  }

  private event(e: EngineEvent): void {
    if (this.opts.onEvent) this.opts.onEvent(e);
    else globalThis.console?.warn(`LAKIP engine: ${e.kind === 'crash' ? 'the worker stopped' : 'checking on the pane thread'} (${e.reason})`);
  }
}
