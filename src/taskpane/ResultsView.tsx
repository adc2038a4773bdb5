/**
 * Everything shown after a check (summary, fix buttons, findings, the
 * fix-all dialog). Its own chunk, fetched with the engine, so the first
 * screen stays small.
 */
import type { CellEdit } from '../core/fixes/types';
import type { Lang } from '../core/findings';
import type { CheckResult } from './App';
import { FindingsList } from './components/FindingsList';
import { FixAllDialog } from './components/FixAllDialog';
import { FixToolbar } from './components/FixToolbar';
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
  onFixAllApply(): void;
  onRevert(): void;
  onSelect(sheet: string, cell: string): void;
  onApply(edits: CellEdit[]): void;
}

export default function ResultsView(p: ResultsViewProps) {
  return (
    <>
      <Summary t={p.t} lang={p.lang} result={p.result} counts={p.counts} />
      <FixToolbar t={p.t} fixCount={fixAllEdits(p.result.plan).length} revertCount={p.revertCount} disabled={p.disabled} onFixAll={p.onFixAll} onRevert={p.onRevert} />
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
      />
      <FixAllDialog t={p.t} lang={p.lang} open={p.fixAllOpen} plan={p.result.plan} onCancel={p.onFixAllCancel} onApply={p.onFixAllApply} />
    </>
  );
}
