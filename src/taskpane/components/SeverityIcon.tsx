import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/findings';

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
});

/** Decorative: the severity word always stands next to it. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  if (severity === 'error') return <ErrorCircle16Filled className={styles.error} aria-hidden="true" />;
  if (severity === 'warning') return <Warning16Filled className={styles.warning} aria-hidden="true" />;
  return <Info16Filled className={styles.info} aria-hidden="true" />;
}

export function useSeverityTextStyles() {
  return useStyles();
}
