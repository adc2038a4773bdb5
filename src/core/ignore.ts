/**
 * The office's ignore list ("Abaikan"): findings staff have looked at and accepted,
 * kept in the workbook so they stay dismissed on every check, in the pane and in
 * the CLI alike, and travel with the file.
 *
 * A finding is named by its code, sheet and cell (and, for prose read from a file,
 * the file and paragraph), not by its wording or figures: those change with the
 * language and with every edit elsewhere, and an accepted finding must not come
 * back because a neighbouring total moved. A grouped finding covers all its cells;
 * it stays ignored while every cell it reports was ignored (alone or in a group),
 * so a group that gains a new cell comes back and shows it.
 */
import type { Finding } from './findings';

export interface IgnoreEntry {
  code: string;
  sheet: string;
  cell: string;
  /** For a grouped finding: every cell it covered when ignored. */
  members?: string[];
  /** For prose read from a narrative file. */
  source?: { file: string; paragraph: number };
  /** Why the office accepts it, as typed (may be empty). */
  reason?: string;
  /** ISO time it was ignored. */
  at: string;
  /** The finding's message when ignored, to show in the list of ignored findings. */
  message?: string;
}

type Named = Pick<Finding, 'code' | 'sheet' | 'cell' | 'source'>;

/** A narrative file is named by its base name: the same report checked from another folder is the same report. */
function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

function cellKey(code: string, sheet: string, cell: string, source?: { file: string; paragraph: number }): string {
  const where = source ? `\u0001${baseName(source.file)}\u0001${source.paragraph}` : '';
  return `${code}\u0000${sheet}\u0000${cell.replace(/\$/g, '').toUpperCase()}${where}`;
}

/** The key of an entry (its first cell), comparable with ignoreKey of a finding. */
export function entryKey(e: Pick<IgnoreEntry, 'code' | 'sheet' | 'cell' | 'source'>): string {
  return cellKey(e.code, e.sheet, e.cell, e.source);
}

/** The key of a finding (its first cell): what the list stores and matches. */
export function ignoreKey(f: Named): string {
  return cellKey(f.code, f.sheet, f.cell, f.source);
}

/** Every cell a finding reports: its own, and each member of its group. */
function coveredKeys(f: Finding): string[] {
  const cells = f.group ? [f.cell, ...f.group.members.map((m) => m.cell)] : [f.cell];
  return [...new Set(cells.map((c) => cellKey(f.code, f.sheet, c, f.source)))];
}

function entryKeys(e: IgnoreEntry): string[] {
  const cells = [e.cell, ...(e.members ?? [])];
  return cells.map((c) => cellKey(e.code, e.sheet, c, e.source));
}

export class IgnoreList {
  private readonly keys = new Set<string>();
  /** The first entry naming each cell, for entryFor: a lookup, not a scan of the list per finding. */
  private readonly firstEntry = new Map<string, IgnoreEntry>();

  constructor(readonly entries: readonly IgnoreEntry[]) {
    for (const e of entries) {
      for (const k of entryKeys(e)) {
        this.keys.add(k);
        if (!this.firstEntry.has(k)) this.firstEntry.set(k, e);
      }
    }
  }

  has(f: Finding): boolean {
    return coveredKeys(f).every((k) => this.keys.has(k));
  }

  /** The entry a finding matched, for its reason (the one naming its first cell, else any that covers it). */
  entryFor(f: Finding): IgnoreEntry | undefined {
    const first = ignoreKey(f);
    return this.firstEntry.get(first);
  }
}

/** Findings split into those still shown and those the office ignored. */
export function partitionIgnored(findings: readonly Finding[], entries: readonly IgnoreEntry[]): { shown: Finding[]; ignored: Finding[] } {
  if (entries.length === 0) return { shown: [...findings], ignored: [] };
  const list = new IgnoreList(entries);
  const shown: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) (list.has(f) ? ignored : shown).push(f);
  return { shown, ignored };
}

/** The entry that ignores a finding now. */
export function ignoreEntry(f: Finding, at: string, reason?: string): IgnoreEntry {
  const e: IgnoreEntry = { code: f.code, sheet: f.sheet, cell: f.cell.replace(/\$/g, '').toUpperCase(), at, message: f.message };
  if (f.group) e.members = f.group.members.map((m) => m.cell.replace(/\$/g, '').toUpperCase());
  if (f.source) e.source = { file: baseName(f.source.file), paragraph: f.source.paragraph };
  const r = reason?.trim();
  if (r) e.reason = r;
  return e;
}

/** The list with a finding added (replacing an older entry for the same first cell). */
export function withIgnored(entries: readonly IgnoreEntry[], entry: IgnoreEntry): IgnoreEntry[] {
  const k = cellKey(entry.code, entry.sheet, entry.cell, entry.source);
  return [...entries.filter((e) => cellKey(e.code, e.sheet, e.cell, e.source) !== k), entry];
}

/** The list without the entry of that first cell: the finding shows again. */
export function withoutIgnored(entries: readonly IgnoreEntry[], entry: Pick<IgnoreEntry, 'code' | 'sheet' | 'cell' | 'source'>): IgnoreEntry[] {
  const k = cellKey(entry.code, entry.sheet, entry.cell, entry.source);
  return entries.filter((e) => cellKey(e.code, e.sheet, e.cell, e.source) !== k);
}

/**
 * Ignored findings are never fixed. A group still shown because it gained a cell
 * keeps only the cells not ignored, so fixing the group leaves the accepted ones alone.
 */
export function fixableFindings(findings: readonly Finding[], entries: readonly IgnoreEntry[]): Finding[] {
  if (entries.length === 0) return [...findings];
  const list = new IgnoreList(entries);
  const keys = new Set(entries.flatMap(entryKeys));
  const out: Finding[] = [];
  for (const f of findings) {
    if (list.has(f)) continue;
    if (!f.group) {
      out.push(f);
      continue;
    }
    const members = f.group.members.filter((m) => !keys.has(cellKey(f.code, f.sheet, m.cell, f.source)));
    out.push(members.length === f.group.members.length ? f : { ...f, group: { count: members.length, members } });
  }
  return out;
}
