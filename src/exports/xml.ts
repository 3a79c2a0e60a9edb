/**
 * Just enough XML for SpreadsheetML: elements found by regular expression, attributes, entities.
 * The files come from one producer and are flat, so a full parser would buy nothing.
 */

/** Attributes of a start tag's attribute text, by qualified name (`r:id` stays `r:id`). */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1], decodeEntities(m[2] || m[3] || ''));
  }
  return out;
}

/** Each `<name …>…</name>` or `<name …/>` in `xml`: its attribute text and inner text ('' if empty). */
export function elements(xml: string, name: string): { attrs: string; inner: string }[] {
  const out: { attrs: string; inner: string }[] = [];
  const pattern = new RegExp(`<${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  for (const m of xml.matchAll(pattern)) {
    const groups: readonly (string | undefined)[] = m;
    out.push({ attrs: groups[1] ?? '', inner: groups[2] ?? '' });
  }
  return out;
}

/** The concatenated text of every `<t>` in `xml` (rich-text runs included, phonetic runs skipped). */
export function textContent(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return elements(withoutPhonetic, 't')
    .map((t) => decodeEntities(t.inner))
    .join('');
}

/** Replaces the five predefined entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const named: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    return named[entity.toLowerCase()] ?? whole;
  });
}
