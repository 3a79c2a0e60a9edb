/**
 * A faster entry point than the whole optimiser suite: only the TPE hit table on the Pine MA-cross
 * grid (no repeated 1- vs 2-worker timing). The 1,000-point grid is run once on 2 workers and its
 * table cached as JSON (it depends only on the strategy and the feed); later runs read the cache.
 *
 * Run (after `npx tsc -p tsconfig.bench.json`):
 *   node dist-bench/bench/optimize/hit-table.js [--problem pine|peaks|synthetic-<seed>] [--seeds 1-20]
 *     [--cache FILE] [--samplers tpe,random] [--budget 200]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParamValues } from '../../src/optimize/index.js';
import { findRepoRoot, sibling } from '../lib/paths.js';
import { timedGrid } from './parallel.js';
import { loadFeed, pineProblem, WARMUP_FEED } from './problem.js';
import { peaksTable, syntheticTable, testProblemSpace } from './test-problems.js';
import { formatHitRow, HIT_SAMPLERS, isHit, tableObjective, trialsToOptimum } from './tpe-hits.js';
import type { HitSampler } from './tpe-hits.js';

/** `a-b` or `a,b,c` → seeds. */
function parseSeeds(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range === null) return text.split(',').map(Number);
  const from = Number(range[1]);
  return Array.from({ length: Number(range[2]) - from + 1 }, (_, i) => from + i);
}

async function gridTable(repoRoot: string, cache: string): Promise<[ParamValues, number][]> {
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as [ParamValues, number][];
  const feedPath = sibling(repoRoot, WARMUP_FEED);
  const feed = loadFeed(feedPath);
  if (feed === undefined) throw new Error(`${feedPath} is absent`);
  const pine = await pineProblem(repoRoot);
  const worker = new URL(join('..', '..', 'src', 'run', 'trial-worker.js'), import.meta.url);
  const { study } = await timedGrid(feed, { space: pine.space, worker, context: pine.context }, 2, 1000);
  const table = study.trials.map((t): [ParamValues, number] => [t.params, t.values[0]]);
  writeFileSync(cache, JSON.stringify(table));
  return table;
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
  const synthetic = /^synthetic-(\d+)$/.exec(values.problem);
  const table =
    values.problem === 'pine'
      ? await gridTable(repoRoot, values.cache)
      : values.problem === 'peaks'
        ? peaksTable()
        : synthetic !== null
          ? syntheticTable(Number(synthetic[1]))
          : undefined;
  if (table === undefined)
    throw new Error(`unknown problem ${values.problem} (pine, peaks, synthetic-<seed>)`);
  const space = values.problem === 'pine' ? (await pineProblem(repoRoot)).space : testProblemSpace();
  const objective = tableObjective(table);
  const within = table.filter(([, v]) => isHit(v, objective.optimum)).length;
  const best = table.find(([, v]) => v === objective.optimum);
  console.log(
    `${values.problem}: optimum ${objective.optimum.toFixed(3)} at ${JSON.stringify(best?.[0])}; ${within} point(s) within 1 %`,
  );
  const samplers = values.samplers.split(',') as HitSampler[];
  const rows = await trialsToOptimum(
    objective,
    space,
    parseSeeds(values.seeds),
    Number(values.budget),
    samplers,
  );
  for (const r of rows) console.log(formatHitRow(values.problem, r, Number(values.budget)));
}

await main();
