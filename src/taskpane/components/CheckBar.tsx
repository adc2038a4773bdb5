import { Button, makeStyles } from '@fluentui/react-components';
import { ArrowClockwise20Regular, TableSearch20Regular } from '@fluentui/react-icons';
import type { Translate } from '../i18n';

const useStyles = makeStyles({ button: { width: '100%' } });

export function CheckBar(props: { t: Translate; checked: boolean; disabled: boolean; onCheck(): void }) {
  const styles = useStyles();
  return (
    <Button
      appearance="primary"
      size="large"
      className={styles.button}
      icon={props.checked ? <ArrowClockwise20Regular /> : <TableSearch20Regular />}
      disabledFocusable={props.disabled}
      onClick={props.disabled ? undefined : props.onCheck}
      data-testid="check"
    >
      {props.checked ? props.t('checkAgain') : props.t('checkWorkbook')}
    </Button>
  );
}
