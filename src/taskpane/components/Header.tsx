import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import type { Translate } from '../i18n';
import { DeferredTooltip } from './DeferredTooltip';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', gap: '8px', minWidth: 0 },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  workbook: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export function Header(props: { t: Translate; workbook: string; settingsOpen: boolean; onToggleSettings(): void }) {
  const { t } = props;
  const styles = useStyles();
  const label = props.settingsOpen ? t('settingsHide') : t('settingsShow');
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <h1 className={styles.title}>{t('appTitle')}</h1>
        {props.workbook && (
          <Text size={200} className={styles.workbook}>
            {t('workbookLabel', { name: props.workbook })}
          </Text>
        )}
      </div>
      <DeferredTooltip content={label} relationship="label">
        <Button
          appearance={props.settingsOpen ? 'primary' : 'subtle'}
          icon={<Settings20Regular />}
          aria-expanded={props.settingsOpen}
          aria-controls="lakip-settings"
          onClick={props.onToggleSettings}
          data-testid="settings-toggle"
        />
      </DeferredTooltip>
    </header>
  );
}
