/**
 * Benchmark: OHLCV CSV loading. The scanner-based `loadOhlcv` (validation included) against a naive
 * `split('\n')` / `split(',')` / `Number()` parse with no validation, in the same run, on the shared
 * 53,929-bar warm-up feed and on a synthetic 1 M-row file; plus the List of Trades reader over one
 * large real export.
 *
 * Run: `npx tsc -p tsconfig.json --outDir /tmp/pp-bench && node /tmp/pp-bench/bench/data/ohlcv-bench.js`
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadOhlcv } from '../../src/data/index.js';
import { readTradesCsv } from '../../src/exports/index.js';
import type { BenchSuite, Figure, Skip } from '../lib/contract.js';
import { figure } from '../lib/figure.js';

/** One measured parse. */
export interface DataBenchResult {
  readonly name: string;
  readonly rows: number;
  /** Best of the timed repetitions. */
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Sum of the close column: equal checksums show both parsers read the same numbers. */
  readonly checksum: number;
}

/** The shared warm-up feed (53,929 bars), beside the repository (run from the repository root). */
export const WARMUP_FEED = resolve('../shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv');

function best(name: string, rows: number, repeats: number, run: () => number): DataBenchResult {
  let seconds = Infinity;
  let checksum = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    checksum = run();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (s < seconds) seconds = s;
  }
  return { name, rows, seconds, rowsPerSecond: rows / seconds, checksum };
}

/** The baseline: what a quick script does (no header detection, no validation, no diagnostics). */
export function naiveParse(text: string): { rows: number; close: Float64Array } {
  const lines = text.split('\n');
  const close: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = lines[i].split(',');
    // Parse every column, as the loader does, so the work compared is the same.
    const t = Number(cells[0]);
    const o = Number(cells[1]);
    const h = Number(cells[2]);
    const l = Number(cells[3]);
    const c = Number(cells[4]);
    const v = Number(cells[5]);
    if (t + o + h + l + v === -1) continue;
    close.push(c);
  }
  return { rows: close.length, close: Float64Array.from(close) };
}

/** A synthetic 15-minute feed with realistic decimals (2-dp prices, 3-dp volume), deterministic. */
export function syntheticFeed(rows: number): string {
  const parts = ['timestamp,open,high,low,close,volume\n'];
  let price = 2000;
  let seed = 42;
  for (let i = 0; i < rows; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const open = price;
    const close = Math.max(1, open + (seed / 2147483648 - 0.5) * 20);
    const high = Math.max(open, close) + 1.37;
    const low = Math.max(0.01, Math.min(open, close) - 2.11);
    price = close;
    parts.push(
      `${1_700_000_000_000 + i * 900_000},${open.toFixed(2)},${high.toFixed(2)},${low.toFixed(2)},${close.toFixed(2)},${(seed % 100000) / 1000}\n`,
    );
  }
  return parts.join('');
}

const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

/** Measures loader and baseline on the warm-up feed (when present) and a synthetic file of `syntheticRows`. */
export function benchOhlcv(syntheticRows = 1_000_000, repeats = 5): DataBenchResult[] {
  const inputs: [string, string][] = [];
  if (existsSync(WARMUP_FEED)) inputs.push(['warm-up feed 53,929 rows', readFileSync(WARMUP_FEED, 'utf8')]);
  inputs.push([`synthetic ${syntheticRows.toLocaleString('en-US')} rows`, syntheticFeed(syntheticRows)]);
  const results: DataBenchResult[] = [];
  for (const [label, text] of inputs) {
    const rows = naiveParse(text).rows;
    results.push(
      best(`loadOhlcv (validated), ${label}`, rows, repeats, () => {
        const series = loadOhlcv(text).series;
        return series === undefined ? Number.NaN : sum(series.close);
      }),
      best(`naive split + Number(), ${label}`, rows, repeats, () => sum(naiveParse(text).close)),
    );
  }
  return results;
}

/** The largest shared export (7,585 trades, 15,170 rows). */
export const LARGE_EXPORT = resolve(
  '../shared/parity/eth-usdt-15m/cases/ta-stoch-slow-k-d-cross-01/tv_trades.csv',
);

/** Measures the List of Trades CSV reader (rows = file rows) on the largest shared export, when present. */
export function benchTrades(repeats = 5): DataBenchResult[] {
  if (!existsSync(LARGE_EXPORT)) return [];
  const text = readFileSync(LARGE_EXPORT, 'utf8');
  const rows = text.split('\n').filter((line) => /^\d/.test(line)).length;
  return [
    best('readTradesCsv, 7,585-trade export (UTC+8)', rows, repeats, () => {
      const trades = readTradesCsv(text, { timezone: 'UTC+8' }).trades;
      return trades.reduce((a, t) => a + t.profit, 0);
    }),
  ];
}

const rowsFigure = (r: DataBenchResult, baseline: DataBenchResult): Figure =>
  figure({
    name: r.name,
    unit: 'M rows/s',
    better: 'higher',
    measured: r.rowsPerSecond / 1e6,
    baselineName: baseline.name,
    baseline: baseline.rowsPerSecond / 1e6,
  });

/** Entry point for `npm run bench` (see bench/README.md): loaders against naive splits of the same text. */
export const suite: BenchSuite = {
  title: 'OHLCV loader and trades reader against naive split parses',
  run(context) {
    const repeats = context.quick ? 2 : 5;
    const figures: Figure[] = [];
    const skipped: Skip[] = [];
    const ohlcv = benchOhlcv(context.quick ? 100_000 : 1_000_000, repeats);
    for (let i = 0; i + 1 < ohlcv.length; i += 2) figures.push(rowsFigure(ohlcv[i], ohlcv[i + 1]));
    if (!existsSync(WARMUP_FEED))
      skipped.push({ name: 'loadOhlcv, warm-up feed', reason: `absent: ${WARMUP_FEED}` });
    const reader = benchTrades(repeats).at(0);
    if (reader === undefined) skipped.push({ name: 'readTradesCsv', reason: `absent: ${LARGE_EXPORT}` });
    else {
      const text = readFileSync(LARGE_EXPORT, 'utf8');
      const split = best('naive split lines + cells, same export', reader.rows, repeats, () =>
        text.split('\n').reduce((n, line) => n + line.split(',').length, 0),
      );
      figures.push(rowsFigure(reader, split));
    }
    return { figures, skipped };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of [...benchOhlcv(), ...benchTrades()]) {
    console.log(
      `${r.name.padEnd(58)} ${(r.rowsPerSecond / 1e6).toFixed(2).padStart(6)} M rows/s  ${(r.seconds * 1000).toFixed(1).padStart(8)} ms  (checksum ${r.checksum.toFixed(2)})`,
    );
  }
}
