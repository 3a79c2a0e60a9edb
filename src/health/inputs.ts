import type { InputDescriptor, LiteralValue } from '../analysis/index.js';
import { plotDifference, firstTradeDifference, tradesUpTo } from './compare.js';
import { snapshotRun, type HealthTarget, type Snapshot } from './snapshot.js';

type KeyedInput = InputDescriptor & { readonly key: string };

export interface DeadInputResult {
  /** Inputs tried (numeric, bool, source, and inputs with options). */
  readonly tested: readonly string[];
  /** Inputs for which no tried value changed a plot, a trade or a runtime error. */
  readonly dead: readonly string[];
  /** Backtests run. */
  readonly runs: number;
  /** Inputs left untried because the run budget was spent. */
  readonly untested: readonly string[];
}

const SOURCES = ['open', 'high', 'low', 'close', 'hl2'];

function numberOf(value: LiteralValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Values to try for one input instead of `current`: its minimum, maximum and midpoint (halving
 * and doubling when the script gives no bounds), the other bool, other options, other sources.
 */
export function variations(input: KeyedInput, current: unknown): unknown[] {
  const options = input.options?.filter((o) => typeof o === 'string' || typeof o === 'number');
  let values: unknown[] = [];
  if (options && options.length > 0) values = options;
  else if (input.type === 'bool') values = [current !== true];
  else if (input.type === 'source') values = SOURCES;
  else if (input.type === 'int' || input.type === 'float') {
    const value = typeof current === 'number' ? current : (numberOf(input.default) ?? 0);
    const min = numberOf(input.minval) ?? (value > 0 ? value / 2 : value === 0 ? -1 : value * 2);
    const max = numberOf(input.maxval) ?? (value > 0 ? value * 2 : value === 0 ? 1 : value / 2);
    const round = (x: number): number => (input.type === 'int' ? Math.round(x) : x);
    values = [round(min), round(max), round((min + max) / 2)];
  }
  const distinct = [...new Set(values)].filter((v) => v !== current);
  return distinct.slice(0, 3);
}

function changed(base: Snapshot, run: Snapshot): boolean {
  if ((base.error === undefined) !== (run.error === undefined)) return true;
  if (plotDifference(base, run, base.from, base.to, { tolerance: 0 })) return true;
  return (
    firstTradeDifference(tradesUpTo(base.trades, base.to), tradesUpTo(run.trades, run.to), 0) !== undefined
  );
}

/**
 * Dead inputs: each input is set to a few values across its range (min, max, midpoint; the other
 * bool; other options) one at a time; an input none of whose values changes a plotted value, a
 * trade or a runtime error does nothing the backtest can see. At most `maxRuns` backtests.
 */
export function deadInputs(
  target: HealthTarget,
  base: Snapshot,
  inputs: readonly KeyedInput[],
  maxRuns = 60,
): DeadInputResult {
  const tested: string[] = [];
  const dead: string[] = [];
  const untested: string[] = [];
  let runs = 0;
  for (const input of inputs) {
    const current = target.options.inputs?.[input.key] ?? input.default;
    const values = variations(input, current);
    if (values.length === 0) continue;
    if (runs + values.length > maxRuns) {
      untested.push(input.key);
      continue;
    }
    tested.push(input.key);
    let live = false;
    for (const value of values) {
      runs++;
      const run = snapshotRun(target, base.from, base.to, { inputs: { [input.key]: value } });
      if (changed(base, run)) {
        live = true;
        break;
      }
    }
    if (!live) dead.push(input.key);
  }
  return { tested, dead, runs, untested };
}
