/**
 * Which public-corpus strategies the PineTS comparison times by default: classic indicator
 * strategies (MA cross, RSI, MACD, Bollinger, Stochastic, DMI, Supertrend), an EMA-stack composite,
 * a fixed take-profit/stop-loss bracket and a many-indicator composite. PineTS 0.9.34 runs all of
 * them over the whole feed. Survey of the 246 corpus cases on 5,000 bars with a bare candle array:
 * 199 ran; 19 stopped on `syminfo.mintick` (undefined without a provider; the in-memory provider
 * fixes that), 20 on `request.security` / lower-timeframe requests (skipped here), 5 on
 * `strategy.opentrades.entry_bar_index`, 2 on `ta.rci` / `ta.pivot_point_levels`, 1 on a UDT method
 * argument check. PINETS_CASES=<case>,<case>… overrides the list; PINETS_CASES=all
 * takes every corpus case (those either engine cannot run are listed as skipped).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_PINETS_CASES: readonly string[] = [
  'ta-sma-dual-cross-01',
  'ta-rsi14-bands-30-70-01',
  'ta-macd-12-26-9-line-signal-cross-01',
  'ta-bb-rsi-mean-reversion-01',
  'ta-stoch-slow-k-d-cross-01',
  'ta-dmi-adx-di-cross-01',
  'ta-supertrend-direction-flip-01',
  'composite-4emarsi-quad-ema-stack-01',
  'bracket-exit-tp-sl-fixed-01',
  'composite-ies-integration-01',
];

/**
 * The case list to time: PINETS_CASES (comma-separated case folder names, or `all`: every folder of
 * `corpus` holding a strategy.pine) or the default list.
 */
export function pinetsCases(fromEnv: string | undefined, corpus: string): readonly string[] {
  if (fromEnv === undefined || fromEnv.trim() === '') return DEFAULT_PINETS_CASES;
  if (fromEnv.trim() === 'all')
    return readdirSync(corpus)
      .filter((name) => existsSync(join(corpus, name, 'strategy.pine')))
      .sort();
  return fromEnv
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}
