import { Feed } from './feed.js';

const TIME_NAMES = new Set(['time', 'timestamp', 'date', 'datetime']);
const PRICE_NAMES = ['open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Parses an OHLCV CSV (TradingView chart export, PineForge/ccxt dumps) into a {@link Feed}.
 *
 * The time column may be UNIX seconds, UNIX ms or ISO-8601 text; OHLCV headers match
 * case-insensitively; every other column becomes an extra column under its header text (quotes
 * removed), `NaN`/empty cells are na. Quoted cells may contain commas (`"nz(val, 2)"`).
 * Meant for trusted files (test data, bundled feeds): a malformed file throws. Files a user hands
 * in go through the data loader, which reports problems as diagnostics.
 */
export function parseOhlcvCsv(text: string): Feed {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('empty CSV');
  const header = splitCsvLine(lines[0]);
  const n = lines.length - 1;
  const columns = header.map(() => new Float64Array(n));
  const timeIndex = header.findIndex((h) => TIME_NAMES.has(h.toLowerCase()));
  if (timeIndex < 0) throw new Error('CSV has no time column');
  for (let r = 0; r < n; r++) {
    const cells = splitCsvLine(lines[r + 1]);
    for (let c = 0; c < header.length; c++) {
      const cell = c < cells.length ? cells[c].trim() : '';
      columns[c][r] = c === timeIndex ? parseTime(cell) : cell === '' ? NaN : Number(cell);
    }
  }
  const find = (name: string): Float64Array => {
    const i = header.findIndex((h) => h.toLowerCase() === name);
    return i < 0 ? new Float64Array(n).fill(NaN) : columns[i];
  };
  const extras: Record<string, Float64Array> = {};
  header.forEach((h, i) => {
    if (i !== timeIndex && !(PRICE_NAMES as readonly string[]).includes(h.toLowerCase()))
      extras[h] = columns[i];
  });
  return new Feed({
    time: columns[timeIndex],
    open: find('open'),
    high: find('high'),
    low: find('low'),
    close: find('close'),
    volume: find('volume'),
    extras,
  });
}

/** UNIX seconds (< 1e11), UNIX ms, or ISO text → UNIX ms. */
function parseTime(cell: string): number {
  if (/^-?\d+(\.\d+)?$/.test(cell)) {
    const v = Number(cell);
    return Math.abs(v) < 1e11 ? v * 1000 : v;
  }
  return Date.parse(cell);
}

/** Splits one CSV line honouring double quotes ("" is a literal quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}
