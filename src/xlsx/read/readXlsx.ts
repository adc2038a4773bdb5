/**
 * An OOXML workbook package (.xlsx, .xlsm, strict or transitional, any namespace
 * prefix) -> WorkbookSnapshot, in one pass over the package: each part is
 * inflated once, in chunks, and worksheet parts are tokenized as they inflate,
 * keeping only the cells that hold something. Browser-safe.
 *
 * Chosen over exceljs (which the reader used before) on measurements: see the
 * commit that introduced it and docs/bench.md. exceljs stays for writing.
 */
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../core/snapshot';
import { decodeIgnoreList, isIgnoreListXml } from '../../core/ignoreCodec';
import type { IgnoreEntry } from '../../core/ignore';
import { ContentTooLargeError, WorkbookReadError } from '../errors';
import { emptySheet } from '../emptySheet';
import { fillSheet, DenseSheetError } from './buildSheet';
import { parseRelationships, parseWorkbook, relsPartOf, type Relationship } from './opc';
import { SharedStringsReader } from './sharedStrings';
import { CellLimitError, DamagedPartError, SheetCellsReader } from './sheetCells';
import { parseStyles } from './styles';
import { XmlLimitError, XmlScanner, XmlSyntaxError } from './xmlScan';
import { InflateBudgetError, inflateText, partKey, readCentralDirectory, streamText, ZipFormatError, type InflateBudget, type ZipEntry } from './zip';

export interface ReadLimits {
  /** Cells holding something, across the workbook. */
  maxCells: number;
  /** Bytes inflated across the parts read, counted as they come out. */
  maxInflatedBytes: number;
}

/** Empty cells whose number format is kept (see SparseCells.styledEmpty). */
const STYLED_EMPTY_CELLS = 2_000_000;

/** Where a part failed: its name travels into the error the user sees. */
class PartError extends Error {
  constructor(
    readonly part: string,
    readonly inner: unknown,
  ) {
    super(`${part}: ${(inner as Error)?.message ?? String(inner)}`);
  }
}

function visibility(state: string | undefined): SheetVisibility {
  if (state === 'hidden') return 'Hidden';
  if (state === 'veryHidden') return 'VeryHidden';
  return 'Visible';
}

class Package {
  readonly budget: InflateBudget;
  readonly cellBudget: { remaining: number };

  constructor(
    readonly data: Uint8Array,
    readonly entries: Map<string, ZipEntry>,
    limits: ReadLimits,
  ) {
    this.budget = { remaining: limits.maxInflatedBytes };
    this.cellBudget = { remaining: limits.maxCells };
  }

  entry(part: string): ZipEntry | undefined {
    return this.entries.get(partKey(part));
  }

  text(part: string): string | undefined {
    const e = this.entry(part);
    if (!e) return undefined;
    try {
      return inflateText(this.data, e, this.budget);
    } catch (err) {
      throw new PartError(e.name, err);
    }
  }

  /** Stream a part's text through a tokenizer. */
  scan(e: ZipEntry, handler: ConstructorParameters<typeof XmlScanner>[0]): void {
    const scanner = new XmlScanner(handler);
    try {
      streamText(this.data, e, this.budget, (s) => scanner.push(s));
      scanner.end();
    } catch (err) {
      throw new PartError(e.name, err);
    }
  }

  rels(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    if (xml === undefined) return [];
    try {
      return parseRelationships(xml, part);
    } catch (err) {
      throw new PartError(relsPartOf(part), err);
    }
  }
}

/** Which error the user sees for what went wrong inside the package. */
function toReadError(err: unknown, name: string): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err.file === name ? err : new WorkbookReadError(err.code, name, (err as { cause?: unknown }).cause);
  const inner = err instanceof PartError ? err.inner : err;
  const where = err instanceof PartError ? `part ${err.part}: ` : '';
  if (inner instanceof InflateBudgetError || inner instanceof CellLimitError || inner instanceof DenseSheetError || inner instanceof XmlLimitError) {
    return new WorkbookReadError('too-large', name, new ContentTooLargeError(`${where}${(inner as Error).message}`));
  }
  if (inner instanceof ZipFormatError || inner instanceof DamagedPartError) {
    // The container itself is broken: cut short or damaged in transfer.
    return new WorkbookReadError('corrupt', name, new Error(`${where}${(inner as Error).message}`));
  }
  if (inner instanceof XmlSyntaxError) {
    // The zip is whole but a part's XML is not: said with the part, and what helps (Excel repairs).
    return new WorkbookReadError('unreadable', name, new Error(`${where}${(inner as Error).message}`));
  }
  return new WorkbookReadError('unreadable', name, err);
}

/** Read a zip package. Throws WorkbookReadError. */
export async function readXlsx(data: Uint8Array, name: string, limits: ReadLimits): Promise<WorkbookSnapshot> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readCentralDirectory(data);
  } catch (e) {
    throw toReadError(e, name);
  }
  const pkg = new Package(data, entries, limits);
  try {
    return readPackage(pkg, name);
  } catch (e) {
    throw toReadError(e, name);
  }
}

function readPackage(pkg: Package, name: string): WorkbookSnapshot {
  const main = pkg.rels('').find((r) => r.type === 'officeDocument' && !r.external)?.target;
  const workbookPart = main && pkg.entry(main) ? main : pkg.entry('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
  if (!workbookPart) {
    // A zip, but not an xlsx (docx, ods, xlsb, a plain archive...). If the package
    // says it is a spreadsheet, its workbook part is missing: damaged.
    const mimetype = pkg.entry('mimetype') ? pkg.text('mimetype') : undefined;
    if (mimetype?.trim() === 'application/vnd.oasis.opendocument.spreadsheet') throw new WorkbookReadError('ods', name);
    const contentTypes = pkg.entry('[Content_Types].xml') ? pkg.text('[Content_Types].xml') : undefined;
    const saysSpreadsheet = !!contentTypes && /spreadsheetml\.(sheet|template)\.main\+xml/.test(contentTypes);
    throw new WorkbookReadError(saysSpreadsheet ? 'corrupt' : 'not-xlsx', name, new Error('no workbook part'));
  }
  if (/\.bin$/i.test(workbookPart)) {
    // Excel binary workbook (.xlsb): a zip, but its parts are not XML.
    throw new WorkbookReadError('not-xlsx', name, new Error('binary workbook (.xlsb)'));
  }

  let info;
  try {
    info = parseWorkbook(pkg.text(workbookPart)!);
  } catch (e) {
    throw new PartError(workbookPart, e);
  }
  if (info.root !== 'workbook') {
    // The package's main document is something else: a Word document or presentation
    // (perhaps with a workbook embedded in it), or a part that is not SpreadsheetML at all.
    if (/^(document|presentation)$/.test(info.root)) throw new WorkbookReadError('not-xlsx', name, new Error(`the package's main part is a ${info.root}`));
    throw new PartError(workbookPart, new XmlSyntaxError(`no <workbook> element${info.root ? ` (its root is <${info.root}>)` : ''}`));
  }
  const rels = pkg.rels(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partOf = (type: string, fallback: string) => {
    const r = rels.find((x) => x.type === type && !x.external);
    return r && pkg.entry(r.target) ? r.target : pkg.entry(fallback) ? fallback : undefined;
  };

  let sharedStrings: string[] | null = null;
  const ssPart = partOf('sharedStrings', 'xl/sharedStrings.xml');
  if (ssPart) {
    const reader = new SharedStringsReader();
    pkg.scan(pkg.entry(ssPart)!, reader);
    sharedStrings = reader.strings;
  }
  const stylesPart = partOf('styles', 'xl/styles.xml');
  let formats: string[] = [];
  if (stylesPart) {
    try {
      formats = parseStyles(pkg.text(stylesPart));
    } catch {
      // Unreadable styles cost only the number formats: every cell reads as General.
      formats = [];
    }
  }

  const cellBudget = pkg.cellBudget;
  const formatBudget = { remaining: STYLED_EMPTY_CELLS };
  const sheets: SheetSnapshot[] = [];
  for (const s of info.sheets) {
    const rel = byId.get(s.rid);
    const kind = rel?.type;
    if (kind === 'chartsheet') {
      sheets.push(emptySheet(s.name, visibility(s.state), 'chart'));
      continue;
    }
    if (kind !== 'worksheet') {
      // Dialog sheets, Excel 4 macro sheets: no cells we can read.
      sheets.push(emptySheet(s.name, visibility(s.state)));
      continue;
    }
    const entry = rel ? pkg.entry(rel.target) : undefined;
    if (!entry) {
      // Coming out empty silently is what a checker must not do.
      throw new WorkbookReadError('corrupt', name, new Error(`worksheet "${s.name}" (${rel?.target ?? 'no part'}) is missing from the package`));
    }
    const reader = new SheetCellsReader({ sharedStrings, date1904: info.date1904, cellBudget, formats, formatBudget });
    pkg.scan(entry, reader);
    if (reader.usesSharedStrings && !sharedStrings) {
      throw new WorkbookReadError('corrupt', name, new Error('cells refer to shared strings, but the package has no xl/sharedStrings.xml part'));
    }
    const snap = emptySheet(s.name, visibility(s.state));
    try {
      fillSheet(snap, reader.cells, formats, info.date1904);
    } catch (e) {
      throw new PartError(`${entry.name} ("${s.name}")`, e);
    }
    sheets.push(snap);
  }

  const snapshot: WorkbookSnapshot = { sheets };
  const ignored = readIgnoreList(pkg);
  if (ignored.length > 0) snapshot.ignored = ignored;
  return snapshot;
}

const CUSTOM_XML_ITEM = /^customxml\/item(\d+)\.xml$/;

/**
 * Every ignore entry in the package's custom XML parts (merged in part order). A
 * part that cannot be read is skipped: the check then shows those findings again,
 * which is safe, where refusing the whole workbook would not be.
 */
function readIgnoreList(pkg: Package): IgnoreEntry[] {
  const items = [...pkg.entries.values()]
    .map((e) => ({ e, m: CUSTOM_XML_ITEM.exec(e.key) }))
    .filter((x): x is { e: ZipEntry; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]));
  const out: IgnoreEntry[] = [];
  for (const { e } of items) {
    let xml = '';
    try {
      xml = pkg.text(e.name) ?? '';
    } catch {
      continue;
    }
    if (!isIgnoreListXml(xml)) continue;
    try {
      out.push(...decodeIgnoreList(xml));
    } catch {
      // damaged part: see above
    }
  }
  return out;
}
