import Decimal from 'decimal.js';
import type { Lang } from './findings';
import { formatNumber } from './numbers/parse';

/** Numbers in messages as staff write them: 1.234.567,89 in Indonesian, 1,234,567.89 in English. */
export function fmtNum(v: Decimal.Value, lang: Lang, decimals?: number): string {
  const d = new Decimal(v);
  const places = decimals ?? Math.min(d.decimalPlaces(), 4);
  return formatNumber(d, lang, places);
}

type Params = Record<string, string | number | undefined>;
type Template = { id: string; en: string };

/**
 * Every user-facing sentence of the engine, Bahasa Indonesia first. '{name}'
 * placeholders are filled from the finding's params; keys are stable.
 */
const T = {
  'total-mismatch': {
    id: 'Total {column} tertulis {actual}, tetapi jumlah rinciannya {expected} (selisih {gap}).',
    en: 'Total {column} says {actual}, but its rows add up to {expected} (difference {gap}).',
  },
  'row-total-mismatch': {
    id: '{column} pada baris "{label}" tertulis {actual}, tetapi jumlah kolom-kolomnya {expected}.',
    en: '{column} on row "{label}" says {actual}, but its columns add up to {expected}.',
  },
  'total-no-items': {
    id: 'Total {column} berisi {actual}, tetapi rinciannya kosong sehingga total tidak dapat diperiksa.',
    en: 'Total {column} holds {actual}, but the rows above are empty, so the total cannot be checked.',
  },
  'parent-sum-mismatch': {
    id: '{column} pada "{label}" tertulis {actual}, tetapi jumlah {count} baris di bawahnya {expected} (selisih {gap}).',
    en: '{column} of "{label}" says {actual}, but the {count} rows under it add up to {expected} (difference {gap}).',
  },
  'share-mismatch': {
    id: 'Persentase pada "{label}" tertulis {actual}, tetapi {value} / {total} × 100 = {exact}, dibulatkan menjadi {expected}.',
    en: 'The share on "{label}" says {actual}, but {value} / {total} × 100 = {exact}, which rounds to {expected}.',
  },
  'percent-mismatch': {
    id: 'Persentase pada "{label}" tertulis {actual}, tetapi {num} / {den} × 100 = {exact}, dibulatkan {decimals} desimal menjadi {expected}.',
    en: 'The percentage on "{label}" says {actual}, but {num} / {den} × 100 = {exact}, which rounds to {expected} at {decimals} decimals.',
  },
  'percent-other-pair': {
    id: 'Persentase pada "{label}" dihitung dengan rumus {formula} ({own}), berbeda dari baris lain ({num} / {den}). Pastikan memang disengaja; sel ini tidak diubah otomatis.',
    en: 'The percentage on "{label}" comes from the formula {formula} ({own}), unlike the other rows ({num} / {den}). Make sure that is meant; this cell is not changed automatically.',
  },
  'division-by-zero-pusat': {
    id: '#DIV/0! pada "{label}": {den} bernilai 0 karena penanganannya menjadi kewenangan pusat. Tulis "{marker}" dan keluarkan baris ini dari persentase total.',
    en: '#DIV/0! on "{label}": {den} is 0 because the matter is the central government\'s responsibility. Write "{marker}" and leave this row out of the total percentage.',
  },
  'division-by-zero': {
    id: '#DIV/0! pada "{label}": pembagi {den} bernilai 0. Ganti dengan "-" atau rumus yang memeriksa pembagi (misalnya =IF({denCell}=0;"-";...)).',
    en: '#DIV/0! on "{label}": the divisor {den} is 0. Replace it with "-" or a formula that checks the divisor (e.g. =IF({denCell}=0,"-",...)).',
  },
  'division-by-zero-formula': {
    id: '#DIV/0! pada "{label}" dari rumus {formula}: pembaginya bernilai 0 atau kosong. Ganti dengan rumus yang memeriksa pembagi, misalnya =IFERROR(…;"-").',
    en: '#DIV/0! on "{label}" from the formula {formula}: its divisor is 0 or empty. Use a formula that checks the divisor, e.g. =IFERROR(…,"-").',
  },
  'division-by-zero-upstream': {
    id: '#DIV/0! pada "{label}" terbawa dari sel yang dirujuk rumus {formula}; rumus ini sendiri tidak membagi dengan sel mana pun. Perbaiki pembagian di sel sumbernya.',
    en: '#DIV/0! on "{label}" comes from a cell the formula {formula} refers to; this formula divides by no cell itself. Fix the division where it starts.',
  },
  'division-by-zero-target': {
    id: 'Capaian "{label}" tidak dapat dihitung karena target bernilai 0. Ini bukan kewenangan pusat: periksa targetnya.',
    en: 'The achievement of "{label}" cannot be computed because the target is 0. This is not a central-government matter: check the target.',
  },
  'error-value': {
    id: 'Sel berisi nilai kesalahan {error} pada "{label}"; angka ini tidak ikut dihitung dan akan terbawa ke laporan.',
    en: 'The cell holds the error {error} on "{label}"; it is left out of every sum and will be copied into the report.',
  },
  'text-number': {
    id: 'Angka "{raw}" pada "{label}" tersimpan sebagai teks, sehingga SUM melewatinya. Simpan sebagai angka {expected}.',
    en: 'The number "{raw}" on "{label}" is stored as text, so SUM skips it. Store it as the number {expected}.',
  },
  'text-number-formula': {
    id: 'Rumus {formula} pada "{label}" menghasilkan teks "{raw}", bukan angka, sehingga SUM melewatinya. Hapus tanda kutip di rumus agar hasilnya angka; sel ini tidak diubah otomatis.',
    en: 'The formula {formula} on "{label}" returns the text "{raw}", not a number, so SUM skips it. Remove the quotes in the formula so it returns a number; this cell is not changed automatically.',
  },
  'text-number-plain': {
    id: 'Angka "{raw}" pada "{label}" tersimpan sebagai teks dan dibaca sebagai {expected}; rumus tidak dapat menghitungnya.',
    en: 'The number "{raw}" on "{label}" is stored as text and read as {expected}; formulas cannot use it.',
  },
  'date-value': {
    id: 'Sel pada "{label}" berisi tanggal ({raw}) di kolom angka; tanggal tidak dihitung. Ketik angkanya, atau ubah format sel dari format tanggal.',
    en: 'The cell on "{label}" holds a date ({raw}) in a column of figures; dates are not counted. Type the figure, or change the cell format from a date format.',
  },
  'ambiguous-number': {
    id: 'Teks "{raw}" pada "{label}" bisa berarti {expected} atau {alternative}; tulis sebagai angka agar tidak keliru.',
    en: 'The text "{raw}" on "{label}" could mean {expected} or {alternative}; enter it as a number to remove the doubt.',
  },
  'identity-sum': {
    id: 'Pada "{label}", Populasi {populasi} seharusnya sama dengan Kewenangan Provinsi {prov} + Kewenangan Kabupaten/Kota; Kewenangan Kabupaten/Kota seharusnya {expected}, tertulis {actual}.',
    en: 'On "{label}", Population {populasi} should equal the provincial share {prov} + the regency/city share; the regency/city share should be {expected}, found {actual}.',
  },
  'identity-handled': {
    id: 'Pada "{label}", yang ditangani ({actual}) melebihi kewenangan provinsi ({expected}).',
    en: 'On "{label}", the number handled ({actual}) exceeds the provincial share ({expected}).',
  },
  'duplicate-code': {
    id: 'Kode rekening {code} dipakai dua kali (juga di baris {otherRow}: "{otherLabel}").',
    en: 'Account code {code} is used twice (also on row {otherRow}: "{otherLabel}").',
  },
  'duplicate-label': {
    id: 'Uraian "{label}" muncul dua kali (juga di baris {otherRow}) dengan kode berbeda.',
    en: 'The description "{label}" appears twice (also on row {otherRow}) with different codes.',
  },
  'numbering-gap': {
    id: 'Penomoran melompat: setelah {previous} tertulis {actual}; nomor {expected} tidak ada.',
    en: 'Numbering jumps: after {previous} comes {actual}; number {expected} is missing.',
  },
  'numbering-repeat': {
    id: 'Nomor {actual} dipakai lagi setelah {previous}; seharusnya {expected}.',
    en: 'Number {actual} is used again after {previous}; it should be {expected}.',
  },
  'missing-value': {
    id: '{column} pada "{label}" kosong, padahal baris lain terisi.',
    en: '{column} on "{label}" is empty while the other rows are filled.',
  },
  'capaian-mismatch': {
    id: 'Capaian "{label}" tertulis {actual}, tetapi {formula} = {exact}, dibulatkan menjadi {expected}.',
    en: 'The achievement of "{label}" says {actual}, but {formula} = {exact}, which rounds to {expected}.',
  },
  'predikat-mismatch': {
    id: 'Predikat "{label}" tertulis "{actual}", tetapi capaian {capaian} pada skala {scale} berarti "{expected}".',
    en: 'The rating of "{label}" says "{actual}", but an achievement of {capaian} on the {scale} scale means "{expected}".',
  },
  'formula-uncalculated': {
    id: 'Rumus {formula} belum pernah dihitung (tidak ada nilai tersimpan); nilainya dihitung ulang menjadi {expected}. Buka dan simpan ulang di Excel.',
    en: 'The formula {formula} has never been calculated (no stored value); recomputed as {expected}. Open and save the file again in Excel.',
  },
  'cross-table-mismatch': {
    id: 'Baris "{label}" berjumlah {actual}, tetapi {otherSheet} mencatat "{category}" sebanyak {expected} ({otherCell}). Rincian yang sama seharusnya sama di kedua tabel.',
    en: 'Row "{label}" totals {actual}, but {otherSheet} gives "{category}" as {expected} ({otherCell}). The same breakdown should agree in both tables.',
  },
  'narrative-mismatch': {
    id: 'Narasi menyebut {what} "{subject}" {actual}, tetapi tabel mencatat {expected} di {where}.',
    en: 'The text gives {what} of "{subject}" as {actual}, but the table has {expected} in {where}.',
  },
  'narrative-mismatch-per': {
    id: 'Narasi menyebut bantuan {actual} per {per} untuk "{subject}", tetapi Keterangan tabel ({where}) menyebut {expected} per {per}.',
    en: 'The text gives aid of {actual} per {per} for "{subject}", but the table\'s Keterangan ({where}) says {expected} per {per}.',
  },
  'narrative-table-agrees': {
    id: ' Pemeriksaan tabel sendiri juga menghasilkan {actual} untuk sel itu: yang keliru adalah tabelnya.',
    en: ' The table\'s own arithmetic also gives {actual} for that cell: the table is what is wrong.',
  },
  'narrative-found-elsewhere': {
    id: ' Angka {actual} ada di {where} ("{label}"): kemungkinan narasi merujuk baris yang salah.',
    en: ' The figure {actual} is in {where} ("{label}"): the text probably quotes the wrong row.',
  },
  'narrative-rounded': {
    id: '{raw} di narasi dianggap pembulatan {decimals} desimal dari {value} di {where}.',
    en: '{raw} in the text is taken as {value} in {where} rounded to {decimals} decimals.',
  },
  'narrative-unlinked': {
    id: 'Angka berikut tidak dapat dikaitkan dengan tabel mana pun, sehingga tidak diperiksa: {figures}.',
    en: 'These figures could not be linked to any table and were not checked: {figures}.',
  },
  'terbilang-mismatch': {
    id: 'Angka {digits} ditulis dengan huruf "{words}", yang berarti {wordsValue}. Seharusnya: "{correct}".',
    en: 'The amount {digits} is written in words as "{words}", which means {wordsValue}. It should read: "{correct}".',
  },
  'narrative-difference': {
    id: 'Narasi menyebut selisih {actual} untuk "{label}", tetapi anggaran {anggaran} − realisasi {realisasi} = {expected}.',
    en: 'The text states a difference of {actual} for "{label}", but budget {anggaran} − realisation {realisasi} = {expected}.',
  },
  'terbilang-unreadable': {
    id: 'Angka {digits} ditulis dengan kata-kata "{words}", yang tidak membentuk bilangan yang sah (misalnya satuan seperti "juta" terlewat). Seharusnya: {correct}.',
    en: 'The amount {digits} is written in words as "{words}", which spell no valid number (a scale such as "juta" may be missing). It should read: {correct}.',
  },
  'narrative-predikat': {
    id: 'Narasi menyebut {claim}, tetapi rata-rata capaian {count} indikator IKU adalah {average} ({scale}: "{expected}").',
    en: 'The text claims {claim}, but the average achievement of the {count} IKU indicators is {average} ({scale}: "{expected}").',
  },
  'why-narrative-amount': {
    id: ' Selisih {gap} sama dengan {raw} yang disebut di narasi ({where}: "…{snippet}"): pos itu tampaknya belum dimasukkan ke tabel.',
    en: ' The difference {gap} equals {raw} named in the text ({where}: "…{snippet}"): that item seems to be missing from the table.',
  },
  'why-row-left-out': {
    id: ' Selisihnya sama dengan baris {cell} "{label}": kemungkinan baris itu tidak ikut dijumlah.',
    en: ' The difference equals row {cell} "{label}": that row was probably left out of the sum.',
  },
  'why-row-twice': {
    id: ' Selisihnya sama dengan baris {cell} "{label}": kemungkinan baris itu terhitung dua kali.',
    en: ' The difference equals row {cell} "{label}": that row was probably counted twice.',
  },
  'why-text-numbers': {
    id: ' Selisihnya sama dengan {count} angka yang tersimpan sebagai teks ({cells}), yang dilewati SUM.',
    en: ' The difference equals {count} numbers stored as text ({cells}), which SUM skips.',
  },
  'why-text-present': {
    id: ' Catatan: {count} angka di kolom ini tersimpan sebagai teks ({cells}); SUM melewatinya.',
    en: ' Note: {count} numbers in this column are stored as text ({cells}); SUM skips them.',
  },
  'why-mirrored': {
    id: " Sel ini dan rinciannya mengambil angka dari sheet '{sheet}' ({formula}): kemungkinan ada rincian di sheet itu yang tidak ikut dirujuk di sini. Periksa di sumbernya; angka ini tidak diubah otomatis.",
    en: " This cell and the rows under it take their figures from sheet '{sheet}' ({formula}): rows there are probably not referenced here. Check at the source; this figure is not changed automatically.",
  },
  'why-unsettled': {
    id: ' Kolom ini dikenali sebagai angka hanya dari isinya dan tidak ada kolom lain yang jumlahnya cocok di baris ini, jadi belum pasti baris ini memang jumlah kolom tersebut.',
    en: ' This column was read as figures only from its cells and no other column adds up on this row, so it is not sure this row is its sum.',
  },
  'why-transposed': {
    id: ' Selisihnya habis dibagi 9 dan angka tertulis memuat digit yang sama: kemungkinan dua digit tertukar.',
    en: ' The difference is divisible by 9 and the digits are the same: two digits were probably swapped.',
  },
  'why-nine': {
    id: ' Selisihnya habis dibagi 9, tanda umum salah ketik (digit tertukar).',
    en: ' The difference is divisible by 9, a common sign of a typing slip (swapped digits).',
  },
  'why-missing-row': {
    id: ' Baris {cell} "{label}" kosong; nilainya kemungkinan {gap}.',
    en: ' Row {cell} "{label}" is empty; its figure is probably {gap}.',
  },
  'why-children-twice': {
    id: ' Selisihnya sama dengan jumlah rincian di bawah "{label}" ({cells}): rincian itu ikut terjumlah bersama programnya (terhitung dua kali).',
    en: ' The difference equals the rows under "{label}" ({cells}): they were added on top of their program (counted twice).',
  },
  'why-rounding': {
    id: ' Selisihnya lebih kecil dari satuan yang ditampilkan: hanya pembulatan tampilan.',
    en: ' The difference is smaller than the unit shown: display rounding only.',
  },
  'why-pusat-excluded': {
    id: ' Baris kewenangan pusat tidak ikut dihitung.',
    en: ' Rows that are central-government matters are left out.',
  },
  'why-not-handled': {
    id: ' Selisihnya sama dengan yang belum ditangani (Kewenangan Provinsi − Yang ditangani = {gap}).',
    en: ' The difference equals the number not handled (provincial share − handled = {gap}).',
  },
  'error-value-formula': {
    id: 'Sel berisi nilai kesalahan {error} dari rumus {formula}; kesalahan ini akan terbawa ke laporan.',
    en: 'The cell holds the error {error} from the formula {formula}; it will be copied into the report.',
  },
  'error-value-typed': {
    id: 'Sel berisi nilai kesalahan {error}; kesalahan ini akan terbawa ke laporan.',
    en: 'The cell holds the error {error}; it will be copied into the report.',
  },
  'error-value-group': {
    id: '{count} sel di kolom ini berisi nilai kesalahan {error} ({cells}, …), misalnya dari rumus {formula}.',
    en: '{count} cells in this column hold the error {error} ({cells}, …), e.g. from the formula {formula}.',
  },
  'breakdown-mismatch': {
    id: '{column} pada "{label}" tertulis {actual}, tetapi tabel rinciannya berjumlah {expected} ({otherCell}). Angka yang sama seharusnya sama di kedua tabel.',
    en: '{column} of "{label}" says {actual}, but the table breaking it down totals {expected} ({otherCell}). The same figure should agree in both tables.',
  },
  'narrative-quote': {
    id: ' Kalimatnya: "{quote}".',
    en: ' The sentence: "{quote}".',
  },
  'repeated-in-prose': {
    id: ' Angka yang keliru ini juga disebut di narasi ({places}); ubah juga di sana.',
    en: ' The prose repeats this wrong figure ({places}); change it there too.',
  },
  'grouped-sheet': {
    id: '{count} sel di lembar ini mengalami hal yang sama ({cells}, …). Yang pertama:',
    en: '{count} cells on this sheet show the same thing ({cells}, …). The first:',
  },
  'grouped-nofix': {
    id: '{count} sel di kolom {column} mengalami hal yang sama ({cells}, …). Yang pertama:',
    en: '{count} cells in column {column} show the same thing ({cells}, …). The first:',
  },
  'grouped': {
    id: '{count} sel di kolom {column} mengalami hal yang sama ({cells}, …); satu perbaikan untuk semuanya. Yang pertama:',
    en: '{count} cells in column {column} show the same thing ({cells}, …); one fix covers them all. The first:',
  },
  'not-checked': {
    id: 'Sebagian tabel ini tidak diperiksa:',
    en: 'Part of this table was not checked:',
  },
  'nc-far-cells': {
    id: '{count} sel terisi jauh dari isi lembar ini ({cells}) tidak dibaca dan tidak diperiksa, agar lembar tetap dapat diperiksa. Bila sel itu tidak sengaja terisi, hapus isinya.',
    en: '{count} filled cell(s) far from the rest of this sheet ({cells}) were not read or checked, so the sheet could be checked at all. If they were filled by accident, clear them.',
  },
  'nc-weak-total': {
    id: 'baris "{label}" bisa jadi indikator, bukan baris total (tidak satu kolom pun cocok dengan jumlah baris di atasnya)',
    en: 'row "{label}" may be an indicator rather than a total (no column matches the sum of the rows above)',
  },
  'nc-percent-pair': {
    id: 'kolom {column}: tidak jelas kolom mana yang dibagi ({pairs})',
    en: 'column {column}: it is unclear which columns it divides ({pairs})',
  },
  'nc-percent-disagree': {
    id: 'kolom {column}: hanya {agree} dari {rows} baris cocok dengan {num} / {den} × 100, jadi kolom itu mungkin dihitung dengan cara lain',
    en: 'column {column}: only {agree} of {rows} rows match {num} / {den} × 100, so it may be computed another way',
  },
  'nc-no-scale': {
    id: 'kolom {column}: predikat tidak dinilai karena skala predikat belum dipilih (Pengaturan atau --scale) dan buku kerja tidak memuat tabel skala',
    en: 'column {column}: the predikat is not judged because no predikat scale is chosen (Settings or --scale) and the workbook holds no scale table',
  },
  'nc-foreign-scale': {
    id: 'kolom {column}: kata predikatnya tidak termasuk skala {scale}, jadi tidak dinilai dengan skala itu',
    en: 'column {column}: its predikat words are not those of the scale {scale}, so it is not judged on that scale',
  },
  'nc-row-total': {
    id: 'kolom {column}: hanya {agree} dari {rows} baris sama dengan jumlah kolom-kolom di kirinya, jadi kolom itu bukan jumlah baris (misalnya Volume × Harga)',
    en: 'column {column}: only {agree} of {rows} rows equal the sum of the columns to its left, so it is not a row total (e.g. Volume × Harga)',
  },
  'nc-tree': {
    id: 'baris "{label}": kode rekening di bawahnya tidak membentuk pohon yang jelas (kode salah ketik atau format kode bercampur), jadi jumlahnya tidak dinilai',
    en: 'row "{label}": the account codes under it do not form a clear tree (a mistyped code or mixed code formats), so its sum is not judged',
  },
  'nc-percent-share': {
    id: 'kolom {column}: rumusnya membagi dengan sel total ({formula}), jadi kolom itu porsi terhadap total, bukan realisasi / anggaran',
    en: 'column {column}: its formula divides by a total cell ({formula}), so it is a share of the total, not realisation / budget',
  },
  'nc-share': {
    id: 'kolom {column}: porsi terhadap total tidak dapat dicocokkan dengan kolom mana pun',
    en: 'column {column}: the share of the total matches no column',
  },
  'capaian-direction': {
    id: 'Capaian "{label}" tertulis {actual}%, padahal indikator ini makin kecil makin baik dan realisasinya {real} dibanding target {target}: dengan rumus mana pun capaiannya {side} 100%.',
    en: 'The achievement of "{label}" says {actual}%, but this indicator is better when lower and its result is {real} against a target of {target}: by any formula the achievement is {side} 100%.',
  },
  'capaian-capped': {
    id: 'Capaian "{label}" ditulis {actual}, padahal realisasi melampaui target ({formula} = {exact}): capaian dibatasi 100%. Pastikan aturan instansi memang membatasi capaian.',
    en: 'The achievement of "{label}" is written {actual} although the result exceeds the target ({formula} = {exact}): it is capped at 100%. Make sure the office\'s rule caps achievement.',
  },
  'number-malformed': {
    id: 'Teks "{raw}" pada "{label}" tampak seperti angka, tetapi pengelompokan digitnya tidak sah, sehingga nilainya tidak dapat dibaca dan tidak ikut dihitung.',
    en: 'The text "{raw}" on "{label}" looks like a number, but its digit grouping is invalid, so its value cannot be read and is left out of every sum.',
  },
  'kriteria-mismatch': {
    id: 'Kriteria "{label}" tertulis "{actual}", tetapi capaiannya {capaian}% sehingga seharusnya "{expected}".',
    en: 'The criterion of "{label}" says "{actual}", but its achievement is {capaian}%, so it should say "{expected}".',
  },
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof T;

export function message(key: MessageKey, params: Params, lang: Lang): string {
  const tpl = T[key][lang];
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    const t = v === undefined ? '' : String(v);
    // A 32,000-character label quoted whole would bury the finding.
    return t.length > 240 ? `${t.slice(0, 237)}…` : t;
  });
}
