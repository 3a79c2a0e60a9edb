/**
 * The optimiser benchmark's problem (issue 8's acceptance): a two-input MA cross over the shared
 * 53,929-bar ETH 15-minute warm-up feed, searched over fast 2…51 × slow 20…400 step 20 (1,000
 * points), maximising net profit %. Two implementations of the same strategy: the Pine script
 * `ma-cross.pine` run through the real port (what `pineport optimize` runs), and the hand-written
 * TypeScript loop `ma-cross.ts` (a trial ~5× lighter, so pool overhead shows more).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadOhlcv } from '../../src/data/index.js';
import { optimiserInputs, inputKeys } from '../../src/cli/commands/optimize-deps.js';
import { buildSearchSpace, parseObjective } from '../../src/optimize/index.js';
import type { BarFeed, Objective, SearchSpace } from '../../src/optimize/index.js';
import { compilePine, loadGeneratedModule } from '../../src/run/compile.js';
import type { StrategyTrialContext } from '../../src/run/trial-worker.js';

/** The shared warm-up feed, relative to the folder holding the repository. */
export const WARMUP_FEED = 'shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv';

/** Loads a feed's columns; undefined when the file is absent. */
export function loadFeed(path: string): BarFeed | undefined {
  if (!existsSync(path)) return undefined;
  const result = loadOhlcv(readFileSync(path, 'utf8'), { file: path });
  return result.series;
}

/** The hand-written loop's space: `fast` 2…51 (50 values) × `slow` 20…400 step 20 (20 values). */
export function handWrittenSpace(): SearchSpace {
  return buildSearchSpace([
    { name: 'fast', type: 'int', default: 10, minval: 2, maxval: 51 },
    { name: 'slow', type: 'int', default: 100, minval: 20, maxval: 400, step: 20 },
  ]).space;
}

/** `max: net_profit_pct`. */
export function netProfitObjective(): Objective {
  return parseObjective('max: net_profit_pct').objective!;
}

/** The compiled Pine twin: its search space (from its own inputs) and the trial worker's context. */
export interface PineProblem {
  readonly space: SearchSpace;
  readonly context: StrategyTrialContext;
}

/** Compiles `bench/optimize/ma-cross.pine` the way `pineport optimize` does. */
export async function pineProblem(repoRoot: string): Promise<PineProblem> {
  const file = `${repoRoot}/bench/optimize/ma-cross.pine`;
  const compiled = await compilePine(readFileSync(file, 'utf8'), { file });
  if (compiled.code === undefined) throw new Error(`cannot compile ${file}`);
  const module = loadGeneratedModule(compiled.code);
  const { space, diagnostics } = buildSearchSpace(optimiserInputs(compiled.analysis.inputs));
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return {
    space,
    context: {
      code: compiled.code,
      mintick: 0.01,
      settings: {},
      keys: inputKeys(compiled.analysis.inputs, module.defaultInputs),
    },
  };
}
