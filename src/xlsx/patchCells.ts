/**
 * Writes cell edits into the bytes of an .xlsx/.xlsm package and changes nothing
 * else: only the <c> elements of the edited cells (and, when an edited cell held a
 * shared formula, the <f> of its dependents, which get their own copy) change in
 * the worksheet parts; every other part stays byte for byte as it was, except
 * - xl/workbook.xml: fullCalcOnLoad="1" on <calcPr>, so the stale results of
 *   formulas that depend on the edited cells are recalculated on opening;
 * - xl/styles.xml: only when a written cell needs a number format no existing style
 *   gives it (see patch/styles.ts);
 * - xl/calcChain.xml: dropped, with its relationship and content-type override, only
 *   when a cell gains or loses a formula (see patch/calc.ts).
 * Rows or cells that do not exist yet are inserted in order. Edits that cannot be
 * written safely are refused one by one (PatchResult.skipped); the result is read
 * back and compared with the edits before it is returned.
 * Browser-safe (JSZip only).
 */
import JSZip from 'jszip';
import { parseA1 } from '../core/a1';
import { applyToSnapshot } from '../core/fixes/applyToSnapshot';
import { cellState } from '../core/fixes/plan';
import type { CellEdit, CellState } from '../core/fixes/types';
import type { RawValue, WorkbookSnapshot } from '../core/snapshot';
import { WorkbookReadError } from './errors';
import { readWorkbookBuffer } from './fromBuffer';
import { CALC_CHAIN_TYPE, withFullCalcOnLoad, withoutElement } from './patch/calc';
import { locateSheet, type LocatedSheet } from './patch/locate';
import { UnusualSheetXml } from './patch/sheetScan';
import type { PatchSkip } from './patch/skips';
import { StylesEditor } from './patch/styles';
import { writeSheet } from './patch/writeSheet';
import { ambiguousCellText, hasLoneSurrogate, partBytes, partText } from './patch/xmlText';
import { listSheets } from './workbookParts';

export type { PatchSkip, PatchSkipReason } from './patch/skips';
export { patchSkipMessage } from './patch/skips';

export interface PatchedSheet {
  sheet: string;
  part: string;
  /** Cells whose <c> element was replaced or inserted: the edited cells and the shared-formula dependents given their own formula. */
  cells: string[];
  /** Rows inserted because an edited cell lay in a row the part did not have. */
  insertedRows: number[];
}

export interface PatchResult {
  /** The new package; the input bytes themselves when nothing was written. */
  data: Uint8Array;
  written: CellEdit[];
  skipped: PatchSkip[];
  sheets: PatchedSheet[];
  /** Parts whose content changed. */
  changedParts: string[];
  calcChain: 'none' | 'kept' | 'dropped';
}

/** The patched file does not say what the edits wrote: a bug, never written to disk. */
export class PatchVerifyError extends Error {
  override readonly name = 'PatchVerifyError';
}

export interface PatchOptions {
  /** File name for read errors. */
  name?: string;
  /** The reader's snapshot of these same bytes, when the caller has it (saves reading twice). */
  snapshot?: WorkbookSnapshot;
}

const sameState = (a: CellState, b: CellState) => a.value === b.value && (a.formula ?? '') === (b.formula ?? '') && a.numberFormat === b.numberFormat;

function writable(s: CellState): boolean {
  if (s.formula !== undefined && s.formula !== '') return s.formula.startsWith('=') && s.formula.length > 1 && !hasLoneSurrogate(s.formula) && !ambiguousCellText(s.formula);
  if (typeof s.value === 'number') return Number.isFinite(s.value);
  if (typeof s.value === 'string') return !hasLoneSurrogate(s.value) && !ambiguousCellText(s.value) && s.value.length <= 32767;
  return typeof s.value === 'boolean';
}

const hasFormula = (s: CellState) => !!s.formula;

async function text(zip: JSZip, part: string): Promise<string | undefined> {
  const f = zip.file(part);
  return f ? partText(await f.async('uint8array')) : undefined;
}

function put(zip: JSZip, part: string, content: string): void {
  const old = zip.file(part)!;
  // Same entry, same place in the archive, same metadata: only the content changes.
  zip.file(part, partBytes(content), {
    date: old.date,
    comment: old.comment,
    unixPermissions: old.unixPermissions,
    dosPermissions: old.dosPermissions,
    createFolders: false,
  });
}

export async function patchCells(data: Uint8Array, edits: CellEdit[], opts: PatchOptions = {}): Promise<PatchResult> {
  const name = opts.name ?? 'workbook.xlsx';
  const snapshot = opts.snapshot ?? (await readWorkbookBuffer(data, name));
  let zip: JSZip;
  let entries;
  try {
    zip = await JSZip.loadAsync(data);
    entries = listSheets((await text(zip, 'xl/workbook.xml')) ?? '', await text(zip, 'xl/_rels/workbook.xml.rels'));
  } catch (e) {
    throw new WorkbookReadError('corrupt', name, e);
  }
  const skipped: PatchSkip[] = [];
  const skip = (e: CellEdit, reason: PatchSkip['reason'], detail?: string) =>
    skipped.push({ sheet: e.sheet, address: e.address, code: e.finding.code, reason, ...(detail ? { detail } : {}) });

  const stylesXml = await text(zip, 'xl/styles.xml');
  let styles: StylesEditor | undefined;
  try {
    styles = stylesXml === undefined ? undefined : new StylesEditor(stylesXml);
  } catch (e) {
    if (!(e instanceof UnusualSheetXml)) throw e;
  }

  // Each edit checked against the workbook as read, grouped by worksheet part.
  const byPart = new Map<string, { sheet: string; edits: { edit: CellEdit; row: number; col: number }[] }>();
  const seen = new Set<string>();
  for (const e of edits) {
    const sheet = snapshot.sheets.find((s) => s.name === e.sheet && s.kind !== 'chart');
    const entry = entries.find((s) => s.name === e.sheet && s.kind === 'worksheet');
    const at = parseA1(e.address);
    if (!sheet || !entry?.target || !zip.file(entry.target)) skip(e, 'no-sheet');
    else if (!at || (sheet.values.length > 0 && (at.row < sheet.origin.row || at.col < sheet.origin.col))) skip(e, 'bad-address');
    else if (seen.has(`${e.sheet}!${at.row}:${at.col}`)) skip(e, 'duplicate');
    else if (!sameState(cellState(sheet, at.row, at.col), e.before)) skip(e, 'changed');
    else if (!writable(e.after)) skip(e, 'unwritable-value');
    else if (e.after.numberFormat !== e.before.numberFormat && !styles) skip(e, 'no-styles');
    else {
      seen.add(`${e.sheet}!${at.row}:${at.col}`);
      const group = byPart.get(entry.target) ?? { sheet: e.sheet, edits: [] };
      group.edits.push({ edit: e, row: at.row, col: at.col });
      byPart.set(entry.target, group);
    }
  }

  const located = new Map<string, { sheet: string; at: LocatedSheet }>();
  for (const [part, group] of byPart) {
    const xml = await text(zip, part);
    if (xml === undefined) {
      for (const x of group.edits) skip(x.edit, 'unusual-xml', 'the sheet part is not UTF-8');
      continue;
    }
    const at = locateSheet(xml, snapshot.sheets.find((s) => s.name === group.sheet)!, group.edits, skipped);
    if (at && at.edits.length > 0) located.set(part, { sheet: group.sheet, at });
  }
  const accepted = [...located.values()].flatMap((l) => l.at.edits.map((x) => x.edit));
  const workbookXml = accepted.length > 0 ? withFullCalcOnLoad((await text(zip, 'xl/workbook.xml')) ?? '') : undefined;
  if (accepted.length === 0 || workbookXml === undefined) {
    for (const e of accepted) skip(e, 'unusual-xml', 'workbook.xml has no calcPr place');
    return { data, written: [], skipped, sheets: [], changedParts: [], calcChain: 'none' };
  }

  // Cached results for the formulas written: the engine's evaluation of the workbook as patched.
  const after = applyToSnapshot(snapshot, accepted);
  const cached = (sheetName: string, row: number, col: number): RawValue => {
    const s = after.sheets.find((x) => x.name === sheetName)!;
    return s.values[row - s.origin.row]?.[col - s.origin.col] ?? '';
  };

  const changedParts: string[] = [];
  const sheets: PatchedSheet[] = [];
  for (const [part, { sheet, at }] of located) {
    const out = writeSheet(at, styles, (row, col) => cached(sheet, row, col));
    put(zip, part, out.xml);
    changedParts.push(part);
    sheets.push({ sheet, part, cells: out.cells, insertedRows: out.insertedRows });
  }
  if (styles?.changed) {
    put(zip, 'xl/styles.xml', styles.text());
    changedParts.push('xl/styles.xml');
  }
  put(zip, 'xl/workbook.xml', workbookXml);
  changedParts.push('xl/workbook.xml');

  const calcChain = await dropCalcChainIfNeeded(zip, accepted.some((e) => hasFormula(e.before) !== hasFormula(e.after)), changedParts);
  const result = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  await verify(result, name, accepted, sheets, snapshot);
  return { data: result, written: accepted, skipped, sheets, changedParts, calcChain };
}

async function dropCalcChainIfNeeded(zip: JSZip, formulasMoved: boolean, changedParts: string[]): Promise<PatchResult['calcChain']> {
  const relsPart = 'xl/_rels/workbook.xml.rels';
  const rels = (await text(zip, relsPart)) ?? '';
  const rel = /<(?:[\w.-]+:)?Relationship\b[^>]*Type="[^"]*\/calcChain"[^>]*>/.exec(rels);
  const target = rel ? /Target="([^"]*)"/.exec(rel[0])?.[1] : undefined;
  const part = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/calcChain.xml';
  if (!zip.file(part)) return 'none';
  if (!formulasMoved) return 'kept';
  zip.remove(part);
  changedParts.push(part);
  if (rel) {
    put(zip, relsPart, withoutElement(rels, 'Relationship', (a) => CALC_CHAIN_TYPE.test(a.Type ?? '')));
    changedParts.push(relsPart);
  }
  const types = await text(zip, '[Content_Types].xml');
  if (types !== undefined) {
    const next = withoutElement(types, 'Override', (a) => a.PartName === `/${part}`);
    if (next !== types) {
      put(zip, '[Content_Types].xml', next);
      changedParts.push('[Content_Types].xml');
    }
  }
  return 'dropped';
}

/** Reads the written package back: every written cell must hold its edit's after state, every other cell what it held. */
async function verify(data: Uint8Array, name: string, written: CellEdit[], sheets: PatchedSheet[], before: WorkbookSnapshot): Promise<void> {
  let back: WorkbookSnapshot;
  try {
    back = await readWorkbookBuffer(data, name);
  } catch (e) {
    throw new PatchVerifyError(`the patched file cannot be read back: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems: string[] = [];
  const stateIn = (wb: WorkbookSnapshot, sheet: string, address: string) => {
    const s = wb.sheets.find((x) => x.name === sheet)!;
    const at = parseA1(address)!;
    return cellState(s, at.row, at.col);
  };
  const editedAt = new Set(written.map((e) => `${e.sheet}!${e.address}`));
  for (const e of written) {
    const got = stateIn(back, e.sheet, e.address);
    if (!sameState(got, e.after)) problems.push(`${e.sheet}!${e.address}: wrote ${JSON.stringify(e.after)}, reads ${JSON.stringify(got)}`);
  }
  for (const s of sheets) {
    for (const cell of s.cells) {
      if (editedAt.has(`${s.sheet}!${cell}`)) continue;
      const was = stateIn(before, s.sheet, cell);
      const got = stateIn(back, s.sheet, cell);
      if (!sameState(was, got)) problems.push(`${s.sheet}!${cell}: held ${JSON.stringify(was)}, reads ${JSON.stringify(got)}`);
    }
  }
  if (back.sheets.length !== before.sheets.length) problems.push('the number of sheets changed');
  if (problems.length > 0) throw new PatchVerifyError(problems.slice(0, 5).join('; '));
}
