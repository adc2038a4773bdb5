/**
 * Which findings `lakip fix` fixes: those that carry a fix for a cell of the workbook
 * (prose read from a separate file has no cell to write) and that the office has not
 * dismissed in the workbook's ignore list. A group the office partly dismissed keeps
 * only the cells still shown.
 */
import type { Finding } from '../findings';
import { fixableFindings } from '../ignore';
import type { WorkbookSnapshot } from '../snapshot';

export function findingsToFix(snapshot: WorkbookSnapshot, findings: readonly Finding[]): Finding[] {
  return fixableFindings(findings, snapshot.ignored ?? []).filter(
    (f) => !f.source && (f.fix !== undefined || f.group?.members.some((m) => m.fix !== undefined)),
  );
}
