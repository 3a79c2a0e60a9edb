/**
 * Escaping for the two places user text lands in a report: HTML text/attributes, and the JSON data
 * block inside `<script type="application/json">`.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values (strategy titles, signal names…). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON safe to embed in a `<script>` element: `<` becomes `\u003c` (so neither `</script` nor
 * `<!--` can end or alter the element), and U+2028/U+2029 are escaped for old parsers. Non-finite
 * numbers become `null` (JSON has no NaN); the page's script reads `null` as "no value".
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return null;
    if (v instanceof Float64Array) return Array.from(v, (x) => (Number.isFinite(x) ? x : null));
    return v;
  });
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
