import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Lang } from '../../core/findings';
import type { CheckResult } from '../App';
import { sheetsWithoutTables, type SeverityCounts } from '../findingGroups';
import { KIND_KEY, type Translate } from '../i18n';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '6px 12px', margin: 0, padding: 0, listStyleType: 'none' },
  count: { display: 'flex', alignItems: 'center', gap: '4px', fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  tables: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
  table: { overflowWrap: 'anywhere' },
  range: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  time: { color: tokens.colorNeutralForeground3 },
});

export function Summary(props: { t: Translate; lang: Lang; result: CheckResult; counts: SeverityCounts }) {
  const { t, result, counts } = props;
  const styles = useStyles();
  const headingId = useId();
  const empty = sheetsWithoutTables(result.sheetNames, result.report.tables);
  const time = result.at.toLocaleTimeString(props.lang === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="summary">
      <h2 id={headingId} className={styles.heading}>
        {t('summaryHeading')}
      </h2>
      <ul className={styles.counts} aria-label={t('summaryHeading')}>
        <li className={styles.count} data-testid="count-error" data-count={counts.error}>
          <SeverityIcon severity="error" />
          {t('countError', { n: counts.error })}
        </li>
        <li className={styles.count} data-testid="count-warning" data-count={counts.warning}>
          <SeverityIcon severity="warning" />
          {t('countWarning', { n: counts.warning })}
        </li>
        <li className={styles.count} data-testid="count-info" data-count={counts.info}>
          <SeverityIcon severity="info" />
          {t('countInfo', { n: counts.info })}
        </li>
      </ul>
      {counts.error + counts.warning + counts.info === 0 && <Text>{t('noFindings')}</Text>}
      <h3 className={styles.sub}>{t('tablesHeading', { n: result.report.tables.length })}</h3>
      {result.report.tables.length === 0 ? (
        <Text>{t('noTables')}</Text>
      ) : (
        <ul className={styles.tables} data-testid="tables">
          {result.report.tables.map((tb) => (
            <li key={`${tb.sheet}!${tb.range}`} className={styles.table}>
              {t(KIND_KEY[tb.kind])} — {tb.sheet} <span className={styles.range}>{tb.range}</span>
            </li>
          ))}
        </ul>
      )}
      {empty.length > 0 && <Text size={200} className={styles.muted}>{t('sheetsWithoutTables', { names: empty.map((s) => `"${s}"`).join(', ') })}</Text>}
      <Text size={200} className={styles.time}>
        {t('checkedAt', { time })}
      </Text>
    </section>
  );
}

