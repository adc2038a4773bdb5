/// <reference types="office-js" />
/**
 * LakipSettings in the document's own settings (Office.context.document.settings):
 * they are saved inside the file, so the scale and marker chosen for a report
 * travel with it.
 */
import { DEFAULT_SETTINGS, HostError, type LakipSettings } from '../host/types';

export const SETTINGS_KEY = 'lakip.settings';

/** What an async Office call reports back (Office.AsyncResult, as far as used here). */
export interface SaveResult {
  status: unknown;
  error?: unknown;
}

/** The subset of Office.Settings used here (Office.Settings satisfies it). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: SaveResult) => void): void;
}

function documentSettings(): DocumentSettings {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const settings = office?.context?.document?.settings;
  if (!settings) throw new HostError('read-failed');
  return settings;
}

/** Settings stored in the document, each field checked; anything missing or malformed falls back to the default. */
export function loadSettings(settings: DocumentSettings = documentSettings()): LakipSettings {
  let stored: unknown;
  try {
    stored = settings.get(SETTINGS_KEY);
  } catch {
    stored = undefined;
  }
  const s = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return {
    scale: typeof s.scale === 'string' ? s.scale : DEFAULT_SETTINGS.scale,
    pusatMarker: typeof s.pusatMarker === 'string' && s.pusatMarker.trim() !== '' ? s.pusatMarker : DEFAULT_SETTINGS.pusatMarker,
  };
}

function failed(result: SaveResult | undefined): boolean {
  if (!result) return false;
  const status = String(result.status).toLowerCase();
  return status === 'failed' || status === '1' || (!!result.error && status !== 'succeeded' && status !== '0');
}

/** Store the settings and save them into the document (saveAsync). */
export function saveSettings(value: LakipSettings, settings: DocumentSettings = documentSettings()): Promise<void> {
  settings.set(SETTINGS_KEY, { scale: value.scale, pusatMarker: value.pusatMarker });
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (failed(result)) reject(new HostError('write-failed', undefined, result?.error));
      else resolve();
    });
  });
}
