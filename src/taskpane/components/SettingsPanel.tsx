import { Field, Input, makeStyles, Radio, RadioGroup, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { DEFAULT_SETTINGS, type LakipSettings } from '../../host/types';
import type { Translate } from '../i18n';
import { LANG_OPTIONS, parseLangPreference, SCALE_OPTIONS, type LangPreference } from '../settingsModel';

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

export function SettingsPanel(props: {
  t: Translate;
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
        <RadioGroup value={settings.scale} disabled={props.disabled} onChange={(_, d) => props.onSave({ ...settings, scale: d.value })} data-testid="scale">
          {SCALE_OPTIONS.map((o) => (
            <Radio key={o.value || 'workbook'} value={o.value} label={t(o.label)} data-testid={`scale-${o.value || 'workbook'}`} />
          ))}
        </RadioGroup>
      </Field>
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

