/**
 * Java-style quoting shared by `str.format` (MessageFormat) and `str.format_time` (SimpleDateFormat):
 * `''` is one quote anywhere; `'…'` is literal text, with `''` inside it a quote; an unterminated
 * quote runs to the end of the pattern.
 */
export interface QuotedRun {
  /** The literal text the quote produced. */
  readonly text: string;
  /** Index just past the quoted run. */
  readonly next: number;
}

/** Reads the quoted run starting at `pattern[start] === "'"`. */
export function readQuoted(pattern: string, start: number): QuotedRun {
  if (pattern[start + 1] === "'") return { text: "'", next: start + 2 };
  let text = '';
  let i = start + 1;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      if (pattern[i + 1] !== "'") return { text, next: i + 1 };
      i++;
    }
    text += pattern[i];
    i++;
  }
  return { text, next: i };
}
