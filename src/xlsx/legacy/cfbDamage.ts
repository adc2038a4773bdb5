/**
 * Why an OLE compound file (the container of an .xls) could not be opened, told from its
 * header: cut short (the sectors its header and allocation table name lie past the end of
 * the file, as after an interrupted copy or download) or otherwise damaged. Only asked
 * after the container failed to open; reads a few kilobytes, never trusts a count.
 */

const FREE = 0xffffffff;
/** Sector numbers from 0xFFFFFFFA up are markers (end of chain, free, FAT, DIFAT), not places. */
const MAX_REGULAR = 0xfffffffa;

const u16 = (d: Uint8Array, i: number) => d[i] | (d[i + 1] << 8);
const u32 = (d: Uint8Array, i: number) => (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)) >>> 0;

export interface CfbDamage {
  reason: 'truncated' | 'damaged-container';
  /** What is wrong, in the container's own terms (kept as the technical detail). */
  detail: string;
}

export function cfbDamage(data: Uint8Array): CfbDamage {
  if (data.length < 512) return { reason: 'truncated', detail: `${data.length} bytes, shorter than the 512-byte header` };
  const major = u16(data, 0x1a);
  const byteOrder = u16(data, 0x1c);
  const shift = u16(data, 0x1e);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)) || byteOrder !== 0xfffe) {
    return { reason: 'damaged-container', detail: 'the header is not valid' };
  }
  const size = 1 << shift;
  const fileEnd = (sector: number) => (sector + 2) * size; // sector n starts after the header sector
  let needed = 0;
  const dirStart = u32(data, 0x30);
  if (dirStart < MAX_REGULAR) needed = Math.max(needed, fileEnd(dirStart));
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(data, 0x4c + i * 4);
    if (s >= MAX_REGULAR) continue;
    fatSectors.push(s);
    needed = Math.max(needed, fileEnd(s));
  }
  // The last sector the allocation table (as far as it is in the file) says is in use:
  // the j-th FAT sector describes sectors j * size/4 onwards.
  const perSector = size / 4;
  fatSectors.forEach((s, j) => {
    const at = (s + 1) * size;
    if (at + size > data.length) return;
    for (let k = perSector - 1; k >= 0; k--) {
      if (u32(data, at + k * 4) !== FREE) {
        needed = Math.max(needed, fileEnd(j * perSector + k));
        return;
      }
    }
  });
  if (needed > data.length) {
    return { reason: 'truncated', detail: `the container needs ${needed} bytes, the file has ${data.length}` };
  }
  return { reason: 'damaged-container', detail: 'its sector chains do not hold together' };
}
