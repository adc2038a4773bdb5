/**
 * Errors raised while reading a narrative file (the report's prose, .docx or
 * .txt), with messages for staff in Bahasa Indonesia and English. Each message
 * names the file and says what to do. Browser-safe (no Node APIs).
 */

export type NarrativeErrorCode = 'not-found' | 'unsupported' | 'corrupt' | 'empty' | 'too-large';

/** What the file turned out to be, for a more helpful message. */
export type NarrativeErrorKind =
  | 'folder'
  | 'permission'
  | 'doc'
  | 'encrypted'
  | 'pdf'
  | 'rtf'
  | 'xlsx'
  | 'odt'
  | 'zip'
  | 'binary'
  | 'zero-bytes'
  | 'no-text';

/** Largest narrative file read: a LAKIP report with pictures is a few tens of MB; its prose far less. */
export const MAX_NARRATIVE_BYTES = 200 * 1024 * 1024;
/** Largest uncompressed word/document.xml: the prose of a whole report is a few MB; more is a zip bomb or not a report. */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
const MAX_NARRATIVE_MB = MAX_NARRATIVE_BYTES / (1024 * 1024);
const MAX_DOCUMENT_TEXT_MB = MAX_DOCUMENT_XML_BYTES / (1024 * 1024);

export class NarrativeReadError extends Error {
  override readonly name = 'NarrativeReadError';

  constructor(
    public readonly code: NarrativeErrorCode,
    /** The file as it was named (path or file name). */
    public readonly file: string,
    public readonly kind?: NarrativeErrorKind,
    cause?: unknown,
  ) {
    super(`${code}${kind ? ` (${kind})` : ''}: ${file}${describeCause(cause)}`, cause === undefined ? undefined : { cause });
  }
}

function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return '';
  if (cause instanceof Error) return ` (${cause.message})`;
  return ` (${String(cause)})`;
}

export function isNarrativeReadError(err: unknown): err is NarrativeReadError {
  if (err instanceof NarrativeReadError) return true;
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: unknown }).name === 'NarrativeReadError' &&
    typeof (err as { code?: unknown }).code === 'string' &&
    typeof (err as { file?: unknown }).file === 'string'
  );
}

const SAVE_DOCX_ID =
  'Buka dokumen itu di Microsoft Word, pilih File > Simpan Sebagai (Save As), pilih jenis "Dokumen Word (*.docx)" ' +
  '(atau "Teks Biasa (*.txt)"), lalu berikan berkas yang baru.';
const SAVE_DOCX_EN =
  'Open it in Microsoft Word, choose File > Save As, pick "Word Document (*.docx)" (or "Plain Text (*.txt)"), ' +
  'then give the new file.';

/** Clear message for staff, naming the file and saying what to do. */
export function narrativeErrorMessage(err: NarrativeReadError, lang: 'id' | 'en'): string {
  const f = `"${err.file}"`;
  const id = lang === 'id';
  switch (err.code) {
    case 'not-found':
      if (err.kind === 'folder') {
        return id
          ? `${f} adalah folder, bukan berkas narasi. Sebutkan berkas laporan (.docx atau .txt) di dalam folder itu.`
          : `${f} is a folder, not a narrative file. Give the report file (.docx or .txt) inside it.`;
      }
      if (err.kind === 'permission') {
        return id
          ? `Berkas narasi ${f} tidak dapat dibuka karena tidak ada izin membacanya atau sedang dikunci program lain. Tutup berkas itu di Word, periksa hak aksesnya, lalu coba lagi.`
          : `The narrative file ${f} cannot be opened: permission was denied or another program has it locked. Close it in Word, check its permissions, and try again.`;
      }
      return id
        ? `Berkas narasi ${f} tidak ditemukan. Periksa kembali nama dan folder berkas (termasuk ekstensi .docx atau .txt), lalu coba lagi.`
        : `The narrative file ${f} was not found. Check the file name and folder (including the .docx or .txt extension) and try again.`;
    case 'unsupported':
      switch (err.kind) {
        case 'doc':
          return id
            ? `Berkas narasi ${f} memakai format Word lama (.doc, Word 97-2003) yang tidak didukung. ${SAVE_DOCX_ID}`
            : `The narrative file ${f} uses the old Word format (.doc, Word 97-2003), which is not supported. ${SAVE_DOCX_EN}`;
        case 'encrypted':
          return id
            ? `Berkas narasi ${f} dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. Buka di Word dengan kata sandinya, hapus kata sandi (File > Info > Proteksi Dokumen > Enkripsi dengan Kata Sandi, kosongkan), simpan sebagai .docx, lalu coba lagi.`
            : `The narrative file ${f} is password-protected (encrypted) and cannot be read. Open it in Word with its password, remove the password (File > Info > Protect Document > Encrypt with Password, clear it), save as .docx, and try again.`;
        case 'pdf':
          return id
            ? `Berkas narasi ${f} adalah PDF, yang teksnya tidak dapat dibaca dengan andal. Ambil dokumen asli laporannya (Word), simpan sebagai .docx atau .txt, lalu berikan berkas itu.`
            : `The narrative file ${f} is a PDF, whose text cannot be read reliably. Take the report's original (Word) document, save it as .docx or .txt, and give that file.`;
        case 'rtf':
          return id
            ? `Berkas narasi ${f} berformat RTF yang tidak didukung. ${SAVE_DOCX_ID}`
            : `The narrative file ${f} is in RTF format, which is not supported. ${SAVE_DOCX_EN}`;
        case 'xlsx':
          return id
            ? `Berkas ${f} adalah buku kerja Excel, bukan narasi. Buku kerja diperiksa sebagai tabel; narasi laporannya harus berupa dokumen Word (.docx) atau teks (.txt).`
            : `The file ${f} is an Excel workbook, not a narrative. Workbooks are checked as tables; the report's prose must be a Word document (.docx) or a text file (.txt).`;
        case 'odt':
          return id
            ? `Berkas narasi ${f} adalah dokumen OpenDocument (.odt) yang tidak didukung. Buka di LibreOffice atau Word, simpan sebagai "Dokumen Word (*.docx)", lalu coba lagi.`
            : `The narrative file ${f} is an OpenDocument text (.odt), which is not supported. Open it in LibreOffice or Word, save it as "Word Document (*.docx)", and try again.`;
        default:
          return id
            ? `Berkas narasi ${f} bukan dokumen Word (.docx) maupun teks (.txt). Simpan laporannya sebagai .docx atau .txt, lalu coba lagi.`
            : `The narrative file ${f} is neither a Word document (.docx) nor a text file (.txt). Save the report as .docx or .txt and try again.`;
      }
    case 'corrupt':
      return id
        ? `Berkas narasi ${f} rusak atau tidak lengkap sehingga tidak dapat dibaca (mungkin unduhan atau salinan terputus). Salin ulang berkas itu; jika masih gagal, buka di Word (Word dapat menawarkan perbaikan), simpan ulang sebagai .docx, lalu coba lagi.`
        : `The narrative file ${f} is damaged or incomplete and cannot be read (a download or copy may have been cut short). Copy it again; if it still fails, open it in Word (Word may offer to repair it), save it again as .docx, and try again.`;
    case 'too-large':
      return id
        ? `Berkas narasi ${f} terlalu besar untuk dibaca (batas ${MAX_NARRATIVE_MB} MB berkas, ${MAX_DOCUMENT_TEXT_MB} MB teks dokumen). Simpan bab-bab yang memuat angka sebagai dokumen tersendiri, atau simpan sebagai "Teks Biasa (*.txt)", lalu coba lagi.`
        : `The narrative file ${f} is too large to read (limit ${MAX_NARRATIVE_MB} MB per file, ${MAX_DOCUMENT_TEXT_MB} MB of document text). Save the chapters with the figures as a document of their own, or as "Plain Text (*.txt)", and try again.`;
    case 'empty':
      if (err.kind === 'zero-bytes') {
        return id
          ? `Berkas narasi ${f} kosong (0 bita). Kemungkinan penyimpanan atau penyalinan gagal; ambil lagi berkas aslinya lalu coba lagi.`
          : `The narrative file ${f} is empty (0 bytes). Saving or copying probably failed; get the original file again and try again.`;
      }
      return id
        ? `Berkas narasi ${f} tidak memuat paragraf teks (hanya kosong, tabel atau gambar). Periksa bahwa ini berkas laporan yang benar, yang berisi uraian/penjelasan laporan.`
        : `The narrative file ${f} has no text paragraphs (only blank lines, tables or pictures). Check that this is the right report file, the one with the report's written explanation.`;
  }
}
