/** --scale: a preset id, or the office's own bands written out (see core/iku/scaleSpec.ts). */
import { DEFAULT_PUSAT_MARKER } from '../core/defaults';
import type { Lang } from '../core/findings';
import { isScaleSpec, parseScaleSpec, scaleProblemText } from '../core/iku/scaleSpec';
import { SCALES } from './messages';

export const SCALE_HELP =
  `skala predikat: ${SCALES[0]}, atau predikat instansi ditulis lengkap, mis. "85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil" ` +
  `(predikat scale: ${SCALES[0]}, or the office's own bands written out). ` +
  'Bawaan: tanpa skala; predikat dinilai hanya bila buku kerja memuat tabel skala ' +
  '(default: none; predikat is judged only when the workbook holds a scale table)';

export const MARKER_HELP =
  `penanda urusan pusat, pengganti #DIV/0!; bawaan "${DEFAULT_PUSAT_MARKER}" ` +
  `(marker for central-government matters; default "${DEFAULT_PUSAT_MARKER}")`;

/** Why a --scale value cannot be used, in the user's language; null when it can. */
export function scaleOptionProblem(value: unknown, lang: Lang): string | null {
  if (value === undefined) return null;
  const v = String(value).trim();
  if (isScaleSpec(v)) {
    const parsed = parseScaleSpec(v);
    return 'problem' in parsed ? `--scale: ${scaleProblemText(parsed.problem, lang)}` : null;
  }
  if ((SCALES as readonly string[]).includes(v.toLowerCase())) return null;
  return lang === 'id'
    ? `--scale "${v}" tidak dikenal. Pakai ${SCALES[0]}, atau tulis predikat instansi Anda lengkap, mis. --scale "85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil".`
    : `--scale "${v}" is not known. Use ${SCALES[0]}, or write your office's bands out, e.g. --scale "85=Sangat Berhasil; 70=Berhasil; >55=Cukup Berhasil; 0=Belum Berhasil".`;
}
