import { setFlagsFromString } from 'node:v8';

/**
 * V8's budget for inlining callees into one optimised function, in bytecode bytes (V8's default is
 * 920). A strategy bar is a deep tree of small calls (bar loop → script `step` → `ta.*` updates →
 * broker hooks); with the default budget V8 stops inlining a few levels down, and every double passed
 * to or returned from a call it does not inline is boxed on the heap.
 *
 * Measured on these 2-core machines, steady state, each strategy in a fresh process, 20 corpus
 * strategies around the median speed, per-strategy ratios against the previous setting in the same
 * run: 920 → 2000 median 1.146×; 2000 → 3000 1.033×; 3000 → 5000 1.017× with a wider spread
 * (p25 0.95). The price is paid once per strategy, when V8 optimises it: the first backtest of a
 * 53,929-bar feed in a fresh process ran at 0.75× (about 60 ms more), which a command that runs one
 * backtest does not notice and an optimiser's thousands of trials repay.
 */
export const INLINING_BUDGET_BYTES = 3000;

/** The V8 flags {@link tuneV8ForBacktests} sets. */
export const BACKTEST_V8_FLAGS: readonly string[] = [
  `--max-inlined-bytecode-size-cumulative=${String(INLINING_BUDGET_BYTES)}`,
];

/**
 * Sets {@link BACKTEST_V8_FLAGS} for this process. V8 flags are process-wide and apply to code
 * optimised afterwards, so call it once at start-up, before strategies run (the `pineport` CLI and
 * `npm run bench` do; a host embedding the library decides for its own process, or starts node with
 * the same flags). Idempotent; results do not depend on it, only speed does.
 */
export function tuneV8ForBacktests(): void {
  for (const flag of BACKTEST_V8_FLAGS) setFlagsFromString(flag);
}
