import { readFileSync } from 'node:fs';
import { loadOhlcv } from '../../src/data/index.js';
import type { BarColumns } from '../../src/run/backtest.js';

/**
 * The first `count` bars of data/eth-usdt-15m.csv (real ETH-USDT 15-minute bars, 2026-01-20
 * 11:00 UTC on): the feed every health test runs on.
 */
export function ethBars(count: number): BarColumns {
  const lines = readFileSync('data/eth-usdt-15m.csv', 'utf8').split('\n');
  const loaded = loadOhlcv(lines.slice(0, count + 1).join('\n'));
  if (!loaded.series) throw new Error('data/eth-usdt-15m.csv did not load');
  return loaded.series;
}

/** A fixture's Pine source. */
export function fixture(name: string): { file: string; source: string } {
  const file = `test/fixtures/health/${name}.pine`;
  return { file, source: readFileSync(file, 'utf8') };
}
