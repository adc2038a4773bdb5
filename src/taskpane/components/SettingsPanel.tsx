import { Field, Input, makeStyles, Radio, RadioGroup, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { DEFAULT_SETTINGS, type LakipSettings } from '../../host/types';
import type { Translate } from '../i18n';
import type { Lang } from '../../core/findings';
import { formatScaleSpec, isScaleSpec, parseScaleSpec, scaleProblemText } from '../../core/iku/scaleSpec';
import { LANG_OPTIONS, parseLangPreference, SCALE_OPTIONS, scaleMode, type LangPreference } from '../settingsModel';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '140px' },
  note: { color: tokens.colorNeutralForeground3 },
  select: { minWidth: 0, maxWidth: '100%' },
});

/** The stored one-line scale shown one band per line, which reads (and edits) better in a narrow pane. */
function onePerLine(spec: string): string {
  return spec.split(/\s*;\s*/).join('\n');
}

export function SettingsPanel(props: {
  t: Translate;
  lang: Lang;
  settings: LakipSettings;
  langPref: LangPreference;
  disabled: boolean;
  onSave(s: LakipSettings): void;
  onLangPrefChange(p: LangPreference): void;
}) {
  const { t, settings } = props;
  const styles = useStyles();
  const headingId = useId();
  const [marker, setMarker] = useState(settings.pusatMarker);
  useEffect(() => setMarker(settings.pusatMarker), [settings.pusatMarker]);
  // 'own' may be picked before its bands are typed: the choice shows at once, the setting waits for valid bands.
  const [mode, setMode] = useState(scaleMode(settings.scale));
  const [own, setOwn] = useState(isScaleSpec(settings.scale) ? onePerLine(settings.scale) : '');
  const [ownProblem, setOwnProblem] = useState<string | null>(null);
  useEffect(() => {
    setMode(scaleMode(settings.scale));
    if (isScaleSpec(settings.scale)) setOwn(onePerLine(settings.scale));
  }, [settings.scale]);

  const pickScale = (value: string) => {
    setMode(value);
    setOwnProblem(null);
    if (value !== 'own') props.onSave({ ...settings, scale: value });
    else if (own.trim() !== '') commitOwn();
  };

  const commitOwn = () => {
    if (own.trim() === '') return setOwnProblem(null);
    const parsed = parseScaleSpec(own);
    if ('problem' in parsed) return setOwnProblem(scaleProblemText(parsed.problem, props.lang));
    setOwnProblem(null);
    const line = formatScaleSpec(parsed.scale);
    setOwn(onePerLine(line));
    if (line !== settings.scale) props.onSave({ ...settings, scale: line });
  };

  const commitMarker = () => {
    const m = marker.trim() || DEFAULT_SETTINGS.pusatMarker;
    setMarker(m);
    if (m !== settings.pusatMarker) props.onSave({ ...settings, pusatMarker: m });
  };

  return (
    <section id="lakip-settings" className={styles.panel} aria-labelledby={headingId} data-testid="settings">
      <h2 id={headingId} className={styles.heading}>
        {t('settings')}
      </h2>
      <Field label={t('scaleLabel')}>
        <RadioGroup value={mode} disabled={props.disabled} onChange={(_, d) => pickScale(d.value)} data-testid="scale">
          {SCALE_OPTIONS.map((o) => (
            <Radio key={o.value || 'workbook'} value={o.value} label={t(o.label)} data-testid={`scale-${o.value || 'workbook'}`} />
          ))}
        </RadioGroup>
      </Field>
      {mode === 'own' && (
        <Field
          label={t('scaleOwnLabel')}
          hint={t('scaleOwnHint')}
          validationState={ownProblem ? 'error' : 'none'}
          validationMessage={ownProblem ?? undefined}
        >
          <Textarea
            value={own}
            disabled={props.disabled}
            resize="vertical"
            rows={Math.max(3, own.split('\n').length + 1)}
            onChange={(_, d) => setOwn(d.value)}
            onBlur={commitOwn}
            onKeyDown={(e) => {
              // One band per line: Enter starts a line; Ctrl+Enter (or leaving the field) saves.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                commitOwn();
              }
            }}
            data-testid="scale-own-text"
          />
        </Field>
      )}
      <div className={styles.row}>
        <Field label={t('markerLabel')} hint={t('markerHint')} className={styles.grow}>
          <Input
            value={marker}
            disabled={props.disabled}
            onChange={(_, d) => setMarker(d.value)}
            onBlur={commitMarker}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitMarker();
            }}
            data-testid="marker"
          />
        </Field>
      </div>
      <Field label={t('languageLabel')}>
        <Select
          className={styles.select}
          value={props.langPref}
          onChange={(_, d) => props.onLangPrefChange(parseLangPreference(d.value))}
          data-testid="language"
        >
          {LANG_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label)}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} className={styles.note}>
        {t('settingsNote')}
      </Text>
    </section>
  );
}

