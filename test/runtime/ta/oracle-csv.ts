import { readFileSync } from 'node:fs';

/** One TradingView chart export: bar columns plus the indicator columns, all as doubles (NaN = na). */
export interface OracleTable {
  readonly file: string;
  readonly columns: readonly string[];
  readonly values: ReadonlyMap<string, Float64Array>;
  readonly length: number;
}

/** The OHLCV and time columns every export carries; everything else is an indicator column. */
export const BAR_COLUMNS: ReadonlySet<string> = new Set(['time', 'open', 'high', 'low', 'close', 'Volume']);

/**
 * Reads an export: a header of (possibly quoted, HTML-escaped) Pine expressions, then numeric rows.
 * `1e+100` is how the pivot_point_levels export writes na, so it is read as NaN too.
 */
export function readOracle(path: string): OracleTable {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0]).map((h) => h.replaceAll('&quot;', '"'));
  const rows = lines.slice(1);
  const values = new Map<string, Float64Array>();
  const arrays = header.map(() => new Float64Array(rows.length));
  rows.forEach((line, r) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`${path}:${r + 2}: ${cells.length} cells`);
    cells.forEach((cell, c) => {
      const v = Number(cell);
      arrays[c][r] = v === 1e100 ? NaN : v;
    });
  });
  header.forEach((h, c) => values.set(h, arrays[c]));
  return { file: path, columns: header, values, length: rows.length };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The bar columns of an export. */
export interface Bars {
  readonly length: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Extracts the bar columns (volume is NaN-filled if the export has none). */
export function barsOf(table: OracleTable): Bars {
  const col = (name: string): Float64Array => {
    const v = table.values.get(name);
    if (!v) throw new Error(`${table.file}: no ${name} column`);
    return v;
  };
  return {
    length: table.length,
    time: col('time'),
    open: col('open'),
    high: col('high'),
    low: col('low'),
    close: col('close'),
    volume: table.values.get('Volume') ?? new Float64Array(table.length).fill(NaN),
  };
}

/** Runs a per-bar step built once (so per-call-site state lives in its closure) over every bar. */
export function perBar(length: number, make: () => (i: number) => number): Float64Array {
  const step = make();
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = step(i);
  return out;
}

/**
 * Compares a computed column with TradingView's: NaN exactly where TradingView has NaN, otherwise
 * equal within 1e-9 relative (1e-12 absolute near zero). Returns the first mismatches (empty = pass).
 */
export function mismatches(expected: Float64Array, actual: Float64Array, times: Float64Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < expected.length && out.length < 5; i++) {
    const e = expected[i];
    const a = actual[i];
    const bothNa = Number.isNaN(e) && Number.isNaN(a);
    const close = Math.abs(a - e) <= Math.max(1e-12, 1e-9 * Math.abs(e));
    if (!bothNa && !close) out.push(`row ${i} (time ${times[i]}): TradingView ${e}, ours ${a}`);
  }
  return out;
}
