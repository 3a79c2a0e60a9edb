/**
 * A faster entry point than the whole optimiser suite: only the TPE hit table (no repeated 1- vs
 * 2-worker timing). The Pine MA-cross grid is run once on 2 workers and its table cached as JSON
 * (it depends only on the strategy and the feed); later runs read the cache.
 *
 * Run (after `npx tsc -p tsconfig.bench.json`):
 *   node dist-bench/bench/optimize/hit-table.js [--problem pine|ts|peaks|synthetic-<seed>]
 *     [--seeds 1-20] [--cache FILE] [--samplers tpe-multivariate,random] [--budget 200]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BarFeed, ParamValues } from '../../src/optimize/index.js';
import { findRepoRoot, sibling } from '../lib/paths.js';
import { maCrossBacktest } from './ma-cross.js';
import { timedGrid } from './parallel.js';
import { loadFeed, pineProblem, WARMUP_FEED } from './problem.js';
import { gridPoints, peaksTable, syntheticTable, testProblemSpace } from './test-problems.js';
import type { GridTable } from './test-problems.js';
import { formatHitRow, HIT_SAMPLERS, isHit, tableObjective, trialsToOptimum } from './tpe-hits.js';
import type { HitSampler } from './tpe-hits.js';

/** `a-b` or `a,b,c` → seeds. */
function parseSeeds(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range === null) return text.split(',').map(Number);
  const from = Number(range[1]);
  return Array.from({ length: Number(range[2]) - from + 1 }, (_, i) => from + i);
}

function warmupFeed(repoRoot: string): BarFeed {
  const feedPath = sibling(repoRoot, WARMUP_FEED);
  const feed = loadFeed(feedPath);
  if (feed === undefined) throw new Error(`${feedPath} is absent`);
  return feed;
}

/** The Pine strategy's grid through the real trial worker (2 threads), cached as JSON. */
async function pineTable(repoRoot: string, cache: string): Promise<GridTable> {
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as GridTable;
  const pine = await pineProblem(repoRoot);
  const worker = new URL(join('..', '..', 'src', 'run', 'trial-worker.js'), import.meta.url);
  const grid = { space: pine.space, worker, context: pine.context };
  const { study } = await timedGrid(warmupFeed(repoRoot), grid, 2, 1000);
  const table = study.trials.map((t): [ParamValues, number] => [t.params, t.values[0]]);
  writeFileSync(cache, JSON.stringify(table));
  return table;
}

/** The table of a problem named on the command line; undefined for an unknown name. */
async function problemTable(name: string, repoRoot: string, cache: string): Promise<GridTable | undefined> {
  if (name === 'pine') return pineTable(repoRoot, cache);
  if (name === 'ts') {
    // The hand-written twin on the same feed, in process (a trial is ~5× lighter than the Pine one).
    const feed = warmupFeed(repoRoot);
    return gridPoints().map((p) => [p, maCrossBacktest(feed, p).metrics.net_profit_pct]);
  }
  if (name === 'peaks') return peaksTable();
  const synthetic = /^synthetic-(\d+)$/.exec(name);
  return synthetic === null ? undefined : syntheticTable(Number(synthetic[1]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '1-20' },
      cache: { type: 'string', default: join(tmpdir(), 'pineport-ma-cross-grid.json') },
      samplers: { type: 'string', default: HIT_SAMPLERS.join(',') },
      budget: { type: 'string', default: '200' },
      problem: { type: 'string', default: 'pine' },
    },
  });
  const repoRoot = findRepoRoot(import.meta.url);
  const table = await problemTable(values.problem, repoRoot, values.cache);
  if (table === undefined)
    throw new Error(`unknown problem ${values.problem} (pine, ts, peaks, synthetic-<seed>)`);
  const space = values.problem === 'pine' ? (await pineProblem(repoRoot)).space : testProblemSpace();
  const objective = tableObjective(table);
  const within = table.filter(([, v]) => isHit(v, objective.optimum)).length;
  const best = table.find(([, v]) => v === objective.optimum);
  console.log(
    `${values.problem}: optimum ${objective.optimum.toFixed(3)} at ${JSON.stringify(best?.[0])}; ` +
      `${within} point(s) within 1 %`,
  );
  const budget = Number(values.budget);
  const samplers = values.samplers.split(',') as HitSampler[];
  const rows = await trialsToOptimum(objective, space, parseSeeds(values.seeds), budget, samplers);
  for (const r of rows) console.log(formatHitRow(values.problem, r, budget));
}

await main();
