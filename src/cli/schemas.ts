/**
 * Zod schemas of every command's `--json` output, so a backend that shells out to pineport (or
 * reads its saved output) can validate what it gets. Re-exported from `pineport/store`. Conventions:
 * times are UNIX ms; where a command's JSON carries NaN/±Infinity, `run`, `verify`, `parity`,
 * `runs`, `data` and `check` write null, `optimize` and `walkforward` write the strings "NaN",
 * "Infinity", "-Infinity" (see {@link jsonNumberSchema}).
 */
import { z } from 'zod';
import { runDetailsSchema, runExportSchema, runListSchema } from '../store/schemas.js';

/** A number as `optimize`/`walkforward` write it: non-finite values as strings. */
export const jsonNumberSchema = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);

/** A source range: offsets and 1-based line/column. */
export const spanSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
});

/** A diagnostic (src/diagnostics): what went wrong, where, and a hint. */
export const diagnosticSchema = z.object({
  code: z.string().regex(/^PP\d{4}$/),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  hint: z.string().optional(),
  file: z.string().optional(),
  span: spanSchema.optional(),
});

/** One file or a list when several were given (`parse`, `check`, `data check`). */
function oneOrMany<T extends z.ZodType>(item: T): z.ZodUnion<[T, z.ZodArray<T>]> {
  return z.union([item, z.array(item)]);
}

/** `pineport parse --json`: the AST and diagnostics, or the I/O error. */
export const parseFileJsonSchema = z.union([
  z.object({ file: z.string(), diagnostics: z.array(diagnosticSchema), ast: z.json() }),
  z.object({ file: z.string(), error: z.string() }),
]);
export const parseJsonSchema = oneOrMany(parseFileJsonSchema);

/** An `input.*()` call as the analysis reads it (what the optimiser's search space starts from). */
export const inputDescriptorSchema = z
  .object({
    name: z.string(),
    function: z.string(),
    type: z.string(),
    default: z.json(),
  })
  .loose();

/** `pineport check --json`: version, kind, strategy() settings, inputs, diagnostics. */
export const checkFileJsonSchema = z.object({
  file: z.string(),
  version: z.number().int().optional(),
  kind: z.enum(['strategy', 'indicator', 'library']).optional(),
  settings: z.record(z.string(), z.json()),
  inputs: z.array(inputDescriptorSchema),
  diagnostics: z.array(diagnosticSchema),
});
export const checkJsonSchema = oneOrMany(checkFileJsonSchema);

/** `pineport data check --json`: what was loaded and every problem. */
export const dataCheckFileJsonSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  bars: z.number().int().nonnegative(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  timeframeMs: z.number().nullable(),
  timeFormat: z.string().nullable(),
  columns: z.array(z.string()),
  gaps: z.array(
    z.object({
      index: z.number().int(),
      line: z.number().int(),
      fromMs: z.number(),
      toMs: z.number(),
      missingBars: z.number(),
    }),
  ),
  diagnostics: z.array(diagnosticSchema),
});
export const dataCheckJsonSchema = oneOrMany(dataCheckFileJsonSchema);

/** One column (All, Long or Short) of TradingView's Performance Summary; N/A is null. */
const summaryColumnSchema = z.record(z.string(), z.number().nullable());

/** TradingView's Performance Summary (src/runtime computeSummary) as JSON. */
export const performanceSummarySchema = z
  .object({ all: summaryColumnSchema, long: summaryColumnSchema, short: summaryColumnSchema })
  .catchall(z.union([z.number().nullable(), summaryColumnSchema]));

/** `pineport run --json`: the stored run id (absent with --no-save), trade count and summary. */
export const runJsonSchema = z.object({
  runId: z.number().int().positive().optional(),
  trades: z.number().int().nonnegative(),
  summary: performanceSummarySchema,
});

/** A trade in verify's divergence report. */
const verifyTradeSchema = z
  .object({
    number: z.number(),
    direction: z.enum(['long', 'short']),
    entryTime: z.number(),
    entryPrice: z.number(),
    exitTime: z.number().nullable(),
    exitPrice: z.number().nullable(),
    qty: z.number(),
    profit: z.number().nullable(),
    open: z.boolean(),
  })
  .nullable();

/** The first place our trades and TradingView's differ. */
export const divergenceSchema = z.object({
  kind: z.enum(['fields', 'missing', 'extra']),
  time: z.number(),
  tv: verifyTradeSchema,
  ours: verifyTradeSchema,
  differences: z.array(
    z.object({ field: z.string(), expected: z.number().nullable(), actual: z.number().nullable() }).loose(),
  ),
  tvNearby: z.array(verifyTradeSchema),
  oursNearby: z.array(verifyTradeSchema),
});

/** The comparison figures verify and parity grade on. */
const comparisonMetricsSchema = z.record(z.string(), z.number().nullable());

/** `pineport verify --json`. */
export const verifyJsonSchema = z.object({
  grade: z.enum(['exact', 'excellent', 'strong', 'weak', 'mismatch', 'error']),
  tvTrades: z.number().int(),
  ourTrades: z.number().int(),
  matched: z.number().int(),
  exactPairs: z.number().int(),
  window: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  outsideWindow: z.object({ expected: z.number().int(), actual: z.number().int() }),
  metrics: comparisonMetricsSchema,
  unmatched: z.object({ tv: z.number().int(), ours: z.number().int() }),
  firstDivergence: divergenceSchema.nullable(),
  error: z.string().optional(),
  /** The stored run (null with --no-save). */
  runId: z.number().int().positive().nullable(),
});

/** `pineport parity --json`: every graded case, the skipped ones with the reason, and the tally. */
export const parityJsonSchema = z.object({
  cases: z.array(
    z.object({
      name: z.string(),
      grade: z.enum(['exact', 'excellent', 'strong', 'weak', 'mismatch', 'error']),
      tvTrades: z.number().int().nullable(),
      ourTrades: z.number().int().nullable(),
      matched: z.number().int().nullable(),
      firstDivergence: z.json().nullable(),
      barsPerSecond: z.number().nullable(),
      diagnostics: z.array(diagnosticSchema),
    }),
  ),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  summary: z.object({
    exact: z.number().int(),
    excellent: z.number().int(),
    strong: z.number().int(),
    weak: z.number().int(),
    mismatch: z.number().int(),
    error: z.number().int(),
    skipped: z.number().int(),
    total: z.number().int(),
  }),
});

const paramsSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));
const numbersSchema = z.record(z.string(), jsonNumberSchema);

/** One optimiser trial (its return series left out). */
export const trialJsonSchema = z.object({
  number: z.number().int().nonnegative(),
  batch: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  params: paramsSchema,
  state: z.enum(['complete', 'failed']),
  values: z.array(jsonNumberSchema),
  violations: z.array(jsonNumberSchema),
  feasible: z.boolean(),
  reason: z.string().optional(),
  metrics: numbersSchema,
});

/** `pineport optimize --json`. */
export const optimizeJsonSchema = z.object({
  file: z.string(),
  sampler: z.string(),
  seed: z.number().int(),
  batchSize: z.number().int(),
  workers: z.number().int(),
  /** The study's name in the run store, its JSON-lines file, or null when trials were not kept. */
  study: z.string().nullable(),
  runId: z.number().int().positive().nullable(),
  objectives: z.array(z.object({ text: z.string(), direction: z.enum(['maximize', 'minimize']) })),
  constraints: z.array(z.string()),
  resumed: z.number().int(),
  evaluated: z.number().int(),
  trials: z.array(trialJsonSchema),
  best: z.number().int().nullable(),
  pareto: z.array(z.number().int()),
  robustness: z.object({
    dsr: jsonNumberSchema,
    pbo: jsonNumberSchema,
    plateau: jsonNumberSchema,
    plateauRatio: jsonNumberSchema,
    trialsUsed: z.number().int(),
  }),
  diagnostics: z.array(diagnosticSchema),
});

const barSpanSchema = z.object({ from: z.number().int(), to: z.number().int() });

/** `pineport walkforward --json`. */
export const walkForwardJsonSchema = z.object({
  file: z.string(),
  runId: z.number().int().positive().nullable(),
  windows: z.array(
    z.object({
      window: z.object({
        index: z.number().int(),
        train: barSpanSchema,
        test: barSpanSchema,
        warmupFrom: z.number().int(),
      }),
      inSample: z
        .object({ params: paramsSchema, values: z.array(jsonNumberSchema), metrics: numbersSchema })
        .nullable(),
      outOfSample: z
        .object({
          values: z.array(jsonNumberSchema),
          metrics: numbersSchema,
          state: z.enum(['complete', 'failed']),
          reason: z.string().nullable(),
        })
        .nullable(),
      efficiency: jsonNumberSchema,
    }),
  ),
  efficiency: jsonNumberSchema,
  stability: z.array(z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']) }).loose()),
  stitched: z.object({
    bars: z.number().int(),
    trades: z.number().int(),
    metrics: numbersSchema.nullable(),
  }),
  diagnostics: z.array(diagnosticSchema),
});

/** `pineport report --json`. */
export const reportJsonSchema = z.object({
  runId: z.number().int().positive(),
  output: z.string(),
  bytes: z.number().int().nonnegative(),
  trades: z.number().int().nonnegative(),
});

/** `runs delete --json`. */
export const runsDeleteJsonSchema = z.object({ deleted: z.number().int().positive() });

/** `runs list --json`, `runs show --json`, `runs export --format json` (the store's own schemas). */
export { runListSchema as runsListJsonSchema };
export { runDetailsSchema as runsShowJsonSchema };
export { runExportSchema as runsExportJsonSchema };

/** Every command's `--json` schema by command line, for a backend that dispatches on the command. */
export const commandJsonSchemas = {
  parse: parseJsonSchema,
  check: checkJsonSchema,
  'data check': dataCheckJsonSchema,
  run: runJsonSchema,
  verify: verifyJsonSchema,
  parity: parityJsonSchema,
  optimize: optimizeJsonSchema,
  walkforward: walkForwardJsonSchema,
  report: reportJsonSchema,
  'runs list': runListSchema,
  'runs show': runDetailsSchema,
  'runs export': runExportSchema,
  'runs delete': runsDeleteJsonSchema,
} as const;
