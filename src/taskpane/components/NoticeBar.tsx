import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { forwardRef } from 'react';
import type { Translate } from '../i18n';

export interface Notice {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

const useStyles = makeStyles({
  bar: { alignItems: 'flex-start', minWidth: 0 },
  body: { whiteSpace: 'normal', overflowWrap: 'anywhere', paddingTop: '8px', paddingBottom: '8px' },
});

/** The result of the last action (applied, reverted) or what went wrong and what to do. */
export const NoticeBar = forwardRef<HTMLDivElement, { t: Translate; notice: Notice | null; onDismiss(): void }>(function NoticeBar(props, ref) {
  const styles = useStyles();
  const n = props.notice;
  return (
    <div ref={ref} tabIndex={-1} role={n?.intent === 'error' ? 'alert' : 'status'} aria-live={n?.intent === 'error' ? 'assertive' : 'polite'} data-testid="notice" data-intent={n?.intent ?? ''}>
      {n && (
        <MessageBar intent={n.intent} layout="multiline" className={styles.bar}>
          <MessageBarBody className={styles.body}>{n.text}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label={props.t('dismiss')} onClick={props.onDismiss} />}
          />
        </MessageBar>
      )}
    </div>
  );
});
