import { z } from 'zod';

const spanSchema = z.object({
  start: z.number(),
  end: z.number(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
});

/** A diagnostic as `--json` prints it (src/diagnostics Diagnostic). */
export const diagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  hint: z.string().optional(),
  file: z.string().optional(),
  span: spanSchema.optional(),
});

const differenceSchema = z.object({
  bar: z.number(),
  kind: z.enum(['plot', 'trade', 'error']),
  series: z.string(),
  expected: z.string(),
  actual: z.string(),
});

/** The `pineport doctor --json` document: findings plus the figures each check measured. */
export const healthReportSchema = z.object({
  file: z.string().optional(),
  bars: z.number(),
  /** Backtests run for the whole check. */
  runs: z.number(),
  findings: z.array(diagnosticSchema),
  lookahead: z
    .object({
      cuts: z.array(z.number()),
      differingCuts: z.number(),
      first: differenceSchema.extend({ cut: z.number(), line: z.number().optional() }).optional(),
    })
    .optional(),
  warmup: z
    .object({
      offsets: z.array(
        z.object({
          offset: z.number(),
          plotWarmup: z.number(),
          tradeWarmup: z.number(),
          settled: z.boolean(),
          difference: differenceSchema.optional(),
        }),
      ),
      series: z.array(z.object({ title: z.string(), warmupBars: z.number(), settled: z.boolean() })),
      warmupBars: z.number(),
      plotWarmupBars: z.number(),
      settled: z.boolean(),
    })
    .optional(),
  sanity: z
    .object({
      bars: z.number(),
      closedTrades: z.number(),
      openTrades: z.number(),
      exposure: z.number(),
      tradesInWarmup: z.number(),
      warmupBars: z.number(),
      rejectedOrders: z.number(),
      marginCalls: z.number(),
      plots: z.array(
        z.object({ title: z.string(), values: z.number(), na: z.number(), infinite: z.number() }),
      ),
      deterministic: z.boolean().optional(),
      inputs: z
        .object({
          tested: z.array(z.string()),
          dead: z.array(z.string()),
          untested: z.array(z.string()),
          runs: z.number(),
        })
        .optional(),
    })
    .optional(),
});

/** What `checkHealth` returns and `pineport doctor --json` prints. */
export type HealthReport = z.infer<typeof healthReportSchema>;
