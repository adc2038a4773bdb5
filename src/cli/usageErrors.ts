/**
 * Usage problems found by a command itself (exit 64), which main.ts prints like its
 * own. Kept apart from the commands so main.ts can recognise them without loading
 * the reader and the engine: `lakip --help` and `--version` stay quick.
 */
export class FixUsageError extends Error {
  override readonly name = 'FixUsageError';
}

export class TablesUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TablesUsageError';
  }
}
