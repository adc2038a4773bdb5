import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { EyeOff16Regular, Open16Regular, Wrench16Regular } from '@fluentui/react-icons';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CellEdit } from '../../core/fixes/types';
import type { Finding, Lang } from '../../core/findings';
import { cellRef } from '../findingGroups';
import { SEVERITY_KEY, type Translate } from '../i18n';
import { EditPreview } from './EditPreview';
import { IgnoreForm } from './IgnoreForm';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: '6px',
    minWidth: 0,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    minWidth: 0,
    textAlign: 'start',
    padding: '6px 6px',
    margin: 0,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  static: { cursor: 'default', ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  // The finding last selected (by click, Enter or Sebelumnya/Berikutnya): marked in both themes without relying on colour alone.
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  head: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap', minWidth: 0 },
  word: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, letterSpacing: '0.02em' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  message: { whiteSpace: 'pre-line', overflowWrap: 'anywhere', wordBreak: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', paddingLeft: '6px', paddingRight: '6px' },
  below: { order: 2, flexBasis: '100%', minWidth: 0 },
  action: { maxWidth: '100%', minWidth: 0, height: 'auto', minHeight: '24px', textAlign: 'start' },
  // Inside the row of buttons, after the button that opens it (so Tab reaches it next), shown on its own line below them.
  panel: {
    order: 1,
    flexBasis: '100%',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  panelHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  panelActions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export function FindingItem(props: {
  t: Translate;
  lang: Lang;
  finding: Finding;
  /** The planned edits: one, or one per cell of a grouped finding; the first is previewed. */
  edits: CellEdit[];
  disabled: boolean;
  /** Position in the list as shown, for keyboard moves between findings. */
  index: number;
  /** The list's one Tab stop (roving tabindex): this finding's own controls are reachable by Tab only while it is. */
  current: boolean;
  /** The finding whose cell was selected last. */
  selected: boolean;
  /** This finding took focus or was clicked: it becomes the list's Tab stop. */
  onActivate(): void;
  onSelect(sheet: string, cell: string): void;
  onApply(edits: CellEdit[]): void;
  /** "Abaikan": the office accepts this finding; stored with the workbook. */
  onIgnore(reason: string): void;
}) {
  const { t, finding: f, edits } = props;
  const edit = edits[0] as CellEdit | undefined;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const mainRef = useRef<HTMLElement | null>(null);
  const fixRef = useRef<HTMLButtonElement>(null);
  const ignoreRef = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  const ignoreId = useId();
  const tab = props.current ? 0 : -1;
  const closeIgnore = () => {
    setAsking(false);
    ignoreRef.current?.focus();
  };
  const closePanel = () => {
    setOpen(false);
    fixRef.current?.focus();
  };
  // Escape closes the fix preview and gives focus back to the button that opened it.
  const onPanelKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation();
    closePanel();
  };
  const fromFile = f.source !== undefined;
  const place = fromFile ? `${f.source!.file} ¶${f.source!.paragraph}` : f.cell;
  const ref = cellRef(f.sheet, f.cell);
  const head = (
    <span className={styles.head}>
      <SeverityIcon severity={f.severity} />
      <span className={mergeClasses(styles.word, styles[f.severity])}>{t(SEVERITY_KEY[f.severity])}</span>
      <span className={styles.cell}>{place}</span>
    </span>
  );
  const body = (
    <span className={styles.message} data-testid="finding-message">
      {f.message}
    </span>
  );
  return (
    <li
      className={styles.item}
      data-testid="finding"
      data-severity={f.severity}
      data-code={f.code}
      data-sheet={f.sheet}
      data-cell={f.cell}
    >
      {fromFile ? (
        <div
          ref={(el) => {
            mainRef.current = el;
          }}
          role="group"
          aria-label={place}
          tabIndex={tab}
          className={mergeClasses(styles.main, styles.static, props.selected && styles.selected)}
          onFocus={props.onActivate}
          data-finding-main=""
          data-index={props.index}
        >
          {head}
          {body}
        </div>
      ) : (
        <button
          ref={(el) => {
            mainRef.current = el;
          }}
          type="button"
          tabIndex={tab}
          className={mergeClasses(styles.main, props.selected && styles.selected)}
          title={t('selectCellHint', { ref })}
          aria-current={props.selected ? 'true' : undefined}
          onFocus={props.onActivate}
          onClick={() => props.onSelect(f.sheet, f.cell)}
          data-testid="finding-select"
          data-finding-main=""
          data-index={props.index}
        >
          {head}
          {body}
        </button>
      )}
      <div className={styles.actions}>
        {f.related && (
          <Button
            size="small"
            appearance="subtle"
            className={styles.action}
            icon={<Open16Regular />}
            tabIndex={tab}
            onClick={() => props.onSelect(f.related!.sheet, f.related!.cell)}
            aria-label={t('openRelated', { ref: cellRef(f.related.sheet, f.related.cell) })}
            data-testid="open-related"
          >
            {t('openRelatedShort')} {cellRef(f.related.sheet, f.related.cell)}
          </Button>
        )}
        {edit && (
          <Button
            size="small"
            appearance={open ? 'primary' : 'secondary'}
            className={styles.action}
            icon={<Wrench16Regular />}
            ref={fixRef}
            tabIndex={open ? 0 : tab}
            onKeyDown={onPanelKey}
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={t('fixLabel', { ref })}
            disabled={props.disabled}
            onClick={() => setOpen((v) => !v)}
            data-testid="fix"
          >
            {t('fix')}
          </Button>
        )}
        {edit && open && (
          <div id={panelId} className={styles.panel} role="region" aria-label={t('fixPreviewHeading', { ref })} onKeyDown={onPanelKey} data-testid="fix-panel">
            <h5 className={styles.panelHeading}>{t('fixPreviewHeading', { ref })}</h5>
            <EditPreview t={t} lang={props.lang} edit={edit} />
            {edits.length > 1 && (
              <p className={styles.panelHeading} data-testid="fix-more">
                {t('fixMoreCells', { count: edits.length - 1 })}
              </p>
            )}
            <div className={styles.panelActions}>
              <Button
                appearance="primary"
                size="small"
                disabled={props.disabled}
                aria-label={t('applyLabel', { ref })}
                onClick={() => {
                  setOpen(false);
                  // The panel goes away with this button: focus waits on the finding itself, never on <body>.
                  mainRef.current?.focus();
                  props.onApply(edits);
                }}
                data-testid="apply"
              >
                {t('apply')}
              </Button>
              <Button size="small" onClick={closePanel} data-testid="fix-cancel">
                {t('cancel')}
              </Button>
            </div>
          </div>
        )}
        <Button
          size="small"
          appearance="subtle"
          className={styles.action}
          icon={<EyeOff16Regular />}
          ref={ignoreRef}
          tabIndex={asking ? 0 : tab}
          aria-expanded={asking}
          aria-controls={ignoreId}
          aria-label={t('ignoreAria', { ref: fromFile ? place : ref })}
          disabled={props.disabled}
          onClick={() => setAsking((v) => !v)}
          data-testid="ignore"
        >
          {t('ignore')}
        </Button>
        {asking && (
          <IgnoreForm
            t={t}
            id={ignoreId}
            className={styles.below}
            disabled={props.disabled}
            onCancel={closeIgnore}
            onConfirm={(reason) => {
              setAsking(false);
              // The form goes away: focus waits on the finding until the list moves it to the next one.
              mainRef.current?.focus();
              props.onIgnore(reason);
            }}
          />
        )}
      </div>
    </li>
  );
}
