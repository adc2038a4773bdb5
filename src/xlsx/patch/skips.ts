/**
 * Why an edit was left out of a patched file, in Bahasa Indonesia and English.
 * An edit is refused whenever writing it could not be done without risk to the
 * rest of the workbook; the file is then written without it.
 */
export type PatchSkipReason =
  | 'no-sheet'
  | 'bad-address'
  | 'duplicate'
  | 'changed'
  | 'unwritable-value'
  | 'array-formula'
  | 'shared-formula'
  | 'cell-metadata'
  | 'unusual-xml'
  | 'no-styles';

export interface PatchSkip {
  sheet: string;
  address: string;
  /** Finding code of the edit. */
  code: string;
  reason: PatchSkipReason;
  /** Technical detail (English), for the developers. */
  detail?: string;
}

export function patchSkipMessage(s: PatchSkip, lang: 'id' | 'en'): string {
  const cell = `${s.sheet}!${s.address}`;
  const id = lang === 'id';
  switch (s.reason) {
    case 'no-sheet':
      return id ? `${cell}: lembar itu tidak ada atau bukan lembar kerja biasa; sel tidak diubah.` : `${cell}: that sheet does not exist or is not a worksheet; the cell was not changed.`;
    case 'bad-address':
      return id ? `${cell}: alamat sel tidak dapat ditulis; sel tidak diubah.` : `${cell}: the cell address cannot be written; the cell was not changed.`;
    case 'duplicate':
      return id ? `${cell}: sel ini sudah diubah oleh perbaikan lain; perbaikan kedua dilewati.` : `${cell}: another fix already changes this cell; the second one was skipped.`;
    case 'changed':
      return id
        ? `${cell}: isi sel sudah berbeda dari saat diperiksa; periksa ulang berkas lalu jalankan perbaikan lagi. Sel tidak diubah.`
        : `${cell}: the cell no longer holds what was checked; check the file again and run the fix again. The cell was not changed.`;
    case 'unwritable-value':
      return id ? `${cell}: nilai perbaikan tidak dapat disimpan di Excel; sel tidak diubah.` : `${cell}: the fixed value cannot be stored in Excel; the cell was not changed.`;
    case 'array-formula':
      return id
        ? `${cell}: sel ini bagian dari rumus array atau tabel data; ubah di Excel agar rumus array tidak rusak. Sel tidak diubah.`
        : `${cell}: this cell is part of an array formula or data table; change it in Excel so the array formula stays whole. The cell was not changed.`;
    case 'shared-formula':
      return id
        ? `${cell}: rumus sel ini dipakai bersama oleh sel-sel di bawah/sampingnya dan tidak dapat dipindahkan dengan pasti; perbaiki di Excel. Sel tidak diubah.`
        : `${cell}: this cell's formula is shared by the cells below or beside it and cannot be moved with certainty; fix it in Excel. The cell was not changed.`;
    case 'cell-metadata':
      return id
        ? `${cell}: sel ini berisi rumus larik dinamis atau tipe data khusus; perbaiki di Excel. Sel tidak diubah.`
        : `${cell}: this cell holds a dynamic array or a linked data type; fix it in Excel. The cell was not changed.`;
    case 'unusual-xml':
      return id
        ? `${cell}: susunan lembar ini di dalam berkas tidak biasa sehingga tidak dapat diubah dengan aman; simpan ulang berkas di Excel lalu coba lagi. Sel tidak diubah.`
        : `${cell}: this sheet is stored in an unusual way inside the file and cannot be changed safely; save the file again in Excel and try again. The cell was not changed.`;
    case 'no-styles':
      return id
        ? `${cell}: format angka baru tidak dapat ditambahkan ke gaya buku kerja; sel tidak diubah.`
        : `${cell}: the new number format cannot be added to the workbook's styles; the cell was not changed.`;
  }
}
