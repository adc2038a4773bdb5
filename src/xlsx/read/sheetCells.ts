/**
 * One worksheet part, streamed into a sparse list of the cells that hold
 * something (value or formula), with its merged areas and hidden rows. Memory
 * follows the cells that hold something: empty styled cells, data validation,
 * conditional formats and the rest of the part pass through without being kept.
 */
import type { RawValue, ValueType } from '../../core/snapshot';
import { toA1 } from '../../core/a1';
import { CellStore } from './cellStore';
import { shiftFormula } from './sharedFormula';
import { MAX_CELL_CHARS, StringItem } from './sharedStrings';
import { attributes, decodeEntities, normaliseNewlines, rawAttribute, type XmlHandler } from './xmlScan';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Raised when a sheet holds more cells than the reader may keep (the caller words it). */
export class CellLimitError extends Error {
  override readonly name = 'CellLimitError';
}

/** The part contradicts the package (e.g. names a shared string the table does not hold): damaged. */
export class DamagedPartError extends Error {
  override readonly name = 'DamagedPartError';
}

/** Cells by position, in the order the part lists them. */
export interface SparseCells {
  /** Value, type, style index (its number format is looked up when the snapshot is built) and formula per cell. */
  store: CellStore;
  /** Merged areas as written (A1 ranges). */
  merges: string[];
  /** 0-based rows marked hidden. */
  hiddenRows: number[];
  /**
   * Empty cells with a number format other than General, as flat (row, col, style)
   * triples: a fix written into such a cell keeps the office's format, and a revert
   * restores it. Bounded by SheetReadContext.formatBudget; past it, empty cells read
   * as General, which costs nothing but that.
   */
  styledEmpty: number[];
}

export interface SheetReadContext {
  sharedStrings: string[] | null;
  date1904: boolean;
  /** Cells that may still be kept across the workbook (shared, decremented here). */
  cellBudget: { remaining: number };
  /** Number format code per style index. */
  formats: string[];
  /** Styled empty cells that may still be kept across the workbook. */
  formatBudget: { remaining: number };
}

/** Letters of an A1 reference -> 0-based column; the row part -> 0-based row. -1 when absent. */
function parseRef(ref: string): { row: number; col: number } {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n) {
    let ch = ref.charCodeAt(i);
    if (ch === 36) {
      i++;
      continue;
    }
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    i++;
  }
  let row = 0;
  while (i < n) {
    const ch = ref.charCodeAt(i);
    if (ch === 36) {
      i++;
      continue;
    }
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
    i++;
  }
  return { row: row - 1, col: col - 1 };
}

/** ISO 8601 date/time (t="d" cells, strict OOXML) -> Excel serial number. */
function isoToSerial(s: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s.trim());
  if (!m) {
    const t = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(s.trim());
    return t ? (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86400 : null;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  let serial = ms / 86_400_000 + 25569;
  // Excel's 1900 system counts the non-existent 29 February 1900.
  if (serial < 61) serial -= 1;
  return date1904 ? serial - 1462 : serial;
}

const enum In {
  None,
  V,
  F,
  Is,
}

export class SheetCellsReader implements XmlHandler {
  readonly cells: SparseCells = { store: new CellStore(), merges: [], hiddenRows: [], styledEmpty: [] };
  private inSheetData = false;
  private row = -1;
  private col = -1;
  private inCell = false;
  private cRow = 0;
  private cCol = 0;
  private cType = '';
  private cStyle = 0;
  private where: In = In.None;
  private vText = '';
  private hasV = false;
  private fText = '';
  private fAttrs: Record<string, string> | null = null;
  private inline: StringItem | null = null;
  private inlineText: string | null = null;
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  usesSharedStrings = false;

  constructor(private readonly ctx: SheetReadContext) {}

  open(name: string, raw: string): void {
    if (this.inCell) {
      if (this.where === In.Is) {
        this.inline!.open(name);
      } else if (name === 'v') {
        this.where = In.V;
        this.hasV = true;
        this.vText = '';
      } else if (name === 'f') {
        this.where = In.F;
        this.fText = '';
        this.fAttrs = raw ? attributes(raw) : null;
      } else if (name === 'is') {
        this.where = In.Is;
        this.inline = new StringItem();
      }
      return;
    }
    if (this.inSheetData) {
      if (name === 'c') this.startCell(raw);
      else if (name === 'row') this.startRow(raw);
      return;
    }
    if (name === 'sheetData') this.inSheetData = true;
    else if (name === 'mergeCell') {
      const ref = attributes(raw).ref;
      if (ref) this.cells.merges.push(ref);
    }
  }

  close(name: string): void {
    if (this.inCell) {
      if (this.where === In.Is) {
        if (name === 'is') {
          this.inlineText = this.inline!.take();
          this.inline = null;
          this.where = In.None;
        } else {
          this.inline!.close(name);
        }
        return;
      }
      if (name === 'c') this.endCell();
      else if (name === 'v' || name === 'f') this.where = In.None;
      return;
    }
    if (name === 'sheetData') this.inSheetData = false;
  }

  text(raw: string, cdata: boolean): void {
    if (!this.inCell) return;
    switch (this.where) {
      case In.V:
        if (this.vText.length < MAX_CELL_CHARS) this.vText += cdata ? normaliseNewlines(raw) : decodeEntities(raw);
        break;
      case In.F:
        if (this.fText.length < MAX_CELL_CHARS) this.fText += cdata ? normaliseNewlines(raw) : decodeEntities(raw);
        break;
      case In.Is:
        this.inline!.text(raw, cdata);
        break;
      default:
        break;
    }
  }

  private startRow(raw: string): void {
    const ref = raw ? rawAttribute(raw, 'r') : undefined;
    const r = ref ? Number(ref) - 1 : this.row + 1;
    this.row = Number.isInteger(r) && r >= 0 ? r : this.row + 1;
    this.col = -1;
    const hidden = raw ? rawAttribute(raw, 'hidden') : undefined;
    if (hidden === '1' || hidden === 'true') this.cells.hiddenRows.push(this.row);
  }

  private startCell(raw: string): void {
    const ref = raw ? rawAttribute(raw, 'r') : undefined;
    let row = this.row < 0 ? 0 : this.row;
    let col = this.col + 1;
    if (ref) {
      const p = parseRef(ref);
      if (p.col >= 0) col = p.col;
      if (p.row >= 0) row = p.row;
    }
    this.col = col;
    this.inCell = true;
    this.cRow = row;
    this.cCol = col;
    this.cType = (raw && rawAttribute(raw, 't')) || '';
    const style = raw ? rawAttribute(raw, 's') : undefined;
    const s = style ? Number(style) : 0;
    this.cStyle = Number.isInteger(s) && s >= 0 ? s : 0;
    this.where = In.None;
    this.hasV = false;
    this.vText = '';
    this.fText = '';
    this.fAttrs = null;
    this.inlineText = null;
  }

  private endCell(): void {
    this.inCell = false;
    this.where = In.None;
    const row = this.cRow;
    const col = this.cCol;
    if (row >= MAX_ROWS || col >= MAX_COLS || row < 0 || col < 0) return;

    const formula = this.formulaText(row, col);
    let value: RawValue = '';
    let type: ValueType = 'Empty';
    const t = this.cType;
    if (t === 'inlineStr') {
      if (this.inlineText !== null) {
        value = this.inlineText;
        type = 'String';
      } else if (this.hasV) {
        value = this.vText;
        type = 'String';
      }
    } else if (this.hasV) {
      const v = this.vText;
      switch (t) {
        case 's': {
          this.usesSharedStrings = true;
          const list = this.ctx.sharedStrings;
          const idx = Number(v);
          if (list && Number.isInteger(idx) && idx >= 0 && idx < list.length) {
            value = list[idx];
            type = 'String';
          } else if (list) {
            // Excel calls such a file damaged and repairs it by emptying the cell; reading on
            // would check a table with a label silently missing.
            throw new DamagedPartError(`cell ${toA1(row, col)} names shared string ${v.trim()}, but the table holds ${list.length}`);
          }
          break;
        }
        case 'str':
          // A formula's text result; an empty one is no result at all.
          if (v !== '') {
            value = v;
            type = 'String';
          }
          break;
        case 'b':
          value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
          type = 'Boolean';
          break;
        case 'e':
          value = v.trim();
          type = 'Error';
          break;
        case 'd': {
          const serial = isoToSerial(v, this.ctx.date1904);
          if (serial !== null) {
            value = serial;
            type = 'Double';
          }
          break;
        }
        default: {
          const trimmed = v.trim();
          if (trimmed !== '') {
            const num = Number(trimmed);
            if (Number.isFinite(num)) {
              value = num;
              type = 'Double';
            } else if (formula === undefined) {
              // Not a number where one should be: kept as the text it is.
              value = v;
              type = 'String';
            }
          }
        }
      }
    }
    if (type === 'Empty' && formula === undefined) {
      const fmt = this.ctx.formats[this.cStyle];
      if (fmt !== undefined && fmt !== 'General' && this.ctx.formatBudget.remaining-- > 0) this.cells.styledEmpty.push(row, col, this.cStyle);
      return;
    }
    if (--this.ctx.cellBudget.remaining < 0) throw new CellLimitError(`more cells than the reader may keep`);
    this.cells.store.push(row, col, value, type, this.cStyle, formula);
  }

  /** The cell's formula with '=', undefined when it has none. */
  private formulaText(row: number, col: number): string | undefined {
    const a = this.fAttrs;
    const text = this.fText;
    if (a?.t === 'shared' && a.si !== undefined) {
      if (text.trim() !== '') {
        this.shared.set(a.si, { formula: text, row, col });
        return `=${text}`;
      }
      const master = this.shared.get(a.si);
      return master ? `=${shiftFormula(master.formula, row - master.row, col - master.col)}` : undefined;
    }
    if (text.trim() === '') return undefined;
    return text.startsWith('=') ? text : `=${text}`;
  }
}
