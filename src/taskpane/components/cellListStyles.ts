import { makeStyles, tokens } from '@fluentui/react-components';

/** The look shared by the pane's expandable lists of cells (Lihat sel yang diubah, Diabaikan): one toggle, one card per cell. */
export const useCellListStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  toggle: { alignSelf: 'flex-start', maxWidth: '100%', height: 'auto', minHeight: '24px', textAlign: 'start' },
  panel: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  ref: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
});
