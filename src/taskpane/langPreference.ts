/**
 * The language override is a person's choice, not the workbook's: it is kept
 * in this browser's storage (per add-in origin), not in the workbook settings.
 */
import { useCallback, useState } from 'react';
import { parseLangPreference, type LangPreference } from './settingsModel';

const KEY = 'lakip.lang';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: the choice lasts until the pane closes
  }
}

export function readLangPreference(): LangPreference {
  try {
    return parseLangPreference(storage()?.getItem(KEY));
  } catch {
    return 'auto';
  }
}

export function useLangPreference(): [LangPreference, (p: LangPreference) => void] {
  const [pref, setPref] = useState<LangPreference>(readLangPreference);
  const set = useCallback((p: LangPreference) => {
    setPref(p);
    try {
      if (p === 'auto') storage()?.removeItem(KEY);
      else storage()?.setItem(KEY, p);
    } catch {
      /* not saved; still used now */
    }
  }, []);
  return [pref, set];
}
