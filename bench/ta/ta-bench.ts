/**
 * Benchmark: a script-shaped loop of ten typical `ta.*` calls (sma, ema, rsi, atr, stdev, highest,
 * lowest, macd, bb, crossover) over the 53,929-bar ETH/USDT 15m feed, against a plain hand-written
 * TypeScript loop that computes the same ten values in the same run.
 *
 * Run: `npx tsc -p tsconfig.json --outDir /tmp/pp-bench && node /tmp/pp-bench/bench/ta/ta-bench.js`
 * from the repository root (the feed is read from `../shared/parity/…` or `$PINEPORT_ETH_FEED`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ta from '../../src/runtime/ta/index.js';
import type { BenchSuite } from '../lib/contract.js';
import { figure } from '../lib/figure.js';

/** One measured loop. */
export interface BenchResult {
  readonly name: string;
  readonly bars: number;
  /** `ta.*` calls per bar in the loop. */
  readonly callsPerBar: number;
  /** Best of the timed repetitions. */
  readonly seconds: number;
  readonly barsPerSecond: number;
  readonly barCallsPerSecond: number;
  /** Sum of every output over every bar (NaN skipped): equal checksums show equal work. */
  readonly checksum: number;
}

/** Bars as typed arrays. */
export interface Feed {
  readonly length: number;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

const DEFAULT_FEED = '../shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv';

/** Reads a `timestamp,open,high,low,close,volume` CSV. */
export function loadFeed(
  path: string = process.env.PINEPORT_ETH_FEED ?? resolve(process.cwd(), DEFAULT_FEED),
): Feed {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const n = lines.length;
  const feed = {
    length: n,
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  lines.forEach((line, i) => {
    const c = line.split(',');
    feed.open[i] = Number(c[1]);
    feed.high[i] = Number(c[2]);
    feed.low[i] = Number(c[3]);
    feed.close[i] = Number(c[4]);
    feed.volume[i] = Number(c[5]);
  });
  return feed;
}

const CALLS_PER_BAR = 10;
const add = (sum: number, v: number): number => (Number.isNaN(v) ? sum : sum + v);

/** The ten calls as generated code would make them: one instance per call site, one update per bar. */
function runtimeLoop(f: Feed): number {
  const sma = new ta.Sma();
  const ema = new ta.Ema();
  const rsi = new ta.Rsi();
  const atr = new ta.Atr();
  const stdev = new ta.Stdev();
  const highest = new ta.Highest();
  const lowest = new ta.Lowest();
  const macd = new ta.Macd();
  const bb = new ta.Bb();
  const crossover = new ta.Crossover();
  let checksum = 0;
  for (let i = 0; i < f.length; i++) {
    const close = f.close[i];
    const s = sma.update(close, 20);
    const e = ema.update(close, 50);
    checksum = add(checksum, s);
    checksum = add(checksum, e);
    checksum = add(checksum, rsi.update(close, 14));
    checksum = add(checksum, atr.update(f.high[i], f.low[i], close, 14));
    checksum = add(checksum, stdev.update(close, 20));
    checksum = add(checksum, highest.update(f.high[i], 20));
    checksum = add(checksum, lowest.update(f.low[i], 20));
    checksum = add(checksum, macd.update(close, 12, 26, 9) + macd.signal);
    checksum = add(checksum, bb.update(close, 20, 2) + bb.upper);
    if (crossover.update(s, e)) checksum += 1;
  }
  return checksum;
}

/**
 * The same ten values written out by hand for this one script: plain running sums, recursions and
 * window scans in one loop, no library. (Same warm-up rules, plain — uncompensated — sums.)
 */
function handWrittenLoop(f: Feed): number {
  const n = f.length;
  const closes = f.close;
  let checksum = 0;
  let sum20 = 0;
  let sumSq20 = 0;
  let ema50 = NaN;
  let seed50 = 0;
  let prevClose = NaN;
  let up = NaN;
  let down = NaN;
  let seedUp = 0;
  let seedDown = 0;
  let atr = NaN;
  let seedTr = 0;
  let fast = NaN;
  let slow = NaN;
  let seedFast = 0;
  let seedSlow = 0;
  let signal = NaN;
  let seedSignal = 0;
  let macdCount = 0;
  let wasBelow = false;
  for (let i = 0; i < n; i++) {
    const close = closes[i];
    const high = f.high[i];
    const low = f.low[i];
    sum20 += close;
    sumSq20 += close * close;
    if (i >= 20) {
      sum20 -= closes[i - 20];
      sumSq20 -= closes[i - 20] * closes[i - 20];
    }
    const sma = i >= 19 ? sum20 / 20 : NaN;
    const variance = Math.max(0, sumSq20 / 20 - sma * sma);
    if (i < 50) {
      seed50 += close;
      if (i === 49) ema50 = seed50 / 50;
    } else ema50 += (2 / 51) * (close - ema50);
    let rsi = NaN;
    if (i > 0) {
      const d = close - prevClose;
      const u = d > 0 ? d : 0;
      const dn = d < 0 ? -d : 0;
      if (i <= 14) {
        seedUp += u;
        seedDown += dn;
        if (i === 14) {
          up = seedUp / 14;
          down = seedDown / 14;
        }
      } else {
        up = (up * 13 + u) / 14;
        down = (down * 13 + dn) / 14;
      }
      if (i >= 14) rsi = down === 0 ? 100 : up === 0 ? 0 : 100 - 100 / (1 + up / down);
    }
    const tr =
      i === 0 ? high - low : Math.max(high - low, Math.abs(high - prevClose), Math.abs(low - prevClose));
    if (i < 14) {
      seedTr += tr;
      if (i === 13) atr = seedTr / 14;
    } else atr = (atr * 13 + tr) / 14;
    let hh = NaN;
    let ll = NaN;
    if (i >= 19) {
      hh = f.high[i];
      ll = f.low[i];
      for (let k = i - 19; k < i; k++) {
        if (f.high[k] > hh) hh = f.high[k];
        if (f.low[k] < ll) ll = f.low[k];
      }
    }
    if (i < 12) {
      seedFast += close;
      if (i === 11) fast = seedFast / 12;
    } else fast += (2 / 13) * (close - fast);
    if (i < 26) {
      seedSlow += close;
      if (i === 25) slow = seedSlow / 26;
    } else slow += (2 / 27) * (close - slow);
    const macd = fast - slow;
    if (!Number.isNaN(macd)) {
      macdCount++;
      if (macdCount <= 9) {
        seedSignal += macd;
        if (macdCount === 9) signal = seedSignal / 9;
      } else signal += (2 / 10) * (macd - signal);
    }
    const stdev = Math.sqrt(variance);
    checksum = add(checksum, sma);
    checksum = add(checksum, ema50);
    checksum = add(checksum, rsi);
    checksum = add(checksum, atr);
    checksum = add(checksum, stdev);
    checksum = add(checksum, hh);
    checksum = add(checksum, ll);
    checksum = add(checksum, macd + signal);
    checksum = add(checksum, sma + (sma + 2 * stdev));
    if (!Number.isNaN(sma) && !Number.isNaN(ema50)) {
      if (sma > ema50 && wasBelow) checksum += 1;
      wasBelow = sma <= ema50;
    }
    prevClose = close;
  }
  return checksum;
}

function measure(name: string, feed: Feed, loop: (f: Feed) => number, repeats: number): BenchResult {
  let best = Infinity;
  let checksum = 0;
  for (let r = 0; r < repeats + 2; r++) {
    const start = performance.now();
    checksum = loop(feed);
    const seconds = (performance.now() - start) / 1000;
    if (r >= 2) best = Math.min(best, seconds); // the first two runs warm the JIT up
  }
  return {
    name,
    bars: feed.length,
    callsPerBar: CALLS_PER_BAR,
    seconds: best,
    barsPerSecond: feed.length / best,
    barCallsPerSecond: (feed.length * CALLS_PER_BAR) / best,
    checksum,
  };
}

/** Runs both loops over the feed (best of `repeats` timed runs each). */
export function runTaBench(feed: Feed = loadFeed(), repeats = 7): BenchResult[] {
  return [
    measure('ta.* runtime, 10 calls/bar', feed, runtimeLoop, repeats),
    measure('hand-written loop, same 10 values', feed, handWrittenLoop, repeats),
  ];
}

/** Entry point for `npm run bench` (see bench/README.md): the runtime loop against the hand-written one. */
export const suite: BenchSuite = {
  title: 'ta.*: ten calls per bar against a hand-written loop, ETH/USDT 15m feed',
  run(context) {
    const path = process.env.PINEPORT_ETH_FEED ?? resolve(context.repoRoot, DEFAULT_FEED);
    if (!existsSync(path))
      return { figures: [], skipped: [{ name: 'ta.* 10 calls/bar', reason: `feed absent: ${path}` }] };
    const [runtime, hand] = runTaBench(loadFeed(path), context.quick ? 2 : 7);
    const measured = figure({
      name: `${runtime.name}, ${String(runtime.bars)} bars`,
      unit: 'M bars/s',
      better: 'higher',
      measured: runtime.barsPerSecond / 1e6,
      baselineName: hand.name,
      baseline: hand.barsPerSecond / 1e6,
    });
    return { figures: [measured], skipped: [] };
  },
};

const entry = process.argv.at(1);
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  for (const r of runTaBench()) {
    console.log(
      `${r.name.padEnd(36)} ${r.bars} bars  ${(r.seconds * 1000).toFixed(2)} ms  ` +
        `${(r.barsPerSecond / 1e6).toFixed(2)} M bars/s  ${(r.barCallsPerSecond / 1e6).toFixed(1)} M bar-calls/s  ` +
        `checksum ${r.checksum.toFixed(6)}`,
    );
  }
}
