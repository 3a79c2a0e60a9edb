import { z } from 'zod';
import type { Trade } from '../exports/trade.js';
import { exportWindow } from './compare.js';

/**
 * Where TradingView's chart began for a set of exports. A List of Trades export does not record its
 * chart's first bar, yet the first trades depend on it (indicators and `var` state start there).
 * A rule names the chart start of the exports that END in a time range — an export session: every
 * export made in one sitting came from charts loaded with the same range.
 */
export const chartStartRulesSchema = z
  .object({
    /** Free text: where the rules come from and the evidence for each. */
    description: z.string(),
    rules: z.array(
      z
        .object({
          /** The export's last time (its last entry or exit) is at or after this instant… */
          exportEndsFrom: z.iso.datetime({ offset: true }),
          /** …and before this one. */
          exportEndsBefore: z.iso.datetime({ offset: true }),
          /** The chart's first bar for those exports. */
          chartStart: z.iso.datetime({ offset: true }),
          evidence: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

export type ChartStartRules = z.infer<typeof chartStartRulesSchema>;

/**
 * The chart start (UNIX ms) of the first rule whose export-end range holds the export's last time,
 * or undefined when no rule applies (the caller's default start then holds).
 */
export function chartStartFor(exported: readonly Trade[], rules: ChartStartRules): number | undefined {
  if (exported.length === 0) return undefined;
  const end = exportWindow(exported).to;
  for (const rule of rules.rules) {
    if (end >= Date.parse(rule.exportEndsFrom) && end < Date.parse(rule.exportEndsBefore))
      return Date.parse(rule.chartStart);
  }
  return undefined;
}
