/** What a figure says about its row, read from the words just around it. */
export type ClaimKind =
  | 'populasi'
  | 'kewenangan-prov'
  | 'kewenangan-kab'
  | 'ditangani'
  | 'belum'
  | 'anggaran'
  | 'realisasi'
  | 'target'
  /** Capaian of an indicator (realisasi against target); in a budget table, the realisation. */
  | 'capaian'
  | 'percent'
  /** Said of something no table column holds ('realisasi fisik'): never compared. */
  | 'other';

interface Cue {
  re: RegExp;
  kind: ClaimKind;
}

// Looked for in the words before the figure; the nearest cue wins.
const BEFORE: Cue[] = [
  { re: /realisasi fisik|\bfisik\b/g, kind: 'other' },
  { re: /kewenangan (pemerintah )?kab(upaten)?/g, kind: 'kewenangan-kab' },
  { re: /kewenangan (dinas sosial )?prov(insi)?|menjadi kewenangan dinas sosial/g, kind: 'kewenangan-prov' },
  { re: /belum (mendapat|ditangani|tertangani|terlayani)/g, kind: 'belum' },
  { re: /ditangani|tertangani|menangani|mendapat(kan)? (bantuan|pelayanan)|menerima|dilayani|terlayani/g, kind: 'ditangani' },
  { re: /\b(jumlah|populasi)\b/g, kind: 'populasi' },
  { re: /realisasi|penyerapan|terserap|hasil|tercapai/g, kind: 'realisasi' },
  { re: /pencapaian|capaian/g, kind: 'capaian' },
  // 'di bawah target' / 'melebihi target' compare with the target; they do not state it.
  { re: /(?<!bawah |atas |melebihi |melampaui |mencapai )\btarget\b|\bditargetkan\b|\brencana\b/g, kind: 'target' },
  // 'belanja langsung' names a subject, and 'penyerapan dana' is a realisation: neither is a budget cue.
  { re: /(?<!tahun )anggaran|alokasi|dialokasikan|(?<!penyerapan )\bdana\b|\bpagu\b/g, kind: 'anggaran' },
];

// Looked for in the words right after the figure: '... sebanyak 201.511 adalah kewenangan Kabupaten/Kota'.
const AFTER: Cue[] = [
  { re: /^[^,;]{0,40}?kewenangan (pemerintah )?kab/, kind: 'kewenangan-kab' },
  { re: /^[^,;]{0,40}?kewenangan prov/, kind: 'kewenangan-prov' },
  { re: /^[^,;]{0,30}?belum (mendapat|ditangani|tertangani)/, kind: 'belum' },
];

/**
 * The kind a figure claims, from the clause around it. `before` is the text
 * from the previous figure (or sentence start) to this figure; `after` the
 * text from this figure to the next.
 */
export function claimKind(before: string, after: string, unit: string): ClaimKind | undefined {
  const a = after.toLowerCase();
  for (const cue of AFTER) if (cue.re.test(a)) return cue.kind;
  const b = before.toLowerCase();
  let best: { at: number; kind: ClaimKind } | undefined;
  for (const cue of BEFORE) {
    for (const m of b.matchAll(cue.re)) {
      if (!best || m.index! > best.at) best = { at: m.index!, kind: cue.kind };
    }
  }
  let kind = best?.kind;
  // 'atau 96,82%' after a realisation amount is the percentage of the realisation.
  if (unit === 'percent' && /^\s*(dan\s+)?(realisasi|penyerapan)?[^%]*\batau\s*$/.test(b.slice(-40)) && kind !== 'target') kind = 'percent';
  if (unit === 'rupiah' && kind === 'capaian') kind = 'realisasi';
  if (unit === 'rupiah' && kind !== 'realisasi' && kind !== 'other') kind = 'anggaran';
  return kind;
}
