/**
 * Asked before a report table recognised with low confidence leaves the pane
 * (inserted, copied, downloaded): its columns may be misread, so the user says
 * so explicitly. Escape or Batal cancels; focus starts on Batal, the safe choice.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { Translate } from '../i18n';

export interface ConfirmLowConfidenceProps {
  t: Translate;
  /** Titles of the low-confidence tables about to leave; the dialog is open while there are some. */
  names: string[];
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmLowConfidence({ t, names, onConfirm, onCancel }: ConfirmLowConfidenceProps) {
  return (
    <Dialog open={names.length > 0} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface data-testid="confirm-low-confidence">
        <DialogBody>
          <DialogTitle>{t('confirmLowTitle')}</DialogTitle>
          <DialogContent>{t('confirmLowBody', { names: names.map((n) => `"${n}"`).join(', ') })}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} data-testid="confirm-low-cancel" autoFocus>
              {t('cancel')}
            </Button>
            <Button appearance="primary" onClick={onConfirm} data-testid="confirm-low-go">
              {t('confirmLowGo')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
