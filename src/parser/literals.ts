/** Decodes a Pine string literal (with its quotes) to its value: `\n`, `\t`, `\\`, `\'`, `\"` and `\uXXXX`. */
export function decodeString(raw: string): string {
  const quote = raw[0];
  const body = raw.endsWith(quote) && raw.length > 1 ? raw.slice(1, -1) : raw.slice(1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    switch (escape) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      default:
        return escape;
    }
  });
}

/** `#RRGGBB` or `#RRGGBBAA` → [r, g, b, a] with a = 255 when omitted; malformed → transparent black. */
export function parseColor(raw: string): [number, number, number, number] {
  const hex = raw.slice(1);
  if (!/^(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(hex)) return [0, 0, 0, 0];
  const byte = (i: number): number => parseInt(hex.slice(i, i + 2), 16);
  return [byte(0), byte(2), byte(4), hex.length === 8 ? byte(6) : 255];
}
