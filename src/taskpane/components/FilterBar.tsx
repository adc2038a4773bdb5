import { makeStyles, SearchBox, ToggleButton } from '@fluentui/react-components';
import type { Severity } from '../../core/findings';
import { chipPressed, SEVERITIES, type SeverityCounts } from '../findingGroups';
import { SEVERITY_KEY, type Translate } from '../i18n';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  toggles: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  toggle: { minWidth: 0, paddingLeft: '8px', paddingRight: '8px' },
  search: { width: '100%', maxWidth: '100%', minWidth: 0 },
});

export function FilterBar(props: {
  t: Translate;
  counts: SeverityCounts;
  shown: ReadonlySet<Severity>;
  text: string;
  onToggle(s: Severity): void;
  onText(text: string): void;
}) {
  const { t } = props;
  const styles = useStyles();
  return (
    <div className={styles.root} role="search" aria-label={t('filterLabel')}>
      <div className={styles.toggles} role="group" aria-label={t('filterLabel')}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            className={styles.toggle}
            checked={chipPressed(props.shown, s)}
            icon={<SeverityIcon severity={s} />}
            onClick={() => props.onToggle(s)}
            title={t('filterSeverity', { severity: t(SEVERITY_KEY[s]) })}
            data-testid={`filter-${s}`}
          >
            {t(SEVERITY_KEY[s])} {props.counts[s]}
          </ToggleButton>
        ))}
      </div>
      <SearchBox
        className={styles.search}
        value={props.text}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        onChange={(_, d) => props.onText(d.value)}
        data-testid="search"
      />
    </div>
  );
}
