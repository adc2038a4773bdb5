/** Readable report, one file at a time, in the chosen language. */
import type { Finding, Lang, Severity } from '../core/findings';
import { messages, type SummaryCounts } from './messages';
import { formatNumber, isNumericString } from './numbers';
import type { FileResult } from './result';

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

/** "seharusnya 1.234, tertulis 1.230" / "expected 1,234, found 1,230", or '' when neither is set. */
export function expectedActual(f: Pick<Finding, 'expected' | 'actual'> & { code?: string }, lang: Lang): string {
  const m = messages(lang);
  const code = f.code ?? '';
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(`${m.expected} ${showValue(f.expected, lang, LITERAL_EXPECTED.has(code))}`);
  if (f.actual !== undefined) parts.push(`${m.found} ${showValue(f.actual, lang, LITERAL_ACTUAL.has(code))}`);
  return parts.join(', ');
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

export function formatFileText(r: FileResult, lang: Lang, style: Style = plain): string {
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
    // Group by sheet, sheets in the order they first appear, findings in engine order.
    const bySheet = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    const sevW = Math.max(...(['error', 'warning', 'info'] as const).map((s) => m.severity[s].length));
    const cellW = Math.max(4, ...r.findings.map((f) => f.cell.length));
    for (const [sheet, list] of bySheet) {
      lines.push(`    ${style.bold(m.sheetHeading(sheet))}`);
      for (const f of list) {
        const word = m.severity[f.severity] ?? String(f.severity).toUpperCase();
        const ea = expectedActual(f, lang);
        const tail = ea ? ` (${ea})` : '';
        lines.push(`      ${style.severity(f.severity, pad(word, sevW))}  ${pad(f.cell, cellW)}  ${f.message}${tail}`);
      }
    }
  }
  lines.push('');
  return lines.join('\n') + '\n';
}

export function formatSummaryText(c: SummaryCounts, lang: Lang, style: Style = plain): string {
  return style.bold(messages(lang).summary(c)) + '\n';
}
