import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Dismiss16Regular, DocumentAdd20Regular, DocumentText20Regular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import type { Translate } from '../i18n';
import { HiddenFileInput } from './HiddenFileInput';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  chip: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    padding: '2px 2px 2px 8px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    maxWidth: '100%',
    minWidth: 0,
    alignSelf: 'flex-start',
  },
  chipText: { overflowWrap: 'anywhere', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  pick: { alignSelf: 'flex-start', maxWidth: '100%' },
});

export function NarrativePicker(props: {
  t: Translate;
  narrative: { name: string; paragraphs: number } | null;
  disabled: boolean;
  onPick(file: File): void;
  onRemove(): void;
}) {
  const { t, narrative } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('narrativeHeading')}
      </h2>
      <HiddenFileInput
        inputRef={input}
        accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
        className={styles.hidden}
        testId="narrative-input"
        onFile={props.onPick}
      />
      {narrative ? (
        <div className={styles.chip} data-testid="narrative-chip">
          <DocumentText20Regular aria-hidden="true" />
          <Text className={styles.chipText}>
            {narrative.name} · {t('narrativeInfo', { n: narrative.paragraphs })}
          </Text>
          <Button
            appearance="transparent"
            size="small"
            shape="circular"
            icon={<Dismiss16Regular />}
            aria-label={t('narrativeRemove', { name: narrative.name })}
            disabled={props.disabled}
            onClick={props.onRemove}
            data-testid="narrative-remove"
          />
        </div>
      ) : (
        <Button
          className={styles.pick}
          icon={<DocumentAdd20Regular />}
          title={t('narrativePickLabel')}
          disabled={props.disabled}
          onClick={() => input.current?.click()}
          data-testid="narrative-pick"
        >
          {t('narrativePick')}
        </Button>
      )}
      <Text size={200} className={styles.hint}>
        {t('narrativeHint')}
      </Text>
    </section>
  );
}
