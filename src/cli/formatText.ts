/** Readable report, one file at a time, in the chosen language. */
import type { Finding, Lang, Severity } from '../core/findings';
import { messages, type SummaryCounts } from './messages';
import { alreadySaid } from './alreadySaid';
import { formatNumber, isNumericString } from './numbers';
import type { FileResult, NarrativeResult } from './result';

export interface Style {
  bold(s: string): string;
  severity(sev: Severity, s: string): string;
  dim(s: string): string;
}

const plain: Style = { bold: (s) => s, severity: (_sev, s) => s, dim: (s) => s };

const ansi: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  severity: (sev, s) => {
    const code = sev === 'error' ? 31 : sev === 'warning' ? 33 : 36;
    return `\x1b[${code};1m${s}\x1b[0m`;
  },
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
};

export function makeStyle(colour: boolean): Style {
  return colour ? ansi : plain;
}

/**
 * Findings whose `actual` (or both values) are text as written in the cell, not a
 * plain decimal: '1.595' typed as text must be shown as "1.595", never as a number.
 */
const LITERAL_ACTUAL = new Set<string>(['text-number', 'ambiguous-number', 'duplicate-code']);
const LITERAL_EXPECTED = new Set<string>(['duplicate-code']);

function showValue(v: string, lang: Lang, literal: boolean): string {
  const m = messages(lang);
  if (v === '') return m.emptyValue;
  return !literal && isNumericString(v) ? formatNumber(v, lang) : `"${v}"`;
}

/**
 * "seharusnya 1.234, tertulis 1.230" / "expected 1,234, found 1,230", or '' when neither is set.
 * Given the finding's message, a value the message already states (as the sheet shows it) is left out.
 */
export function expectedActual(f: Pick<Finding, 'expected' | 'actual'> & { code?: string; message?: string }, lang: Lang): string {
  const m = messages(lang);
  const code = f.code ?? '';
  const said = (v: string, literal: boolean) => f.message !== undefined && alreadySaid(v, f.message, lang, literal);
  const parts: string[] = [];
  if (f.expected !== undefined && !said(f.expected, LITERAL_EXPECTED.has(code))) parts.push(`${m.expected} ${showValue(f.expected, lang, LITERAL_EXPECTED.has(code))}`);
  if (f.actual !== undefined && !said(f.actual, LITERAL_ACTUAL.has(code))) parts.push(`${m.found} ${showValue(f.actual, lang, LITERAL_ACTUAL.has(code))}`);
  return parts.join(', ');
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

export interface TextOptions {
  /** List 'narrative-unlinked' findings in full instead of one short line each. */
  verbose?: boolean;
  /** List the findings the workbook's ignore list dismissed, with their reasons. */
  showIgnored?: boolean;
}

/**
 * Findings about the report's prose rather than a table: every 'narrative-*'
 * and 'terbilang-mismatch', and a 'predikat-mismatch' whose cell is in the prose
 * (a narrative file, or a sheet's text outside any table).
 */
export function isNarrativeFinding(f: Finding): boolean {
  if (f.source !== undefined) return true;
  if (f.code.startsWith('narrative-') || f.code === 'terbilang-mismatch') return true;
  return f.code === 'predikat-mismatch' && f.table === undefined;
}

/** "'Sheet'!D8", quoted the way Excel quotes sheet names. */
export function cellRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The place column: the cell, or 'laporan.docx ¶12' for a paragraph of a narrative file. */
export function placeOf(f: Finding): string {
  return f.source ? `${f.source.file} ¶${f.source.paragraph}` : f.cell;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

const SHORT_FIGURES = 8;

/** The figures of a 'narrative-unlinked' message ('...: 2021, 194, Rp.1,2 miliar.'), at most SHORT_FIGURES of them. */
export function unlinkedShort(f: Finding, lang: Lang): string {
  const m = messages(lang);
  const msg = oneLine(f.message);
  const at = msg.indexOf(': ');
  if (at < 0) return msg;
  const figures = msg.slice(at + 2).replace(/\.$/, '').split(', ');
  const shown = figures.slice(0, SHORT_FIGURES).join(', ');
  return m.notChecked(figures.length > SHORT_FIGURES ? `${shown} ${m.andMore(figures.length - SHORT_FIGURES)}` : shown);
}

function groupBy<K>(list: Finding[], key: (f: Finding) => K): Map<K, Finding[]> {
  const out = new Map<K, Finding[]>();
  for (const f of list) {
    const k = key(f);
    const l = out.get(k);
    if (l) l.push(f);
    else out.set(k, [f]);
  }
  return out;
}

export function formatFileText(r: FileResult, lang: Lang, style: Style = plain, options: TextOptions = {}): string {
  const m = messages(lang);
  const lines: string[] = [];
  lines.push(style.bold(`== ${r.file} ==`));

  if (r.error) {
    lines.push(`  ${style.severity('error', m.severity.error)} ${m.fileFailed} ${r.error.message}`);
    lines.push('');
    return lines.join('\n') + '\n';
  }

  if (r.tables.length === 0) {
    lines.push(`  ${m.noTables}`);
  } else {
    lines.push(`  ${m.tablesHeading(r.tables.length)}`);
    const sheetW = Math.max(...r.tables.map((t) => t.sheet.length));
    const rangeW = Math.max(...r.tables.map((t) => t.range.length));
    for (const t of r.tables) {
      lines.push(`    - ${pad(t.sheet, sheetW)}  ${pad(t.range, rangeW)}  ${m.kind[t.kind] ?? t.kind}`);
    }
  }

  if (r.findings.length === 0) {
    lines.push(`  ${m.noFindings}`);
  } else {
    lines.push(`  ${m.findingsHeading(r.findings.length)}`);
    const sevW = Math.max(...(['error', 'warning', 'info'] as const).map((s) => m.severity[s].length));
    const line = (f: Finding, cellW: number, text: string): string => {
      const word = m.severity[f.severity] ?? String(f.severity).toUpperCase();
      const related = f.related ? ` → ${cellRef(f.related.sheet, f.related.cell)}` : '';
      return `      ${style.severity(f.severity, pad(word, sevW))}  ${pad(placeOf(f), cellW)}  ${text}${related}`;
    };
    const full = (f: Finding): string => {
      const ea = expectedActual(f, lang);
      return oneLine(f.message) + (ea ? ` (${ea})` : '');
    };

    // Table findings: by sheet, sheets in the order they first appear, findings in engine order.
    const tableFindings = r.findings.filter((f) => !isNarrativeFinding(f));
    const tableW = Math.max(4, ...tableFindings.map((f) => placeOf(f).length));
    for (const [sheet, list] of groupBy(tableFindings, (f) => f.sheet)) {
      lines.push(`    ${style.bold(m.sheetHeading(sheet))}`);
      for (const f of list) lines.push(line(f, tableW, full(f)));
    }

    // Then the prose: one group per narrative file (or per sheet holding prose).
    const prose = r.findings.filter(isNarrativeFinding);
    const groups = groupBy(prose, (f) => (f.source ? `file\u0000${f.source.file}` : `sheet\u0000${f.sheet}`));
    for (const [key, list] of groups) {
      const [kind, name] = key.split('\u0000');
      lines.push(`    ${style.bold(m.narrativeHeading(name, kind === 'sheet'))}`);
      const cellW = Math.max(4, ...list.map((f) => placeOf(f).length));
      let summarised = 0;
      for (const f of list) {
        if (!options.verbose && f.code === 'narrative-unlinked' && f.severity === 'info') {
          summarised++;
          lines.push(line(f, cellW, unlinkedShort(f, lang)));
        } else {
          lines.push(line(f, cellW, full(f)));
        }
      }
      if (summarised > 0) lines.push(`      ${style.dim(m.unlinkedHint(summarised))}`);
    }
  }
  const ignored = r.ignored ?? [];
  if (ignored.length > 0 && options.showIgnored) {
    lines.push(`  ${m.ignoredHeading(ignored.length)}`);
    const w = Math.max(4, ...ignored.map((i) => placeOf(i.finding).length));
    for (const { finding: f, entry } of ignored) {
      const sheet = f.source ? '' : `${f.sheet}  `;
      const reason = entry?.reason ? ` (${m.ignoredReason(oneLine(entry.reason))})` : '';
      lines.push(`      ${style.dim(`${sheet}${pad(placeOf(f), w)}  ${oneLine(f.message)}${reason}`)}`);
    }
  } else if (ignored.length > 0) {
    lines.push(`  ${style.dim(m.ignoredHint(ignored.length))}`);
  }
  lines.push('');
  return lines.join('\n') + '\n';
}

/** A narrative file that could not be read: its own block, before the workbooks. */
export function formatNarrativeFailureText(n: NarrativeResult, lang: Lang, style: Style = plain): string {
  const m = messages(lang);
  if (!n.error) return '';
  return (
    [
      style.bold(`== ${n.file} ==`),
      `  ${style.severity('error', m.severity.error)} ${m.narrativeFailed} ${n.error.message}`,
      `  ${m.narrativeSkipped}`,
      '',
    ].join('\n') + '\n'
  );
}

export function formatSummaryText(c: SummaryCounts, lang: Lang, style: Style = plain): string {
  return style.bold(messages(lang).summary(c)) + '\n';
}
