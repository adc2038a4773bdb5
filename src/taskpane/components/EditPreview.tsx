import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowRight12Regular } from '@fluentui/react-icons';
import type { CellEdit } from '../../core/fixes/types';
import type { Lang } from '../../core/findings';
import { describeEdit } from '../fixText';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, auto) minmax(0, 1fr)', gap: '2px 8px', alignItems: 'baseline' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  desc: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '2px 6px', minWidth: 0 },
  value: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', minWidth: 0 },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  after: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  arrow: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/**
 * Before -> after of one cell: its content (value or formula) and its number format when that changes too.
 * `afterLabel` names the right-hand side for screen readers ('Sekarang' in the list of changed cells).
 */
export function EditPreview(props: { t: Translate; lang: Lang; edit: Pick<CellEdit, 'before' | 'after'>; afterLabel?: string }) {
  const { t } = props;
  const styles = useStyles();
  const d = describeEdit(props.edit, props.lang);
  const row = (label: string, before: string, after: string, testid: string) => (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.desc} data-testid={testid}>
        <span className={mergeClasses(styles.value, styles.before)}>
          <span className={styles.hidden}>{t('before')}: </span>
          {before}
        </span>
        <ArrowRight12Regular className={styles.arrow} aria-hidden="true" />
        <span className={mergeClasses(styles.value, styles.after)}>
          <span className={styles.hidden}>{props.afterLabel ?? t('after')}: </span>
          {after}
        </span>
      </dd>
    </>
  );
  return (
    <dl className={styles.list}>
      {row(t('valueLabel'), d.content.before, d.content.after, 'edit-content')}
      {d.format.changed && row(t('formatLabel'), d.format.before, d.format.after, 'edit-format')}
    </dl>
  );
}
