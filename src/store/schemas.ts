import { z } from 'zod';

/**
 * Zod schemas of the JSON the store hands out (`runs show --json`, `runs list --json`,
 * `runs export --format json`), exported so a backend can validate what it reads. Numbers that are
 * not available (NaN in memory) are `null` in JSON.
 */

/** A number that JSON may carry as null (NaN or an infinity in memory). */
const maybeNumber = z.number().nullable();

/** Any JSON object: inputs, strategy and symbol settings, summaries. */
export const jsonObjectSchema = z.record(z.string(), z.json());

/** What produced a run. */
export const runKindSchema = z.enum(['backtest', 'verify', 'optimize', 'walkforward']);
/** `running` between beginRun and finishRun; `failed` runs carry `error`. */
export const runStatusSchema = z.enum(['running', 'complete', 'failed']);

/** One row of `runs` as the store returns it (getRun, listRuns). */
export const storedRunSchema = z.object({
  id: z.number().int().positive(),
  kind: runKindSchema,
  status: runStatusSchema,
  /** A label for lists, e.g. the strategy title. */
  name: z.string().nullable(),
  /** UNIX ms. */
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  wallMs: z.number().nullable(),
  pineportVersion: z.string(),
  seed: z.number().nullable(),
  inputs: jsonObjectSchema,
  strategy: jsonObjectSchema,
  symbol: jsonObjectSchema,
  summary: jsonObjectSchema,
  /** The optimiser study that produced this run, if any. */
  studyId: z.number().nullable(),
  /** Why a failed run failed. */
  error: z.string().nullable(),
  tradeCount: z.number().int().nonnegative(),
});

/** Where a run's inputs came from. */
export const provenanceSchema = z.object({
  pinePath: z.string().nullable(),
  /** sha256 hex of the Pine source text (UTF-8). */
  pineHash: z.string().nullable(),
  pineSource: z.string().nullable(),
  /** sha256 hex of the generated TypeScript. */
  codeHash: z.string().nullable(),
  dataPath: z.string().nullable(),
  /** sha256 hex of the data file's bytes. */
  dataHash: z.string().nullable(),
  dataRows: z.number().nullable(),
  dataFirstTime: z.number().nullable(),
  dataLastTime: z.number().nullable(),
});

/** One walk-forward window. */
export const walkForwardWindowSchema = z.object({
  index: z.number().int().nonnegative(),
  inSampleStart: z.number(),
  inSampleEnd: z.number(),
  outOfSampleStart: z.number(),
  outOfSampleEnd: z.number(),
  studyId: z.number().nullable(),
  params: jsonObjectSchema,
  inSample: jsonObjectSchema,
  outOfSample: jsonObjectSchema,
});

/** A run with its provenance, flat metrics, curve names and walk-forward windows (getRun). */
export const runDetailsSchema = storedRunSchema.extend({
  provenance: provenanceSchema.nullable(),
  metrics: z.record(z.string(), maybeNumber),
  curves: z.array(z.string()),
  windows: z.array(walkForwardWindowSchema),
});

/** A trade in JSON: the `Trade` of src/exports with NaN as null and without source line numbers. */
export const tradeJsonSchema = z.object({
  number: z.number(),
  direction: z.enum(['long', 'short']),
  entryTime: maybeNumber,
  entryPrice: maybeNumber,
  entrySignal: z.string(),
  exitTime: maybeNumber,
  exitPrice: maybeNumber,
  exitSignal: z.string(),
  qty: maybeNumber,
  profit: maybeNumber,
  profitPercent: maybeNumber,
  cumProfit: maybeNumber,
  runUp: maybeNumber,
  drawdown: maybeNumber,
  commission: maybeNumber,
  open: z.boolean(),
});

/** A curve in JSON: times (UNIX ms) and values, NaN as null. */
export const curveJsonSchema = z.object({
  times: z.array(maybeNumber),
  values: z.array(maybeNumber),
});

/** Everything stored about one run (`runs export --format json`). */
export const runExportSchema = z.object({
  schemaVersion: z.number().int(),
  run: runDetailsSchema,
  trades: z.array(tradeJsonSchema),
  curves: z.record(z.string(), curveJsonSchema),
});

/** `runs list --json`. */
export const runListSchema = z.array(storedRunSchema);

/** A study row with its trial count (listStudies); `space` is the optimiser's JSON fingerprint text. */
export const storedStudySchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  sampler: z.string(),
  seed: z.number(),
  batchSize: z.number().int(),
  space: z.string(),
  /** `direction:expression`, e.g. `maximize:net_profit_pct`. */
  objectives: z.array(z.string()),
  constraints: z.array(z.string()),
  createdAt: z.number(),
  trialCount: z.number().int().nonnegative(),
});

export type JsonObject = z.infer<typeof jsonObjectSchema>;
export type RunKind = z.infer<typeof runKindSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;
export type StoredRun = z.infer<typeof storedRunSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type WalkForwardWindow = z.infer<typeof walkForwardWindowSchema>;
export type RunDetails = z.infer<typeof runDetailsSchema>;
export type TradeJson = z.infer<typeof tradeJsonSchema>;
export type RunExport = z.infer<typeof runExportSchema>;
export type StoredStudy = z.infer<typeof storedStudySchema>;
