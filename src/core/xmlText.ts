/** Text inside our own custom XML parts: the five entities, numeric references, and CDATA as Office may hand it back. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** The text of the first <name> element (any prefix), CDATA unwrapped and entities decoded; null when absent, '' when empty. */
export function elementText(xml: string, name: string): string | null {
  if (new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?/>`).test(xml)) return '';
  const m = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>`).exec(xml);
  if (!m) return null;
  return unescapeXml(m[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, raw: string) => escapeXml(raw)));
}
