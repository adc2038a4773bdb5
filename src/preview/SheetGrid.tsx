/**
 * Read-only view of one sheet of the preview's workbook: sheet tabs, a
 * formula bar, row and column headers, the selected cell highlighted and
 * scrolled into view. This is where "select the cell" lands without Excel.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import type { Lang } from '../core/findings';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { Translate } from '../taskpane/i18n';
import { cellContent, columnPixels, gridView, planCellCss } from './gridModel';
import type { SheetStyles } from './tableInsert';
import { cellRef } from '../taskpane/findingGroups';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, height: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  tabs: {
    display: 'flex',
    gap: '2px',
    overflowX: 'auto',
    padding: '4px 4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    flexShrink: 0,
  },
  tab: {
    flexShrink: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: 'none',
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    padding: '4px 10px',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, borderBottom: `2px solid ${tokens.colorBrandStroke1}` },
  bar: {
    display: 'flex',
    gap: '8px',
    alignItems: 'baseline',
    padding: '4px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    minHeight: '20px',
    flexShrink: 0,
    minWidth: 0,
  },
  barRef: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, flexShrink: 0, maxWidth: '45%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  barContent: { fontFamily: tokens.fontFamilyMonospace, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  scroller: { overflow: 'auto', flexGrow: 1, minHeight: 0, position: 'relative' },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '2px 6px',
    minWidth: '48px',
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    textAlign: 'right',
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    maxWidth: '18em',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'top',
    height: '20px',
  },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  error: { color: tokens.colorPaletteRedForeground1 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
    position: 'relative',
  },
  headSelected: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { padding: '8px', color: tokens.colorNeutralForeground3 },
});

export function SheetGrid(props: {
  t: Translate;
  /** The pane's language: numbers drawn with its separators, as Excel under those regional settings. */
  lang: Lang;
  snapshot: WorkbookSnapshot;
  activeSheet: string | null;
  selected: { sheet: string; address: string } | null;
  version: number;
  /** Formatting of tables the pane inserted into this workbook, per sheet. */
  styles?: Record<string, SheetStyles>;
  onShowSheet(name: string): void;
  /** A click on a cell selects it (where "Sisipkan di sel terpilih" puts a table). */
  onSelectCell?(sheet: string, address: string): void;
}) {
  const { t, snapshot } = props;
  const styles = useStyles();
  const sheet = snapshot.sheets.find((s) => s.name === props.activeSheet) ?? snapshot.sheets[0];
  const selectedHere = props.selected && sheet && props.selected.sheet === sheet.name ? props.selected.address : null;
  const view = useMemo(() => (sheet && sheet.kind !== 'chart' ? gridView(sheet, selectedHere, props.lang) : null), [sheet, selectedHere, props.lang]);
  const scroller = useRef<HTMLDivElement>(null);

  // Another sheet without a selected cell starts at its top-left corner.
  useEffect(() => {
    if (!selectedHere) scroller.current?.scrollTo?.(0, 0);
    // Only when the sheet changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet?.name]);

  useEffect(() => {
    if (!selectedHere) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${selectedHere}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedHere, props.version, sheet?.name]);

  const sheetStyles = sheet ? props.styles?.[sheet.name] : undefined;
  const selRow = selectedHere ? Number(/\d+/.exec(selectedHere)?.[0]) - 1 : -1;
  const selCol = selectedHere ? /^[A-Z]+/.exec(selectedHere)?.[0] : undefined;

  return (
    <section className={styles.root} aria-label={sheet ? t('gridLabel', { sheet: sheet.name }) : undefined} data-testid="grid">
      <div className={styles.tabs} role="tablist" aria-label={t('sheetTabs')}>
        {snapshot.sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            aria-selected={s === sheet}
            tabIndex={s === sheet ? 0 : -1}
            className={mergeClasses(styles.tab, s === sheet && styles.tabActive)}
            onClick={() => props.onShowSheet(s.name)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = snapshot.sheets.indexOf(s) + (e.key === 'ArrowRight' ? 1 : -1);
              const next = snapshot.sheets[(i + snapshot.sheets.length) % snapshot.sheets.length];
              props.onShowSheet(next.name);
              const tabs = e.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('[role="tab"]');
              tabs?.[snapshot.sheets.indexOf(next)]?.focus();
            }}
            data-testid="sheet-tab"
            data-sheet={s.name}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className={styles.bar} data-testid="formula-bar" aria-live="polite">
        <span className={styles.barRef}>{selectedHere && sheet ? cellRef(sheet.name, selectedHere) : ''}</span>
        <span className={styles.barContent} data-testid="formula-bar-content">
          {selectedHere && sheet ? cellContent(sheet, selectedHere, props.lang) : ''}
        </span>
      </div>
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={sheet ? t('gridLabel', { sheet: sheet.name }) : ''}>
        {!sheet || sheet.kind === 'chart' ? (
          <p className={styles.note}>{t('chartSheet')}</p>
        ) : view && sheet.values.length === 0 && !selectedHere ? (
          <p className={styles.note}>{t('emptySheet')}</p>
        ) : (
          view && (
            <table className={styles.table} data-sheet={sheet.name}>
              <thead>
                <tr>
                  <th className={mergeClasses(styles.colHead, styles.corner)} aria-hidden="true" />
                  {view.cols.map((c) => (
                    <th
                      key={c.col}
                      scope="col"
                      className={mergeClasses(styles.colHead, c.letter === selCol && styles.headSelected)}
                      style={sheetStyles?.widths[c.col] ? { width: `${columnPixels(sheetStyles.widths[c.col])}px`, minWidth: `${columnPixels(sheetStyles.widths[c.col])}px` } : undefined}
                    >
                      {c.letter}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row, i) => (
                  <tr key={row}>
                    <th scope="row" className={mergeClasses(styles.rowHead, row === selRow && styles.headSelected)}>
                      {row + 1}
                    </th>
                    {view.cells[i].map((cell, j) => {
                      if (!cell) return null;
                      const sel = cell.address === selectedHere;
                      const key = `${row},${view.cols[j].col}`;
                      const planStyle = sheetStyles?.cells[key];
                      return (
                        <td
                          style={planCellCss(planStyle, sheetStyles?.edges[key])}
                          onClick={props.onSelectCell && sheet ? () => props.onSelectCell!(sheet.name, cell.address) : undefined}
                          key={cell.address}
                          rowSpan={cell.rowSpan}
                          colSpan={cell.colSpan}
                          title={cell.text.length > 20 ? cell.text : undefined}
                          className={mergeClasses(styles.cell, cell.numeric && styles.numeric, cell.error && styles.error, sel && styles.selected)}
                          data-cell={cell.address}
                          data-selected={sel ? 'true' : undefined}
                          aria-current={sel ? true : undefined}
                        >
                          {cell.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        )}
      </div>
    </section>
  );
}
