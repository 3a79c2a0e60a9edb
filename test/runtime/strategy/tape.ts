import { PineStrategy, type StrategyOptions } from '../../../src/runtime/strategy/strategy.js';
import type { StrategySettings } from '../../../src/runtime/strategy/settings.js';

/** A hand-made bar: open, high, low, close. Bars are 15 minutes apart from 2025-01-01 00:00 UTC. */
export type Bar = readonly [number, number, number, number];

export const T0 = Date.UTC(2025, 0, 1);
export const BAR_MS = 900_000;

/**
 * Runs `script` on each bar as the generated code would: beginBar → script → endBar.
 * Symbol: mintick 0.01, point value 1, quantity step 0.0001 unless overridden.
 */
export function runTape(
  settings: StrategySettings,
  bars: readonly Bar[],
  script: (s: PineStrategy, i: number) => void,
  symbol = { mintick: 0.01, pointValue: 1, qtyStep: 0.0001 },
  host: StrategyOptions & { readonly firstBarTime?: number } = {},
): PineStrategy {
  const s = new PineStrategy({ initialCapital: 100_000, ...settings }, symbol, host);
  const t0 = host.firstBarTime ?? T0;
  bars.forEach(([o, h, l, c], i) => {
    s.beginBar(i, t0 + i * BAR_MS, o, h, l, c);
    script(s, i);
    s.endBar();
  });
  return s;
}

/** Entry/exit prices, quantities and signals of the closed trades, for compact expectations. */
export function fills(s: PineStrategy): string[] {
  return s.broker.closedTrades.map(
    (t) =>
      `${t.direction > 0 ? 'L' : 'S'} ${String(t.qty)} ${String(t.entryPrice)}@${String(t.entryBar)} -> ${String(t.exitPrice)}@${String(t.exitBar)} ${t.exitSignal}`,
  );
}
