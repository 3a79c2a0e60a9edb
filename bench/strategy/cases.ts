/**
 * Per-case throughput of generated corpus strategies, for iterating on runtime speed (not a bench
 * suite: run it directly after `npx tsc -p tsconfig.bench.json`):
 *
 *   node dist-bench/bench/strategy/cases.js [--sample 20] [--repeats 5] [case-name …]
 *
 * Times are process CPU time, not wall time. Each case is timed right after the hand-written EMA-cross baseline, so its figure is a ratio
 * against a loop measured under the same momentary machine load.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadOhlcvFile } from '../../src/data/index.js';
import { compilePine, loadGeneratedModule } from '../../src/run/compile.js';
import { PineParser } from '../../src/parser/index.js';
import { evenSample, median } from '../lib/stats.js';
import { findRepoRoot } from '../lib/paths.js';
import { cpuMs, moduleBarsPerSecond } from './timing.js';

/** Best-of-n bars/s of a hand-written EMA(9)/EMA(21) cross over the closes (the load gauge). */
function baselineRate(close: Float64Array, repeats: number): number {
  let best = Infinity;
  let checksum = 0;
  for (let r = 0; r < repeats; r++) {
    const started = cpuMs();
    let fast = close[0];
    let slow = close[0];
    let prev = 0;
    let flips = 0;
    for (let i = 1; i < close.length; i++) {
      fast += 0.2 * (close[i] - fast);
      slow += (2 / 22) * (close[i] - slow);
      const diff = fast - slow;
      if (diff > 0 !== prev > 0) flips++;
      prev = diff;
    }
    checksum += flips;
    best = Math.min(best, cpuMs() - started);
  }
  if (checksum < 0) throw new Error('unreachable');
  return close.length / (best / 1000);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let sample = 20;
  let repeats = 5;
  const named: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--sample') sample = Number(args[++i]);
    else if (args[i] === '--repeats') repeats = Number(args[++i]);
    else named.push(args[i]);
  }
  const root = findRepoRoot(import.meta.url);
  const corpus = join(root, '..', 'corpus-pf', 'validation');
  const feed = join(root, '..', 'shared', 'parity', 'eth-usdt-15m', 'data');
  const loaded = await loadOhlcvFile(join(feed, 'ohlcv_ETH-USDT-USDT_15m_warmup6m.csv'));
  if (!loaded.series) throw new Error('feed did not load');
  const bars = loaded.series;
  const all = readdirSync(corpus)
    .filter((name) => name !== 'symbol-specified')
    .sort();
  const cases = named.length > 0 ? named : evenSample(all, sample);
  const parser = new PineParser();
  const ratios: number[] = [];
  const rates: number[] = [];
  for (const name of cases) {
    const source = readFileSync(join(corpus, name, 'strategy.pine'), 'utf8');
    const compiled = await compilePine(source, { file: name, parser });
    if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error')) {
      console.log(`${name.padEnd(60)} compile error`);
      continue;
    }
    const module = loadGeneratedModule(compiled.code);
    try {
      moduleBarsPerSecond(module, bars, 1);
    } catch {
      console.log(`${name.padEnd(60)} runtime error`);
      continue;
    }
    const base = baselineRate(bars.close, 20);
    const rate = moduleBarsPerSecond(module, bars, repeats);
    rates.push(rate);
    ratios.push(rate / base);
    console.log(
      `${name.padEnd(60)} ${(rate / 1e6).toFixed(2).padStart(7)} M/s  ${((1000 * rate) / base).toFixed(2).padStart(7)} ‰ of baseline (${(base / 1e6).toFixed(0)} M/s)`,
    );
  }
  console.log(
    `median ${(median(rates) / 1e6).toFixed(2)} M bars/s, ${(1000 * median(ratios)).toFixed(2)} ‰ of baseline, range ${(Math.min(...rates) / 1e6).toFixed(2)}–${(Math.max(...rates) / 1e6).toFixed(2)} over ${rates.length} cases`,
  );
}

await main();
