import { Button, Text } from '@fluentui/react-components';
import { Eye16Regular, ChevronDown16Regular, ChevronUp16Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { Finding, Lang } from '../../core/findings';
import type { IgnoreEntry } from '../../core/ignore';
import { cellRef } from '../findingGroups';
import { SEVERITY_KEY, type Translate } from '../i18n';
import { useCellListStyles } from './cellListStyles';

/** One ignored entry as listed: the finding it still matches in this check, if any. */
export interface IgnoredItem {
  entry: IgnoreEntry;
  finding?: Finding;
}

function when(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * "Diabaikan (n)": what the office dismissed, with the reason given, and "Tampilkan lagi"
 * to bring a finding back. Entries that no longer match a finding (the cell was fixed
 * since) are listed too, so the list can be tidied.
 */
export function IgnoredPanel(props: { t: Translate; lang: Lang; items: readonly IgnoredItem[]; disabled: boolean; onRestore(entry: IgnoreEntry, last: boolean): void }) {
  const { t, lang, items } = props;
  const styles = useCellListStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  /** After a restore: the position whose button takes focus once the list has changed. */
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    if (focusAt.current === null || props.disabled) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid="restore-ignored"]');
    const target = buttons?.[Math.min(focusAt.current, buttons.length - 1)];
    focusAt.current = null;
    (target ?? toggleRef.current)?.focus();
  }, [items, props.disabled]);

  if (items.length === 0) return null;
  return (
    <div className={styles.root} data-testid="ignored-panel">
      <Button
        ref={toggleRef}
        className={styles.toggle}
        appearance="subtle"
        size="small"
        icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="ignored-toggle"
      >
        {t('ignoredToggle', { n: items.length })}
      </Button>
      {open && (
        <section id={panelId} aria-labelledby={headingId} className={styles.root}>
          <h3 id={headingId} className={styles.heading}>
            {t('ignoredHeading', { n: items.length })}
          </h3>
          <Text size={200} className={styles.note}>
            {t('ignoredNote')}
          </Text>
          <ul ref={listRef} className={styles.list}>
            {items.map(({ entry, finding }, i) => {
              const place = entry.source ? `${entry.source.file} ¶${entry.source.paragraph}` : cellRef(entry.sheet, entry.cell);
              const label = `${place}: ${finding ? t(SEVERITY_KEY[finding.severity]) : t('ignoredGone')}`;
              return (
                <li key={`${entry.code}|${entry.sheet}|${entry.cell}|${entry.source?.file ?? ''}|${entry.source?.paragraph ?? ''}`} className={styles.item} data-testid="ignored-item">
                  <span className={styles.ref}>{label}</span>
                  <Text size={200} className={styles.message}>
                    {finding?.message ?? entry.message ?? entry.code}
                  </Text>
                  <Text size={200} className={styles.note}>
                    {entry.reason ? t('ignoredReasonWhen', { reason: entry.reason, when: when(entry.at, lang) }) : t('ignoredWhen', { when: when(entry.at, lang) })}
                  </Text>
                  <Button
                    className={styles.action}
                    size="small"
                    icon={<Eye16Regular />}
                    disabled={props.disabled}
                    aria-label={t('restoreIgnoredAria', { place })}
                    onClick={() => {
                      focusAt.current = i;
                      props.onRestore(entry, items.length === 1);
                    }}
                    data-testid="restore-ignored"
                  >
                    {t('restoreIgnored')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
