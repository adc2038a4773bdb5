/** Fluent theme around the pane, light or dark as the host says. */
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    overflowX: 'hidden',
  },
});

export function ThemeRoot(props: { theme: 'light' | 'dark'; lang: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={props.theme === 'dark' ? webDarkTheme : webLightTheme}
      className={props.className ?? styles.provider}
      lang={props.lang}
      data-theme={props.theme}
    >
      {props.children}
    </FluentProvider>
  );
}
