import * as path from 'path';
import { WorkbookReadError } from '../xlsx/errors';

/** A reader error, also when it crossed a module boundary and lost its prototype (jest mocks, duplicate copies). */
export function isWorkbookReadError(err: unknown): err is WorkbookReadError {
  if (err instanceof WorkbookReadError) return true;
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: unknown }).name === 'WorkbookReadError' &&
    typeof (err as { code?: unknown }).code === 'string'
  );
}

/** Makes sure an error message says which file it is about. */
export function namingFile(message: string, file: string): string {
  if (message.includes(file) || message.includes(path.basename(file))) return message;
  return `${file}: ${message}`;
}
