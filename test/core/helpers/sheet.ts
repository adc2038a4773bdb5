import type { RawValue, SheetSnapshot, ValueType, WorkbookSnapshot } from '../../../src/core/snapshot';

/** A cell for tests: a plain value, a formula with its cached result, an error, or a number with a format. */
export type TestCell =
  | RawValue
  | null
  | { f: string; v?: number | string; fmt?: string }
  | { err: string; f?: string }
  | { n: number; fmt: string; text?: string };

/** Build a snapshot the way the readers do, from rows of test cells starting at A1 (or at `origin`). */
export function sheet(name: string, rows: TestCell[][], merges: string[] = [], origin = { row: 0, col: 0 }): SheetSnapshot {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const formulas: RawValue[][] = [];
  const numberFormat: string[][] = [];
  const valueTypes: ValueType[][] = [];
  for (const r of rows) {
    const vr: RawValue[] = [];
    const tr: string[] = [];
    const fr: RawValue[] = [];
    const nr: string[] = [];
    const yr: ValueType[] = [];
    for (let c = 0; c < width; c++) {
      const cell = r[c] ?? null;
      let v: RawValue = '';
      let f: RawValue = '';
      let fmt = 'General';
      let t: ValueType = 'Empty';
      let shown: string | undefined;
      if (cell === null || cell === '') {
        // empty
      } else if (typeof cell === 'object' && 'err' in cell) {
        v = cell.err;
        f = cell.f ? `=${cell.f}` : cell.err;
        t = 'Error';
      } else if (typeof cell === 'object' && 'f' in cell) {
        v = cell.v ?? '';
        f = `=${cell.f}`;
        fmt = cell.fmt ?? 'General';
        t = cell.v === undefined ? 'Empty' : typeof cell.v === 'number' ? 'Double' : 'String';
      } else if (typeof cell === 'object' && 'n' in cell) {
        v = cell.n;
        f = cell.n;
        fmt = cell.fmt;
        t = 'Double';
        shown = cell.text;
      } else {
        v = cell as RawValue;
        f = v;
        t = typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }
      vr.push(v);
      fr.push(f);
      nr.push(fmt);
      yr.push(t);
      tr.push(shown ?? (t === 'Empty' ? '' : String(v)));
    }
    values.push(vr);
    text.push(tr);
    formulas.push(fr);
    numberFormat.push(nr);
    valueTypes.push(yr);
  }
  return { name, visibility: 'Visible', origin, values, text, formulas, numberFormat, valueTypes, merges };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** The compact shape golden tests compare. */
export function brief(f: { code: string; severity: string; sheet: string; cell: string; expected?: string; actual?: string }): string {
  return [f.severity, f.code, f.sheet, f.cell, f.expected ?? '', f.actual ?? ''].join(' | ');
}

/** Findings about the tables themselves, leaving out what the narrative checks add. */
export function tableFindings<T extends { code: string; sheet: string; related?: unknown; source?: unknown }>(report: { findings: T[] }): T[] {
  return report.findings.filter((f) => !f.related && !f.source && !f.code.startsWith('narrative-') && f.code !== 'terbilang-mismatch' && f.sheet !== 'Narasi');
}
