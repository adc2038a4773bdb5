import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReadNote } from '../../core/snapshot';
import type { ReadScope } from '../../host/types';
import type { Translate } from '../i18n';

/** What the last check read less than all of: a part only, or without merges / hidden rows Excel refused. */
export function ReadNotes(props: { t: Translate; scope: ReadScope; notes: ReadNote[] }) {
  const { t, scope, notes } = props;
  const lines: string[] = [];
  if (scope === 'selection') lines.push(t('scopeSelection'));
  if (scope === 'activeSheet') lines.push(t('scopeActiveSheet'));
  for (const n of notes) {
    const sheets = n.sheets.map((s) => `"${s}"`).join(', ');
    lines.push(t(n.kind === 'merges-unread' ? 'readNoteMerges' : 'readNoteHidden', { sheets }));
  }
  if (lines.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="read-notes">
      <MessageBarBody>
        {lines.map((l) => (
          <div key={l}>{l}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
