/**
 * pineport against PineTS (a TypeScript Pine runtime, AGPL-3.0, never a dependency of pineport:
 * imported at run time from the folder PINETS_DIR names) on the same public-corpus strategies over
 * the same 53,929-bar ETH feed, in the same process, single thread. Both engines run the full
 * strategy (script + broker emulator); transpiling is excluded on both sides. Issue 7's target:
 * pineport ≥ 60× PineTS (median over the cases). Skipped unless PINETS_DIR is set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOhlcvFile } from '../../src/data/index.js';
import type { BarColumns } from '../../src/run/backtest.js';
import { compilePine, loadGeneratedModule, type LoadedModule } from '../../src/run/compile.js';
import { PineParser } from '../../src/parser/index.js';
import type { BenchContext, BenchSuite, Figure, Skip, SuiteReport } from '../lib/contract.js';
import { figure } from '../lib/figure.js';
import { sibling } from '../lib/paths.js';
import { median } from '../lib/stats.js';
import { pinetsCases } from './cases.js';
import { faster, timePineport, timePinets, type EngineTiming } from './measure.js';
import { MemoryProvider } from './memory-provider.js';
import { loadPinets, type PinetsApi, type PinetsIndicator } from './pinets-loader.js';

const FEED = 'shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv';
const BAR_MS = 15 * 60 * 1000;
/** --quick: the first bars only, to check the harness. */
const QUICK_BARS = 5000;

/** Both engines' best runs on one case. */
interface CaseResult {
  readonly name: string;
  readonly pineport: EngineTiming;
  readonly pinets: EngineTiming;
}

function firstBars(bars: BarColumns, count: number): BarColumns {
  return {
    time: bars.time.subarray(0, count),
    open: bars.open.subarray(0, count),
    high: bars.high.subarray(0, count),
    low: bars.low.subarray(0, count),
    close: bars.close.subarray(0, count),
    volume: bars.volume.subarray(0, count),
  };
}

/** pineport runs per round: a run takes tens of milliseconds, against seconds for PineTS. */
const PINEPORT_RUNS_PER_ROUND = 5;

/**
 * Rounds alternate the engines (pineport five times, then PineTS once) so that both see the same
 * spells of machine load; each engine keeps its fastest run.
 */
async function timeCase(
  name: string,
  module: LoadedModule,
  script: PinetsIndicator,
  bars: BarColumns,
  provider: MemoryProvider,
  api: PinetsApi,
  rounds: number,
): Promise<CaseResult> {
  let pineport: EngineTiming | undefined;
  let pinets: EngineTiming | undefined;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < PINEPORT_RUNS_PER_ROUND; i++) pineport = faster(pineport, timePineport(module, bars));
    pinets = faster(pinets, await timePinets(api, script, provider));
  }
  if (pineport === undefined || pinets === undefined) throw new Error('no rounds were run');
  return { name, pineport, pinets };
}

/** Compiles a case for both engines; a reason instead when either cannot take it. */
async function prepareCase(
  source: string,
  file: string,
  parser: PineParser,
  api: PinetsApi,
): Promise<{ module: LoadedModule; script: PinetsIndicator } | { reason: string }> {
  if (source.includes('request.security'))
    return { reason: 'asks for a second timeframe; the benchmark gives PineTS the chart feed only' };
  const compiled = await compilePine(source, { file, parser });
  const error = compiled.diagnostics.find((d) => d.severity === 'error');
  if (!compiled.code || error !== undefined)
    return { reason: `pineport does not compile it: ${error?.message ?? 'no code'}` };
  const script = api.createIndicator(source);
  try {
    script.prepare();
  } catch (e) {
    return { reason: `PineTS does not transpile it: ${firstLine(e)}` };
  }
  return { module: loadGeneratedModule(compiled.code), script };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160);
}

/** Bars per second of a best run in wall-clock or CPU terms. */
function rate(bars: number, timing: EngineTiming, clock: 'wall' | 'cpu'): number {
  return bars / ((clock === 'wall' ? timing.wallMs : timing.cpuMs) / 1000);
}

/** How many times faster pineport ran than PineTS on one case. */
function speedUp(result: CaseResult, bars: number, clock: 'wall' | 'cpu'): number {
  return rate(bars, result.pineport, clock) / rate(bars, result.pinets, clock);
}

function caseFigure(result: CaseResult, bars: number): Figure {
  const trades =
    result.pineport.closedTrades === result.pinets.closedTrades
      ? `${result.pineport.closedTrades} trades both`
      : `trades ${result.pineport.closedTrades} ≠ ${result.pinets.closedTrades}`;
  const wall = speedUp(result, bars, 'wall').toFixed(0);
  const cpu = speedUp(result, bars, 'cpu').toFixed(0);
  return figure({
    name: `${result.name}: ${wall}× wall, ${cpu}× CPU (${trades})`,
    unit: 'bars/s',
    better: 'higher',
    measured: rate(bars, result.pineport, 'wall'),
    baselineName: 'PineTS',
    baseline: rate(bars, result.pinets, 'wall'),
  });
}

function summaryFigures(results: readonly CaseResult[], bars: number, version: string): Figure[] {
  const over = `over PineTS ${version}, ${results.length} corpus strategies`;
  const speedUpFigure = (clock: 'wall' | 'cpu'): Figure =>
    figure({
      name: `median speed-up ${over} (${clock === 'wall' ? 'wall clock' : 'CPU time'})`,
      unit: '×',
      better: 'higher',
      measured: median(results.map((r) => speedUp(r, bars, clock))),
      baselineName: 'PineTS',
      baseline: 1,
      target: { op: '>=', value: 60 },
    });
  return [
    speedUpFigure('wall'),
    speedUpFigure('cpu'),
    figure({
      name: 'median bars/s over the same strategies (wall clock)',
      unit: 'bars/s',
      better: 'higher',
      measured: median(results.map((r) => rate(bars, r.pineport, 'wall'))),
      baselineName: 'PineTS',
      baseline: median(results.map((r) => rate(bars, r.pinets, 'wall'))),
    }),
  ];
}

export const suite: BenchSuite = {
  title: 'pineport vs PineTS: bars/s on the same corpus strategies (53,929-bar ETH feed, single thread)',
  async run(ctx: BenchContext): Promise<SuiteReport> {
    const loaded = await loadPinets(process.env.PINETS_DIR);
    if ('reason' in loaded)
      return { figures: [], skipped: [{ name: 'PineTS comparison', reason: loaded.reason }] };
    const { api } = loaded;
    const feedPath = sibling(ctx.repoRoot, FEED);
    const corpus = process.env.PINE_CORPUS ?? sibling(ctx.repoRoot, 'corpus-pf/validation');
    if (!existsSync(feedPath) || !existsSync(corpus))
      return {
        figures: [],
        skipped: [{ name: 'PineTS comparison', reason: `needs ${feedPath} and ${corpus}` }],
      };
    const feed = (await loadOhlcvFile(feedPath)).series;
    if (feed === undefined)
      return { figures: [], skipped: [{ name: 'PineTS comparison', reason: 'feed did not load' }] };
    const bars = ctx.quick ? firstBars(feed, QUICK_BARS) : feed;
    const provider = new MemoryProvider(bars, BAR_MS, '15');
    const cases = pinetsCases(process.env.PINETS_CASES, corpus);
    const rounds = ctx.quick ? 1 : Math.max(1, Math.floor(Number(process.env.PINETS_ROUNDS ?? 3)) || 3);
    const parser = new PineParser();
    const results: CaseResult[] = [];
    const skipped: Skip[] = [];
    const selected = ctx.quick ? cases.slice(0, 2) : cases;
    for (const [index, name] of selected.entries()) {
      // A PineTS run takes seconds: say where the suite is (stderr, outside the report).
      console.error(`  pinets ${index + 1}/${selected.length} ${name}`);
      const file = join(corpus, name, 'strategy.pine');
      if (!existsSync(file)) {
        skipped.push({ name, reason: `no ${file}` });
        continue;
      }
      const prepared = await prepareCase(readFileSync(file, 'utf8'), file, parser, api);
      if ('reason' in prepared) {
        skipped.push({ name, reason: prepared.reason });
        continue;
      }
      try {
        results.push(await timeCase(name, prepared.module, prepared.script, bars, provider, api, rounds));
      } catch (e) {
        skipped.push({ name, reason: `a run failed: ${firstLine(e)}` });
      }
    }
    const n = bars.time.length;
    const figures = results.map((r) => caseFigure(r, n));
    if (results.length > 0) figures.push(...summaryFigures(results, n, api.version));
    return { figures, skipped };
  },
};
