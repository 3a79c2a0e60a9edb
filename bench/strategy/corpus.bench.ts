import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadOhlcvFile } from '../../src/data/index.js';
import type { BarColumns } from '../../src/run/backtest.js';
import { compilePine, loadGeneratedModule } from '../../src/run/compile.js';
import { PineParser } from '../../src/parser/index.js';
import type { BenchContext, BenchSuite, SuiteReport } from '../lib/contract.js';
import { figure } from '../lib/figure.js';
import { median } from '../lib/stats.js';
import { cpuMs, moduleSpeed, WARMUP_RUNS } from './timing.js';

/**
 * The same-run baseline: a hand-written TypeScript EMA(9)/EMA(21) cross that flips a position on
 * each cross, over the same bars, with no runtime, no broker and no generated code. The corpus
 * figure's cost ratio against it is what the port costs over the simplest hand-written loop.
 */
function handWrittenBaseline(bars: BarColumns, repeats: number): number {
  let best = Infinity;
  let checksum = 0;
  for (let r = 0; r < repeats; r++) {
    const started = cpuMs();
    const a1 = 2 / 10;
    const a2 = 2 / 22;
    let fast = bars.close[0];
    let slow = bars.close[0];
    let prevDiff = 0;
    let position = 0;
    let pnl = 0;
    let entry = 0;
    for (let i = 1; i < bars.time.length; i++) {
      const c = bars.close[i];
      fast += a1 * (c - fast);
      slow += a2 * (c - slow);
      const diff = fast - slow;
      if (diff > 0 !== prevDiff > 0) {
        if (position !== 0) pnl += (c - entry) * position;
        position = diff > 0 ? 1 : -1;
        entry = bars.open[Math.min(i + 1, bars.time.length - 1)];
      }
      prevDiff = diff;
    }
    checksum += pnl;
    best = Math.min(best, cpuMs() - started);
  }
  if (Number.isNaN(checksum)) throw new Error('baseline produced NaN');
  return bars.time.length / (best / 1000);
}

export const suite: BenchSuite = {
  title:
    'generated strategies: bars/s per corpus strategy (53,929-bar ETH feed, single thread, transpile excluded)',
  async run(ctx: BenchContext): Promise<SuiteReport> {
    const feedPath = join(
      ctx.repoRoot,
      '..',
      'shared',
      'parity',
      'eth-usdt-15m',
      'data',
      'ohlcv_ETH-USDT-USDT_15m_warmup6m.csv',
    );
    const corpus = process.env.PINE_CORPUS ?? join(ctx.repoRoot, '..', 'corpus-pf', 'validation');
    const skipped = [];
    if (!existsSync(feedPath)) skipped.push({ name: 'corpus strategies', reason: `no feed at ${feedPath}` });
    if (!existsSync(corpus))
      skipped.push({ name: 'corpus strategies', reason: `no corpus at ${corpus} (set PINE_CORPUS)` });
    if (skipped.length > 0) return { figures: [], skipped };
    const loaded = await loadOhlcvFile(feedPath);
    if (!loaded.series)
      return { figures: [], skipped: [{ name: 'corpus strategies', reason: 'feed did not load' }] };
    const bars = loaded.series;
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('strategy.pine') && !f.includes('symbol-specified'))
      .sort();
    const sample = ctx.quick ? files.slice(0, 3) : files;
    const parser = new PineParser();
    const rates: number[] = [];
    const coldRates: number[] = [];
    for (const file of sample) {
      const compiled = await compilePine(readFileSync(join(corpus, file), 'utf8'), { file, parser });
      if (!compiled.code || compiled.diagnostics.some((d) => d.severity === 'error')) continue;
      try {
        const speed = moduleSpeed(
          loadGeneratedModule(compiled.code),
          bars,
          ctx.quick ? 1 : 5,
          ctx.quick ? 1 : WARMUP_RUNS,
        );
        rates.push(speed.steady);
        coldRates.push(speed.cold);
      } catch {
        // A strategy that stops with a runtime error is reported by `pineport parity`, not timed here.
      }
    }
    const baseline = handWrittenBaseline(bars, ctx.quick ? 2 : 10);
    return {
      figures: [
        figure({
          name: `median over ${rates.length} corpus strategies, steady state after ${WARMUP_RUNS} warm-up runs, best of 5 (range ${(Math.min(...rates) / 1e6).toFixed(2)}–${(Math.max(...rates) / 1e6).toFixed(2)} M, CPU time)`,
          unit: 'M bars/s',
          better: 'higher',
          measured: median(rates) / 1e6,
          baselineName: 'hand-written EMA cross loop (no runtime, no broker)',
          baseline: baseline / 1e6,
          target: { op: '>=', value: 5 },
        }),
        figure({
          name: `the same, first run of each strategy (cold: includes V8 optimising the generated code)`,
          unit: 'M bars/s',
          better: 'higher',
          measured: median(coldRates) / 1e6,
          baselineName: 'hand-written EMA cross loop (no runtime, no broker)',
          baseline: baseline / 1e6,
        }),
      ],
      skipped: [],
    };
  },
};
