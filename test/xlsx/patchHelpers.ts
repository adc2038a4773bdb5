/** Shared by the patcher's tests: fix a workbook as `lakip fix` does, and compare packages part by part. */
import JSZip from 'jszip';
import { analyzeWorkbook } from '../../src/core/analyze';
import { fixAllEdits } from '../../src/core/fixes/byFinding';
import { planConverging } from '../../src/core/fixes/converge';
import { findingsToFix } from '../../src/core/fixes/select';
import type { CellEdit } from '../../src/core/fixes/types';
import type { AnalyzeOptions } from '../../src/core/model';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/xlsx/fromBuffer';
import { patchCells, type PatchResult } from '../../src/xlsx/patchCells';

export async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, Buffer.from(await f.async('uint8array')).toString('latin1'));
  return out;
}

export function mechanicalEdits(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): CellEdit[] {
  const findings = analyzeWorkbook(snapshot, options).findings;
  return fixAllEdits(planConverging(snapshot, findingsToFix(snapshot, findings), options));
}

export async function fix(bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<{ snapshot: WorkbookSnapshot; edits: CellEdit[]; result: PatchResult }> {
  const snapshot = await readWorkbookBuffer(bytes, 'test.xlsx');
  const edits = mechanicalEdits(snapshot, options);
  const result = await patchCells(bytes, edits, { snapshot, name: 'test.xlsx' });
  return { snapshot, edits, result };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sheet's XML without the named cells' <c> elements and the inserted rows, empty rows written one way. */
export function withoutCells(xml: string, cells: string[], insertedRows: number[] = [], mustExist = true): string {
  let out = xml;
  for (const a of cells) {
    const re = new RegExp(`<([\\w.-]+:)?c\\b(?=[^>]*\\sr="${escapeRe(a)}")[^>]*?(?:/>|>[\\s\\S]*?</\\1c>)`);
    if (!re.test(out) && mustExist) throw new Error(`no <c> element for ${a}`);
    out = out.replace(re, '');
  }
  for (const r of insertedRows) out = out.replace(new RegExp(`<([\\w.-]+:)?row r="${r}"></\\1row>`), '');
  return out.replace(/<([\w.-]+:)?row\b([^>]*?)><\/\1row>/g, '<$1row$2/>').replace(/<([\w.-]+:)?row\b([^>]*?)\/>/g, (m, p, attrs: string) => `<${p ?? ''}row${attrs.replace(/'/g, '"')}/>`);
}

/** workbook.xml without the calcPr flag the patcher sets. */
function withoutCalcFlag(xml: string): string {
  return xml.replace(/ fullCalcOnLoad="1"/, '').replace(/<([\w.-]+:)?calcPr\/>/, '');
}

/**
 * Every difference between the packages is one the patcher documents: the touched
 * cells of the touched sheets, the calc flag, styles only when it says so, the
 * calculation chain only when dropped.
 */
export async function unexpectedDifferences(original: Uint8Array, fixed: Uint8Array, result: PatchResult): Promise<string[]> {
  const a = await partsOf(original);
  const b = await partsOf(fixed);
  const problems: string[] = [];
  const dropped = result.calcChain === 'dropped' ? result.changedParts.filter((p) => /calcChain/i.test(p)) : [];
  const namesA = [...a.keys()].filter((n) => !dropped.includes(n));
  if (JSON.stringify(namesA) !== JSON.stringify([...b.keys()])) problems.push(`parts differ: ${namesA.join(',')} vs ${[...b.keys()].join(',')}`);
  for (const [name, before] of a) {
    if (dropped.includes(name)) continue;
    const after = b.get(name);
    if (after === undefined || after === before) continue;
    const sheet = result.sheets.find((s) => s.part === name);
    if (sheet) {
      // A cell the patch inserted has no element in the original.
      const x = withoutCells(Buffer.from(before, 'latin1').toString('utf8'), sheet.cells, [], false);
      const y = withoutCells(Buffer.from(after, 'latin1').toString('utf8'), sheet.cells, sheet.insertedRows);
      if (x !== y) problems.push(`${name}: more than the touched cells changed`);
    } else if (name === 'xl/workbook.xml') {
      if (withoutCalcFlag(before) !== withoutCalcFlag(after)) problems.push('workbook.xml: more than the calc flag changed');
    } else if (name === 'xl/styles.xml' && result.changedParts.includes(name)) {
      continue;
    } else if (result.calcChain === 'dropped' && (name === 'xl/_rels/workbook.xml.rels' || name === '[Content_Types].xml')) {
      if (!/calcChain/.test(before) || /calcChain/.test(after)) problems.push(`${name}: changed but not only the calcChain entry`);
    } else problems.push(`${name} changed`);
  }
  return problems;
}

export async function readBack(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return readWorkbookBuffer(bytes, 'fixed.xlsx');
}
