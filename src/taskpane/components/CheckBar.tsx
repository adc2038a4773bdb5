import { Button, makeStyles } from '@fluentui/react-components';
import { ArrowClockwise20Regular, TableSearch20Regular } from '@fluentui/react-icons';
import type { ReadScope } from '../../host/types';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  button: { width: '100%' },
  scopes: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

export function CheckBar(props: {
  t: Translate;
  checked: boolean;
  disabled: boolean;
  onCheck(): void;
  /** Set when the workbook was too large to read at once: a check of a part is offered. */
  onCheckPart?: (scope: Exclude<ReadScope, 'workbook'>) => void;
}) {
  const styles = useStyles();
  const { t, disabled, onCheckPart } = props;
  return (
    <>
      <Button
        appearance="primary"
        size="large"
        className={styles.button}
        icon={props.checked ? <ArrowClockwise20Regular /> : <TableSearch20Regular />}
        disabledFocusable={disabled}
        onClick={disabled ? undefined : props.onCheck}
        data-testid="check"
      >
        {props.checked ? t('checkAgain') : t('checkWorkbook')}
      </Button>
      {onCheckPart && (
        <div role="group" aria-label={t('scopeLabel')} className={styles.scopes} data-testid="check-part">
          <Button disabledFocusable={disabled} onClick={disabled ? undefined : () => onCheckPart('selection')} data-testid="check-selection">
            {t('checkSelection')}
          </Button>
          <Button disabledFocusable={disabled} onClick={disabled ? undefined : () => onCheckPart('activeSheet')} data-testid="check-active-sheet">
            {t('checkActiveSheet')}
          </Button>
        </div>
      )}
    </>
  );
}
