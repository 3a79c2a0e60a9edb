/**
 * What `verify`, `optimize` and `walkforward` keep in a stored run's `summary_json`, besides the
 * rows the store has tables for (trades, metrics, curves, windows). A backtest's summary is
 * TradingView's Performance Summary itself; the other kinds wrap it (when they have one) as
 * `performance` next to their own block. NaN and ±Infinity are `null` (JSON has neither).
 */
import { z } from 'zod';
import { jsonObjectSchema, tradeJsonSchema } from '../store/schemas.js';

const maybeNumber = z.number().nullable();

/** `verify`: how the comparison was made, and TradingView's trades (ours are the run's trades). */
export const verifyRunSummarySchema = z.object({
  /** Performance Summary of our run, when verify ran a strategy (absent for `--tv` + `--trades`). */
  performance: jsonObjectSchema.optional(),
  verify: z.object({
    grade: z.string(),
    /** The TradingView export compared against. */
    tvPath: z.string(),
    /** Our trades' file when verify compared two lists (no strategy run). */
    oursPath: z.string().nullable(),
    mintick: z.number(),
    pnlRelativeTolerance: z.number(),
    /** The compared entry-time window (UNIX ms); null stands for an open end. */
    window: z.object({ from: maybeNumber, to: maybeNumber }),
    tvCount: z.number().int(),
    ourCount: z.number().int(),
    paired: z.number().int(),
    exactPairs: z.number().int(),
    tvTrades: z.array(tradeJsonSchema),
  }),
});

/** A parameter value as the optimiser keeps it. */
const paramValueSchema = z.union([z.number(), z.string(), z.boolean()]);

/** The robustness block of an optimisation (src/optimize robustnessReport). */
export const optimizeRobustnessSchema = z.object({
  dsr: maybeNumber,
  trialsUsed: z.number().int(),
  pbo: maybeNumber,
  pboDetail: z
    .object({
      pbo: maybeNumber,
      probabilityOfLoss: maybeNumber,
      combinations: z.number().int(),
      blocks: z.number().int(),
      degradation: z.object({ slope: maybeNumber, intercept: maybeNumber, rSquared: maybeNumber }),
    })
    .nullable(),
  plateau: maybeNumber,
  plateauRatio: maybeNumber,
  plateauDetail: z
    .object({
      optimum: maybeNumber,
      plateau: maybeNumber,
      worst: maybeNumber,
      ratio: maybeNumber,
      points: z.number().int(),
    })
    .nullable(),
});

/** `optimize`: the study's settings and outcome; trials live in the study (`runs.study_id`). */
export const optimizeRunSummarySchema = z.object({
  /** Performance Summary of the best parameters re-run on the whole data (the run's trades). */
  performance: jsonObjectSchema.optional(),
  optimize: z.object({
    study: z.string(),
    sampler: z.string(),
    seed: z.number(),
    batchSize: z.number().int(),
    workers: z.number().int(),
    objectives: z.array(z.object({ text: z.string(), direction: z.enum(['maximize', 'minimize']) })),
    constraints: z.array(z.string()),
    trials: z.number().int(),
    evaluated: z.number().int(),
    resumed: z.number().int(),
    best: z.number().int().nullable(),
    bestParams: z.record(z.string(), paramValueSchema).nullable(),
    pareto: z.array(z.number().int()),
    robustness: optimizeRobustnessSchema,
  }),
});

/** A bootstrap confidence interval as stored. */
export const storedIntervalSchema = z.object({
  statistic: z.string(),
  estimate: maybeNumber,
  lower: maybeNumber,
  upper: maybeNumber,
  confidence: z.number(),
  standardError: maybeNumber,
  blockLength: maybeNumber,
});

/** `walkforward`: settings, efficiency, parameter stability, stitched OOS figures, robustness. */
export const walkForwardRunSummarySchema = z.object({
  walkforward: z.object({
    objective: z.string(),
    sampler: z.string(),
    seed: z.number(),
    trialsPerWindow: z.number().int(),
    train: z.string(),
    test: z.string(),
    anchored: z.boolean(),
    efficiencyMetric: z.string(),
    efficiency: maybeNumber,
    stability: z.array(jsonObjectSchema),
    stitched: z.object({
      bars: z.number().int(),
      trades: z.number().int(),
      metrics: jsonObjectSchema.nullable(),
    }),
    robustness: z.object({
      /** Probabilistic Sharpe (vs 0) of the stitched daily returns. */
      psr: maybeNumber,
      bootstrap: z.array(storedIntervalSchema),
    }),
  }),
});

export type VerifyRunSummary = z.infer<typeof verifyRunSummarySchema>;
export type OptimizeRunSummary = z.infer<typeof optimizeRunSummarySchema>;
export type WalkForwardRunSummary = z.infer<typeof walkForwardRunSummarySchema>;

/** A value as stored JSON: NaN and ±Infinity become null, like JSON.stringify does, but typed. */
export function toStoredJson(value: unknown): z.infer<typeof jsonObjectSchema> {
  return JSON.parse(JSON.stringify(value)) as z.infer<typeof jsonObjectSchema>;
}
