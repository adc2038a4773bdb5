/**
 * A report table as it will come out (the same HTML "Salin untuk Word" puts on
 * the clipboard), shown in the pane before it is inserted, copied or
 * downloaded. Opened on request so a list of tables stays short; the table
 * scrolls inside its own region, which takes keyboard focus so arrow keys scroll
 * it, and keeps Word's black on white in either theme.
 */
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronUp16Regular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import type { Lang } from '../../core/findings';
import type { TableSpec } from '../../core/tables/types';
import type { Translate } from '../i18n';
import { errorMessage } from '../errorMessages';
import { loadTablesEngine } from '../loadTables';

const useStyles = makeStyles({
  toggle: { alignSelf: 'flex-start', maxWidth: '100%' },
  region: {
    overflow: 'auto',
    maxHeight: '50vh',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    color: '#000000',
    padding: '6px',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

export interface TablePreviewProps {
  t: Translate;
  lang: Lang;
  spec: TableSpec;
  /** The table's name, for the region's label. */
  name: string;
}

export function TablePreview({ t, lang, spec, name }: TablePreviewProps) {
  const styles = useStyles();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setFailed(null);
    // tableToHtml escapes every cell's text: a cell reading <script> stays text.
    loadTablesEngine()
      .then(({ tableToHtml }) => live && setHtml(tableToHtml(spec, { lang })))
      .catch((e: unknown) => live && setFailed(errorMessage(e, lang)));
    return () => {
      live = false;
    };
  }, [open, spec, lang]);

  return (
    <>
      <Button
        className={styles.toggle}
        size="small"
        appearance="subtle"
        icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
        aria-expanded={open}
        aria-controls={open ? regionId : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid="spec-preview-toggle"
      >
        {open ? t('tablePreviewHide') : t('tablePreviewShow')}
      </Button>
      {open && (
        <div id={regionId} className={styles.region} role="region" tabIndex={0} aria-label={t('tablePreview', { name })} lang="id" data-testid="spec-preview">
          {html !== null ? (
            // As wide as the page it will be printed on (about 110 px a column), so no word breaks mid-word; the region scrolls sideways at 320 px.
            <div style={{ minWidth: `${Math.max(520, spec.columns.length * 110)}px` }} dangerouslySetInnerHTML={{ __html: html }} />
          ) : failed !== null ? (
            <span role="alert">{failed}</span>
          ) : (
            <Spinner size="tiny" />
          )}
        </div>
      )}
    </>
  );
}
