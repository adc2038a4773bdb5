/**
 * Every string the task pane, the ribbon command and the preview show
 * themselves, in Bahasa Indonesia (default) and English. Finding messages come
 * already localised from the engine; file-read errors from the readers.
 *
 * Placeholders: `{name}` is replaced by params.name; `{n|finding|findings}`
 * picks the singular when params.n is 1 (only English needs it).
 *
 * Pure: no DOM, so unit tests can check every key has both languages.
 */
import type { Lang, Severity } from '../core/findings';
import type { TableKind } from '../core/model';
import type { TableSpecKind } from '../core/tables/types';

export type { Lang };

export const STRINGS = {
  // Header and the check button
  appTitle: { id: 'Pemeriksa Tabel LAKIP', en: 'LAKIP Table Checker' },
  checkWorkbook: { id: 'Periksa buku kerja', en: 'Check workbook' },
  checkAgain: { id: 'Periksa ulang', en: 'Check again' },
  workbookLabel: { id: 'Buku kerja: {name}', en: 'Workbook: {name}' },
  intro: {
    id: 'Tekan "Periksa buku kerja" untuk mengenali tabel PMKS, SPM, anggaran, belanja, IKU dan tabel jumlah, lalu menghitung ulang setiap total dan persentase.',
    en: 'Press "Check workbook" to recognise the PMKS, SPM, budget, spending, IKU and count tables and recompute every total and percentage.',
  },
  readingProgress: { id: 'Membaca lembar {done} dari {total}…', en: 'Reading sheet {done} of {total}…' },
  reading: { id: 'Membaca buku kerja…', en: 'Reading the workbook…' },
  loadingEngine: { id: 'Menyiapkan pemeriksa…', en: 'Preparing the checker…' },
  analyzing: { id: 'Memeriksa tabel…', en: 'Checking the tables…' },
  applying: { id: 'Menerapkan perbaikan…', en: 'Applying fixes…' },
  reverting: { id: 'Membatalkan perbaikan…', en: 'Undoing fixes…' },
  savingIgnoreList: { id: 'Menyimpan daftar abaikan…', en: 'Saving the ignore list…' },
  readingNarrative: { id: 'Membaca berkas narasi…', en: 'Reading the narrative file…' },
  checkedAt: { id: 'Diperiksa pukul {time}', en: 'Checked at {time}' },

  // Summary
  summaryHeading: { id: 'Ringkasan', en: 'Summary' },
  severityError: { id: 'Kesalahan', en: 'Error' },
  severityWarning: { id: 'Peringatan', en: 'Warning' },
  severityInfo: { id: 'Info', en: 'Info' },
  countError: { id: '{n} kesalahan', en: '{n} {n|error|errors}' },
  countWarning: { id: '{n} peringatan', en: '{n} {n|warning|warnings}' },
  countInfo: { id: '{n} info', en: '{n} info' },
  noFindings: { id: 'Tidak ada temuan. Semua total dan persentase yang diperiksa sesuai.', en: 'No findings. Every total and percentage checked agrees.' },
  tablesHeading: { id: 'Tabel yang dikenali ({n})', en: 'Recognised {n|table|tables} ({n})' },
  noTables: {
    id: 'Tidak ada tabel LAKIP yang dikenali. Pastikan judul kolom (mis. "Jenis PMKS", "Anggaran", "Realisasi", "Target") ada di atas angka-angkanya.',
    en: 'No LAKIP table recognised. Make sure the column headers (e.g. "Jenis PMKS", "Anggaran", "Realisasi", "Target") sit above the figures.',
  },
  sheetsWithoutTables: { id: 'Lembar tanpa tabel: {names}', en: 'Sheets without a table: {names}' },
  kindPmks: { id: 'Tabel PMKS', en: 'PMKS table' },
  kindSpm: { id: 'Tabel SPM', en: 'SPM table' },
  kindBudget: { id: 'Tabel anggaran (APBN/APBD)', en: 'Budget table (APBN/APBD)' },
  kindBelanja: { id: 'Tabel belanja per kode rekening', en: 'Spending by account code (kode rekening)' },
  kindIku: { id: 'Tabel IKU/capaian', en: 'IKU/achievement table' },
  kindCount: { id: 'Tabel jumlah', en: 'Count table' },

  // Findings list
  findingsHeading: { id: 'Temuan ({n})', en: '{n|Finding|Findings} ({n})' },
  filterLabel: { id: 'Saring temuan', en: 'Filter findings' },
  filterSeverity: { id: 'Tampilkan hanya {severity} (klik lagi untuk semua)', en: 'Show only {severity} (click again for all)' },
  searchPlaceholder: { id: 'Cari sel, lembar atau kata…', en: 'Search cell, sheet or words…' },
  searchLabel: { id: 'Cari temuan', en: 'Search findings' },
  shownOf: { id: 'Menampilkan {shown} dari {total} temuan', en: 'Showing {shown} of {total} findings' },
  noneMatch: { id: 'Tidak ada temuan yang cocok dengan saringan.', en: 'No findings match the filter.' },
  clearFilter: { id: 'Hapus saringan', en: 'Clear filter' },
  sheetGroup: { id: 'Lembar "{sheet}"', en: 'Sheet "{sheet}"' },
  tableGroup: { id: '{kind} {range}', en: '{kind} {range}' },
  outsideTables: { id: 'Di luar tabel', en: 'Outside the tables' },
  narrativeSheetGroup: { id: 'Narasi di lembar "{name}"', en: 'Narrative in sheet "{name}"' },
  narrativeFileGroup: { id: 'Narasi "{name}"', en: 'Narrative "{name}"' },
  unlinkedToggleShow: { id: 'Tampilkan {n} paragraf yang angkanya tidak diperiksa', en: 'Show {n} {n|paragraph|paragraphs} whose figures were not checked' },
  unlinkedToggleHide: { id: 'Sembunyikan paragraf yang angkanya tidak diperiksa', en: 'Hide the paragraphs whose figures were not checked' },
  selectCellHint: { id: 'Pilih sel {ref}', en: 'Select cell {ref}' },
  paragraphPlace: { id: '¶{n}', en: '¶{n}' },
  openRelated: { id: 'Buka sel tabel {ref}', en: 'Open table cell {ref}' },
  openRelatedShort: { id: 'buka sel tabel', en: 'open table cell' },
  selectFailed: { id: 'Sel {ref} tidak dapat dipilih: {detail}', en: 'Cell {ref} could not be selected: {detail}' },
  findingPrev: { id: 'Temuan sebelumnya', en: 'Previous finding' },
  findingNext: { id: 'Temuan berikutnya', en: 'Next finding' },
  findingPrevShort: { id: 'Sebelumnya', en: 'Previous' },
  findingNextShort: { id: 'Berikutnya', en: 'Next' },
  findingPosition: { id: 'Temuan {i} dari {n}', en: 'Finding {i} of {n}' },
  findingsNavLabel: { id: 'Pindah antartemuan', en: 'Move between findings' },
  findingsKeysHint: {
    id: 'Panah atas dan bawah berpindah temuan, Home dan End ke temuan pertama dan terakhir, Enter memilih selnya.',
    en: 'Arrow up and down move between findings, Home and End to the first and last, Enter selects the cell.',
  },

  // Fixes
  fix: { id: 'Perbaiki', en: 'Fix' },
  fixLabel: { id: 'Perbaiki sel {ref}', en: 'Fix cell {ref}' },
  fixPreviewHeading: { id: 'Perbaikan untuk {ref}', en: 'Fix for {ref}' },
  before: { id: 'Sebelum', en: 'Before' },
  after: { id: 'Sesudah', en: 'After' },
  valueLabel: { id: 'Isi', en: 'Content' },
  formatLabel: { id: 'Format angka', en: 'Number format' },
  emptyCell: { id: '(kosong)', en: '(empty)' },
  textValue: { id: '"{text}" (teks)', en: '"{text}" (text)' },
  apply: { id: 'Terapkan', en: 'Apply' },
  fixMoreCells: { id: 'Juga {count} sel lain di kolom ini, dengan perbaikan yang sama.', en: 'Also {count} more cells in this column, with the same fix.' },
  applyLabel: { id: 'Terapkan perbaikan pada {ref}', en: 'Apply the fix to {ref}' },
  cancel: { id: 'Batal', en: 'Cancel' },
  close: { id: 'Tutup', en: 'Close' },
  fixAll: { id: 'Perbaiki semua ({n})', en: 'Fix all ({n})' },
  fixAllTitle: { id: 'Pilih perbaikan', en: 'Choose the fixes' },
  fixAllIntro: {
    id: 'Perbaikan mekanis sudah dicentang; perubahan angka ketikan tidak. Semua perubahan dicatat dan dapat dikembalikan satu per satu atau sekaligus.',
    en: 'Mechanical fixes are ticked; changes to typed figures are not. Every change is recorded and can be reverted one by one or all at once.',
  },
  fixAllApply: { id: 'Terapkan {n} perbaikan', en: 'Apply {n} {n|fix|fixes}' },
  fixChosen: { id: '{n} dari {total} perbaikan dipilih', en: '{n} of {total} {total|fix|fixes} selected' },
  fixSelectAll: { id: 'Pilih semua yang mekanis', en: 'Select all mechanical' },
  fixClearAll: { id: 'Kosongkan pilihan', en: 'Clear the selection' },
  fixGroupMechanical: { id: 'Perbaikan mekanis ({n})', en: 'Mechanical fixes ({n})' },
  fixGroupFollowUp: { id: 'Perbaikan lanjutan ({n})', en: 'Follow-up fixes ({n})' },
  fixFollowUpToggle: { id: 'Terapkan perbaikan lanjutan ({n} sel)', en: 'Apply the follow-up fixes ({n} {n|cell|cells})' },
  fixFollowUpWhy: {
    id: 'Sel ini dihitung dengan semua perbaikan mekanis di atas sudah diterapkan (mis. total di atas baris induk yang diperbaiki), jadi ikut hanya bersama semuanya dan tanpa perubahan angka ketikan.',
    en: 'These cells were computed with every mechanical fix above applied (e.g. a total over a fixed parent row), so they go only with all of them and without changes to typed figures.',
  },
  fixFollowUpHeld: {
    id: 'Ditahan karena pilihan Anda berbeda: setelah perbaikan diterapkan, buku kerja diperiksa ulang dan sel ini diusulkan lagi bila masih perlu, dihitung dari isinya saat itu.',
    en: 'Held back because your choice differs: after the fixes are applied the workbook is checked again and these cells are proposed again if still needed, computed from it as it then is.',
  },
  fixGroupJudgement: { id: 'Keputusan Anda: angka ketikan ({n})', en: 'Your call: typed figures ({n})' },
  fixJudgementWhy: {
    id: 'Mengubah angka yang diketik sebagai data; mana yang keliru hanya Anda yang tahu. Centang hanya bila angka baru ini benar.',
    en: 'This changes a figure typed as data; only you know which one is wrong. Tick it only if the new figure is right.',
  },
  fixItemRow: { id: '{ref} · {label}', en: '{ref} · {label}' },
  fixWhyTotal: { id: 'Total disamakan dengan jumlah rinciannya.', en: 'The total is set to the sum of its parts.' },
  fixWhyParent: { id: 'Baris induk disamakan dengan jumlah baris di bawahnya.', en: 'The parent row is set to the sum of the rows under it.' },
  fixWhyPercent: { id: 'Persentase dihitung ulang dari pembilang dan penyebutnya.', en: 'The percentage is recomputed from its numerator and denominator.' },
  fixWhyDivZero: { id: '#DIV/0! diganti dengan teks yang menjelaskan pembagi 0.', en: '#DIV/0! is replaced with text that explains the zero divisor.' },
  fixWhyTextNumber: { id: 'Angka yang tersimpan sebagai teks disimpan sebagai angka agar ikut dijumlah.', en: 'A number stored as text is stored as a number so sums count it.' },
  fixWhyIdentity: { id: 'Kewenangan Kab/Kota disamakan dengan Populasi − Kewenangan Provinsi.', en: 'The regency/city share is set to Population − provincial share.' },
  fixWhyCapaian: { id: 'Capaian dihitung ulang dari target dan realisasinya.', en: 'The achievement is recomputed from its target and realisation.' },
  fixWhyPredikat: { id: 'Predikat disesuaikan dengan capaiannya pada skala yang dipakai.', en: 'The rating is matched to its achievement on the scale in use.' },
  fixWhyOther: { id: 'Disesuaikan agar tabel kembali konsisten.', en: 'Adjusted so the table agrees with itself again.' },
  fixSkipped: { id: '{n} perbaikan dilewati karena selnya sudah diperbaiki oleh temuan lain.', en: '{n} {n|fix was|fixes were} skipped because another finding already fixes the cell.' },
  fixUnavailable: { id: 'Perbaikan otomatis tidak tersedia untuk sel ini; ubah secara manual.', en: 'No automatic fix for this cell; change it by hand.' },
  applied: { id: '{n} sel diperbaiki. Buku kerja diperiksa ulang.', en: '{n} {n|cell|cells} fixed. The workbook was checked again.' },
  revert: { id: 'Batalkan semua perbaikan ({n} sel)', en: 'Undo all fixes ({n} {n|cell|cells})' },
  reverted: { id: '{n} sel dikembalikan seperti semula. Buku kerja diperiksa ulang.', en: '{n} {n|cell was|cells were} restored. The workbook was checked again.' },
  revertedNone: {
    id: 'Sel itu sudah tidak ada di catatan perbaikan, jadi tidak ada yang diubah. Buku kerja diperiksa ulang.',
    en: 'That cell is no longer in the fix log, so nothing was changed. The workbook was checked again.',
  },
  changesShow: { id: 'Lihat sel yang diubah ({n})', en: 'Show the changed cells ({n})' },
  changesHide: { id: 'Sembunyikan sel yang diubah', en: 'Hide the changed cells' },
  changesHeading: { id: 'Sel yang diubah add-in ({n})', en: 'Cells changed by the add-in ({n})' },
  changesIntro: {
    id: 'Isi semula → isi sekarang. "Kembalikan" menulis isi semula sel itu saja; sel lain tetap.',
    en: 'Original → now. "Revert" writes back that cell\'s original content only; other cells stay.',
  },
  changesLoading: { id: 'Membaca catatan perbaikan…', en: 'Reading the fix log…' },
  changesNow: { id: 'Sekarang', en: 'Now' },
  changesSheetGone: { id: 'Lembar "{sheet}" tidak ada lagi', en: 'Sheet "{sheet}" is no longer there' },
  revertOne: { id: 'Kembalikan', en: 'Revert' },
  revertOneLabel: { id: 'Kembalikan {ref} seperti semula: {before}', en: 'Revert {ref} to what it was: {before}' },

  // Settings
  settings: { id: 'Pengaturan', en: 'Settings' },
  settingsShow: { id: 'Tampilkan pengaturan', en: 'Show settings' },
  settingsHide: { id: 'Sembunyikan pengaturan', en: 'Hide settings' },
  scaleLabel: { id: 'Skala predikat', en: 'Predikat scale' },
  scaleWorkbook: {
    id: 'Ikuti tabel skala di buku kerja (tanpa tabel skala, predikat tidak dinilai)',
    en: 'Follow the workbook’s scale table (without one, predikat is not judged)',
  },
  scaleOwn: { id: 'Skala instansi sendiri', en: "The office's own scale" },
  scaleOwnLabel: { id: 'Predikat instansi, dari yang tertinggi', en: "The office's bands, highest first" },
  scaleOwnHint: {
    id: 'Satu predikat per baris (atau dipisah titik koma): batas bawah=predikat; ">" bila batasnya tidak termasuk. Mis. 85=Sangat Berhasil, 70=Berhasil, >55=Cukup Berhasil, 0=Belum Berhasil. Disimpan saat Anda keluar dari kolom ini (atau Ctrl+Enter).',
    en: 'One band per line (or separated by semicolons): minimum=label; ">" when the minimum itself is not included. E.g. 85=Sangat Berhasil, 70=Berhasil, >55=Cukup Berhasil, 0=Belum Berhasil. Saved when you leave this field (or Ctrl+Enter).',
  },
  scalePermenpan: { id: 'Skala evaluasi RKPD (91 / 76 / 66 / 51)', en: 'RKPD evaluation scale (91 / 76 / 66 / 51)' },
  markerLabel: { id: 'Teks "Kewenangan Pusat"', en: '"Kewenangan Pusat" marker text' },
  markerHint: {
    id: 'Ditulis menggantikan #DIV/0! untuk urusan kewenangan pusat.',
    en: 'Written instead of #DIV/0! for matters of the central government.',
  },
  languageLabel: { id: 'Bahasa', en: 'Language' },
  languageAuto: { id: 'Otomatis (ikuti Office)', en: 'Automatic (follow Office)' },
  languageId: { id: 'Bahasa Indonesia', en: 'Bahasa Indonesia' },
  languageEn: { id: 'English', en: 'English' },
  settingsSaved: { id: 'Pengaturan disimpan di buku kerja.', en: 'Settings saved in the workbook.' },
  settingsNote: {
    id: 'Skala dan teks penanda disimpan di buku kerja; bahasa disimpan di komputer ini.',
    en: 'The scale and marker text are saved in the workbook; the language on this computer.',
  },
  save: { id: 'Simpan', en: 'Save' },

  // Narrative file
  narrativeHeading: { id: 'Narasi laporan', en: 'Report narrative' },
  narrativePick: { id: 'Pilih narasi (.docx/.txt)', en: 'Choose narrative (.docx/.txt)' },
  narrativePickLabel: { id: 'Pilih berkas narasi laporan (.docx atau .txt) untuk dicocokkan dengan tabel', en: 'Choose the report narrative file (.docx or .txt) to compare with the tables' },
  narrativeRemove: { id: 'Hapus narasi {name}', en: 'Remove narrative {name}' },
  narrativeInfo: { id: '{n} paragraf', en: '{n} {n|paragraph|paragraphs}' },
  narrativeHint: {
    id: 'Teks di buku kerja (mis. lembar "Narasi") selalu ikut diperiksa.',
    en: 'Text in the workbook (e.g. a "Narasi" sheet) is always checked too.',
  },

  // Ribbon command
  ribbonResult: { id: 'Pemeriksaan dari pita: {errors} kesalahan, {warnings} peringatan, {infos} info.', en: 'Check from the ribbon: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} info.' },
  ribbonNone: { id: 'Pemeriksaan dari pita: tidak ada temuan.', en: 'Check from the ribbon: no findings.' },
  ribbonFailed: { id: 'Pemeriksaan dari pita gagal: {message}', en: 'The check from the ribbon failed: {message}' },
  officeJsMissing: {
    id: 'Pustaka Office (office.js) tidak dapat dimuat, jadi panel ini tidak dapat berjalan. Periksa sambungan jaringan, atau minta admin TI mengizinkan appsforoffice.microsoft.com dan officeapis.public.onecdn.static.microsoft, lalu buka lagi panel ini.',
    en: 'The Office library (office.js) could not be loaded, so this pane cannot run. Check the network connection, or ask IT to allow appsforoffice.microsoft.com and officeapis.public.onecdn.static.microsoft, then open this pane again.',
  },
  dismiss: { id: 'Tutup pesan', en: 'Dismiss' },

  // Host errors: what happened, that nothing changed, what to do.
  errProtectedSheet: {
    id: 'Lembar "{sheet}" diproteksi. Buka proteksi (Tinjau > Buka Proteksi Lembar) lalu coba lagi. Tidak ada sel yang diubah.',
    en: 'Sheet "{sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again. No cell was changed.',
  },
  errProtectedSheetUnknown: {
    id: 'Lembar yang akan diubah diproteksi. Buka proteksi (Tinjau > Buka Proteksi Lembar) lalu coba lagi. Tidak ada sel yang diubah.',
    en: 'A sheet to be changed is protected. Unprotect it (Review > Unprotect Sheet) and try again. No cell was changed.',
  },
  errCellEditing: {
    id: 'Excel sedang menyunting sebuah sel. Tekan Enter atau Esc di lembar kerja untuk menyelesaikannya, lalu coba lagi. Tidak ada sel yang diubah.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc in the sheet to finish editing, then try again. No cell was changed.',
  },
  errWriteFailed: {
    id: 'Excel tidak dapat menulis ke {ref}. Tidak ada sel yang diubah. Coba lagi; jika tetap gagal, simpan buku kerja, tutup, buka kembali lalu coba lagi.',
    en: 'Excel could not write to {ref}. No cell was changed. Try again; if it still fails, save the workbook, close and reopen it, and try again.',
  },
  errReadFailed: {
    id: 'Buku kerja tidak dapat dibaca. Tutup dialog atau mode sunting yang terbuka di Excel, lalu tekan "Periksa buku kerja" lagi.',
    en: 'The workbook could not be read. Close any open dialog or cell edit in Excel, then press "Check workbook" again.',
  },
  errChangedSinceCheck: {
    id: 'Sel {ref} sudah berubah sejak pemeriksaan terakhir, jadi perbaikan tidak diterapkan. Tidak ada sel yang diubah. Buku kerja diperiksa ulang; tinjau temuannya lalu coba lagi.',
    en: 'Cell {ref} changed since the last check, so the fix was not applied. No cell was changed. The workbook was checked again; review the findings and try again.',
  },
  errNothingToRevert: {
    id: 'Tidak ada perbaikan yang dapat dibatalkan (catatan perbaikan kosong). Gunakan Urungkan (Ctrl+Z) di Excel untuk perubahan lain.',
    en: 'There are no fixes to undo (the fix log is empty). Use Undo (Ctrl+Z) in Excel for other changes.',
  },
  errTooLarge: {
    id: 'Buku kerja terlalu besar untuk diperiksa di panel ini. Pindahkan tabel LAKIP ke buku kerja tersendiri atau hapus lembar yang tidak diperlukan, lalu coba lagi.',
    en: 'The workbook is too large to check in this pane. Move the LAKIP tables into a workbook of their own or remove sheets that are not needed, then try again.',
  },
  errUnexpected: {
    id: 'Terjadi kesalahan yang tidak terduga ({detail}). Tidak ada sel yang diubah oleh pemeriksa. Coba lagi; jika terulang, laporkan kepada pengembang.',
    en: 'An unexpected error occurred ({detail}). The checker changed no cell. Try again; if it happens again, report it to the developers.',
  },
  errEngineLoad: {
    id: 'Bagian pemeriksa tidak dapat dimuat ({detail}). Tutup lalu buka kembali panel ini.',
    en: 'The checker could not be loaded ({detail}). Close and reopen this pane.',
  },
  errEngineWorker: {
    id: 'Pemeriksaan di latar belakang berhenti sebelum selesai ({detail}). Pemeriksaan tidak mengubah sel apa pun. Tekan "Periksa buku kerja" lagi; jika terulang, tutup lalu buka kembali panel ini.',
    en: 'The background check stopped before it finished ({detail}). Checking changes no cell. Press "Check workbook" again; if it happens again, close and reopen this pane.',
  },
  errAccessDenied: {
    id: 'Excel menolak akses ke {ref}. Penyebabnya bisa lembar yang diproteksi, berkas hanya-baca, atau berkas yang sedang dikunci program lain (antivirus, sinkronisasi OneDrive/SharePoint). Periksa Tinjau > Buka Proteksi Lembar; jika berkas hanya-baca, simpan salinannya (File > Simpan Sebagai) dan buka salinan itu; lalu coba lagi. Tidak ada sel yang diubah.',
    en: 'Excel denied access to {ref}. The sheet may be protected, the file read-only, or the file locked by another program (antivirus, OneDrive/SharePoint sync). Check Review > Unprotect Sheet; if the file is read-only, save a copy (File > Save As) and open that; then try again. No cell was changed.',
  },
  errOperationRefused: {
    id: 'Excel menolak perintah ini untuk saat ini, biasanya karena sebuah sel sedang disunting. Tekan Enter atau Esc di lembar kerja, tutup dialog yang terbuka, lalu coba lagi. Tidak ada sel yang diubah.',
    en: 'Excel refused this for now, usually because a cell is being edited. Press Enter or Esc in the sheet, close any open dialog, then try again. No cell was changed.',
  },
  errSheetHidden: {
    id: 'Sel {ref} ada di lembar tersembunyi "{sheet}", jadi tidak dipilih. Untuk melihatnya, klik kanan tab lembar mana pun > Perlihatkan (Unhide), pilih "{sheet}", lalu klik temuan ini lagi.',
    en: 'Cell {ref} is on the hidden sheet "{sheet}", so it was not selected. To see it, right-click any sheet tab > Unhide, choose "{sheet}", then click this finding again.',
  },
  errSheetVeryHidden: {
    id: 'Sel {ref} ada di lembar "{sheet}" yang sangat tersembunyi (tidak muncul di Perlihatkan/Unhide), jadi tidak dipilih. Lembar seperti ini hanya dapat ditampilkan lewat Visual Basic Editor (Alt+F11, properti Visible) oleh pembuat buku kerja.',
    en: 'Cell {ref} is on the very hidden sheet "{sheet}" (not listed under Unhide), so it was not selected. Such a sheet can only be shown from the Visual Basic Editor (Alt+F11, its Visible property), by whoever made the workbook.',
  },
  errSettingsSave: {
    id: 'Pengaturan tidak dapat disimpan di buku kerja ({detail}). Pengaturan tetap dipakai sampai panel ditutup.',
    en: 'The settings could not be saved in the workbook ({detail}). They stay in use until the pane is closed.',
  },

  // Tabel LAKIP: the report tables rebuilt after fixes, into Excel, Word and files
  tabsLabel: { id: 'Tampilan panel', en: 'Pane views' },
  tabCheck: { id: 'Pemeriksaan', en: 'Check' },
  tabTables: { id: 'Tabel LAKIP', en: 'LAKIP tables' },
  tablesIntro: {
    id: 'Tabel laporan disusun ulang dari buku kerja. Nilai yang ditandai pemeriksaan tetap seperti tertulis dan disebut dalam catatan di bawah tabel. Di Excel, total dan persentase yang cocok dengan buku kerja menjadi rumus.',
    en: 'The report tables rebuilt from the workbook. Values the check flags stay as typed and are named in a note under the table. In Excel, totals and percentages that agree with the workbook become formulas.',
  },
  tablesValues: { id: 'Nilai tabel', en: 'Table values' },
  tablesAsIs: { id: 'Seperti di buku kerja', en: 'As in the workbook' },
  tablesWithFixes: { id: 'Dengan perbaikan yang diterima', en: 'With the accepted fixes' },
  tablesWithFixesHint: {
    id: 'Perbaikan mekanis diterapkan pada tabel, tidak pernah perbaikan yang perlu keputusan kantor; catatan di bawah tabel menyebut setiap nilai yang berbeda dari buku kerja. Buku kerja tidak diubah.',
    en: 'The mechanical fixes are applied to the tables, never a fix that needs the office’s judgement; a note under each table lists every value that differs from the workbook. The workbook is not changed.',
  },
  tableDiffers: { id: '{n} nilai berbeda dari buku kerja', en: '{n} {n|value differs|values differ} from the workbook' },
  tableFlagged: { id: '{n} nilai ditandai pemeriksaan', en: '{n} {n|value|values} flagged by the check' },
  tableLowConfidence: { id: 'Dikenali dengan keyakinan rendah: {why}. Periksa tabel ini sebelum dipakai.', en: 'Recognised with low confidence: {why}. Check this table before use.' },
  tableLowColumns: { id: '{n} kolom ({cols}) dibaca dari isinya saja', en: '{n} {n|column|columns} ({cols}) read from the cells alone' },
  tableLowHeader: { id: 'judul kolomnya tidak dikenal', en: 'its header words are not known' },
  confirmLowTitle: { id: 'Tabel berkeyakinan rendah', en: 'Low-confidence tables' },
  confirmLowBody: {
    id: '{names}: dikenali dengan keyakinan rendah, jadi kolomnya mungkin terbaca keliru. Periksa hasilnya sebelum dipakai. Tetap lanjutkan?',
    en: '{names}: recognised with low confidence, so its columns may be misread. Check the result before use. Continue anyway?',
  },
  confirmLowGo: { id: 'Tetap lanjutkan', en: 'Continue anyway' },
  tablesBuilding: { id: 'Menyusun tabel laporan…', en: 'Building the report tables…' },
  tablesRebuild: { id: 'Susun ulang dari buku kerja', en: 'Rebuild from the workbook' },
  tablesNone: {
    id: 'Tidak ada tabel laporan yang dapat disusun. Tabel PMKS, SPM, anggaran, belanja dan IKU dikenali dari judul kolomnya; periksa buku kerja untuk melihat tabel yang dikenali.',
    en: 'No report table could be built. PMKS, SPM, budget, spending and IKU tables are recognised by their column headers; check the workbook to see which tables were recognised.',
  },
  tablesAll: { id: 'Semua tabel ({n})', en: 'All tables ({n})' },
  tablesListLabel: { id: 'Tabel laporan', en: 'Report tables' },
  tableFrom: { id: 'dari lembar "{sheet}" {range}', en: 'from sheet "{sheet}" {range}' },
  tableActions: { id: 'Tindakan untuk {name}', en: 'Actions for {name}' },
  specPmks: { id: 'Penanganan PMKS', en: 'PMKS handled' },
  specSpm: { id: 'Pencapaian SPM', en: 'SPM achievement' },
  specCapaian: { id: 'Capaian kinerja (IKU)', en: 'Performance achievement (IKU)' },
  specAnggaran: { id: 'Realisasi anggaran', en: 'Budget realisation' },
  specBelanja: { id: 'Realisasi belanja per kode rekening', en: 'Spending by account code' },
  specCount: { id: 'Rekapitulasi jumlah (pegawai, aset)', en: 'Counts (staff, assets)' },
  tablePreview: { id: 'Pratinjau {name}', en: 'Preview of {name}' },
  tablePreviewShow: { id: 'Lihat pratinjau', en: 'Show preview' },
  tablePreviewHide: { id: 'Sembunyikan pratinjau', en: 'Hide preview' },
  insertNewSheet: { id: 'Sisipkan di lembar baru', en: 'Insert in a new sheet' },
  insertSelection: { id: 'Sisipkan di sel terpilih', en: 'Insert at the selected cell' },
  copyForWord: { id: 'Salin untuk Word', en: 'Copy for Word' },
  downloadDocx: { id: 'Unduh .docx', en: 'Download .docx' },
  downloadXlsx: { id: 'Unduh .xlsx', en: 'Download .xlsx' },
  inserting: { id: 'Menyisipkan tabel…', en: 'Inserting the tables…' },
  copying: { id: 'Menyalin tabel…', en: 'Copying the tables…' },
  buildingFile: { id: 'Menyusun {name}…', en: 'Building {name}…' },
  inserted: { id: '{n} tabel disisipkan: {where}.', en: '{n} {n|table|tables} inserted: {where}.' },
  insertedPlace: { id: 'lembar "{sheet}" {range}', en: 'sheet "{sheet}" {range}' },
  insertedPreviewNote: {
    id: 'Di pratinjau ini tabel masuk ke buku kerja di memori dan tampil di kisi; gunakan "Unduh .xlsx" untuk menyimpannya.',
    en: 'In this preview the tables go into the in-memory workbook and show in the grid; use "Download .xlsx" to keep them.',
  },
  copied: { id: '{n} tabel disalin dengan formatnya. Tempel di Word dengan Ctrl+V.', en: '{n} {n|table|tables} copied with formatting. Paste into Word with Ctrl+V.' },
  copyBlocked: {
    id: 'Salin tidak diizinkan di sini: pilih tabel di bawah lalu tekan Ctrl+C, atau unduh .docx',
    en: 'Copying is not allowed here: select the table below and press Ctrl+C, or download the .docx',
  },
  copyPanelLabel: { id: 'Tabel untuk disalin ke Word', en: 'Tables to copy into Word' },
  selectTables: { id: 'Pilih tabel', en: 'Select the tables' },
  selectedTables: { id: 'Tabel terpilih. Tekan Ctrl+C (Cmd+C di Mac), lalu tempel di Word.', en: 'Tables selected. Press Ctrl+C (Cmd+C on a Mac), then paste into Word.' },
  downloaded: { id: '{name} diunduh.', en: '{name} downloaded.' },
  errTargetNotEmpty: {
    id: 'Tabel tidak disisipkan: {ref} sudah berisi. Pilih sel kosong dengan ruang cukup di kanan dan bawahnya, atau sisipkan di lembar baru. Tidak ada sel yang diubah.',
    en: 'The table was not inserted: {ref} already holds something. Select an empty cell with room to its right and below, or insert in a new sheet. No cell was changed.',
  },
  errWorkbookProtected: {
    id: 'Struktur buku kerja diproteksi, jadi lembar baru tidak dapat ditambahkan. Buka proteksi (Tinjau > Proteksi Buku Kerja) atau sisipkan di sel terpilih. Tidak ada yang diubah.',
    en: 'The workbook structure is protected, so no sheet can be added. Unprotect it (Review > Protect Workbook) or insert at the selected cell. Nothing was changed.',
  },
  errTargetMerged: {
    id: 'Tabel tidak disisipkan: sel gabungan {ref} menutupi sebagian tempat tabel. Pilih sel lain yang jauh dari sel gabungan itu, atau sisipkan di lembar baru. Tidak ada sel yang diubah.',
    en: 'The table was not inserted: the merged cells {ref} cover part of where the table would go. Select another cell clear of them, or insert in a new sheet. No cell was changed.',
  },
  errDownload: { id: '{name} tidak dapat diunduh di sini ({detail}). Coba di Excel untuk desktop atau di peramban.', en: '{name} could not be downloaded here ({detail}). Try Excel desktop or a browser.' },

  // Preview (a browser page, no Excel)
  previewTitle: { id: 'Pratinjau tanpa Excel', en: 'Preview without Excel' },
  previewNote: {
    id: 'Pratinjau ini membuka berkas di peramban Anda; tidak ada yang dikirim ke mana pun.',
    en: 'This preview opens files in your browser; nothing is sent anywhere.',
  },
  sampleLabel: { id: 'Contoh', en: 'Sample' },
  sampleNtt: { id: 'Dinsos NTT 2021', en: 'Dinsos NTT 2021' },
  sampleFlotim: { id: 'Dinsos Flores Timur 2020', en: 'Dinsos Flores Timur 2020' },
  openXlsx: { id: 'Buka berkas .xlsx', en: 'Open .xlsx file' },
  openXlsxLabel: {
    id: 'Buka buku kerja dari komputer Anda: .xlsx, .xlsm, .xls (Excel 97-2003), .ods, atau tabel HTML/XML yang disimpan sebagai .xls',
    en: 'Open a workbook from your computer: .xlsx, .xlsm, .xls (Excel 97-2003), .ods, or an HTML/XML table saved as .xls',
  },
  downloadFixed: { id: 'Unduh buku kerja yang diperbaiki', en: 'Download the fixed workbook' },
  downloadFixedLabel: {
    id: 'Unduh berkas ini dengan perbaikan yang diterapkan di sini dan daftar abaikannya; bagian lain berkas tetap seperti aslinya',
    en: 'Download this file with the fixes applied here and its ignore list; every other part of the file stays as it was',
  },
  downloadFixedSkipped: {
    id: '{n} perbaikan tidak dapat ditulis ke berkas dengan aman dan dilewati.',
    en: '{n} fix(es) could not be written into the file safely and were left out.',
  },
  openingWorkbook: { id: 'Membuka {name}…', en: 'Opening {name}…' },
  sheetTabs: { id: 'Lembar', en: 'Sheets' },
  gridLabel: { id: 'Isi lembar "{sheet}" (hanya baca)', en: 'Contents of sheet "{sheet}" (read-only)' },
  emptySheet: { id: 'Lembar ini kosong.', en: 'This sheet is empty.' },
  chartSheet: { id: 'Lembar grafik: tidak ada sel.', en: 'Chart sheet: no cells.' },
  selectedCell: { id: 'Sel terpilih: {ref}', en: 'Selected cell: {ref}' },
  sampleLoadFailed: {
    id: 'Contoh "{name}" tidak dapat dimuat ({detail}). Muat ulang halaman ini.',
    en: 'Sample "{name}" could not be loaded ({detail}). Reload this page.',
  },
  // The ignore list (Abaikan): findings the office accepted, stored with the workbook.
  ignore: { id: 'Abaikan', en: 'Ignore' },
  ignoreAria: { id: 'Abaikan temuan di {ref}', en: 'Ignore the finding at {ref}' },
  ignoreTitle: { id: 'Abaikan temuan ini', en: 'Ignore this finding' },
  ignoreReasonLabel: { id: 'Alasan (boleh kosong)', en: 'Reason (optional)' },
  ignoreReasonHint: {
    id: 'Disimpan di buku kerja bersama daftar abaikan; pemeriksaan berikutnya (juga lakip check) tidak menampilkannya lagi.',
    en: 'Kept in the workbook with the ignore list; later checks (lakip check too) no longer show it.',
  },
  ignoreConfirm: { id: 'Abaikan', en: 'Ignore' },
  ignoredToggle: { id: 'Diabaikan ({n})', en: 'Ignored ({n})' },
  ignoredHeading: { id: 'Temuan yang diabaikan ({n})', en: 'Ignored findings ({n})' },
  ignoredNote: {
    id: 'Tidak dihitung, tidak diperbaiki, dan tidak ditampilkan sampai Anda menampilkannya lagi.',
    en: 'Not counted, not fixed and not shown until you show them again.',
  },
  ignoredGone: { id: 'tidak ditemukan lagi', en: 'no longer found' },
  ignoredReasonWhen: { id: 'Alasan: {reason} · diabaikan {when}', en: 'Reason: {reason} · ignored {when}' },
  ignoredWhen: { id: 'Diabaikan {when}', en: 'Ignored {when}' },
  restoreIgnored: { id: 'Tampilkan lagi', en: 'Show again' },
  restoreIgnoredAria: { id: 'Tampilkan lagi temuan di {place}', en: 'Show the finding at {place} again' },
  ignoreDone: { id: 'Temuan di {ref} diabaikan dan disimpan di buku kerja.', en: 'The finding at {ref} is ignored and saved in the workbook.' },
  restoreDone: { id: 'Temuan di {place} ditampilkan lagi.', en: 'The finding at {place} shows again.' },

  // A workbook too large to read at once, and what a read left out
  errReadTooLarge: {
    id: 'Bagian yang terisi terlalu luas untuk dibaca sekaligus: {cells} sel, batasnya {limit}. Yang terluas: lembar "{sheet}" sampai {range}; mungkin ada isi tersasar jauh dari tabel. Periksa rentang yang dipilih atau lembar aktif saja, atau hapus isi tersasar itu lalu periksa lagi. Tidak ada sel yang diubah.',
    en: 'The filled part is too large to read at once: {cells} cells, the limit is {limit}. The largest: sheet "{sheet}" up to {range}; there may be a stray entry far from the tables. Check the selected range or the active sheet only, or delete the stray entry and check again. No cell was changed.',
  },
  checkSelection: { id: 'Periksa rentang yang dipilih', en: 'Check the selected range' },
  checkActiveSheet: { id: 'Periksa lembar aktif', en: 'Check the active sheet' },
  scopeLabel: { id: 'Periksa sebagian', en: 'Check a part' },
  scopeSelection: { id: 'Hanya rentang yang dipilih yang diperiksa.', en: 'Only the selected range was checked.' },
  scopeActiveSheet: { id: 'Hanya lembar aktif yang diperiksa.', en: 'Only the active sheet was checked.' },
  readNoteMerges: {
    id: 'Excel tidak memberikan sel gabungan (merge) lembar {sheets}; pemeriksaan dilanjutkan tanpanya, jadi judul kolom bertingkat mungkin kurang terbaca.',
    en: 'Excel did not give the merged cells of sheet {sheets}; the check went on without them, so multi-row column headings may read less well.',
  },
  readNoteHidden: {
    id: 'Excel tidak memberikan baris tersembunyi lembar {sheets}; pemeriksaan dilanjutkan dan baris tersembunyi dianggap tampil.',
    en: 'Excel did not give the hidden rows of sheet {sheets}; the check went on and hidden rows count as shown.',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type StringKey = keyof typeof STRINGS;

export type Params = Record<string, string | number>;

/** Fill `{name}` and `{n|one|many}` placeholders. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (one !== undefined && many !== undefined) return Number(v) === 1 ? one : many;
    return String(v);
  });
}

export function t(lang: Lang, key: StringKey, params?: Params): string {
  return format(STRINGS[key][lang], params);
}

/** A translator bound to one language, as the components use it. */
export type Translate = (key: StringKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

export const SEVERITY_KEY: Record<Severity, StringKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};

export const KIND_KEY: Record<TableKind, StringKey> = {
  pmks: 'kindPmks',
  spm: 'kindSpm',
  budget: 'kindBudget',
  belanja: 'kindBelanja',
  iku: 'kindIku',
  count: 'kindCount',
};

export const SPEC_KIND_KEY: Record<TableSpecKind, StringKey> = {
  pmks: 'specPmks',
  spm: 'specSpm',
  capaian: 'specCapaian',
  anggaran: 'specAnggaran',
  belanja: 'specBelanja',
  count: 'specCount',
};

/** 'id' for Indonesian (and its BCP 47 variants), 'en' for every English variant, else the fallback. */
export function langFromTag(tag: string | undefined | null, fallback: Lang = 'id'): Lang {
  const t = (tag ?? '').trim().toLowerCase();
  if (t.startsWith('en')) return 'en';
  if (t.startsWith('id') || t.startsWith('in')) return 'id';
  return fallback;
}
