/**
 * WorkbookHost for the browser preview: an .xlsx opened in memory (a bundled
 * sample or a file the person picks), with the same rules as Excel's host:
 * edits are checked against the state the check saw, recorded, and can be
 * undone exactly. selectCell shows the cell in the preview's read-only grid.
 *
 * Nothing leaves the browser: the samples are fetched from this page's own
 * origin, picked files are read locally.
 */
import { FixNeedsXlsxError, legacyFormatOf } from '../xlsx/errors';
import { legacyKindOf } from '../xlsx/sniff';
import { parseA1, toA1 } from '../core/a1';
import type { CellEdit, CellState } from '../core/fixes/types';
import type { IgnoreEntry } from '../core/ignore';
import { decodeIgnoreList, encodeIgnoreList } from '../core/ignoreCodec';
import type { Lang } from '../core/findings';
import type { RawValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../core/snapshot';
import type { SheetPlan } from '../core/tables/sheetPlan';
import { TableOutputError, type InsertedTable, type InsertWhere, type TableOutputHost } from '../host/tableOutput';
import { DEFAULT_SETTINGS, HostError, type FixedCell, type LakipSettings, type ReadProgress, type ReadScope, type WorkbookHost } from '../host/types';
import type { SheetStyles } from './tableInsert';

type PreviewEngine = typeof import('./previewEngine');
type PreviewWriter = typeof import('./previewWriter');
let enginePromise: Promise<PreviewEngine> | undefined;
export function loadPreviewEngine(): Promise<PreviewEngine> {
  enginePromise ??= import(/* webpackChunkName: "xlsx" */ './previewEngine');
  return enginePromise;
}
let writerPromise: Promise<PreviewWriter> | undefined;
/** The download's writers (JSZip), fetched on the first download; a failed fetch is tried again. */
function loadPreviewWriter(): Promise<PreviewWriter> {
  writerPromise ??= import(/* webpackChunkName: "xlsx-patch" */ './previewWriter').catch((e: unknown) => {
    writerPromise = undefined;
    throw e;
  });
  return writerPromise;
}

export interface CellPos {
  sheet: string;
  address: string;
}

export interface PreviewState {
  /** File name of the open workbook ('' before the first one is open). */
  name: string;
  snapshot: WorkbookSnapshot | null;
  /** True while the workbook named is opened with openLater and its snapshot is not read yet (and not failed). */
  loading: boolean;
  /** Sheet shown in the grid. */
  activeSheet: string | null;
  /** The cell the pane last selected. */
  selected: CellPos | null;
  /** Bumped on every change, so the grid re-renders. */
  version: number;
  /** Formatting of the tables inserted by the pane, per sheet (the snapshot itself holds no formats). */
  styles: Record<string, SheetStyles>;
}

/** One cell exactly as it was before the first fix touched it. */
interface SavedCell {
  sheet: string;
  address: string;
  /** Whether the cell was inside the sheet's arrays; if not, it was empty. */
  inside: boolean;
  value: RawValue;
  text: string;
  formula: RawValue;
  numberFormat: string;
  valueType: ValueType;
  /** The finding of the first fix that touched the cell. */
  finding: { code: string; cell: string };
  /** ISO time of that fix. */
  at: string;
}

const ignoreKeyFor = (name: string) => `lakip.preview.ignore-list:${name}`;

function sameState(a: CellState, b: CellState): boolean {
  if ((a.formula ?? '') !== (b.formula ?? '')) return false;
  if (!a.formula && a.value !== b.value) return false;
  return a.numberFormat === b.numberFormat;
}

function at(sheet: SheetSnapshot, address: string): { r: number; c: number } | null {
  const p = parseA1(address);
  if (!p) return null;
  return { r: p.row - sheet.origin.row, c: p.col - sheet.origin.col };
}

export interface PreviewEnv {
  lang: Lang;
  theme: 'light' | 'dark';
  /** Same-origin fetch for the bundled samples. */
  fetch?: typeof fetch;
  /** Where the ignore list of each opened file is kept (localStorage when not given). */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export class PreviewHost implements WorkbookHost, TableOutputHost {
  readonly kind = 'preview' as const;
  private state: PreviewState = { name: '', snapshot: null, loading: false, activeSheet: null, selected: null, version: 0, styles: {} };
  /** A workbook shown as open whose bytes are read on first need (openLater). */
  private later: { name: string; load: () => Promise<Uint8Array>; settings: Partial<LakipSettings>; attempt?: Promise<void> } | null = null;
  private readonly listeners = new Set<() => void>();
  /** Cells as they were before the first fix, in the order they were first touched. */
  private saved: SavedCell[] = [];
  /** The file as opened, for the download: the fixes are written into these bytes, nothing else is rewritten. */
  private opened: { bytes: Uint8Array; snapshot: WorkbookSnapshot } | null = null;
  private settings: LakipSettings = { ...DEFAULT_SETTINGS };

  constructor(private env: PreviewEnv) {}

  // --- for the preview page -------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PreviewState => this.state;

  setEnv(env: Partial<PreviewEnv>): void {
    this.env = { ...this.env, ...env };
  }

  private update(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const l of this.listeners) l();
  }

  /**
   * Open a workbook from its bytes; the revert log and settings start afresh, as with
   * another file in Excel, from the settings the workbook carries (a bundled sample's scale).
   */
  async openBuffer(bytes: Uint8Array, name: string, settings: Partial<LakipSettings> = {}): Promise<void> {
    const { readWorkbookBuffer } = await loadPreviewEngine();
    const snapshot = await readWorkbookBuffer(bytes, name);
    this.opened = { bytes, snapshot };
    this.later = null;
    this.saved = [];
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    const first = snapshot.sheets.find((s) => s.visibility === 'Visible') ?? snapshot.sheets[0];
    this.update({ name, snapshot, loading: false, activeSheet: first?.name ?? null, selected: null, styles: {} });
  }

  /**
   * Show `name` as the open workbook at once and read it later: its bytes
   * (`load`) and the .xlsx reader are fetched by {@link whenOpen}, which the
   * page calls once its first screen is up, or by the first check, which waits
   * for them. So the pane is usable before the reader's code arrives.
   */
  openLater(name: string, load: () => Promise<Uint8Array>, settings: Partial<LakipSettings> = {}): void {
    this.later = { name, load, settings };
    this.saved = [];
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.update({ name, snapshot: null, loading: true, activeSheet: null, selected: null, styles: {} });
  }

  /** Read the workbook given to openLater, once (a failed read is tried again on the next call). Resolves at once when nothing waits. */
  whenOpen(): Promise<void> {
    const later = this.later;
    if (!later) return Promise.resolve();
    if (!later.attempt) {
      if (!this.state.loading) this.update({ loading: true });
      later.attempt = (async () => {
        const bytes = await later.load();
        // Another workbook opened meanwhile: this one is no longer wanted.
        if (this.later !== later) return;
        await this.openBuffer(bytes, later.name, later.settings);
      })().catch((e: unknown) => {
        if (this.later === later) {
          later.attempt = undefined;
          this.update({ loading: false });
        }
        throw e;
      });
    }
    return later.attempt;
  }

  /** Open a bundled sample from this page's origin. */
  async openUrl(url: string, name: string): Promise<void> {
    await this.openBuffer(await this.fetchBytes(url), name);
  }

  /** The bytes of a bundled sample, from this page's origin. */
  async fetchBytes(url: string): Promise<Uint8Array> {
    const f = this.env.fetch ?? fetch;
    const res = await f(url, { credentials: 'same-origin', cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  showSheet(name: string): void {
    this.update({ activeSheet: name });
  }

  // --- TableOutputHost ---------------------------------------------------------

  /**
   * The tables into the in-memory workbook: a new sheet each, or one below
   * the other from the selected cell of the sheet shown (A1 when none is
   * selected there). Like Excel, an occupied target stops everything.
   */
  async insertTables(plans: SheetPlan[], where: InsertWhere): Promise<InsertedTable[]> {
    const snap = this.state.snapshot;
    if (!snap) throw new HostError('write-failed');
    if (plans.length === 0) return [];
    const eng = await loadPreviewEngine();
    const next = eng.applyToSnapshot(snap, []);
    const styles = { ...this.state.styles };
    const stylesOf = (sheet: string): SheetStyles => {
      const prev = styles[sheet];
      return (styles[sheet] = { cells: { ...prev?.cells }, widths: { ...prev?.widths }, edges: { ...prev?.edges } });
    };
    if (where === 'new-sheet') {
      const names: string[] = [];
      const out: InsertedTable[] = [];
      for (const plan of plans) {
        const name = eng.sheetNameFor(plan.sheetName, [...next.sheets.map((s) => s.name)]);
        names.push(name);
        const sheet = eng.emptySheet(name);
        eng.writePlan(sheet, plan, stylesOf(name));
        next.sheets.push(sheet);
        out.push({ id: plan.id, sheet: name, range: plan.range });
      }
      // The first new sheet shown from its top-left corner, nothing selected (a title merged across the table would scroll the grid).
      this.update({ snapshot: next, styles, activeSheet: names[0], selected: null });
      return out;
    }
    const name = this.state.activeSheet ?? next.sheets.find((s) => s.kind !== 'chart')?.name;
    const sheet = next.sheets.find((s) => s.name === name);
    if (!sheet || sheet.kind === 'chart') throw new HostError('write-failed', { sheet: name ?? undefined });
    const sel = this.state.selected?.sheet === sheet.name ? parseA1(this.state.selected.address) : null;
    const at = sel ?? { row: 0, col: 0 };
    const size = eng.stackSize(plans);
    const busy = eng.occupiedIn(sheet, { top: at.row, left: at.col, bottom: at.row + size.rows - 1, right: at.col + size.cols - 1 });
    if (busy) {
      const a = toA1(busy.top, busy.left);
      const address = busy.top === busy.bottom && busy.left === busy.right ? a : `${a}:${toA1(busy.bottom, busy.right)}`;
      throw new TableOutputError('target-not-empty', { sheet: sheet.name, address });
    }
    const placed = eng.stackPlans(plans, at.row, at.col);
    for (const plan of placed) eng.writePlan(sheet, plan, stylesOf(sheet.name));
    this.update({ snapshot: next, styles, activeSheet: sheet.name, selected: { sheet: sheet.name, address: toA1(at.row, at.col) } });
    return placed.map((p) => ({ id: p.id, sheet: sheet.name, range: p.range }));
  }

  // --- WorkbookHost ------------------------------------------------------------

  displayLanguage(): Lang {
    return this.env.lang;
  }

  theme(): 'light' | 'dark' {
    return this.env.theme;
  }

  async workbookName(): Promise<string> {
    return this.state.name;
  }

  async readSnapshot(onProgress?: (p: ReadProgress) => void, scope: ReadScope = 'workbook'): Promise<WorkbookSnapshot> {
    // Opened with openLater and not read yet: the check waits for it (the pane shows it is busy).
    if (!this.state.snapshot && this.later) await this.whenOpen();
    const snap = this.state.snapshot;
    if (!snap) throw new HostError('read-failed');
    const total = snap.sheets.length;
    onProgress?.({ done: total, total });
    // The snapshot is never changed in place (edits make a new one), so the engine may keep it.
    if (scope === 'workbook') return snap;
    // The grid selects one cell, never a range: a part is the sheet shown (or of the selected cell).
    const name = (scope === 'selection' ? this.state.selected?.sheet : undefined) ?? this.state.activeSheet ?? snap.sheets[0]?.name;
    return { ...snap, sheets: snap.sheets.filter((s) => s.name === name) };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const snap = this.state.snapshot;
    if (!snap?.sheets.some((s) => s.name === sheet) || !parseA1(address)) throw new HostError('read-failed', { sheet, address });
    this.update({ activeSheet: sheet, selected: { sheet, address: address.toUpperCase() } });
  }

  async applyEdits(edits: CellEdit[]): Promise<void> {
    const snap = this.state.snapshot;
    if (!snap) throw new HostError('write-failed');
    const { applyAndRecalculate, cellState, displayText } = await loadPreviewEngine();
    // Check everything first; write nothing unless every cell is as the check saw it.
    for (const e of edits) {
      const sheet = snap.sheets.find((s) => s.name === e.sheet);
      const p = parseA1(e.address);
      if (!sheet || !p) throw new HostError('write-failed', { sheet: e.sheet, address: e.address });
      if (!sameState(cellState(sheet, p.row, p.col), e.before)) throw new HostError('changed-since-check', { sheet: e.sheet, address: e.address });
    }
    const when = new Date().toISOString();
    for (const e of edits) this.remember(snap, e, when);
    // As Excel: the written cells, then every formula that depends on them, recalculated.
    const { snapshot: next, recalculated } = applyAndRecalculate(snap, edits);
    // Show them as Excel would format them (the same formatter as the rest of the grid).
    for (const e of [...edits, ...recalculated]) {
      const sheet = next.sheets.find((s) => s.name === e.sheet)!;
      const rc = at(sheet, e.address)!;
      sheet.text[rc.r][rc.c] = displayText(sheet.values[rc.r][rc.c], sheet.valueTypes[rc.r][rc.c], sheet.numberFormat[rc.r][rc.c]);
    }
    const last = edits[edits.length - 1];
    this.update({ snapshot: next, ...(last ? { activeSheet: last.sheet, selected: { sheet: last.sheet, address: last.address } } : {}) });
  }

  async revertAll(): Promise<number> {
    const snap = this.state.snapshot;
    if (!snap || this.saved.length === 0) throw new HostError('nothing-to-revert');
    const n = this.saved.length;
    await this.restore(snap, this.saved);
    return n;
  }

  async revertLogEntries(): Promise<FixedCell[]> {
    const snap = this.state.snapshot;
    if (!snap || this.saved.length === 0) return [];
    const { cellState } = await loadPreviewEngine();
    return this.saved.map((s) => {
      const sheet = snap.sheets.find((x) => x.name === s.sheet);
      const p = parseA1(s.address)!;
      // The same reading as the fix plan's (cellState): what the check saw before the fix.
      const before = typeof s.formula === 'string' && s.formula.startsWith('=') ? { value: '', formula: s.formula, numberFormat: s.numberFormat } : { value: s.value, numberFormat: s.numberFormat };
      const cell: FixedCell = { sheet: s.sheet, address: s.address, before, finding: s.finding, at: s.at };
      if (sheet) cell.now = cellState(sheet, p.row, p.col);
      return cell;
    });
  }

  async revertCells(cells: { sheet: string; address: string }[]): Promise<number> {
    const snap = this.state.snapshot;
    if (!snap) throw new HostError('write-failed');
    const wanted = new Set(
      cells.map((c) => {
        const p = parseA1(c.address);
        if (!p) throw new HostError('write-failed', { sheet: c.sheet, address: c.address });
        return `${c.sheet}\u0000${toA1(p.row, p.col)}`;
      }),
    );
    const chosen = this.saved.filter((s) => wanted.has(`${s.sheet}\u0000${s.address}`));
    if (chosen.length === 0) return 0;
    // As in Excel: a sheet gone since the fix stops everything before a cell is written.
    for (const s of chosen) if (!snap.sheets.some((x) => x.name === s.sheet)) throw new HostError('changed-since-check', { sheet: s.sheet, address: s.address });
    await this.restore(snap, chosen);
    return chosen.length;
  }

  /** Write the saved states back into a copy of the snapshot and drop them from the log. */
  private async restore(snap: WorkbookSnapshot, cells: SavedCell[]): Promise<void> {
    const { applyToSnapshot, recalculateDependents, displayText } = await loadPreviewEngine();
    // A copy of the arrays (no edits) so the current snapshot stays untouched.
    const next = applyToSnapshot(snap, []);
    for (const s of [...cells].reverse()) {
      const sheet = next.sheets.find((x) => x.name === s.sheet);
      const rc = sheet && at(sheet, s.address);
      if (!sheet || !rc || rc.r < 0 || rc.c < 0 || rc.r >= sheet.values.length || rc.c >= (sheet.values[rc.r]?.length ?? 0)) continue;
      sheet.values[rc.r][rc.c] = s.value;
      sheet.text[rc.r][rc.c] = s.text;
      sheet.formulas[rc.r][rc.c] = s.formula;
      sheet.numberFormat[rc.r][rc.c] = s.numberFormat;
      sheet.valueTypes[rc.r][rc.c] = s.valueType;
    }
    // What depended on the restored cells follows them back, as Excel recalculates it.
    for (const d of recalculateDependents(next, cells)) {
      const sheet = next.sheets.find((s) => s.name === d.sheet)!;
      const rc = at(sheet, d.address)!;
      sheet.text[rc.r][rc.c] = displayText(sheet.values[rc.r][rc.c], sheet.valueTypes[rc.r][rc.c], sheet.numberFormat[rc.r][rc.c]);
    }
    const gone = new Set(cells);
    this.saved = this.saved.filter((s) => !gone.has(s));
    this.update({ snapshot: next });
  }

  async revertLogSize(): Promise<number> {
    return this.saved.length;
  }

  async loadSettings(): Promise<LakipSettings> {
    return { ...this.settings };
  }

  async saveSettings(s: LakipSettings): Promise<void> {
    this.settings = { scale: s.scale, pusatMarker: s.pusatMarker };
  }

  /**
   * The preview cannot save into the file the person opened, so the list it
   * stands in for is kept in this browser under the workbook's name: reopening the
   * same file (or reloading the page) shows it again. Until something is stored,
   * the list the file itself carries (made in Excel) is used.
   */
  async loadIgnoreList(): Promise<IgnoreEntry[]> {
    await this.whenOpen();
    const stored = this.storage()?.getItem(ignoreKeyFor(this.state.name));
    if (stored) {
      try {
        return decodeIgnoreList(stored);
      } catch {
        // fall back to the file's own list
      }
    }
    return [...(this.state.snapshot?.ignored ?? [])];
  }

  async saveIgnoreList(entries: IgnoreEntry[]): Promise<void> {
    const storage = this.storage();
    if (!storage) throw new HostError('write-failed');
    try {
      storage.setItem(ignoreKeyFor(this.state.name), encodeIgnoreList(entries));
    } catch (e) {
      throw new HostError('write-failed', undefined, e);
    }
  }

  private storage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
    if (this.env.storage) return this.env.storage;
    try {
      return (globalThis as { localStorage?: Storage }).localStorage;
    } catch {
      return undefined; // storage blocked by the browser's settings
    }
  }

  /**
   * The opened file with the fixes applied here written into its own cells (every other
   * part kept byte for byte) and the ignore list stored as Excel would store it, so it
   * can be saved and opened in Excel or checked with lakip. Tables inserted in the
   * preview are not part of it: they exist only in the preview's grid.
   */
  async fixedWorkbook(): Promise<{ data: Uint8Array; written: number; skipped: number }> {
    await this.whenOpen();
    const opened = this.opened;
    if (!opened) throw new HostError('read-failed');
    // Fixes are written only into an .xlsx/.xlsm package; an .xls, .ods or web export is said so.
    const legacy = legacyKindOf(opened.bytes);
    if (legacy) throw new FixNeedsXlsxError(this.state.name, legacyFormatOf(legacy, opened.bytes));
    const { patchCells, withIgnoreListPart } = await loadPreviewWriter();
    const edits: CellEdit[] = (await this.revertLogEntries())
      .filter((c) => c.now !== undefined)
      .map((c) => ({ sheet: c.sheet, address: c.address, before: c.before, after: c.now!, finding: c.finding ?? { code: 'edit', cell: c.address } }));
    let data = opened.bytes;
    let written = 0;
    let skipped = 0;
    if (edits.length > 0) {
      const r = await patchCells(opened.bytes, edits, { name: this.state.name, snapshot: opened.snapshot });
      data = r.data;
      written = r.written.length;
      skipped = r.skipped.length;
    }
    data = await withIgnoreListPart(data, await this.loadIgnoreList());
    return { data, written, skipped };
  }

  /** Record a cell's exact state the first time a fix touches it. */
  private remember(snap: WorkbookSnapshot, edit: CellEdit, when: string): void {
    const { sheet: sheetName } = edit;
    const p = parseA1(edit.address)!;
    const address = toA1(p.row, p.col);
    if (this.saved.some((s) => s.sheet === sheetName && s.address === address)) return;
    const sheet = snap.sheets.find((s) => s.name === sheetName)!;
    const rc = at(sheet, address)!;
    const inside = rc.r >= 0 && rc.c >= 0 && rc.r < sheet.values.length && rc.c < (sheet.values[rc.r]?.length ?? 0);
    this.saved.push({
      sheet: sheetName,
      address,
      inside,
      value: inside ? sheet.values[rc.r][rc.c] : '',
      text: inside ? sheet.text[rc.r][rc.c] : '',
      formula: inside ? sheet.formulas[rc.r][rc.c] : '',
      numberFormat: inside ? sheet.numberFormat[rc.r][rc.c] : 'General',
      valueType: inside ? sheet.valueTypes[rc.r][rc.c] : 'Empty',
      finding: edit.finding,
      at: when,
    });
  }
}
