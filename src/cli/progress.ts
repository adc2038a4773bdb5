/**
 * One progress line on stderr, rewritten in place with '\r'. Only used when stderr
 * is a terminal; anything else written while it is shown must call clear() first.
 */
export class Progress {
  private shown = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
    private readonly columns = 80,
  ) {}

  update(text: string): void {
    if (!this.enabled) return;
    const max = Math.max(20, this.columns - 1);
    const line = text.length > max ? text.slice(0, max - 1) + '…' : text;
    // '\x1b[K' erases what is left of a longer previous line.
    this.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /**
   * Show the line only if it is still current after `ms`: a single big file
   * (a million rows takes seconds) gets a sign of life, a quick one no flicker.
   */
  updateAfter(text: string, ms: number): void {
    if (!this.enabled) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update(text);
    }, ms);
    // Never keep the process alive for a progress line.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  clear(): void {
    this.cancel();
    if (!this.enabled || !this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}
