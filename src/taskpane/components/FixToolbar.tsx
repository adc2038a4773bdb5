import { Button, makeStyles, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowUndo20Regular, Wrench20Regular } from '@fluentui/react-icons';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  button: { maxWidth: '100%' },
});

export function FixToolbar(props: { t: Translate; fixCount: number; revertCount: number; disabled: boolean; onFixAll(): void; onRevert(): void }) {
  const { t } = props;
  const styles = useStyles();
  // The fix-all dialog is opened without a DialogTrigger: this tells Fluent where focus goes back when it closes (Escape, Batal).
  const restoreFocus = useRestoreFocusTarget();
  if (props.fixCount === 0 && props.revertCount === 0) return null;
  return (
    <div className={styles.root} role="group" aria-label={t('fix')}>
      {props.fixCount > 0 && (
        <Button className={styles.button} icon={<Wrench20Regular />} disabled={props.disabled} onClick={props.onFixAll} data-testid="fix-all" {...restoreFocus}>
          {t('fixAll', { n: props.fixCount })}
        </Button>
      )}
      {props.revertCount > 0 && (
        <Button className={styles.button} icon={<ArrowUndo20Regular />} disabled={props.disabled} onClick={props.onRevert} data-testid="revert">
          {t('revert', { n: props.revertCount })}
        </Button>
      )}
    </div>
  );
}
