/**
 * The benchmark contract. Every `bench/<area>/*.bench.ts` (or `*-bench.ts`) module exports
 * `suite: BenchSuite`; `bench/run.ts` discovers those files, runs each suite in its own Node process
 * and prints/records the figures. Every figure carries a baseline measured in the same run, because
 * absolute timings on a shared 2-core machine mean little; the ratio between the two is the figure
 * that travels.
 */

/** Which direction is good for a figure's unit. */
export type Better = 'lower' | 'higher';

/** A goal from an issue, checked against the measured value. */
export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
  readonly met: boolean;
}

/** One measured figure next to its same-run baseline. */
export interface Figure {
  readonly name: string;
  /** Unit of both `measured` and `baseline`, e.g. `ms`, `lines/s`, `M bars/s`. */
  readonly unit: string;
  readonly better: Better;
  readonly measured: number;
  /** What the baseline did, e.g. `lexer only (PineLexer.tokenize)`. */
  readonly baselineName: string;
  readonly baseline: number;
  /**
   * How many times the baseline's cost the measured code costs (time ratio): above 1 the measured
   * code is slower than the baseline. For rates that is baseline/measured, for times measured/baseline.
   */
  readonly costRatio: number;
  readonly target?: Target;
}

/** A measurement that could not run here, with the reason (missing data file, missing module…). */
export interface Skip {
  readonly name: string;
  readonly reason: string;
}

/** What one suite returns. */
export interface SuiteReport {
  readonly figures: readonly Figure[];
  readonly skipped: readonly Skip[];
}

/** What the runner hands every suite. */
export interface BenchContext {
  /** Absolute path of the repository root (the folder holding package.json). */
  readonly repoRoot: string;
  /** `--quick`: smaller inputs and fewer repetitions, for checking the harness, not for figures. */
  readonly quick: boolean;
}

/** The entry point a benchmark module exports as `suite`. */
export interface BenchSuite {
  /** One line saying what is measured. */
  readonly title: string;
  run(context: BenchContext): SuiteReport | Promise<SuiteReport>;
}
