import { Field, makeStyles, ProgressBar, Spinner } from '@fluentui/react-components';
import type { ReadProgress } from '../../host/types';
import type { StringKey, Translate } from '../i18n';
import { useDelayedFlag } from '../useDelayedFlag';

export interface Busy {
  key: StringKey;
  progress?: ReadProgress;
}

const useStyles = makeStyles({ root: { minHeight: '0' } });

/** Shown only when the work takes longer than ~300 ms; a bar when the host reports progress. */
export function BusyIndicator(props: { t: Translate; busy: Busy | null }) {
  const styles = useStyles();
  const shown = useDelayedFlag(props.busy !== null, 300);
  const busy = props.busy;
  if (!busy || !shown) return null;
  const p = busy.progress;
  const label = p ? props.t('readingProgress', { done: p.done, total: p.total }) : props.t(busy.key);
  return (
    <div className={styles.root} role="status" aria-live="polite" data-testid="busy">
      {p && p.total > 0 ? (
        <Field validationMessage={label} validationState="none">
          <ProgressBar value={Math.min(1, p.done / p.total)} aria-label={label} />
        </Field>
      ) : (
        <Spinner size="small" label={label} labelPosition="after" />
      )}
    </div>
  );
}
