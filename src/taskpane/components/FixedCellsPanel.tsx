import { Button, Spinner, Text } from '@fluentui/react-components';
import { ArrowUndo16Regular, ChevronDown16Regular, ChevronUp16Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../../core/findings';
import type { FixedCell } from '../../host/types';
import { errorMessage } from '../errorMessages';
import { cellRef } from '../findingGroups';
import { describeContent } from '../fixText';
import type { Translate } from '../i18n';
import { rowLabelAt, type LabelledTable } from '../rowLabels';
import { EditPreview } from './EditPreview';
import { useCellListStyles } from './cellListStyles';

export interface FixedCellsPanelProps {
  t: Translate;
  lang: Lang;
  /** Cells in the revert log, as last counted. */
  count: number;
  /** Changes whenever the workbook was checked again, so an open list is read again. */
  version: number;
  tables: readonly LabelledTable[];
  disabled: boolean;
  load(): Promise<FixedCell[]>;
  /** Revert one cell; resolves true when it was written back. `last` says no other cell is listed. */
  onRevert(cell: FixedCell, last: boolean): Promise<boolean>;
}

/** What the add-in changed, read from the revert log: cell, row, original → now, and "Kembalikan" for each cell. */
export function FixedCellsPanel(props: FixedCellsPanelProps) {
  const { t } = props;
  const styles = useCellListStyles();
  const [open, setOpen] = useState(false);
  const [cells, setCells] = useState<FixedCell[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  /** After a revert: the position whose button takes focus once the list is read again. */
  const focusAt = useRef<number | null>(null);
  const { load, lang } = props;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    load().then(
      (list) => live && setCells(list),
      (e: unknown) => live && setError(errorMessage(e, lang)),
    );
    return () => {
      live = false;
    };
  }, [open, props.version, props.count, load, lang]);

  // With the last cell reverted the list is gone; it starts afresh, closed, when the add-in changes cells again.
  useEffect(() => {
    if (props.count > 0) return;
    focusAt.current = null;
    setOpen(false);
    setCells(null);
  }, [props.count]);

  useEffect(() => {
    if (focusAt.current === null || !cells || props.disabled) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid="revert-one"]');
    // The next cell takes the reverted one's place; after the last, the one before it.
    const target = buttons?.[Math.min(focusAt.current, buttons.length - 1)];
    if (target) {
      focusAt.current = null;
      target.focus();
    }
  }, [cells, props.disabled]);

  if (props.count === 0) return null;

  const revert = async (cell: FixedCell, index: number) => {
    const last = (cells?.length ?? 0) <= 1;
    const ok = await props.onRevert(cell, last);
    if (ok && !last) focusAt.current = index;
  };

  return (
    <div className={styles.root} data-testid="changes">
      <Button
        appearance="subtle"
        size="small"
        className={styles.toggle}
        icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        data-testid="changes-toggle"
      >
        {open ? t('changesHide') : t('changesShow', { n: props.count })}
      </Button>
      <section id={panelId} hidden={!open} className={styles.panel} aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.heading}>
          {t('changesHeading', { n: cells?.length ?? props.count })}
        </h3>
        <Text size={200} className={styles.note}>
          {t('changesIntro')}
        </Text>
        {error && (
          <Text role="alert" size={200}>
            {error}
          </Text>
        )}
        {open && !cells && !error && <Spinner size="tiny" label={t('changesLoading')} />}
        {cells && (
          <ul className={styles.list} ref={listRef}>
            {cells.map((c, i) => {
              const ref = cellRef(c.sheet, c.address);
              const label = rowLabelAt(props.tables, c.sheet, c.address);
              return (
                <li key={`${c.sheet}\u0000${c.address}`} className={styles.item} data-testid="changed-cell" data-sheet={c.sheet} data-cell={c.address}>
                  <span className={styles.ref}>{label ? t('fixItemRow', { ref, label }) : ref}</span>
                  {c.now ? (
                    <EditPreview t={t} lang={props.lang} edit={{ before: c.before, after: c.now }} afterLabel={t('changesNow')} />
                  ) : (
                    <Text size={200}>{t('changesSheetGone', { sheet: c.sheet })}</Text>
                  )}
                  <Button
                    size="small"
                    className={styles.action}
                    icon={<ArrowUndo16Regular />}
                    disabled={props.disabled || !c.now}
                    aria-label={t('revertOneLabel', { ref, before: describeContent(c.before, props.lang) })}
                    onClick={() => void revert(c, i)}
                    data-testid="revert-one"
                  >
                    {t('revertOne')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
