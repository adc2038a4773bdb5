import { Button, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    boxSizing: 'border-box',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/**
 * "Abaikan" asked inline under the finding (not in a popover: at 320 px and with a
 * screen reader the form stays in reading order): an optional reason, then confirm.
 * Escape or Batal closes it and gives focus back to the button that opened it.
 */
export function IgnoreForm(props: { t: Translate; id: string; className?: string; disabled: boolean; onConfirm(reason: string): void; onCancel(): void }) {
  const { t } = props;
  const styles = useStyles();
  const headingId = useId();
  const [reason, setReason] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      props.onConfirm(reason);
    }
  };
  return (
    <div id={props.id} role="group" aria-labelledby={headingId} className={mergeClasses(styles.panel, props.className)} onKeyDown={onKey} data-testid="ignore-form">
      <h3 id={headingId} className={styles.heading}>
        {t('ignoreTitle')}
      </h3>
      <Field label={t('ignoreReasonLabel')} hint={t('ignoreReasonHint')}>
        <Input ref={inputRef} value={reason} maxLength={500} disabled={props.disabled} onChange={(_, d) => setReason(d.value)} data-testid="ignore-reason" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" size="small" disabled={props.disabled} onClick={() => props.onConfirm(reason)} data-testid="ignore-confirm">
          {t('ignoreConfirm')}
        </Button>
        <Button appearance="secondary" size="small" onClick={props.onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
