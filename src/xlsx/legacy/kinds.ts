/** Which message family and error code each legacy kind (src/xlsx/sniff.ts) belongs to. */
import type { LegacyFormat, ReadErrorCode } from '../errors';
import type { LegacyKind } from '../sniff';

export function formatOf(kind: LegacyKind): LegacyFormat {
  if (kind === 'ods' || kind === 'fods') return 'ods';
  if (kind === 'xml-2003') return 'xml-2003';
  if (kind === 'html') return 'html-table';
  return 'xls';
}

/** The code a refusal of this format carries (the codes these files were refused with before they were read). */
export function codeOf(format: LegacyFormat): ReadErrorCode {
  // An encrypted .xlsx is refused as 'encrypted' before any legacy reader sees it.
  return format === 'xls' ? 'legacy-xls' : format === 'encrypted-xlsx' ? 'encrypted' : format;
}
