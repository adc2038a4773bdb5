/**
 * Copy a table for Word: text/html (Word keeps the formatting on paste) with a
 * text/plain fallback, through the async Clipboard API. Office hosts often run
 * the pane in a frame without clipboard permission, and some webviews lack
 * ClipboardItem: both are detected here so the pane can offer the fallback
 * (the table shown for selecting and Ctrl+C, or the .docx).
 */

export type CopyResult = { ok: true } | { ok: false; reason: 'unavailable' | 'denied' | 'failed'; detail?: string };

/** What this needs from the page (tests pass fakes). */
export interface ClipboardEnv {
  navigator?: { clipboard?: { write?: (items: unknown[]) => Promise<void> } };
  ClipboardItem?: new (items: Record<string, Blob>) => unknown;
  Blob?: typeof Blob;
  isSecureContext?: boolean;
  document?: { permissionsPolicy?: { allowsFeature(f: string): boolean }; featurePolicy?: { allowsFeature(f: string): boolean } };
}

/** Whether the page may write rich content to the clipboard at all (without trying). */
export function richClipboardAvailable(env: ClipboardEnv = globalThis as unknown as ClipboardEnv): boolean {
  if (env.isSecureContext === false) return false;
  if (typeof env.navigator?.clipboard?.write !== 'function' || typeof env.ClipboardItem !== 'function' || typeof env.Blob !== 'function') return false;
  // A frame whose permissions policy leaves clipboard-write out (Office on the web may do so).
  const policy = env.document?.permissionsPolicy ?? env.document?.featurePolicy;
  try {
    if (policy && !policy.allowsFeature('clipboard-write')) return false;
  } catch {
    // Unknown feature name: let the write decide.
  }
  return true;
}

/** Put html and its plain-text version on the clipboard. Never throws. */
export async function copyRich(html: string, text: string, env: ClipboardEnv = globalThis as unknown as ClipboardEnv): Promise<CopyResult> {
  if (!richClipboardAvailable(env)) return { ok: false, reason: 'unavailable' };
  const B = env.Blob!;
  try {
    const item = new env.ClipboardItem!({ 'text/html': new B([html], { type: 'text/html' }), 'text/plain': new B([text], { type: 'text/plain' }) });
    await env.navigator!.clipboard!.write!([item]);
    return { ok: true };
  } catch (e) {
    const name = e && typeof e === 'object' ? String((e as { name?: unknown }).name ?? '') : '';
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'failed', detail };
  }
}
