/// <reference types="office-js" />
/**
 * A small in-memory fake of the part of the Excel JavaScript API that
 * src/excel uses, with Office.js proxy semantics:
 *  - methods and loads are queued and run, in order, at context.sync();
 *  - loaded properties (and `items`, `isNullObject`, ClientResult.value) can
 *    only be read after the sync that loaded them, else PropertyNotLoaded;
 *  - writes are applied at sync; a failing operation aborts the rest of the
 *    batch, operations before it stay applied (batches are not transactions);
 *  - worksheet proxies exist only after the collection is loaded and synced.
 * It counts syncs, records each sync's operations and the bytes of its
 * response (UTF-8 length of the JSON of everything it loaded), enforces a
 * response limit like Excel on the web, and can be told to fail a sync.
 *
 * Behaviour copied from Excel on purpose: getMergedAreasOrNullObject returns
 * only merged areas whose top-left cell lies in the range; a RangeAreas
 * address can be truncated (addressLimit); text written without an apostrophe
 * is read as Excel reads typing ('1.595' becomes a number, '=..' a formula)
 * unless the cell is text-formatted (@), where everything stays text.
 */
import { MAX_COLS, MAX_ROWS, parseA1, toA1, type RangeAddress } from '../../src/core/a1';
import { evaluateFormula } from '../../src/core/formula/evaluate';
import type { RawValue, SheetSnapshot, SheetVisibility, ValueType, WorkbookSnapshot } from '../../src/core/snapshot';
import { displayText } from '../../src/xlsx/formatText';
import Decimal from 'decimal.js';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'RichApi.Error';
  }
}

export interface SyncRecord {
  index: number;
  /** Kinds of the operations queued in this sync, in order ('load:Range', 'write:formulas', 'xml:add'...). */
  ops: string[];
  /** UTF-8 bytes of the JSON response (every loaded property and ClientResult of the sync). */
  bytes: number;
  /**
   * Estimated UTF-8 bytes of the request: the JSON of every queued action's
   * arguments (addresses, written arrays, XML) plus a fixed 64 bytes per
   * action and per range proxy for Office.js's own framing.
   */
  requestBytes: number;
  error?: string;
}

interface Op {
  kind: string;
  /** The action's arguments as they would travel in the request (written arrays, XML, loaded property names). */
  payload?: unknown;
  /** Runs at sync; may return data for the response and a commit run only when the whole sync succeeded. */
  run: () => { response?: unknown; commit?: () => void } | void;
}

interface Cell {
  value: RawValue;
  formula?: string;
  text: string;
  numberFormat: string;
  type: ValueType;
}

const ERROR_TEXT = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)$/;

/** A worksheet's cells as dense arrays from `origin`, grown on writes. */
/** Formatting of one cell as the table writer sets it (only what was set). */
export interface FakeCellFormat {
  bold?: boolean;
  italic?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  fill?: string;
  /** Per edge of the cell: 'Continuous/Thin/#000000'. */
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
}

/** Excel's default column width (8.43 characters) in points. */
export const DEFAULT_COLUMN_WIDTH = 48;

export class FakeSheet {
  protected = false;
  hiddenRows = new Set<number>();
  /** 'row,col' -> formatting set through Range.format. */
  readonly formats = new Map<string, FakeCellFormat>();
  /** Column widths and row heights set (points). */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Ranges whose rows were autofitted. */
  readonly autofitted: string[] = [];
  pageLayout: FakePageLayout = {};

  format(row: number, col: number): FakeCellFormat {
    const k = `${row},${col}`;
    let f = this.formats.get(k);
    if (!f) this.formats.set(k, (f = {}));
    return f;
  }
  origin: { row: number; col: number };
  values: RawValue[][];
  text: string[][];
  formulas: (string | null)[][];
  numberFormat: string[][];
  types: ValueType[][];
  /** Formula cells as loaded: Excel's calculation of these formulas, for when a revert writes them back. */
  readonly calculated = new Map<string, { formula: string; value: RawValue; type: ValueType; text: string }>();

  constructor(
    public name: string,
    public visibility: SheetVisibility,
    public merges: string[],
    snap?: SheetSnapshot,
  ) {
    this.origin = snap ? { ...snap.origin } : { row: 0, col: 0 };
    this.values = snap ? snap.values.map((r) => [...r]) : [];
    this.text = snap ? snap.text.map((r) => [...r]) : [];
    this.numberFormat = snap ? snap.numberFormat.map((r) => [...r]) : [];
    this.types = snap ? snap.valueTypes.map((r) => [...r]) : [];
    // A text cell spelling '=...' is text (its value is the same string), not a formula.
    this.formulas = snap
      ? snap.formulas.map((r, i) =>
          r.map((f, j) => (typeof f === 'string' && f.startsWith('=') && !(snap.valueTypes[i][j] === 'String' && snap.values[i][j] === f) ? f : null)),
        )
      : [];
    for (let r = 0; r < this.formulas.length; r++) {
      for (let c = 0; c < this.formulas[r].length; c++) {
        const f = this.formulas[r][c];
        if (f !== null) {
          this.calculated.set(`${r + this.origin.row},${c + this.origin.col}`, {
            formula: f,
            value: this.values[r][c],
            type: this.types[r][c],
            text: this.text[r][c],
          });
        }
      }
    }
    for (const h of snap?.hiddenRows ?? []) this.hiddenRows.add(h);
  }

  get width(): number {
    return this.values[0]?.length ?? 0;
  }

  /** Cells far outside the dense arrays ('row,col' -> cell): a stray value in J1048576 without a million-row array. */
  readonly far = new Map<string, Cell>();

  /** Put a value far away, leaving the dense arrays as they are. */
  putFar(row: number, col: number, value: RawValue): void {
    const type: ValueType = typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String';
    this.far.set(`${row},${col}`, { value, text: String(value), numberFormat: 'General', type });
  }

  /** The far cells inside a rectangle, as [row, col]. */
  farIn(rect: RangeAddress): [number, number][] {
    return [...this.far.keys()].map((k) => k.split(',').map(Number) as [number, number]).filter(([r, c]) => r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right);
  }

  cell(row: number, col: number): Cell {
    const stray = this.far.size > 0 ? this.far.get(`${row},${col}`) : undefined;
    if (stray) return { ...stray };
    const r = row - this.origin.row;
    const c = col - this.origin.col;
    if (r < 0 || c < 0 || r >= this.values.length || c >= this.width) return { value: '', text: '', numberFormat: 'General', type: 'Empty' };
    const f = this.formulas[r][c];
    const cell: Cell = { value: this.values[r][c], text: this.text[r][c], numberFormat: this.numberFormat[r][c], type: this.types[r][c] };
    if (f !== null) cell.formula = f;
    return cell;
  }

  /** Grow the arrays so (row, col) is inside them, in any direction. */
  private ensure(row: number, col: number): { r: number; c: number } {
    const top = Math.min(this.origin.row, row);
    const left = Math.min(this.origin.col, col);
    const empty = this.values.length === 0;
    const bottom = empty ? row : Math.max(this.origin.row + this.values.length - 1, row);
    const right = empty ? col : Math.max(this.origin.col + this.width - 1, col);
    const addTop = empty ? 0 : this.origin.row - top;
    const addLeft = empty ? 0 : this.origin.col - left;
    const height = bottom - top + 1;
    const width = right - left + 1;
    if (empty || addTop || addLeft || height > this.values.length || width > this.width) {
      const grow = <T>(rows: T[][], fill: T): T[][] => {
        const out: T[][] = [];
        for (let r = 0; r < height; r++) {
          const src = empty ? undefined : rows[r - addTop];
          const line: T[] = new Array(width);
          for (let c = 0; c < width; c++) line[c] = src && c - addLeft >= 0 && c - addLeft < src.length ? src[c - addLeft] : fill;
          out.push(line);
        }
        return out;
      };
      this.values = grow<RawValue>(this.values, '');
      this.text = grow(this.text, '');
      this.formulas = grow<string | null>(this.formulas, null);
      this.numberFormat = grow(this.numberFormat, 'General');
      this.types = grow<ValueType>(this.types, 'Empty');
      this.origin = { row: top, col: left };
    }
    return { r: row - this.origin.row, c: col - this.origin.col };
  }

  put(row: number, col: number, cell: Cell): void {
    const { r, c } = this.ensure(row, col);
    this.values[r][c] = cell.value;
    this.text[r][c] = cell.text;
    this.formulas[r][c] = cell.formula ?? null;
    this.numberFormat[r][c] = cell.numberFormat;
    this.types[r][c] = cell.type;
  }

  /** Bounds of the cells holding a value or formula (valuesOnly), or also a number format. */
  usedRect(valuesOnly: boolean): RangeAddress | null {
    let rect: RangeAddress | null = null;
    for (let r = 0; r < this.values.length; r++) {
      for (let c = 0; c < this.width; c++) {
        const used = this.types[r][c] !== 'Empty' || this.formulas[r][c] !== null || (!valuesOnly && this.numberFormat[r][c] !== 'General');
        if (!used) continue;
        const row = r + this.origin.row;
        const col = c + this.origin.col;
        if (!rect) rect = { top: row, bottom: row, left: col, right: col };
        else {
          rect.top = Math.min(rect.top, row);
          rect.bottom = Math.max(rect.bottom, row);
          rect.left = Math.min(rect.left, col);
          rect.right = Math.max(rect.right, col);
        }
      }
    }
    for (const [row, col] of this.farIn(WHOLE_SHEET)) {
      rect = rect ? { top: Math.min(rect.top, row), bottom: Math.max(rect.bottom, row), left: Math.min(rect.left, col), right: Math.max(rect.right, col) } : { top: row, bottom: row, left: col, right: col };
    }
    return rect;
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseA1(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectA1(r: RangeAddress): string {
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toA1(r.bottom, r.right)}`;
}

function parseRect(address: string): RangeAddress {
  // Entire rows ('1:1') and entire columns ('B:C'), as Excel writes a merge of whole rows.
  const rows = /^(\d+):(\d+)$/.exec(address.replace(/\$/g, ''));
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLS - 1 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(address.replace(/\$/g, ''));
  if (cols) return { ...parseRect(`${cols[1]}1:${cols[2]}${MAX_ROWS}`) };
  const parts = address.replace(/\$/g, '').split(':');
  const a = parseA1(parts[0]);
  const b = parts.length > 1 ? parseA1(parts[1]) : a;
  if (!a || !b || parts.length > 2) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

const WHOLE_SHEET: RangeAddress = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

/** 'items/name, items/protection/protected' -> ['name', 'protection/protected']. */
function propList(arg?: string | string[] | Record<string, unknown>): string[] {
  if (arg === undefined) return [];
  const list = Array.isArray(arg) ? arg : typeof arg === 'string' ? arg.split(',') : Object.keys(arg);
  return list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p !== '');
}

abstract class FakeObject {
  protected data: Record<string, unknown> = {};
  protected nullState: boolean | undefined;
  constructor(readonly fake: FakeExcel) {}

  protected abstract readonly typeName: string;

  protected prop<T>(name: string): T {
    if (!(name in this.data)) throw new FakeOfficeError('PropertyNotLoaded', `${this.typeName}.${name} was read before load() and sync()`);
    return this.data[name] as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeOfficeError('PropertyNotLoaded', `${this.typeName}.isNullObject was read before sync()`);
    return this.nullState;
  }

  /** Read the given properties now (at sync time); null objects read nothing. */
  protected abstract readNow(props: string[]): { data: Record<string, unknown>; commit?: () => void; isNull?: boolean };

  load(arg?: string | string[] | Record<string, unknown>): this {
    const props = propList(arg);
    this.fake.enqueue({
      kind: `load:${this.typeName}`,
      run: () => {
        const { data, commit, isNull } = this.readNow(props);
        return {
          response: isNull ? null : data,
          commit: () => {
            this.nullState = !!isNull;
            if (!isNull) Object.assign(this.data, data);
            commit?.();
          },
        };
      },
    });
    return this;
  }
}

export class FakeRange extends FakeObject {
  protected readonly typeName = 'Range';
  private resolved: { sheet: FakeSheet; rect: RangeAddress | null } | undefined;

  constructor(
    fake: FakeExcel,
    private readonly resolveTarget: () => { sheet: FakeSheet; rect: RangeAddress | null },
    eager = false,
  ) {
    super(fake);
    // Methods returning a range run when the batch runs (e.g. the used range is taken at that point).
    if (eager) {
      fake.enqueue({
        kind: 'call:Range',
        run: () => {
          const t = this.target();
          return { commit: () => (this.nullState = t.rect === null) };
        },
      });
    }
  }

  target(): { sheet: FakeSheet; rect: RangeAddress | null } {
    if (!this.resolved) this.resolved = this.resolveTarget();
    return this.resolved;
  }

  private rectOrThrow(): { sheet: FakeSheet; rect: RangeAddress } {
    const t = this.target();
    if (!t.rect) throw new FakeOfficeError('InvalidOperation', 'null range');
    return { sheet: t.sheet, rect: t.rect };
  }

  protected readNow(props: string[]) {
    const t = this.target();
    if (!t.rect) return { data: {}, isNull: true };
    const { sheet, rect } = { sheet: t.sheet, rect: t.rect };
    const data: Record<string, unknown> = {};
    const grid = <T>(f: (c: Cell) => T): T[][] => {
      const out: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(f(sheet.cell(r, c)));
        out.push(line);
      }
      return out;
    };
    for (const p of props) {
      switch (p) {
        case 'address':
          data.address = `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
          break;
        case 'rowIndex':
          data.rowIndex = rect.top;
          break;
        case 'columnIndex':
          data.columnIndex = rect.left;
          break;
        case 'rowCount':
          data.rowCount = rect.bottom - rect.top + 1;
          break;
        case 'columnCount':
          data.columnCount = rect.right - rect.left + 1;
          break;
        case 'values':
          data.values = grid((c) => c.value);
          break;
        case 'text':
          data.text = grid((c) => c.text);
          break;
        case 'formulas':
          data.formulas = grid((c) => c.formula ?? c.value);
          break;
        case 'numberFormat':
          data.numberFormat = grid((c) => c.numberFormat);
          break;
        case 'valueTypes':
          data.valueTypes = grid((c) =>
            this.fake.integerTypes && c.type === 'Double' && Number.isInteger(c.value) ? 'Integer' : c.type,
          );
          break;
        default:
          throw new FakeOfficeError('InvalidArgument', `the fake does not load Range.${p}`);
      }
    }
    return { data };
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): RawValue[][] {
    return this.prop('values');
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get formulas(): RawValue[][] {
    return this.prop('formulas');
  }
  set formulas(input: RawValue[][]) {
    this.write('formulas', input);
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this.write('numberFormat', input);
  }

  private write(what: 'formulas' | 'numberFormat', input: unknown[][]): void {
    const copy = input.map((r) => [...r]);
    this.fake.enqueue({
      kind: `write:${what}`,
      payload: copy,
      run: () => {
        const { sheet, rect } = this.rectOrThrow();
        if (copy.length !== rect.bottom - rect.top + 1 || copy.some((r) => r.length !== rect.right - rect.left + 1)) {
          throw new FakeOfficeError('InvalidArgument', 'the array does not match the range');
        }
        if (sheet.protected) throw new FakeOfficeError('AccessDenied', `${sheet.name} is protected`);
        if (this.fake.calculationSuspended) this.fake.staleCalculation = true;
        for (let r = 0; r < copy.length; r++) {
          for (let c = 0; c < copy[r].length; c++) {
            const row = rect.top + r;
            const col = rect.left + c;
            const v = copy[r][c];
            if (v === null || v === undefined) continue;
            if (what === 'numberFormat') this.fake.setFormat(sheet, row, col, String(v));
            else this.fake.type(sheet, row, col, v as RawValue);
          }
        }
        this.fake.writes.push({ sync: this.fake.syncCount, what, sheet: sheet.name, address: rectA1(rect) });
      },
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.fake, () => {
      const { sheet, rect } = this.rectOrThrow();
      // As Excel does: only merged areas whose top-left cell is in the range.
      const areas = sheet.merges.map(parseRect).filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
      // Documented: the method fails above 512 merged areas.
      if (areas.length > this.fake.mergedAreasLimit) throw new FakeOfficeError('GeneralException', `${areas.length} merged areas`);
      this.fake.areaQueries.push({ kind: 'merges', areas: areas.length });
      return { sheet, areas: areas.length ? areas : null };
    });
  }

  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    if (type !== 'Visible') throw new FakeOfficeError('InvalidArgument', `the fake only knows Visible special cells`);
    return new FakeRangeAreas(this.fake, () => {
      const { sheet, rect } = this.rectOrThrow();
      if (this.fake.failVisibleCells) throw new FakeOfficeError('GeneralException', 'too many areas');
      const areas: RangeAddress[] = [];
      const hidden = [...sheet.hiddenRows].filter((r) => r >= rect.top && r <= rect.bottom).sort((a, b) => a - b);
      let next = rect.top;
      for (const h of [...hidden, rect.bottom + 1]) {
        if (h > next) areas.push({ top: next, bottom: h - 1, left: rect.left, right: rect.right });
        next = h + 1;
      }
      if (areas.length > this.fake.visibleAreasLimit) throw new FakeOfficeError('GeneralException', `${areas.length} visible areas`);
      this.fake.areaQueries.push({ kind: 'visible', areas: areas.length });
      return { sheet, areas: areas.length ? areas : null };
    });
  }

  /** The sheet of the range (a navigation property: no load needed). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.target().sheet);
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.fake, () => this.rectOrThrow());
  }

  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.fake, () => {
      const { sheet, rect } = this.rectOrThrow();
      const bottom = rect.top + rows - 1;
      const right = rect.left + cols - 1;
      if (rows < 1 || cols < 1 || bottom >= MAX_ROWS || right >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'resized range outside the sheet');
      return { sheet, rect: { top: rect.top, left: rect.left, bottom, right } };
    });
  }

  /** The smallest range holding this one and `other` (same sheet). */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.fake, () => {
      const a = this.rectOrThrow();
      const b = other.rectOrThrow();
      if (a.sheet !== b.sheet) throw new FakeOfficeError('InvalidArgument', 'ranges on different sheets');
      return {
        sheet: a.sheet,
        rect: { top: Math.min(a.rect.top, b.rect.top), left: Math.min(a.rect.left, b.rect.left), bottom: Math.max(a.rect.bottom, b.rect.bottom), right: Math.max(a.rect.right, b.rect.right) },
      };
    });
  }

  getColumn(i: number): FakeRange {
    return new FakeRange(this.fake, () => {
      const { sheet, rect } = this.rectOrThrow();
      return { sheet, rect: { top: rect.top, bottom: rect.bottom, left: rect.left + i, right: rect.left + i } };
    });
  }

  /** The used cells inside this range (values only: value or formula), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.fake,
      () => {
        const { sheet, rect } = this.rectOrThrow();
        let used: RangeAddress | null = null;
        // Like Excel: with formats counted, a cell with only font, fill or borders set is used too.
        if (!valuesOnly) {
          for (const [k, f] of sheet.formats) {
            const [r, c] = k.split(',').map(Number);
            if (Object.keys(f).length === 0 || r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
            used = used ? { top: Math.min(used.top, r), bottom: Math.max(used.bottom, r), left: Math.min(used.left, c), right: Math.max(used.right, c) } : { top: r, bottom: r, left: c, right: c };
          }
        }
        for (let r = rect.top; r <= Math.min(rect.bottom, sheet.origin.row + sheet.values.length - 1); r++) {
          for (let c = rect.left; c <= Math.min(rect.right, sheet.origin.col + sheet.width - 1); c++) {
            const cell = sheet.cell(r, c);
            const isUsed = cell.type !== 'Empty' || cell.formula !== undefined || (!valuesOnly && cell.numberFormat !== 'General');
            if (!isUsed) continue;
            if (!used) used = { top: r, bottom: r, left: c, right: c };
            else {
              used.top = Math.min(used.top, r);
              used.bottom = Math.max(used.bottom, r);
              used.left = Math.min(used.left, c);
              used.right = Math.max(used.right, c);
            }
          }
        }
        for (const [r, c] of sheet.farIn(rect)) {
          used = used ? { top: Math.min(used.top, r), bottom: Math.max(used.bottom, r), left: Math.min(used.left, c), right: Math.max(used.right, c) } : { top: r, bottom: r, left: c, right: c };
        }
        return { sheet, rect: used };
      },
      true,
    );
  }

  merge(across = false): void {
    this.fake.enqueue({
      kind: 'write:merge',
      run: () => {
        const { sheet, rect } = this.rectOrThrow();
        if (sheet.protected) throw new FakeOfficeError('AccessDenied', `${sheet.name} is protected`);
        const areas: RangeAddress[] = across
          ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
          : [rect];
        for (const a of areas) {
          if (a.top === a.bottom && a.left === a.right) continue;
          const overlaps = sheet.merges.map(parseRect).some((m) => m.top <= a.bottom && a.top <= m.bottom && m.left <= a.right && a.left <= m.right);
          if (overlaps) throw new FakeOfficeError('InvalidOperation', `merge ${rectA1(a)} overlaps another merged area`);
          // Like Excel: only the top-left cell keeps its content.
          for (let r = a.top; r <= a.bottom; r++) {
            for (let c = a.left; c <= a.right; c++) {
              if (r === a.top && c === a.left) continue;
              const cell = sheet.cell(r, c);
              if (cell.type !== 'Empty' || cell.formula) sheet.put(r, c, { value: '', text: '', numberFormat: cell.numberFormat, type: 'Empty' });
            }
          }
          sheet.merges.push(rectA1(a));
        }
      },
    });
  }

  unmerge(): void {
    this.fake.enqueue({
      kind: 'write:unmerge',
      run: () => {
        const { sheet, rect } = this.rectOrThrow();
        sheet.merges = sheet.merges.filter((m) => {
          const a = parseRect(m);
          return !(a.top <= rect.bottom && rect.top <= a.bottom && a.left <= rect.right && rect.left <= a.right);
        });
      },
    });
  }

  clear(applyTo: string = 'All'): void {
    this.fake.enqueue({
      kind: 'write:clear',
      run: () => {
        const { sheet, rect } = this.rectOrThrow();
        for (let r = rect.top; r <= rect.bottom; r++) {
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = sheet.cell(r, c);
            const contents = applyTo === 'All' || applyTo === 'Contents';
            const formats = applyTo === 'All' || applyTo === 'Formats';
            if (contents || formats) {
              sheet.put(r, c, { value: contents ? '' : cell.value, text: contents ? '' : cell.text, numberFormat: formats ? 'General' : cell.numberFormat, type: contents ? 'Empty' : cell.type, ...(contents || !cell.formula ? {} : { formula: cell.formula }) });
            }
            if (formats) sheet.formats.delete(`${r},${c}`);
          }
        }
      },
    });
  }

  select(): void {
    this.fake.enqueue({
      kind: 'call:select',
      run: () => {
        const { sheet, rect } = this.rectOrThrow();
        if (this.fake.active !== sheet.name) throw new FakeOfficeError('InvalidSelection', 'select on an inactive sheet');
        this.fake.selection = { sheet: sheet.name, address: rectA1(rect) };
      },
    });
  }
}

export class FakeRangeAreas extends FakeObject {
  protected readonly typeName = 'RangeAreas';
  private resolved: { sheet: FakeSheet; areas: RangeAddress[] | null } | undefined;
  readonly areas: FakeRangeCollection;

  constructor(
    fake: FakeExcel,
    private readonly compute: () => { sheet: FakeSheet; areas: RangeAddress[] | null },
  ) {
    super(fake);
    fake.enqueue({
      kind: 'call:RangeAreas',
      run: () => {
        const r = this.target();
        return { commit: () => (this.nullState = r.areas === null) };
      },
    });
    this.areas = new FakeRangeCollection(fake, () => {
      const t = this.target();
      // Loading the areas of a filtered sheet with many bands can fail (office-js#5758, #5198).
      if ((t.areas?.length ?? 0) > fake.areasLoadLimit) throw new FakeOfficeError('GeneralException', `${t.areas!.length} areas to load`);
      return (t.areas ?? []).map((a) => new FakeRange(fake, () => ({ sheet: t.sheet, rect: a })));
    });
  }

  private target() {
    if (!this.resolved) this.resolved = this.compute();
    return this.resolved;
  }

  protected readNow(props: string[]) {
    const t = this.target();
    if (!t.areas) return { data: {}, isNull: true };
    const data: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'areaCount') data.areaCount = t.areas.length;
      else if (p === 'address') {
        const prefix = quoteSheet(t.sheet.name);
        const parts = t.areas.map((a) => `${prefix}!${rectA1(a)}`);
        let address = parts.join(', ');
        if (address.length > this.fake.addressLimit) {
          // Like Excel: cut at the last whole area that fits.
          address = '';
          for (const part of parts) {
            const next = address ? `${address}, ${part}` : part;
            if (next.length > this.fake.addressLimit) break;
            address = next;
          }
        }
        data.address = address;
      } else throw new FakeOfficeError('InvalidArgument', `the fake does not load RangeAreas.${p}`);
    }
    return { data };
  }

  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
}

class FakeCollection<T extends FakeObject> extends FakeObject {
  protected readonly typeName: string = 'Collection';
  private loadedItems: T[] | undefined;

  constructor(
    fake: FakeExcel,
    private readonly list: () => T[],
  ) {
    super(fake);
  }

  protected readNow(props: string[]) {
    const items = this.list();
    const reads = items.map((it) => (it as unknown as { readNow(p: string[]): ReturnType<FakeObject['readNow']> }).readNow(props));
    return {
      data: { items: reads.map((r) => r.data) },
      commit: () => {
        items.forEach((it, i) => {
          (it as unknown as { data: Record<string, unknown> }).data = { ...reads[i].data };
          (it as unknown as { nullState: boolean }).nullState = false;
          reads[i].commit?.();
        });
        this.loadedItems = items;
      },
    };
  }

  get items(): T[] {
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', `${this.typeName}.items was read before load() and sync()`);
    return this.loadedItems;
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  protected override readonly typeName = 'RangeCollection';
}

export class FakeProtection extends FakeObject {
  protected readonly typeName = 'WorksheetProtection';
  constructor(
    fake: FakeExcel,
    private readonly sheet: () => FakeSheet,
  ) {
    super(fake);
  }
  protected readNow(props: string[]) {
    const data: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'protected') data.protected = this.sheet().protected;
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load protection.${p}`);
    }
    return { data };
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

export class FakeWorksheet extends FakeObject {
  protected readonly typeName = 'Worksheet';
  readonly protection: FakeProtection;
  readonly pageLayout: FakePageLayoutProxy;

  constructor(
    fake: FakeExcel,
    private readonly resolveSheet: () => FakeSheet,
  ) {
    super(fake);
    this.protection = new FakeProtection(fake, () => this.sheet());
    this.pageLayout = new FakePageLayoutProxy(fake, () => this.sheet());
  }

  delete(): void {
    this.fake.enqueue({
      kind: 'call:deleteSheet',
      run: () => {
        const sheet = this.sheet();
        this.fake.sheets = this.fake.sheets.filter((x) => x !== sheet);
      },
    });
  }

  sheet(): FakeSheet {
    return this.resolveSheet();
  }

  protected readNow(props: string[]) {
    const sheet = this.sheet();
    const data: Record<string, unknown> = {};
    const nested: string[] = [];
    for (const p of props) {
      if (p === 'name') data.name = sheet.name;
      else if (p === 'visibility') data.visibility = sheet.visibility;
      else if (p.startsWith('protection/')) nested.push(p.slice('protection/'.length));
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load Worksheet.${p}`);
    }
    let commit: (() => void) | undefined;
    if (nested.length) {
      const prot = (this.protection as unknown as { readNow(p: string[]): { data: Record<string, unknown> } }).readNow(nested);
      data.protection = prot.data;
      commit = () => Object.assign((this.protection as unknown as { data: Record<string, unknown> }).data, prot.data);
    }
    return { data, commit };
  }

  get name(): string {
    return this.prop('name');
  }
  get visibility(): string {
    return this.prop('visibility');
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.fake, () => {
      const sheet = this.sheet();
      return { sheet, rect: sheet.usedRect(valuesOnly) };
    }, true);
  }

  /** Like Excel: never null, the top-left cell of a blank sheet. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.fake, () => {
      const sheet = this.sheet();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    }, true);
  }

  getRange(address?: string): FakeRange {
    this.fake.noteRequest(address ?? '');
    return new FakeRange(this.fake, () => ({ sheet: this.sheet(), rect: address === undefined ? WHOLE_SHEET : parseRect(address) }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.fake.noteRequest([row, col, rows, cols]);
    return new FakeRange(this.fake, () => ({ sheet: this.sheet(), rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }

  activate(): void {
    this.fake.enqueue({
      kind: 'call:activate',
      run: () => {
        const sheet = this.sheet();
        // A hidden sheet cannot become the active one.
        if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `${sheet.name} is hidden`);
        this.fake.active = sheet.name;
      },
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected override readonly typeName = 'WorksheetCollection';

  /** The active sheet (the first visible one when none was activated). */
  getActiveWorksheet(): FakeWorksheet {
    const fake = this.fake;
    return new FakeWorksheet(fake, () => {
      const name = fake.active ?? fake.sheets.find((x) => x.visibility === 'Visible')?.name;
      const sheet = fake.sheets.find((x) => x.name === name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'no active sheet');
      return sheet;
    });
  }

  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.fake, () => {
      const s = this.fake.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
      return s;
    });
    // getItem fails the batch when the sheet is not there.
    this.fake.enqueue({ kind: 'call:getItem', run: () => void ws.sheet() });
    return ws;
  }

  /** A new, empty worksheet at the end, as Excel adds it; Excel's naming rules are enforced. */
  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const ws = new FakeWorksheet(this.fake, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', `sheet ${name} was not added`);
      return created;
    });
    this.fake.enqueue({
      kind: 'call:addSheet',
      run: () => {
        if (this.fake.workbookProtected) throw new FakeOfficeError('AccessDenied', 'the workbook structure is protected');
        if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) throw new FakeOfficeError('InvalidArgument', `bad sheet name ${name}`);
        if (this.fake.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
        created = new FakeSheet(name, 'Visible', []);
        this.fake.sheets.push(created);
      },
    });
    return ws;
  }
}

/** Worksheet.pageLayout: what was set is kept on the sheet. */
export class FakePageLayoutProxy {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: () => FakeSheet,
  ) {}
  private set(what: string, apply: (p: FakePageLayout) => void): void {
    this.fake.enqueue({ kind: `write:pageLayout`, run: () => apply(this.sheet().pageLayout) });
    void what;
  }
  set paperSize(v: string) {
    this.set('paperSize', (p) => (p.paperSize = v));
  }
  set orientation(v: string) {
    this.set('orientation', (p) => (p.orientation = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set('zoom', (p) => (p.zoom = { ...v }));
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError('InvalidArgument', `bad print title rows ${rows}`);
    this.set('printTitleRows', (p) => (p.printTitleRows = rows));
  }
  setPrintArea(area: string): void {
    parseRect(area);
    this.set('printArea', (p) => (p.printArea = area));
  }
}

type Edge = 'top' | 'bottom' | 'left' | 'right';

/** Range.format: fonts, alignment, fill, borders, sizes; every set applies at sync to each cell of the range. */
export class FakeRangeFormat extends FakeObject {
  protected readonly typeName = 'RangeFormat';
  readonly font: { bold: boolean; italic: boolean };
  readonly fill: { color: string };
  readonly borders: { getItem(edge: string): { style: string; weight: string; color: string } };

  constructor(
    fake: FakeExcel,
    private readonly target: () => { sheet: FakeSheet; rect: RangeAddress },
  ) {
    super(fake);
    const cells = (fn: (f: FakeCellFormat, r: number, c: number, rect: RangeAddress) => void) => () => {
      const { sheet, rect } = this.target();
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', `${sheet.name} is protected`);
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(sheet.format(r, c), r, c, rect);
    };
    const setter = (kind: string, fn: (f: FakeCellFormat, r: number, c: number, rect: RangeAddress) => void) => this.fake.enqueue({ kind: `write:format`, run: cells(fn) });
    void setter;
    const font = {} as { bold: boolean; italic: boolean };
    Object.defineProperty(font, 'bold', { set: (v: boolean) => setter('bold', (f) => (f.bold = v)) });
    Object.defineProperty(font, 'italic', { set: (v: boolean) => setter('italic', (f) => (f.italic = v)) });
    this.font = font;
    const fill = {} as { color: string };
    Object.defineProperty(fill, 'color', { set: (v: string) => setter('fill', (f) => (f.fill = v)) });
    this.fill = fill;
    const edgesOf = (edge: string, r: number, c: number, rect: RangeAddress): Edge[] => {
      switch (edge) {
        case 'EdgeTop':
          return r === rect.top ? ['top'] : [];
        case 'EdgeBottom':
          return r === rect.bottom ? ['bottom'] : [];
        case 'EdgeLeft':
          return c === rect.left ? ['left'] : [];
        case 'EdgeRight':
          return c === rect.right ? ['right'] : [];
        case 'InsideHorizontal':
          return [...(r > rect.top ? (['top'] as Edge[]) : []), ...(r < rect.bottom ? (['bottom'] as Edge[]) : [])];
        case 'InsideVertical':
          return [...(c > rect.left ? (['left'] as Edge[]) : []), ...(c < rect.right ? (['right'] as Edge[]) : [])];
        default:
          throw new FakeOfficeError('InvalidArgument', `bad border index ${edge}`);
      }
    };
    this.borders = {
      getItem: (edge: string) => {
        edgesOf(edge, 0, 0, { top: 0, left: 0, bottom: 0, right: 0 });
        const part = (i: number) => (v: string) =>
          setter('border', (f, r, c, rect) => {
            for (const e of edgesOf(edge, r, c, rect)) {
              const now = (f.borders ??= {})[e]?.split('/') ?? ['', '', ''];
              now[i] = v;
              f.borders[e] = now.join('/');
            }
          });
        const item = {} as { style: string; weight: string; color: string };
        Object.defineProperty(item, 'style', { set: part(0) });
        Object.defineProperty(item, 'weight', { set: part(1) });
        Object.defineProperty(item, 'color', { set: part(2) });
        return item;
      },
    };
  }

  protected readNow(props: string[]) {
    const { sheet, rect } = this.target();
    const data: Record<string, unknown> = {};
    const same = <T>(f: (r: number, c: number) => T): T | null => {
      let v: T | undefined;
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const x = f(r, c);
          if (v === undefined) v = x;
          else if (v !== x) return null;
        }
      }
      return v ?? null;
    };
    for (const p of props) {
      if (p === 'columnWidth') data.columnWidth = same((_, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      else if (p === 'rowHeight') data.rowHeight = same((r) => sheet.rowHeights.get(r) ?? 15);
      else if (p === 'wrapText') data.wrapText = same((r, c) => !!sheet.formats.get(`${r},${c}`)?.wrapText);
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load RangeFormat.${p}`);
    }
    return { data };
  }

  get columnWidth(): number {
    return this.prop('columnWidth');
  }
  set columnWidth(v: number) {
    this.fake.enqueue({
      kind: 'write:columnWidth',
      run: () => {
        const { sheet, rect } = this.target();
        for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
      },
    });
  }
  set rowHeight(v: number) {
    this.fake.enqueue({
      kind: 'write:rowHeight',
      run: () => {
        const { sheet, rect } = this.target();
        for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
      },
    });
  }
  set horizontalAlignment(v: string) {
    this.fake.enqueue({ kind: 'write:format', run: () => this.each((f) => (f.horizontalAlignment = v)) });
  }
  set verticalAlignment(v: string) {
    this.fake.enqueue({ kind: 'write:format', run: () => this.each((f) => (f.verticalAlignment = v)) });
  }
  set wrapText(v: boolean) {
    this.fake.enqueue({ kind: 'write:format', run: () => this.each((f) => (f.wrapText = v)) });
  }
  set indentLevel(v: number) {
    this.fake.enqueue({ kind: 'write:format', run: () => this.each((f) => (f.indentLevel = v)) });
  }
  autofitRows(): void {
    this.fake.enqueue({
      kind: 'call:autofitRows',
      run: () => {
        const { sheet, rect } = this.target();
        sheet.autofitted.push(rectA1(rect));
      },
    });
  }

  private each(fn: (f: FakeCellFormat) => void): void {
    const { sheet, rect } = this.target();
    if (sheet.protected) throw new FakeOfficeError('AccessDenied', `${sheet.name} is protected`);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(sheet.format(r, c));
  }
}

export interface FakePart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export class FakeClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
  get value(): T {
    if (!this.loaded) throw new FakeOfficeError('PropertyNotLoaded', 'ClientResult.value was read before sync()');
    return this.v as T;
  }
}

export class FakeCustomXmlPart extends FakeObject {
  protected readonly typeName = 'CustomXmlPart';
  constructor(
    fake: FakeExcel,
    private readonly resolvePart: () => FakePart,
  ) {
    super(fake);
  }
  protected readNow(props: string[]) {
    const part = this.resolvePart();
    const data: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'id') data.id = part.id;
      else if (p === 'namespaceUri') data.namespaceUri = part.namespaceUri;
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load CustomXmlPart.${p}`);
    }
    return { data };
  }
  get id(): string {
    return this.prop('id');
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.fake.enqueue({
      kind: 'xml:get',
      run: () => {
        // Office hands the part back with an XML declaration.
        const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${this.resolvePart().xml}`;
        return { response: xml, commit: () => result.set(xml) };
      },
    });
    return result;
  }
  delete(): void {
    this.fake.enqueue({
      kind: 'xml:delete',
      run: () => {
        const part = this.resolvePart();
        this.fake.parts = this.fake.parts.filter((p) => p !== part);
      },
    });
  }
}

export class FakeCustomXmlPartScopedCollection extends FakeCollection<FakeCustomXmlPart> {
  protected override readonly typeName = 'CustomXmlPartScopedCollection';
}

function namespaceOf(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<[\w.:-]+(\s[^>]*)?>/.exec(xml);
  if (!m) throw new FakeOfficeError('InvalidArgument', 'not XML');
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(xml)) throw new FakeOfficeError('InvalidArgument', 'malformed XML: bare &');
  // Text content must not hold '<' outside tags: check that every '<' starts a tag.
  if (/<(?![\w/?!])/.test(xml)) throw new FakeOfficeError('InvalidArgument', 'malformed XML: bare <');
  return /\sxmlns\s*=\s*"([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '';
}

export class FakeCustomXmlPartCollection {
  constructor(private readonly fake: FakeExcel) {}

  add(xml: string): FakeCustomXmlPart {
    let part: FakePart | undefined;
    const proxy = new FakeCustomXmlPart(this.fake, () => {
      if (!part) throw new FakeOfficeError('ItemNotFound', 'part not added');
      return part;
    });
    this.fake.enqueue({
      kind: 'xml:add',
      payload: xml,
      run: () => {
        const namespaceUri = namespaceOf(xml);
        part = { id: `{${String(++this.fake.partCounter).padStart(8, '0')}-0000-4000-8000-000000000000}`, namespaceUri, xml };
        this.fake.parts.push(part);
      },
    });
    return proxy;
  }

  getByNamespace(ns: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.fake, () =>
      this.fake.parts
        .filter((p) => p.namespaceUri === ns)
        .map((p) => new FakeCustomXmlPart(this.fake, () => {
          if (!this.fake.parts.includes(p)) throw new FakeOfficeError('ItemNotFound', `part ${p.id} is gone`);
          return p;
        })),
    );
  }
}

/** Workbook.protection: the workbook's structure (adding, deleting, renaming sheets). */
export class FakeWorkbookProtection extends FakeObject {
  protected readonly typeName = 'WorkbookProtection';
  protected readNow(props: string[]) {
    const data: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'protected') data.protected = this.fake.workbookProtected;
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load WorkbookProtection.${p}`);
    }
    return { data };
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

export class FakeWorkbook extends FakeObject {
  protected readonly typeName = 'Workbook';
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly protection: FakeWorkbookProtection;

  /** The selected range (A1 of the active sheet when nothing was selected). */
  getSelectedRange(): FakeRange {
    const fake = this.fake;
    return new FakeRange(fake, () => {
      const name = fake.selection?.sheet ?? fake.active ?? fake.sheets.find((x) => x.visibility === 'Visible')?.name;
      const sheet = fake.sheets.find((x) => x.name === name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'no active sheet');
      const rect = fake.selection && fake.selection.sheet === sheet.name ? parseRect(fake.selection.address) : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, rect };
    });
  }

  /** The top-left cell of the selection (A1 of the active sheet when nothing was selected). */
  getActiveCell(): FakeRange {
    const fake = this.fake;
    return new FakeRange(fake, () => {
      const name = fake.selection?.sheet ?? fake.active ?? fake.sheets.find((x) => x.visibility === 'Visible')?.name;
      const sheet = fake.sheets.find((x) => x.name === name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'no active sheet');
      const at = fake.selection && fake.selection.sheet === sheet.name ? parseRect(fake.selection.address) : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, rect: { top: at.top, left: at.left, bottom: at.top, right: at.left } };
    });
  }

  constructor(fake: FakeExcel) {
    super(fake);
    this.worksheets = new FakeWorksheetCollection(fake, () => fake.sheets.map((s) => new FakeWorksheet(fake, () => {
      if (!fake.sheets.includes(s)) throw new FakeOfficeError('ItemNotFound', `sheet ${s.name} was deleted`);
      return s;
    })));
    this.customXmlParts = new FakeCustomXmlPartCollection(fake);
    this.protection = new FakeWorkbookProtection(fake);
  }

  protected readNow(props: string[]) {
    const data: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'name') data.name = this.fake.name;
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load Workbook.${p}`);
    }
    return { data };
  }

  get name(): string {
    return this.prop('name');
  }
}

/**
 * Application: the calculation mode, and calculation / screen updating
 * suspended until the next sync. A formula written while calculation is
 * suspended leaves the workbook stale (FakeExcel.staleCalculation) until
 * calculate() runs, as Excel leaves recalculating to the add-in.
 */
export class FakeApplication extends FakeObject {
  protected readonly typeName = 'Application';
  protected readNow(props: string[]) {
    const data: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'calculationMode') data.calculationMode = this.fake.calculationMode;
      else throw new FakeOfficeError('InvalidArgument', `the fake does not load Application.${p}`);
    }
    return { data };
  }
  get calculationMode(): string {
    return this.prop('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.fake.enqueue({ kind: 'call:suspendCalculation', run: () => void (this.fake.calculationSuspended = true) });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.fake.enqueue({ kind: 'call:suspendScreenUpdating', run: () => undefined });
  }
  calculate(type: string): void {
    this.fake.enqueue({
      kind: 'call:calculate',
      run: () => {
        this.fake.calculations.push(type);
        this.fake.staleCalculation = false;
      },
    });
  }
}

interface Failure {
  code: string;
  /** Fail the first sync holding an op of this kind (any sync when undefined)... */
  opKind?: string;
  /** ...at its (after+1)-th op of that kind: the ones before are applied. */
  after: number;
  /** Let this many matching syncs pass first. */
  skipSyncs?: number;
}

export class FakeExcel {
  sheets: FakeSheet[];
  parts: FakePart[] = [];
  partCounter = 0;
  name = 'Book1.xlsx';
  active: string | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Every sync, in order. */
  readonly syncs: SyncRecord[] = [];
  /** Every range write applied: in which sync, what, where. */
  readonly writes: { sync: number; what: string; sheet: string; address: string }[] = [];
  /** Excel on the web refuses responses over 5 MB. */
  responseLimit = 5 * 1024 * 1024;
  /** Longest RangeAreas.address before Excel cuts it (Infinity: never). */
  addressLimit = Infinity;
  /** Report whole numbers as 'Integer' value types. */
  integerTypes = false;
  /** Make getSpecialCells(Visible) fail (too many areas). */
  failVisibleCells = false;
  /** Range.getMergedAreasOrNullObject fails above this many areas (documented: 512). */
  mergedAreasLimit = 512;
  /** getSpecialCells(Visible) fails above this many areas (a filtered sheet with many bands). */
  visibleAreasLimit = Infinity;
  /** Loading RangeAreas.areas fails above this many areas. */
  areasLoadLimit = Infinity;
  /** Every merged-area and visible-cells query answered, with its number of areas. */
  readonly areaQueries: { kind: 'merges' | 'visible'; areas: number }[] = [];
  /** The workbook's structure is protected: no sheet can be added. */
  workbookProtected = false;
  /** Application.calculationMode. */
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** Set by suspendApiCalculationUntilNextSync for the rest of the sync. */
  calculationSuspended = false;
  /** A formula or value was written while calculation was suspended and no calculate() has run since. */
  staleCalculation = false;
  /** Every Application.calculate(type), in order. */
  readonly calculations: string[] = [];
  readonly application: FakeApplication;
  private queue: Op[] = [];
  private failures: Failure[] = [];
  readonly workbook: FakeWorkbook;
  readonly context: Excel.RequestContext;

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = snapshot.sheets
      .filter((s) => s.kind !== 'chart') // chart sheets are not worksheets in Office.js
      .map((s) => new FakeSheet(s.name, s.visibility, [...s.merges], s));
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
    const ctx = { workbook: this.workbook, application: this.application, sync: () => this.sync() };
    this.context = ctx as unknown as Excel.RequestContext;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Bytes a proxy adds to the next request (a range address); see SyncRecord.requestBytes. */
  noteRequest(args: unknown): void {
    this.pendingRequestBytes += 64 + Buffer.byteLength(JSON.stringify(args ?? null), 'utf8');
  }

  private pendingRequestBytes = 0;
  /** Excel on the web refuses a request over 5 MB. */
  requestLimit = 5 * 1024 * 1024;

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  protect(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  /** The next sync fails before running anything. */
  failNextSync(code: string): void {
    this.failures.push({ code, after: 0 });
  }

  /** The first sync holding an op of `opKind` fails at its (after+1)-th such op; earlier ops stay applied. */
  failAt(opKind: string, code: string, after = 0): void {
    this.failures.push({ code, opKind, after });
  }

  /** Like failAt, in the `nth` (0-based) sync that queues an `opKind`: a later chunk of a big batch. */
  failInNthSync(opKind: string, code: string, nth: number, after = 0): void {
    this.failures.push({ code, opKind, after, skipSyncs: nth });
  }

  /** Excel's input parsing of a typed value into a cell of the given format. */
  type(sheet: FakeSheet, row: number, col: number, input: RawValue): void {
    const numberFormat = sheet.cell(row, col).numberFormat;
    const cell = (value: RawValue, type: ValueType, formula?: string, text?: string): Cell => {
      const c: Cell = { value, type, numberFormat, text: text ?? displayText(value, type, numberFormat) };
      if (formula) c.formula = formula;
      return c;
    };
    if (typeof input === 'number') return sheet.put(row, col, cell(input, 'Double'));
    if (typeof input === 'boolean') return sheet.put(row, col, cell(input, 'Boolean'));
    if (input === '') return sheet.put(row, col, cell('', 'Empty'));
    if (numberFormat === '@') return sheet.put(row, col, cell(input, 'String'));
    if (input.startsWith("'")) return sheet.put(row, col, cell(input.slice(1), input.length > 1 ? 'String' : 'Empty'));
    if (input.startsWith('=') && input.length > 1) {
      const known = sheet.calculated.get(`${row},${col}`);
      if (known && known.formula === input) return sheet.put(row, col, cell(known.value, known.type, input, known.text));
      const res = evaluateFormula(input, (r, c) => {
        const v = sheet.cell(r, c).value;
        return typeof v === 'number' ? new Decimal(v) : null;
      });
      if (res.ok) return sheet.put(row, col, cell(res.value.toNumber(), 'Double', input));
      return sheet.put(row, col, res.error === 'unsupported' ? cell('', 'Empty', input) : cell(res.error, 'Error', input));
    }
    const t = input.trim();
    if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return sheet.put(row, col, cell(Number(t.replace(/,/g, '')), 'Double'));
    if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return sheet.put(row, col, cell(Number(t.slice(0, -1)) / 100, 'Double'));
    if (/^(true|false)$/i.test(t)) return sheet.put(row, col, cell(/^true$/i.test(t), 'Boolean'));
    if (ERROR_TEXT.test(t)) return sheet.put(row, col, cell(t, 'Error'));
    return sheet.put(row, col, cell(input, 'String'));
  }

  setFormat(sheet: FakeSheet, row: number, col: number, numberFormat: string): void {
    const c = sheet.cell(row, col);
    const text = c.type === 'Double' || c.type === 'Integer' ? displayText(c.value, c.type, numberFormat) : c.text;
    sheet.put(row, col, { ...c, numberFormat, text });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = this.pendingRequestBytes + ops.reduce((n, o) => n + 64 + (o.payload === undefined ? 0 : Buffer.byteLength(JSON.stringify(o.payload), 'utf8')), 0);
    this.pendingRequestBytes = 0;
    const record: SyncRecord = { index: this.syncs.length + 1, ops: ops.map((o) => o.kind), bytes: 0, requestBytes };
    this.syncs.push(record);
    await Promise.resolve();
    const fi = this.failures.findIndex((f) => f.opKind === undefined || record.ops.includes(f.opKind));
    let failure = fi >= 0 ? this.failures[fi] : undefined;
    if (failure && (failure.skipSyncs ?? 0) > 0) {
      failure.skipSyncs!--;
      failure = undefined;
    } else if (failure) this.failures.splice(fi, 1);
    const responses: unknown[] = [];
    const commits: (() => void)[] = [];
    let seen = 0;
    try {
      if (requestBytes > this.requestLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
      if (failure && failure.opKind === undefined) throw new FakeOfficeError(failure.code, `injected ${failure.code}`);
      for (const op of ops) {
        if (failure && op.kind === failure.opKind) {
          if (seen++ === failure.after) throw new FakeOfficeError(failure.code, `injected ${failure.code}`);
        }
        const out = op.run();
        if (out?.response !== undefined) responses.push(out.response);
        if (out?.commit) commits.push(out.commit);
      }
      record.bytes = Buffer.byteLength(JSON.stringify(responses), 'utf8');
      if (record.bytes > this.responseLimit) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${record.bytes} bytes`);
    } catch (e) {
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    } finally {
      this.calculationSuspended = false;
    }
    for (const c of commits) c();
  }

  /** formulas / values / numberFormat of a sheet over a fixed rectangle, for before/after comparisons. */
  cells(name: string, rect: RangeAddress): { formulas: RawValue[][]; values: RawValue[][]; numberFormat: string[][] } {
    const sheet = this.sheet(name);
    const out = { formulas: [] as RawValue[][], values: [] as RawValue[][], numberFormat: [] as string[][] };
    for (let r = rect.top; r <= rect.bottom; r++) {
      const f: RawValue[] = [];
      const v: RawValue[] = [];
      const n: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cell(r, c);
        f.push(cell.formula ?? cell.value);
        v.push(cell.value);
        n.push(cell.numberFormat);
      }
      out.formulas.push(f);
      out.values.push(v);
      out.numberFormat.push(n);
    }
    return out;
  }
}

/** Office.context.document.settings kept in memory; saveAsync writes them "into the file". */
export class FakeSettings {
  private working = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saves = 0;
  failSave = false;

  constructor(saved?: Map<string, unknown>) {
    if (saved) {
      this.saved = new Map([...saved].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
      this.working = new Map([...saved].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
    }
  }

  get(name: string): unknown {
    return this.working.has(name) ? JSON.parse(JSON.stringify(this.working.get(name))) : null;
  }
  set(name: string, value: unknown): void {
    this.working.set(name, JSON.parse(JSON.stringify(value)));
  }
  remove(name: string): void {
    this.working.delete(name);
  }
  saveAsync(cb?: (r: { status: string; error?: unknown }) => void): void {
    setTimeout(() => {
      if (this.failSave) return cb?.({ status: 'failed', error: { code: 5001, message: 'save failed' } });
      this.saves++;
      this.saved = new Map([...this.working].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
      cb?.({ status: 'succeeded' });
    }, 0);
  }
  /** The file closed and opened again: only what was saved comes back. */
  reopen(): FakeSettings {
    return new FakeSettings(this.saved);
  }
}

/** The Office global as far as the host uses it. */
export function fakeOffice(
  opts: { displayLanguage?: string; officeTheme?: Partial<Office.OfficeTheme>; settings?: FakeSettings; /** Highest ExcelApi set reported (default: every one). */ excelApi?: string } = {},
): Pick<typeof Office, 'context'> {
  const version = (v: string) => v.split('.').map(Number);
  const upTo = (v: string, max: string) => {
    const [a, b] = version(v);
    const [x, y] = version(max);
    return a < x || (a === x && (b ?? 0) <= (y ?? 0));
  };
  return {
    context: {
      displayLanguage: opts.displayLanguage ?? 'id-ID',
      officeTheme: opts.officeTheme,
      document: { settings: opts.settings ?? new FakeSettings() },
      requirements: { isSetSupported: (set: string, v = '1.1') => set !== 'ExcelApi' || opts.excelApi === undefined || upTo(v, opts.excelApi) },
    },
  } as unknown as Pick<typeof Office, 'context'>;
}

/** Excel.run over the fake: one context per run, like Office. */
export function fakeRun(fake: FakeExcel) {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(fake.context);
}
