/**
 * One progress line on stderr, rewritten in place with '\r'. Only used when stderr
 * is a terminal; anything else written while it is shown must call clear() first.
 */
export class Progress {
  private shown = false;

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

  clear(): void {
    if (!this.enabled || !this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}
