/**
 * Text made only of what numbers are made of (digits, '.', ',', spaces, Rp,
 * %, a sign, ',-') that the number reader could not read: '1.5277.858.386,00',
 * '12.34.5'. Called only for cells the reader already refused, so it needs no
 * grouping rules of its own: a readable number never gets here.
 */
const NUMBER_STUFF = /^\(?\s*[-\u2212]?\s*(rp\.?\s*)?[\d.,\s]+(,-)?\s*%?\s*\)?$/i;

export function looksMalformedNumber(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || !NUMBER_STUFF.test(t)) return false;
  // '01.00', '05.12.2023': a leading zero before a digit is a code or a date, not a figure typed wrong.
  if (/^0\d/.test(t)) return false;
  const digits = t.replace(/\D/g, '').length;
  // At least one separator between digits, and enough digits to be a figure rather than a code like '1.2'.
  return digits >= 3 && /\d[.,\s]+\d/.test(t);
}
