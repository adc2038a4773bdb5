/// <reference types="office-js" />
/**
 * WorkbookHost for Excel: every operation is one Excel.run batch over the
 * functions of this folder, the only code that talks to Office.js.
 */
import { parseA1, toA1 } from '../core/a1';
import type { CellEdit } from '../core/fixes/types';
import type { Lang } from '../core/findings';
import type { WorkbookSnapshot } from '../core/snapshot';
import { HostError, type FixedCell, type HostErrorCode, type LakipSettings, type ReadProgress, type ReadScope, type WorkbookHost } from '../host/types';
import { INVALID_REFERENCE, isEditModeFailure, ITEM_NOT_FOUND, officeErrorCode, toHostError } from './errors';
import { readWorkbookSnapshot, type ReadOptions } from './readSnapshot';
import { revertCells, revertLogEntries } from './revertCells';
import { revertAll, revertLogSize } from './revertLog';
import { loadSettings, saveSettings, type DocumentSettings } from './settings';
import { loadIgnoreList, saveIgnoreList } from './ignoreStore';
import type { IgnoreEntry } from '../core/ignore';
import { applyEdits } from './writeEdits';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the host needs from the Office globals; tests pass fakes. */
export interface OfficeHostDeps {
  run?: ExcelRun;
  office?: () => Pick<typeof Office, 'context'> | undefined;
  /** Chunking of reads (maxRequestBytes, bytesPerCell). */
  read?: Omit<ReadOptions, 'onProgress'>;
  /** Pause before a read refused in cell edit mode is tried once more (ms). */
  editRetryMs?: number;
}

/** Long enough for an Enter already on its way, short enough not to be noticed. */
const EDIT_RETRY_MS = 600;

/** Office's display language -> the pane's: Indonesian unless Office speaks English. */
export function languageFrom(displayLanguage: string | undefined): Lang {
  const tag = (displayLanguage ?? '').trim().toLowerCase();
  if (tag === 'id' || tag.startsWith('id-')) return 'id';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return 'id';
}

/** '#RRGGBB' / '#RGB' -> relative luminance 0..1, or null. */
function luminance(color: string): number | null {
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex.slice(0, 6)) || (hex.length !== 6 && hex.length !== 8)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office theme -> light/dark by the body background's luminance; 'light' when Office does not say. */
export function themeFrom(theme: Partial<Office.OfficeTheme> | undefined): 'light' | 'dark' {
  const bg = theme?.bodyBackgroundColor;
  if (typeof bg === 'string') {
    const l = luminance(bg);
    // Dark when white text reads better on it than black (WCAG contrast crossover).
    if (l !== null) return l < 0.179 ? 'dark' : 'light';
  }
  if (typeof theme?.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  return 'light';
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  private readonly excelRun: ExcelRun;
  private readonly office: () => Pick<typeof Office, 'context'> | undefined;

  constructor(private readonly deps: OfficeHostDeps = {}) {
    this.excelRun = deps.run ?? ((batch) => Excel.run(batch));
    this.office = deps.office ?? (() => (globalThis as { Office?: typeof Office }).Office);
  }

  /** One Excel.run; whatever fails outside our own syncs (Excel.run itself) still reaches the pane as a HostError. */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, fallback: HostErrorCode = 'read-failed'): Promise<T> {
    try {
      return await this.excelRun(batch);
    } catch (e) {
      throw toHostError(e, fallback);
    }
  }

  /**
   * A batch that writes nothing, tried once more after a short pause when
   * Excel refused it in cell edit mode (the user is often just pressing
   * Enter); a second refusal reaches the pane, which asks to finish the edit.
   * Writes are never retried: the message lets the user choose.
   */
  private async read<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      if (!isEditModeFailure(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, this.deps.editRetryMs ?? EDIT_RETRY_MS));
      return this.run(batch);
    }
  }

  private context(): Office.Context | undefined {
    try {
      return this.office()?.context;
    } catch {
      return undefined;
    }
  }

  private settings(): DocumentSettings {
    const settings = this.context()?.document?.settings;
    if (!settings) throw new HostError('read-failed');
    return settings;
  }

  displayLanguage(): Lang {
    return languageFrom(this.context()?.displayLanguage);
  }

  theme(): 'light' | 'dark' {
    try {
      return themeFrom(this.context()?.officeTheme);
    } catch {
      return 'light';
    }
  }

  async workbookName(): Promise<string> {
    return this.read(async (context) => {
      const wb = context.workbook;
      wb.load('name');
      try {
        await context.sync();
      } catch (e) {
        throw toHostError(e, 'read-failed');
      }
      return wb.name;
    });
  }

  /** Whether Office supports an ExcelApi requirement set; true when it cannot say. */
  private supports(version: string): boolean {
    try {
      const supported = this.context()?.requirements?.isSetSupported('ExcelApi', version);
      return supported === undefined ? true : !!supported;
    } catch {
      return true;
    }
  }

  readSnapshot(onProgress?: (p: ReadProgress) => void, scope: ReadScope = 'workbook'): Promise<WorkbookSnapshot> {
    // Merged areas need ExcelApi 1.13, visible cells 1.9; without them the cells are still read.
    const options: ReadOptions = { merges: this.supports('1.13'), hiddenRows: this.supports('1.9'), ...this.deps.read, onProgress, scope };
    return this.read((context) => readWorkbookSnapshot(context, options));
  }

  /**
   * Select the cell, two syncs: the sheet's visibility, then activate and
   * select. A hidden sheet is not unhidden behind the user's back, and Excel
   * cannot activate one: nothing is selected and the pane says where the cell is.
   */
  async selectCell(sheet: string, address: string): Promise<void> {
    const at = parseA1(address);
    if (!at) throw new HostError('read-failed', { sheet, address });
    const cell = toA1(at.row, at.col);
    const synced = async (context: Excel.RequestContext) => {
      try {
        await context.sync();
      } catch (e) {
        const code = officeErrorCode(e);
        if (code === ITEM_NOT_FOUND || code === INVALID_REFERENCE) throw new HostError('changed-since-check', { sheet, address }, e);
        throw toHostError(e, 'read-failed', { sheet, address });
      }
    };
    return this.read(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load('visibility');
      await synced(context);
      if (ws.visibility === 'Hidden') throw new HostError('sheet-hidden', { sheet, address: cell });
      if (ws.visibility === 'VeryHidden') throw new HostError('sheet-very-hidden', { sheet, address: cell });
      ws.activate();
      ws.getRange(cell).select();
      await synced(context);
    });
  }

  applyEdits(edits: CellEdit[]): Promise<void> {
    return this.run((context) => applyEdits(context, edits), 'write-failed');
  }

  revertAll(): Promise<number> {
    return this.run((context) => revertAll(context), 'write-failed');
  }

  revertLogSize(): Promise<number> {
    return this.read((context) => revertLogSize(context));
  }

  revertLogEntries(): Promise<FixedCell[]> {
    return this.read((context) => revertLogEntries(context));
  }

  revertCells(cells: { sheet: string; address: string }[]): Promise<number> {
    return this.run((context) => revertCells(context, cells), 'write-failed');
  }

  async loadSettings(): Promise<LakipSettings> {
    return loadSettings(this.settings());
  }

  saveSettings(s: LakipSettings): Promise<void> {
    return saveSettings(s, this.settings());
  }

  loadIgnoreList(): Promise<IgnoreEntry[]> {
    return this.read((context) => loadIgnoreList(context));
  }

  saveIgnoreList(entries: IgnoreEntry[]): Promise<void> {
    return this.run((context) => saveIgnoreList(context, entries), 'write-failed');
  }
}
