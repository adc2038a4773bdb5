/**
 * --fail-on takes the severity in English (error, warning) or in the words the
 * Indonesian report prints (kesalahan, galat, peringatan), so staff can type
 * what they read.
 */
import { FAIL_ON, type FailOn } from './messages';

const ALIASES: Record<string, FailOn> = {
  error: 'error',
  warning: 'warning',
  kesalahan: 'error',
  galat: 'error',
  peringatan: 'warning',
};

/** Every word --fail-on accepts, English first, for help and error messages. */
export const FAIL_ON_WORDS: readonly string[] = [...FAIL_ON, ...Object.keys(ALIASES).filter((k) => !(FAIL_ON as readonly string[]).includes(k))];

export const FAIL_ON_HELP =
  'keluar dengan kode 1 bila ada temuan setingkat ini atau lebih berat: error (kesalahan, galat) atau warning (peringatan); ' +
  'bawaan: tidak pernah (exit 1 when findings of this severity or worse exist; default: never)';

/** The severity a --fail-on word names (any letter case), or undefined when it names none. */
export function failOnFrom(value: string): FailOn | undefined {
  return ALIASES[value.trim().toLowerCase()];
}
