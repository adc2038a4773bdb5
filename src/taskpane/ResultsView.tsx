/**
 * Everything shown after a check (summary, fix buttons, the cells changed,
 * findings, the fix-all dialog). Its own chunk, fetched with the engine, so
 * the first screen stays small.
 */
import type { CellEdit } from '../core/fixes/types';
import type { Finding, Lang } from '../core/findings';
import type { IgnoreEntry } from '../core/ignore';
import type { FixedCell } from '../host/types';
import type { CheckResult } from './App';
import { FindingsList } from './components/FindingsList';
import { FixAllDialog } from './components/FixAllDialog';
import { FixedCellsPanel } from './components/FixedCellsPanel';
import { FixToolbar } from './components/FixToolbar';
import { IgnoredPanel, type IgnoredItem } from './components/IgnoredPanel';
import { Summary } from './components/Summary';
import type { SeverityCounts } from './findingGroups';
import type { Translate } from './i18n';
import { fixAllEdits } from './fixText';

export interface ResultsViewProps {
  t: Translate;
  lang: Lang;
  result: CheckResult;
  counts: SeverityCounts;
  fixIndex: Map<string, CellEdit>;
  revertCount: number;
  disabled: boolean;
  fixAllOpen: boolean;
  onFixAll(): void;
  onFixAllCancel(): void;
  /** The edits ticked in the fix-all dialog. */
  onFixAllApply(edits: CellEdit[]): void;
  onRevert(): void;
  loadFixedCells(): Promise<FixedCell[]>;
  onRevertCell(cell: FixedCell, last: boolean): Promise<boolean>;
  onSelect(sheet: string, cell: string): void;
  onApply(edits: CellEdit[]): Promise<boolean>;
  /** What the office dismissed: the entries, each with the finding it still matches. */
  ignored: readonly IgnoredItem[];
  onIgnore(f: Finding, reason: string): Promise<boolean>;
  onRestoreIgnored(entry: IgnoreEntry, last: boolean): void;
}

export default function ResultsView(p: ResultsViewProps) {
  return (
    <>
      <Summary t={p.t} lang={p.lang} result={p.result} counts={p.counts} />
      <FixToolbar t={p.t} fixCount={fixAllEdits(p.result.plan).length} revertCount={p.revertCount} disabled={p.disabled} onFixAll={p.onFixAll} onRevert={p.onRevert} />
      <FixedCellsPanel
        t={p.t}
        lang={p.lang}
        count={p.revertCount}
        version={p.result.at.getTime()}
        tables={p.result.report.tables}
        disabled={p.disabled}
        load={p.loadFixedCells}
        onRevert={p.onRevertCell}
      />
      <FindingsList
        t={p.t}
        lang={p.lang}
        findings={p.result.report.findings}
        tables={p.result.report.tables}
        counts={p.counts}
        fixIndex={p.fixIndex}
        disabled={p.disabled}
        onSelect={p.onSelect}
        onApply={p.onApply}
        onIgnore={p.onIgnore}
      />
      <IgnoredPanel t={p.t} lang={p.lang} items={p.ignored} disabled={p.disabled} onRestore={p.onRestoreIgnored} />
      <FixAllDialog
        t={p.t}
        lang={p.lang}
        open={p.fixAllOpen}
        plan={p.result.plan}
        findings={p.result.report.findings}
        tables={p.result.report.tables}
        onCancel={p.onFixAllCancel}
        onApply={p.onFixAllApply}
      />
    </>
  );
}
