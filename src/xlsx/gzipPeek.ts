/**
 * A gzip file given as a workbook: Gnumeric saves its spreadsheets gzipped (a Gnumeric
 * sample named .xls is in the regression set), other tools compress exports. Only the
 * first kilobytes are inflated, to tell a Gnumeric workbook from any other gzip.
 */
import { Gunzip } from 'fflate';

export type GzipKind = 'gnumeric' | 'gzip';

const PEEK = 4096;

export function gzipKind(data: Uint8Array): GzipKind | undefined {
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) return undefined;
  let text = '';
  const decoder = new TextDecoder('utf-8');
  const gunzip = new Gunzip((chunk) => {
    if (text.length < PEEK) text += decoder.decode(chunk.subarray(0, PEEK), { stream: true });
  });
  try {
    // Pushed a slice at a time, stopping once enough text is out: a gzip bomb inflates no further.
    for (let i = 0; i < data.length && text.length < PEEK; i += 1024) gunzip.push(data.subarray(i, Math.min(data.length, i + 1024)), false);
  } catch {
    return 'gzip';
  }
  return /<(?:\w+:)?Workbook\b[^>]*gnumeric|gnumeric\.org/i.test(text) ? 'gnumeric' : 'gzip';
}
