/**
 * Errors raised while opening a workbook file, with messages for staff in
 * Bahasa Indonesia and English. Each message names the file and says what to do.
 */

import { cfbLooksEncrypted, type LegacyKind } from './sniff';

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

/** Cause of a 'not-xlsx' error for an Office owner ("lock") file, with the user name it holds. */
export class OwnerFileCause extends Error {
  override readonly name = 'OwnerFileCause';

  constructor(readonly user: string) {
    super(`an Office lock file (owner: ${user})`);
  }
}

/** Cause of a 'not-xlsx' error for a gzip file: a Gnumeric workbook, or something else compressed. */
export class CompressedCause extends Error {
  override readonly name = 'CompressedCause';

  constructor(readonly kind: 'gnumeric' | 'gzip') {
    super(kind === 'gnumeric' ? 'a Gnumeric workbook (gzip)' : 'a gzip-compressed file');
  }
}

/**
 * Cause of a 'too-large' error about what the package holds once unpacked (too
 * many cells), as opposed to the size of the file itself.
 */
export class ContentTooLargeError extends Error {
  override readonly name = 'ContentTooLargeError';
}

/** The other spreadsheet formats the legacy reader (src/xlsx/legacy/) opens, as the messages name them. */
export type LegacyFormat = 'xls' | 'ods' | 'html-table' | 'xml-2003' | 'encrypted-xlsx';

/** Why a file in one of the other formats was not read, in terms the messages can put in the user's words. */
export type LegacyIssueReason =
  /** The file ends before its own structure says it does (a cut-short copy or download). */
  | 'truncated'
  /** The container around the data (the OLE compound file of an .xls, the zip of an .ods) is broken. */
  | 'damaged-container'
  /** One part inside the file is broken; `part` names it. */
  | 'damaged-part'
  /** The file holds no worksheet. */
  | 'no-sheets'
  /** A web page without any table. */
  | 'no-table'
  /** An Office 97-2003 file that is not a workbook (`office` says which). */
  | 'other-office-file'
  /** Encrypted (password-protected). */
  | 'encrypted';

/**
 * Cause of a refusal of an .xls, .ods, HTML-table or XML 2003 file: what is wrong, in
 * a form the messages word for the user; `detail` keeps the reader's own words.
 */
export class LegacyReadIssue extends Error {
  override readonly name = 'LegacyReadIssue';

  constructor(
    public readonly format: LegacyFormat,
    public readonly reason: LegacyIssueReason,
    options: { part?: string; office?: 'word' | 'powerpoint' | 'other'; detail?: string } = {},
  ) {
    super(`${format}: ${reason}${options.part ? ` (${options.part})` : ''}${options.detail ? `: ${options.detail}` : ''}`);
    this.part = options.part;
    this.office = options.office;
    this.detail = options.detail;
  }

  readonly part: string | undefined;
  readonly office: 'word' | 'powerpoint' | 'other' | undefined;
  readonly detail: string | undefined;
}

/** The LegacyReadIssue behind an error, also when it crossed a module boundary (worker, jest). */
function legacyIssue(err: WorkbookReadError): LegacyReadIssue | undefined {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof LegacyReadIssue) return cause;
  if (cause && typeof cause === 'object' && (cause as { name?: unknown }).name === 'LegacyReadIssue' && typeof (cause as { reason?: unknown }).reason === 'string') {
    return cause as LegacyReadIssue;
  }
  return undefined;
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
  const issue = legacyIssue(err);
  if (issue) {
    const said = legacyIssueMessage(err, issue, lang);
    if (said) return said;
  }
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
      if (isLockFileName(err.file)) {
        // Staff meet these beside any workbook open in Excel, and pick them by mistake.
        const book = JSON.stringify(err.file.replace(/~\$([^\\/]*)$/, '$1'));
        return id
          ? `Berkas ${f} adalah berkas kunci sementara yang dibuat Excel selama buku kerja ${book} sedang dibuka, bukan buku kerja. Periksa berkas ${book} itu sendiri; berkas kunci hilang sendiri setelah Excel menutup buku kerjanya.`
          : `The file ${f} is the temporary lock file Excel makes while the workbook ${book} is open, not a workbook. Check ${book} itself; the lock file goes away when Excel closes the workbook.`;
      }
      if ((err as { cause?: unknown }).cause instanceof CompressedCause) {
        const gnumeric = ((err as { cause?: unknown }).cause as CompressedCause).kind === 'gnumeric';
        return id
          ? gnumeric
            ? `Berkas ${f} bukan buku kerja Excel, melainkan lembar kerja Gnumeric (.gnumeric, terkompresi gzip). Buka berkas itu di Gnumeric atau LibreOffice, pilih Simpan Sebagai (Save As), jenis "Buku Kerja Excel (*.xlsx)", lalu periksa berkas .xlsx yang baru.`
            : `Berkas ${f} bukan buku kerja Excel, melainkan berkas terkompresi (gzip). Ekstrak dulu isinya; jika di dalamnya ada buku kerja, periksa berkas itu (atau simpan sebagai .xlsx di Excel).`
          : gnumeric
            ? `The file ${f} is not an Excel workbook but a Gnumeric spreadsheet (.gnumeric, gzip-compressed). Open it in Gnumeric or LibreOffice, use Save As, pick "Excel Workbook (*.xlsx)", then check the new .xlsx file.`
            : `The file ${f} is not an Excel workbook but a compressed (gzip) file. Extract it first; if a workbook is inside, check that file (or save it as .xlsx in Excel).`;
      }
      if ((err as { cause?: unknown }).cause instanceof OwnerFileCause) {
        // A lock file copied under another name: which workbook it locked is lost, the user is not.
        const user = JSON.stringify(((err as { cause?: unknown }).cause as OwnerFileCause).user);
        return id
          ? `Berkas ${f} bukan buku kerja, melainkan berkas kunci sementara yang dibuat Excel saat sebuah buku kerja dibuka oleh ${user} (isinya hanya nama itu). Periksa buku kerja aslinya; berkas kunci biasanya bernama "~$" diikuti nama buku kerja itu.`
          : `The file ${f} is not a workbook but the temporary lock file Excel makes while a workbook is open, here by ${user} (it holds only that name). Check the workbook itself; a lock file is normally named "~$" followed by the workbook's name.`;
      }
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
        ? `Berkas ${f} memakai format Excel lama (.xls, Excel 97-2003) dan tidak dapat dibaca pemeriksa ini. ${SAVE_AS_ID}`
        : `The file ${f} uses the old Excel format (.xls, Excel 97-2003) and this checker could not read it. ${SAVE_AS_EN}`;
    case 'encrypted':
      return id
        ? `Berkas ${f} dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. Buka berkas di Excel dengan kata sandinya, hapus kata sandi (File > Info > Proteksi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi.`
        : `The file ${f} is password-protected (encrypted) and cannot be read. Open it in Excel with its password, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.`;
    case 'corrupt': {
      // What is damaged, when the reader could tell (a part missing or cut short, a cell naming a
      // string the table lacks), so IT staff or the sender know what to look for.
      const part = causeDetail(err);
      const where = part ? (id ? ` Yang rusak: ${part}.` : ` What is damaged: ${part}.`) : '';
      return id
        ? `Berkas ${f} rusak atau tidak lengkap sehingga tidak dapat dibaca (mungkin unduhan atau salinan terputus).${where} Coba unduh atau salin ulang berkas itu; jika masih gagal, buka di Excel (Excel dapat menawarkan perbaikan), simpan ulang sebagai .xlsx, lalu coba lagi.`
        : `The file ${f} is damaged or incomplete and cannot be read (a download or copy may have been cut short).${where} Download or copy it again; if it still fails, open it in Excel (Excel may offer to repair it), save it again as .xlsx, and try again.`;
    }
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

/** How each of the other formats is named in a sentence ("Berkas X adalah ..."). */
const LEGACY_FORMAT: Record<LegacyFormat, { id: string; en: string; app: { id: string; en: string } }> = {
  xls: {
    id: 'buku kerja Excel lama (.xls, Excel 97-2003)',
    en: 'an old-format Excel workbook (.xls, Excel 97-2003)',
    app: { id: 'Excel', en: 'Excel' },
  },
  ods: {
    id: 'lembar kerja OpenDocument (.ods, dari LibreOffice atau WPS)',
    en: 'an OpenDocument spreadsheet (.ods, from LibreOffice or WPS)',
    app: { id: 'LibreOffice atau Excel', en: 'LibreOffice or Excel' },
  },
  'html-table': {
    id: 'tabel halaman web (HTML) yang disimpan dengan nama .xls, seperti hasil "ekspor ke Excel" dari aplikasi web',
    en: 'a web page table (HTML) saved with an .xls name, as web applications\' "export to Excel" produce',
    app: { id: 'Excel', en: 'Excel' },
  },
  // Read through Excel's default password (legacy/ooxmlDecrypt.ts); fixes would need the encryption rewritten.
  'encrypted-xlsx': {
    id: 'buku kerja .xlsx yang terenkripsi (dengan kata sandi bawaan Excel, sehingga dapat diperiksa tanpa kata sandi)',
    en: 'an encrypted .xlsx workbook (under Excel\'s default password, so it can be checked without one)',
    app: { id: 'Excel', en: 'Excel' },
  },
  'xml-2003': {
    id: 'buku kerja "XML Spreadsheet 2003" dari Excel lama',
    en: 'an old Excel "XML Spreadsheet 2003" workbook',
    app: { id: 'Excel', en: 'Excel' },
  },
};

/** The reader's own words for a cause, short, or '' (never the whole stack). */
function shortDetail(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/**
 * The message for a file in another format that was not read, naming the real format,
 * the real cause and what to do. undefined when the pair of code and cause has no
 * wording of its own (the generic message of the code is used).
 */
function legacyIssueMessage(err: WorkbookReadError, issue: LegacyReadIssue, lang: 'id' | 'en'): string | undefined {
  const f = `"${err.file}"`;
  const id = lang === 'id';
  const fmt = LEGACY_FORMAT[issue.format] ?? LEGACY_FORMAT.xls;
  const app = id ? fmt.app.id : fmt.app.en;
  const part = issue.part ? `"${issue.part}"` : '';
  const detail = shortDetail(issue.detail);
  const saveAs = id
    ? `Buka berkas itu di ${app}, pilih File > Simpan Sebagai (Save As), pilih jenis "Buku Kerja Excel (*.xlsx)", lalu periksa berkas .xlsx yang baru.`
    : `Open it in ${app}, choose File > Save As, pick "Excel Workbook (*.xlsx)", then check the new .xlsx file.`;
  // A damaged file may still open elsewhere (Excel repairs what it can): say what helps in either case.
  const damagedAdvice = id
    ? `Jika berkas itu masih dapat dibuka di ${app} (Excel dapat menawarkan perbaikan), pilih File > Simpan Sebagai (Save As), jenis "Buku Kerja Excel (*.xlsx)", lalu periksa berkas .xlsx itu. Jika tidak dapat dibuka juga, minta berkas aslinya lagi dari pengirimnya.`
    : `If it still opens in ${app} (Excel may offer to repair it), use File > Save As, pick "Excel Workbook (*.xlsx)", and check that .xlsx file. If it does not open there either, ask the sender for the original file again.`;

  if (err.code === 'encrypted') {
    if (issue.format === 'ods') {
      return id
        ? `Berkas ${f} adalah ${fmt.id} yang dilindungi kata sandi (terenkripsi), sehingga isinya tidak dapat dibaca. Buka berkas itu di LibreOffice dengan kata sandinya, pilih File > Simpan Sebagai (Save As), jenis "Buku Kerja Excel (*.xlsx)" tanpa mencentang "Simpan dengan kata sandi", lalu periksa berkas .xlsx yang baru.`
        : `The file ${f} is ${fmt.en} protected with a password (encrypted), so its content cannot be read. Open it in LibreOffice with its password, choose File > Save As, pick "Excel Workbook (*.xlsx)" without ticking "Save with password", then check the new .xlsx file.`;
    }
    // A workbook whose structure only is protected (Excel's default password) is decrypted and read
    // (legacy/biffDecrypt.ts): what is refused here needs the password its owner chose.
    return id
      ? `Berkas ${f} adalah ${fmt.id} yang dienkripsi dengan kata sandi, sehingga isinya tidak dapat dibaca tanpa kata sandi itu. Buka berkas itu di Excel dengan kata sandinya, hapus kata sandi itu (File > Info > Proteksi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan sebagai "Buku Kerja Excel (*.xlsx)", lalu periksa berkas .xlsx yang baru. Jika Excel membukanya tanpa meminta kata sandi, cukup simpan sebagai .xlsx.`
      : `The file ${f} is ${fmt.en} encrypted with a password, so its content cannot be read without it. Open it in Excel with its password, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save it as "Excel Workbook (*.xlsx)", then check the new .xlsx file. If Excel opens it without asking for a password, just save it as .xlsx.`;
  }

  if (err.code === 'not-xlsx' && issue.reason === 'other-office-file') {
    const what =
      issue.office === 'word'
        ? { id: 'dokumen Word lama (.doc, Word 97-2003)', en: 'an old-format Word document (.doc, Word 97-2003)' }
        : issue.office === 'powerpoint'
          ? { id: 'presentasi PowerPoint lama (.ppt, PowerPoint 97-2003)', en: 'an old-format PowerPoint presentation (.ppt, PowerPoint 97-2003)' }
          : { id: 'berkas Office 97-2003 yang bukan buku kerja Excel', en: 'an Office 97-2003 file that is not an Excel workbook' };
    return id
      ? `Berkas ${f} bukan buku kerja Excel, melainkan ${what.id}. Periksa apakah berkas yang dipilih sudah benar; jika tabelnya ada di Excel, ${lowerFirst(SAVE_AS_ID)}`
      : `The file ${f} is not an Excel workbook but ${what.en}. Check that the right file was chosen; if the table is in Excel, ${lowerFirst(SAVE_AS_EN)}`;
  }

  if (err.code !== 'legacy-xls' && err.code !== 'ods' && err.code !== 'html-table' && err.code !== 'xml-2003') return undefined;

  const detailId = detail ? ` (${detail})` : '';
  let cause: string;
  let advice: string;
  switch (issue.reason) {
    case 'truncated':
      cause = id
        ? `berkasnya terpotong: ${part ? `bagian ${part} di dalamnya` : 'isinya'} berhenti sebelum selesai, seperti salinan atau unduhan yang terputus`
        : `the file is cut short: ${part ? `its part ${part}` : 'its content'} stops before its end, as when a copy or download is interrupted`;
      advice = damagedAdvice;
      break;
    case 'damaged-container':
      cause =
        issue.format === 'ods'
          ? id
            ? `arsip zip yang membungkus isinya rusak${detailId}`
            : `the zip archive that holds its content is damaged${detailId}`
          : id
            ? `wadah berkasnya (OLE Compound File yang membungkus buku kerja) rusak${detailId}`
            : `its container (the OLE compound file around the workbook) is damaged${detailId}`;
      advice = damagedAdvice;
      break;
    case 'damaged-part':
      cause = id ? `bagian ${part || 'datanya'} di dalamnya rusak${detailId}` : `its part ${part || 'holding the data'} is damaged${detailId}`;
      advice = damagedAdvice;
      break;
    case 'no-sheets':
      cause = id ? 'berkas itu tidak berisi satu lembar kerja pun' : 'it holds no worksheet';
      advice = saveAs;
      break;
    case 'no-table':
      cause = id ? 'halamannya tidak berisi tabel (<table>)' : 'the page holds no table (<table>)';
      advice = id
        ? 'Periksa apakah berkas yang dipilih sudah benar; ekspor ulang dari aplikasinya, atau buka di Excel dan simpan sebagai "Buku Kerja Excel (*.xlsx)".'
        : 'Check that the right file was chosen; export it again from its application, or open it in Excel and save it as "Excel Workbook (*.xlsx)".';
      break;
    default:
      return undefined;
  }
  return id ? `Berkas ${f} adalah ${fmt.id}, tetapi tidak dapat dibaca: ${cause}. ${advice}` : `The file ${f} is ${fmt.en}, but it could not be read: ${cause}. ${advice}`;
}

/**
 * Fixes are written only into an .xlsx/.xlsm package (every other part kept byte for byte).
 * The message for `lakip fix` and the preview's download when the workbook was read from
 * another format (src/xlsx/sniff.ts legacyKindOf tells which): what to do instead.
 */
/** Which format a legacy reader's input is, in the words the messages use. */
export function legacyFormatOf(kind: LegacyKind, data?: Uint8Array): LegacyFormat {
  switch (kind) {
    case 'cfb':
      return data && cfbLooksEncrypted(data) ? 'encrypted-xlsx' : 'xls';
    case 'biff':
      return 'xls';
    case 'ods':
    case 'fods':
      return 'ods';
    case 'xml-2003':
      return 'xml-2003';
    case 'html':
      return 'html-table';
  }
}

/** Fixes were asked to be written into a workbook read from another format (see fixNeedsXlsxMessage). */
export class FixNeedsXlsxError extends Error {
  override readonly name = 'FixNeedsXlsxError';

  constructor(
    readonly file: string,
    readonly format: LegacyFormat,
  ) {
    super(`fixes can only be written into .xlsx: ${file} is ${format}`);
  }
}

export function fixNeedsXlsxMessage(file: string, format: LegacyFormat, lang: 'id' | 'en'): string {
  const fmt = LEGACY_FORMAT[format] ?? LEGACY_FORMAT.xls;
  const app = lang === 'id' ? fmt.app.id : fmt.app.en;
  const plainId = format === 'encrypted-xlsx' ? 'buku kerja .xlsx tanpa enkripsi' : 'buku kerja .xlsx';
  const plainEn = format === 'encrypted-xlsx' ? 'an unencrypted .xlsx workbook' : 'an .xlsx workbook';
  return lang === 'id'
    ? `Perbaikan hanya dapat ditulis ke ${plainId}, sedangkan "${file}" adalah ${fmt.id}. Temuan dan perbaikannya tetap dapat diperiksa; untuk menuliskannya, buka berkas itu di ${app}, pilih File > Simpan Sebagai (Save As), jenis "Buku Kerja Excel (*.xlsx)", lalu perbaiki berkas .xlsx yang baru.`
    : `Fixes can only be written into ${plainEn}, and "${file}" is ${fmt.en}. Its findings and fixes can still be checked; to write them, open it in ${app}, use File > Save As, pick "Excel Workbook (*.xlsx)", then fix the new .xlsx file.`;
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

/** '~$Laporan.xlsx': the owner file Excel keeps beside an open workbook (a user name, 165 bytes). */
function isLockFileName(file: string): boolean {
  return /(^|[\\/])~\$[^\\/]+$/.test(file);
}

function joinHint(dir: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.replace(/[\\/]+$/, '') + sep + 'laporan.xlsx';
}
