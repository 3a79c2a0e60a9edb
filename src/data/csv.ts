/**
 * A general RFC-4180 CSV record reader (quoted fields, `""` escapes, commas and newlines inside quotes,
 * LF or CRLF), for headers and small files such as trade exports. Large numeric files use the OHLCV
 * scanner instead.
 */

/** One CSV record with where each field starts, so diagnostics can point at a cell. */
export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** Offset of the first character of that line. */
  readonly lineStart: number;
  readonly fields: readonly string[];
  /** Offset of each field's first character (the opening quote for quoted fields). */
  readonly starts: readonly number[];
  /** Offset just past each field's last character (past the closing quote for quoted fields). */
  readonly ends: readonly number[];
}

/** Strips a leading UTF-8 byte order mark (TradingView writes one) and returns the offset it took. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * Picks `;` when the first line has semicolons and no commas outside quotes (an Excel re-save in a
 * locale with decimal commas), else `,`.
 */
export function detectDelimiter(text: string, from: number): string {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 || c === 13) break;
    else if (c === 44) commas++;
    else if (c === 59) semicolons++;
  }
  return semicolons > 0 && commas === 0 ? ';' : ',';
}

/** Reads records from `from` on; blank lines yield no record. Stops after `maxRecords` when given. */
export function readCsvRecords(
  text: string,
  from = 0,
  delimiter = ',',
  maxRecords = Number.POSITIVE_INFINITY,
): CsvRecord[] {
  const records: CsvRecord[] = [];
  const sep = delimiter.charCodeAt(0);
  let line = 1;
  for (let i = 0; i < from; i++) if (text.charCodeAt(i) === 10) line++;
  let pos = from;
  const length = text.length;
  while (pos < length && records.length < maxRecords) {
    const recordLine = line;
    const lineStart = pos;
    const fields: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      const start = pos;
      let value: string;
      if (text.charCodeAt(pos) === 34) {
        let out = '';
        let chunk = pos + 1;
        pos++;
        while (pos < length) {
          const c = text.charCodeAt(pos);
          if (c === 34) {
            if (text.charCodeAt(pos + 1) === 34) {
              out += text.slice(chunk, pos + 1);
              pos += 2;
              chunk = pos;
              continue;
            }
            break;
          }
          if (c === 10) line++;
          pos++;
        }
        value = out + text.slice(chunk, pos);
        pos++; // closing quote
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        const tail = pos;
        while (pos < length && !isFieldEnd(text.charCodeAt(pos), sep)) pos++;
        value += text.slice(tail, pos);
      } else {
        while (pos < length && !isFieldEnd(text.charCodeAt(pos), sep)) pos++;
        value = text.slice(start, pos);
      }
      fields.push(value);
      starts.push(start);
      ends.push(pos);
      const c = pos < length ? text.charCodeAt(pos) : 10;
      if (c === sep) {
        pos++;
        continue;
      }
      atRecordEnd = true;
      if (c === 13) pos++;
      if (pos < length && text.charCodeAt(pos) === 10) pos++;
      line++;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: recordLine, lineStart, fields, starts, ends });
  }
  return records;
}

function isFieldEnd(c: number, sep: number): boolean {
  return c === sep || c === 10 || c === 13;
}
