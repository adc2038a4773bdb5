/**
 * Errors raised while opening a workbook file, with messages for staff in
 * Bahasa Indonesia and English. Each message names the file and says what to do.
 */

export type ReadErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'not-xlsx'
  | 'html-table'
  | 'xml-2003'
  | 'ods'
  | 'legacy-xls'
  | 'encrypted'
  | 'corrupt'
  | 'unreadable'
  | 'empty-file'
  | 'too-large';

/** Largest file the reader accepts (bytes). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';

  constructor(
    public readonly code: ReadErrorCode,
    public readonly file: string,
    cause?: unknown,
  ) {
    super(`${code}: ${file}${describeCause(cause)}`, cause === undefined ? undefined : { cause });
  }
}

/**
 * Cause of a 'too-large' error about what the package holds once unpacked (too
 * many cells), as opposed to the size of the file itself.
 */
export class ContentTooLargeError extends Error {
  override readonly name = 'ContentTooLargeError';
}

function isContentTooLarge(err: WorkbookReadError): boolean {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof ContentTooLargeError || (!!cause && typeof cause === 'object' && (cause as { name?: unknown }).name === 'ContentTooLargeError');
}

function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return '';
  if (cause instanceof Error) return ` (${cause.message})`;
  return ` (${String(cause)})`;
}

/** Node's errno code of the cause, if any (e.g. 'EACCES'). */
function causeErrno(err: WorkbookReadError): string | undefined {
  const cause = (err as { cause?: unknown }).cause;
  if (cause && typeof cause === 'object' && 'code' in cause) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

const SAVE_AS_ID = 'Buka berkas itu di Microsoft Excel, pilih File > Simpan Sebagai (Save As), pilih jenis "Buku Kerja Excel (*.xlsx)", lalu periksa berkas .xlsx yang baru.';
const SAVE_AS_EN = 'Open it in Microsoft Excel, choose File > Save As, pick "Excel Workbook (*.xlsx)", then check the new .xlsx file.';

/** Clear message for staff, Bahasa Indonesia ('id') or English ('en'), naming the file and what to do. */
export function readErrorMessage(err: WorkbookReadError, lang: 'id' | 'en'): string {
  const f = `"${err.file}"`;
  const errno = causeErrno(err);
  const id = lang === 'id';
  switch (err.code) {
    case 'not-found':
      if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EBUSY') {
        return id
          ? `Berkas ${f} tidak dapat dibuka karena tidak ada izin membacanya atau sedang dikunci program lain. Tutup berkas itu di program lain, periksa hak aksesnya, lalu coba lagi.`
          : `The file ${f} cannot be opened: permission was denied or another program has it locked. Close it in other programs, check its permissions, and try again.`;
      }
      return id
        ? `Berkas ${f} tidak ditemukan. Periksa kembali nama dan folder berkas (termasuk ekstensi .xlsx), lalu coba lagi.`
        : `The file ${f} was not found. Check the file name and folder (including the .xlsx extension) and try again.`;
    case 'not-a-file':
      return id
        ? `${f} adalah folder, bukan berkas. Sebutkan berkas .xlsx di dalam folder itu, misalnya ${JSON.stringify(joinHint(err.file))}.`
        : `${f} is a folder, not a file. Give the path of an .xlsx file inside it, e.g. ${JSON.stringify(joinHint(err.file))}.`;
    case 'not-xlsx':
      return id
        ? `Berkas ${f} bukan buku kerja Excel (.xlsx); isinya tampak seperti jenis berkas lain (misalnya CSV, PDF, teks, atau dokumen Word). Jika datanya ada di Excel, ${lowerFirst(SAVE_AS_ID)}`
        : `The file ${f} is not an Excel workbook (.xlsx); its content looks like another kind of file (e.g. CSV, PDF, text or a Word document). If the data is in Excel, ${lowerFirst(SAVE_AS_EN)}`;
    case 'html-table':
      return id
        ? `Berkas ${f} bukan buku kerja Excel, melainkan tabel halaman web (HTML) yang disimpan dengan nama .xls, seperti hasil "ekspor ke Excel" dari aplikasi web. Buka berkas itu di Excel, lalu simpan sebagai "Buku Kerja Excel (*.xlsx)" dan coba lagi.`
        : `The file ${f} is not an Excel workbook but a web page table (HTML) saved with an .xls name, as web applications' "export to Excel" produce. Open it in Excel, save it as "Excel Workbook (*.xlsx)", and try again.`;
    case 'xml-2003':
      return id
        ? `Berkas ${f} memakai format "XML Spreadsheet 2003" dari Excel lama, bukan .xlsx. Buka berkas itu di Excel, lalu simpan sebagai "Buku Kerja Excel (*.xlsx)" dan coba lagi.`
        : `The file ${f} uses the old Excel "XML Spreadsheet 2003" format, not .xlsx. Open it in Excel, save it as "Excel Workbook (*.xlsx)", and try again.`;
    case 'ods':
      return id
        ? `Berkas ${f} adalah lembar kerja OpenDocument (.ods, dari LibreOffice atau WPS), bukan .xlsx. Buka berkas itu di LibreOffice atau Excel, lalu simpan sebagai "Buku Kerja Excel (*.xlsx)" dan coba lagi.`
        : `The file ${f} is an OpenDocument spreadsheet (.ods, from LibreOffice or WPS), not .xlsx. Open it in LibreOffice or Excel, save it as "Excel Workbook (*.xlsx)", and try again.`;
    case 'legacy-xls':
      return id
        ? `Berkas ${f} memakai format Excel lama (.xls, Excel 97-2003) yang tidak didukung. ${SAVE_AS_ID}`
        : `The file ${f} uses the old Excel format (.xls, Excel 97-2003), which is not supported. ${SAVE_AS_EN}`;
    case 'encrypted':
      return id
        ? `Berkas ${f} dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. Buka berkas di Excel dengan kata sandinya, hapus kata sandi (File > Info > Proteksi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi.`
        : `The file ${f} is password-protected (encrypted) and cannot be read. Open it in Excel with its password, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.`;
    case 'corrupt':
      return id
        ? `Berkas ${f} rusak atau tidak lengkap sehingga tidak dapat dibaca (mungkin unduhan atau salinan terputus). Coba unduh atau salin ulang berkas itu; jika masih gagal, buka di Excel (Excel dapat menawarkan perbaikan), simpan ulang sebagai .xlsx, lalu coba lagi.`
        : `The file ${f} is damaged or incomplete and cannot be read (a download or copy may have been cut short). Download or copy it again; if it still fails, open it in Excel (Excel may offer to repair it), save it again as .xlsx, and try again.`;
    case 'unreadable': {
      // The package is intact (it unzips and names its sheets): the file is not damaged and
      // downloading it again would not help; the real cause is said, and what does help.
      const detail = causeDetail(err);
      return id
        ? `Berkas ${f} tidak dapat dibaca oleh pemeriksa ini${detail ? ` (${detail})` : ''}, padahal berkasnya utuh. Buka di Excel atau LibreOffice, simpan ulang sebagai "Buku Kerja Excel (*.xlsx)", lalu coba lagi.`
        : `The file ${f} could not be read by this checker${detail ? ` (${detail})` : ''}, although the file itself is intact. Open it in Excel or LibreOffice, save it again as "Excel Workbook (*.xlsx)", and try again.`;
    }
    case 'empty-file':
      return id
        ? `Berkas ${f} kosong (0 bita). Kemungkinan penyimpanan atau penyalinan gagal; ambil lagi berkas aslinya lalu coba lagi.`
        : `The file ${f} is empty (0 bytes). Saving or copying probably failed; get the original file again and try again.`;
    case 'too-large':
      if (isContentTooLarge(err)) {
        return id
          ? `Berkas ${f} terlalu besar untuk diperiksa: setelah dibuka, isinya terlalu banyak untuk dimuat, biasanya karena lembar kerjanya berisi terlalu banyak sel (misalnya ratusan ribu baris yang terisi atau berformat sampai akhir lembar). Hapus baris, kolom, atau lembar yang tidak diperlukan, atau pisahkan tabel LAKIP ke buku kerja tersendiri, lalu coba lagi.`
          : `The file ${f} is too large to check: once unpacked it holds more than can be loaded, usually because its worksheets hold too many cells (e.g. hundreds of thousands of rows filled or formatted down to the end of the sheet). Delete the rows, columns or sheets that are not needed, or move the LAKIP tables into a workbook of their own, and try again.`;
      }
      return id
        ? `Berkas ${f} terlalu besar untuk diperiksa (batas ${MAX_FILE_BYTES / (1024 * 1024)} MB). Hapus lembar, gambar, atau data yang tidak diperlukan, atau pisahkan tabel LAKIP ke buku kerja tersendiri, lalu coba lagi.`
        : `The file ${f} is too large to check (limit ${MAX_FILE_BYTES / (1024 * 1024)} MB). Remove sheets, pictures or data that are not needed, or move the LAKIP tables into a workbook of their own, and try again.`;
  }
}

/** The first line of the underlying error, short, for the user to quote to support. */
function causeDetail(err: WorkbookReadError): string {
  const cause = (err as { cause?: unknown }).cause;
  const text = cause instanceof Error ? cause.message : cause === undefined ? '' : String(cause);
  const line = text.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function joinHint(dir: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.replace(/[\\/]+$/, '') + sep + 'laporan.xlsx';
}
