import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { FixPlan } from '../../core/fixes/types';
import type { Lang } from '../../core/findings';
import { cellRef } from '../findingGroups';
import type { Translate } from '../i18n';
import { EditPreview } from './EditPreview';
import { fixAllEdits } from '../fixText';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 16px))', padding: '16px', boxSizing: 'border-box' },
  list: { listStyleType: 'none', margin: '8px 0 0', padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: { padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, minWidth: 0 },
  ref: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', display: 'block', marginBottom: '2px' },
  content: { maxHeight: '55vh', overflowY: 'auto' },
  actions: { flexWrap: 'wrap' },
});

/** Every edit of "Perbaiki semua", listed before anything is written. */
export function FixAllDialog(props: { t: Translate; lang: Lang; open: boolean; plan: FixPlan; onCancel(): void; onApply(): void }) {
  const { t, plan } = props;
  const styles = useStyles();
  const edits = fixAllEdits(plan);
  const n = edits.length;
  const judged = plan.edits.length - n;
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface className={styles.surface} data-testid="fix-all-dialog">
        <DialogBody>
          <DialogTitle>{t('fixAllTitle', { n })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('fixAllIntro')}</Text>
            {judged > 0 && (
              <Text block size={200}>
                {t('fixJudgementLeft', { n: judged })}
              </Text>
            )}
            {plan.skipped.length > 0 && (
              <Text block size={200}>
                {t('fixSkipped', { n: plan.skipped.length })}
              </Text>
            )}
            <ol className={styles.list} aria-label={t('fixAllTitle', { n })}>
              {edits.map((e) => (
                <li key={`${e.sheet}!${e.address}`} className={styles.item}>
                  <span className={styles.ref}>{cellRef(e.sheet, e.address)}</span>
                  <EditPreview t={t} lang={props.lang} edit={e} />
                </li>
              ))}
            </ol>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={props.onApply} data-testid="fix-all-apply">
              {t('fixAllApply', { n })}
            </Button>
            <Button appearance="secondary" onClick={props.onCancel}>
              {t('cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
