import {
  Button,
  Checkbox,
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
import { useId, useMemo, useState } from 'react';
import type { CellEdit, FixPlan } from '../../core/fixes/types';
import type { Finding, Lang } from '../../core/findings';
import { chosenEdits, defaultChoice, dependentsAllowed, fixChoiceItems, type FixChoice, type FixChoiceItem } from '../fixChoice';
import { cellRef } from '../findingGroups';
import type { StringKey, Translate } from '../i18n';
import type { LabelledTable } from '../rowLabels';
import { EditPreview } from './EditPreview';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 16px))', padding: '16px', boxSizing: 'border-box' },
  content: { maxHeight: '58vh', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  helpers: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  helper: { maxWidth: '100%', minWidth: 0, height: 'auto', minHeight: '24px' },
  count: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  heading: { margin: '6px 0 0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { padding: '4px 8px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2, minWidth: 0 },
  judgement: { borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  ref: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  plainRef: { display: 'block', padding: '4px 0', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  detail: { display: 'flex', flexDirection: 'column', gap: '4px', paddingLeft: '28px', minWidth: 0, overflowWrap: 'anywhere' },
  actions: { flexWrap: 'wrap' },
});

/** One sentence saying why a fix of this finding code changes the cell. */
const REASON_KEY: Record<string, StringKey> = {
  'total-mismatch': 'fixWhyTotal',
  'parent-sum-mismatch': 'fixWhyParent',
  'percent-mismatch': 'fixWhyPercent',
  'division-by-zero': 'fixWhyDivZero',
  'text-number': 'fixWhyTextNumber',
  'identity-mismatch': 'fixWhyIdentity',
  'capaian-mismatch': 'fixWhyCapaian',
  'predikat-mismatch': 'fixWhyPredikat',
};

export interface FixAllDialogProps {
  t: Translate;
  lang: Lang;
  open: boolean;
  plan: FixPlan;
  findings: readonly Finding[];
  tables: readonly LabelledTable[];
  onCancel(): void;
  /** The ticked edits, in plan order. */
  onApply(edits: CellEdit[]): void;
}

/** "Perbaiki semua": every planned edit with a choice per fix, listed before anything is written. */
export function FixAllDialog(props: FixAllDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface className={styles.surface} data-testid="fix-all-dialog">
        {/* Mounted only while open: each opening starts from the plan's own choice. */}
        {props.open && <FixChooser {...props} />}
      </DialogSurface>
    </Dialog>
  );
}

function FixChooser(props: FixAllDialogProps) {
  const { t } = props;
  const styles = useStyles();
  const items = useMemo(() => fixChoiceItems(props.plan, props.findings, props.tables), [props.plan, props.findings, props.tables]);
  const [choice, setChoice] = useState<FixChoice>(() => defaultChoice(items));
  const introId = useId();
  const edits = chosenEdits(items, choice);
  const allowed = dependentsAllowed(items, choice);
  const byKind = (k: FixChoiceItem['kind']) => items.filter((i) => i.kind === k);
  const mechanical = byKind('mechanical');
  const dependent = byKind('dependent');
  const judged = byKind('judgement');

  const toggle = (id: string, on: boolean) =>
    setChoice((c) => {
      const ticked = new Set(c.ticked);
      if (on) ticked.add(id);
      else ticked.delete(id);
      return { ...c, ticked };
    });

  const reason = (i: FixChoiceItem) => t(REASON_KEY[i.edit.finding.code] ?? 'fixWhyOther');
  const title = (i: FixChoiceItem) => {
    const ref = cellRef(i.edit.sheet, i.edit.address);
    return i.rowLabel ? t('fixItemRow', { ref, label: i.rowLabel }) : ref;
  };

  const row = (i: FixChoiceItem, box: boolean) => (
    <li
      key={i.id}
      className={i.kind === 'judgement' ? `${styles.item} ${styles.judgement}` : styles.item}
      data-testid="fix-choice"
      data-kind={i.kind}
      data-sheet={i.edit.sheet}
      data-cell={i.edit.address}
    >
      {box ? (
        <Checkbox
          checked={choice.ticked.has(i.id)}
          onChange={(_, d) => toggle(i.id, d.checked === true)}
          label={<span className={styles.ref}>{title(i)}</span>}
          aria-describedby={`${introId}-${items.indexOf(i)}`}
          data-testid="fix-choice-box"
        />
      ) : (
        <span className={styles.plainRef}>{title(i)}</span>
      )}
      <div id={`${introId}-${items.indexOf(i)}`} className={box ? styles.detail : undefined}>
        <Text size={200} block>
          {reason(i)}
        </Text>
        {i.kind === 'judgement' && (
          <>
            {i.message && (
              <Text size={200} block>
                {i.message}
              </Text>
            )}
            <Text size={200} block weight="semibold">
              {t('fixJudgementWhy')}
            </Text>
          </>
        )}
        <EditPreview t={t} lang={props.lang} edit={i.edit} />
      </div>
    </li>
  );

  return (
    <DialogBody>
      <DialogTitle>{t('fixAllTitle')}</DialogTitle>
      <DialogContent className={styles.content}>
        <Text id={introId}>{t('fixAllIntro')}</Text>
        <div className={styles.helpers}>
          <Button size="small" className={styles.helper} onClick={() => setChoice(defaultChoice(items))} data-testid="fix-choice-all">
            {t('fixSelectAll')}
          </Button>
          <Button size="small" className={styles.helper} onClick={() => setChoice({ ticked: new Set(), dependents: false })} data-testid="fix-choice-none">
            {t('fixClearAll')}
          </Button>
        </div>
        <Text size={200} className={styles.count} role="status" aria-live="polite" data-testid="fix-chosen">
          {t('fixChosen', { n: edits.length, total: items.length })}
        </Text>
        {mechanical.length > 0 && (
          <section className={styles.section} aria-label={t('fixGroupMechanical', { n: mechanical.length })}>
            <h3 className={styles.heading}>{t('fixGroupMechanical', { n: mechanical.length })}</h3>
            <ul className={styles.list}>{mechanical.map((i) => row(i, true))}</ul>
          </section>
        )}
        {dependent.length > 0 && (
          <section className={styles.section} aria-label={t('fixGroupFollowUp', { n: dependent.length })} data-testid="fix-followups">
            <h3 className={styles.heading}>{t('fixGroupFollowUp', { n: dependent.length })}</h3>
            <Checkbox
              checked={allowed && choice.dependents}
              disabled={!allowed}
              onChange={(_, d) => setChoice((c) => ({ ...c, dependents: d.checked === true }))}
              label={t('fixFollowUpToggle', { n: dependent.length })}
              data-testid="fix-followups-box"
            />
            <Text size={200} className={styles.note} block>
              {t(allowed ? 'fixFollowUpWhy' : 'fixFollowUpHeld')}
            </Text>
            <ul className={styles.list}>{dependent.map((i) => row(i, false))}</ul>
          </section>
        )}
        {judged.length > 0 && (
          <section className={styles.section} aria-label={t('fixGroupJudgement', { n: judged.length })}>
            <h3 className={styles.heading}>{t('fixGroupJudgement', { n: judged.length })}</h3>
            <ul className={styles.list}>{judged.map((i) => row(i, true))}</ul>
          </section>
        )}
        {props.plan.skipped.length > 0 && (
          <Text block size={200} className={styles.note}>
            {t('fixSkipped', { n: props.plan.skipped.length })}
          </Text>
        )}
      </DialogContent>
      <DialogActions className={styles.actions}>
        <Button appearance="primary" disabled={edits.length === 0} onClick={() => props.onApply(edits)} data-testid="fix-all-apply">
          {t('fixAllApply', { n: edits.length })}
        </Button>
        <Button appearance="secondary" onClick={props.onCancel} data-testid="fix-all-cancel">
          {t('cancel')}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
