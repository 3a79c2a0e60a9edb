/**
 * A region of a source text. Offsets are UTF-16 code-unit indexes into the text, `end` exclusive;
 * lines and columns are 1-based, as editors and TradingView's own error messages show them.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Maps offsets to lines and columns for one text; built once per file, queried by binary search. */
export class LineMap {
  private readonly lineStarts: number[];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return '';
    const from = this.lineStarts[line - 1];
    let to = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
    while (to > from && (this.text.charCodeAt(to - 1) === 10 || this.text.charCodeAt(to - 1) === 13)) to--;
    return this.text.slice(from, to);
  }
}
