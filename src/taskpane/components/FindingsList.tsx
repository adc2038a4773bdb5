import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronUp16Regular } from '@fluentui/react-icons';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { CellEdit } from '../../core/fixes/types';
import type { Finding, Lang, Severity } from '../../core/findings';
import type { RecognizedTable } from '../../core/model';
import { filterFindings, findingKey, groupFindings, SEVERITIES, showOnly, type FindingGroup, type SeverityCounts } from '../findingGroups';
import { editsFor } from '../fixText';
import { KIND_KEY, type Translate } from '../i18n';
import { FilterBar } from './FilterBar';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  shown: { color: tokens.colorNeutralForeground3 },
  group: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: '2px',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  tableHeading: { margin: '4px 0 0', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  toggle: { alignSelf: 'flex-start', maxWidth: '100%', height: 'auto', minHeight: '24px', textAlign: 'start' },
});

function NarrativeUnlinked(props: { t: Translate; children: (list: Finding[]) => ReactNode; list: Finding[]; forceOpen: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open || props.forceOpen;
  return (
    <>
      <Button
        appearance="subtle"
        size="small"
        className={styles.toggle}
        icon={shown ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        data-testid="unlinked-toggle"
      >
        {shown ? props.t('unlinkedToggleHide') : props.t('unlinkedToggleShow', { n: props.list.length })}
      </Button>
      <div id={id} hidden={!shown}>
        {shown && props.children(props.list)}
      </div>
    </>
  );
}

export function FindingsList(props: {
  t: Translate;
  lang: Lang;
  findings: Finding[];
  tables: RecognizedTable[];
  counts: SeverityCounts;
  fixIndex: Map<string, CellEdit>;
  disabled: boolean;
  onSelect(sheet: string, cell: string): void;
  onApply(edits: CellEdit[]): void;
}) {
  const { t } = props;
  const styles = useStyles();
  const headingId = useId();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [text, setText] = useState('');

  const filtered = useMemo(() => filterFindings(props.findings, { severities: shown, text }), [props.findings, shown, text]);
  const groups = useMemo(() => groupFindings(filtered, props.tables), [filtered, props.tables]);
  const searching = text.trim() !== '';

  if (props.findings.length === 0) return null;

  const renderList = (list: Finding[]) => (
    <ul className={styles.list} role="list">
      {list.map((f) => (
        <FindingItem
          key={findingKey(f)}
          t={t}
          lang={props.lang}
          finding={f}
          edits={editsFor(props.fixIndex, f)}
          disabled={props.disabled}
          onSelect={props.onSelect}
          onApply={props.onApply}
        />
      ))}
    </ul>
  );

  const renderGroup = (g: FindingGroup) => {
    if (g.type === 'sheet') {
      return (
        <section key={g.key} className={styles.group} aria-label={t('sheetGroup', { sheet: g.sheet })} data-testid="group">
          <h3 className={styles.groupHeading}>
            {t('sheetGroup', { sheet: g.sheet })} ({g.count})
          </h3>
          {g.tables.map((tg) => (
            <div key={tg.range ?? '-'} className={styles.group}>
              <h4 className={styles.tableHeading}>
                {tg.range ? t('tableGroup', { kind: tg.kind ? t(KIND_KEY[tg.kind]) : '', range: tg.range }).trim() : t('outsideTables')}
              </h4>
              {renderList(tg.findings)}
            </div>
          ))}
        </section>
      );
    }
    const title = g.from === 'file' ? t('narrativeFileGroup', { name: g.name }) : t('narrativeSheetGroup', { name: g.name });
    return (
      <section key={g.key} className={styles.group} aria-label={title} data-testid="group">
        <h3 className={styles.groupHeading}>
          {title} ({g.count})
        </h3>
        {g.findings.length > 0 && renderList(g.findings)}
        {g.unlinked.length > 0 && (
          <NarrativeUnlinked t={t} list={g.unlinked} forceOpen={searching}>
            {renderList}
          </NarrativeUnlinked>
        )}
      </section>
    );
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="findings">
      <h2 id={headingId} className={styles.heading}>
        {t('findingsHeading', { n: props.findings.length })}
      </h2>
      <FilterBar
        t={t}
        counts={props.counts}
        shown={shown}
        text={text}
        onToggle={(s) => setShown((prev) => showOnly(prev, s))}
        onText={setText}
      />
      {filtered.length !== props.findings.length && (
        <Text size={200} className={styles.shown} role="status">
          {t('shownOf', { shown: filtered.length, total: props.findings.length })}
        </Text>
      )}
      {filtered.length === 0 ? (
        <div>
          <Text block>{t('noneMatch')}</Text>
          <Button
            size="small"
            onClick={() => {
              setShown(new Set(SEVERITIES));
              setText('');
            }}
          >
            {t('clearFilter')}
          </Button>
        </div>
      ) : (
        groups.map(renderGroup)
      )}
    </section>
  );
}
