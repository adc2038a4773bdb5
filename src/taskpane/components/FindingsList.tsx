import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDown16Regular, ArrowUp16Regular, ChevronDown16Regular, ChevronUp16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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
  nav: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '6px' },
  navButton: { minWidth: 0 },
  position: { color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

function NarrativeUnlinked(props: { t: Translate; children: (list: Finding[]) => ReactNode; list: Finding[]; open: boolean; onToggle(): void }) {
  const styles = useStyles();
  const id = useId();
  const shown = props.open;
  return (
    <>
      <Button
        appearance="subtle"
        size="small"
        className={styles.toggle}
        icon={shown ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
        aria-expanded={shown}
        aria-controls={id}
        onClick={props.onToggle}
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
  /** Resolves true once the edits are written and the workbook checked again. */
  onApply(edits: CellEdit[]): Promise<boolean>;
  /** Resolves true once the finding is on the workbook's ignore list. */
  onIgnore(f: Finding, reason: string): Promise<boolean>;
}) {
  const { t } = props;
  const styles = useStyles();
  const headingId = useId();
  const hintId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [text, setText] = useState('');
  const [openUnlinked, setOpenUnlinked] = useState<ReadonlySet<string>>(() => new Set());
  /** The list's Tab stop, and the finding whose cell was selected last (by key: they survive a re-check). */
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  /** After a fix: where focus goes once the re-checked list is shown (the findings after the fixed one, then those before it). */
  const [pendingFocus, setPendingFocus] = useState<string[] | null>(null);

  const filtered = useMemo(() => filterFindings(props.findings, { severities: shown, text }), [props.findings, shown, text]);
  const groups = useMemo(() => groupFindings(filtered, props.tables), [filtered, props.tables]);
  const searching = text.trim() !== '';
  const unlinkedShown = useCallback((key: string) => searching || openUnlinked.has(key), [searching, openUnlinked]);

  // The findings in the order they are shown (collapsed ones left out): what the arrow keys and Sebelumnya/Berikutnya walk.
  const order = useMemo(
    () => groups.flatMap((g) => (g.type === 'sheet' ? g.tables.flatMap((tg) => tg.findings) : [...g.findings, ...(unlinkedShown(g.key) ? g.unlinked : [])])),
    [groups, unlinkedShown],
  );
  const keys = useMemo(() => order.map(findingKey), [order]);
  const indexOf = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);
  const tabStop = activeKey !== null && indexOf.has(activeKey) ? activeKey : keys[0];
  const selectedAt = selectedKey !== null ? indexOf.get(selectedKey) : undefined;

  const focusAt = useCallback((i: number) => {
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-finding-main][data-index="${i}"]`);
    if (!el) return false;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: 'nearest' });
    return true;
  }, []);

  useEffect(() => {
    if (!pendingFocus) return;
    setPendingFocus(null);
    const i = pendingFocus.map((k) => indexOf.get(k)).find((x) => x !== undefined);
    if (i !== undefined && focusAt(i)) return;
    if (keys.length > 0 && focusAt(0)) return;
    headingRef.current?.focus();
  }, [pendingFocus, indexOf, keys, focusAt]);

  if (props.findings.length === 0) return null;

  const selectFinding = (f: Finding) => {
    if (!f.source) props.onSelect(f.sheet, f.cell);
    else if (f.related) props.onSelect(f.related.sheet, f.related.cell);
  };

  /** Sebelumnya / Berikutnya: the neighbour becomes current and its cell is selected; focus stays on the button pressed. */
  const step = (delta: 1 | -1) => {
    if (keys.length === 0) return;
    const from = selectedAt ?? (delta > 0 ? -1 : keys.length);
    const i = Math.min(keys.length - 1, Math.max(0, from + delta));
    setActiveKey(keys[i]);
    setSelectedKey(keys[i]);
    rootRef.current?.querySelector<HTMLElement>(`[data-finding-main][data-index="${i}"]`)?.scrollIntoView?.({ block: 'nearest' });
    selectFinding(order[i]);
  };

  // Arrow keys, Home and End move focus between findings (the list is one Tab stop); Enter and Space are the buttons' own.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (!target.hasAttribute('data-finding-main')) return;
    const at = Number(target.getAttribute('data-index'));
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? keys.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    focusAt(Math.min(keys.length - 1, Math.max(0, next)));
  };

  /**
   * Run an action on a finding that may take it out of the list (a fix; ignoring it
   * works the same way): once it succeeded and the list is shown again, the next
   * finding takes focus, or the one before it when it was the last.
   */
  const actThenFocusNext = async (f: Finding, act: () => Promise<boolean>) => {
    const at = indexOf.get(findingKey(f)) ?? 0;
    if (await act()) setPendingFocus([...keys.slice(at + 1), ...keys.slice(0, at).reverse()]);
  };

  const renderList = (list: Finding[]) => (
    <ul className={styles.list} role="list">
      {list.map((f) => {
        const key = findingKey(f);
        return (
          <FindingItem
            key={key}
            t={t}
            lang={props.lang}
            finding={f}
            edits={editsFor(props.fixIndex, f)}
            disabled={props.disabled}
            index={indexOf.get(key) ?? -1}
            current={key === tabStop}
            selected={key === selectedKey}
            onActivate={() => setActiveKey(key)}
            onSelect={(sheet, cell) => {
              setActiveKey(key);
              setSelectedKey(key);
              props.onSelect(sheet, cell);
            }}
            onApply={(edits) => void actThenFocusNext(f, () => props.onApply(edits))}
            onIgnore={(reason) => void actThenFocusNext(f, () => props.onIgnore(f, reason))}
          />
        );
      })}
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
          <NarrativeUnlinked
            t={t}
            list={g.unlinked}
            open={unlinkedShown(g.key)}
            onToggle={() =>
              setOpenUnlinked((prev) => {
                const next = new Set(prev);
                if (!next.delete(g.key)) next.add(g.key);
                return next;
              })
            }
          >
            {renderList}
          </NarrativeUnlinked>
        )}
      </section>
    );
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} aria-describedby={hintId} ref={rootRef} onKeyDown={onKeyDown} data-testid="findings">
      <h2 id={headingId} className={styles.heading} tabIndex={-1} ref={headingRef}>
        {t('findingsHeading', { n: props.findings.length })}
      </h2>
      <span id={hintId} className={styles.hidden}>
        {t('findingsKeysHint')}
      </span>
      <div className={styles.nav} role="group" aria-label={t('findingsNavLabel')}>
        <Button
          size="small"
          className={styles.navButton}
          icon={<ArrowUp16Regular />}
          aria-label={t('findingPrev')}
          disabledFocusable={keys.length === 0 || selectedAt === 0 || selectedAt === undefined}
          onClick={() => step(-1)}
          data-testid="finding-prev"
        >
          {t('findingPrevShort')}
        </Button>
        <Button
          size="small"
          className={styles.navButton}
          icon={<ArrowDown16Regular />}
          aria-label={t('findingNext')}
          disabledFocusable={keys.length === 0 || selectedAt === keys.length - 1}
          onClick={() => step(1)}
          data-testid="finding-next"
        >
          {t('findingNextShort')}
        </Button>
        <Text size={200} className={styles.position} aria-live="polite" data-testid="finding-position">
          {selectedAt !== undefined ? t('findingPosition', { i: selectedAt + 1, n: keys.length }) : ''}
        </Text>
      </div>
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
