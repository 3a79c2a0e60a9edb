import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTradesCsv, type Trade } from '../../src/exports/index.js';
import { afterEach, beforeEach } from 'vitest';
import { RunStore, type NewRun } from '../../src/store/index.js';

export const FIXTURE_CSV = join(import.meta.dirname, 'fixtures', 'macd-confluence-tv-trades.csv');

/** The real export's trades (chart timezone UTC+8, see fixtures/README.md). */
export function fixtureTrades(): readonly Trade[] {
  const result = readTradesCsv(readFileSync(FIXTURE_CSV, 'utf8'), { timezone: 'UTC+8' });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.trades;
}

/** A fresh temporary folder and a function that removes it. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pineport-store-'));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh store in a fresh temporary folder for each test of the calling file. */
export function useTempStore(): { readonly store: RunStore; readonly dir: string } {
  let folder: ReturnType<typeof tempDir> | undefined;
  let store: RunStore | undefined;
  beforeEach(() => {
    folder = tempDir();
    store = openStore(join(folder.dir, 'runs.db'));
  });
  afterEach(() => {
    store?.close();
    folder?.remove();
  });
  return {
    get store(): RunStore {
      if (store === undefined) throw new Error('useTempStore: outside a test');
      return store;
    },
    get dir(): string {
      if (folder === undefined) throw new Error('useTempStore: outside a test');
      return folder.dir;
    },
  };
}

/** Opens a store or fails the test with its diagnostics. */
export function openStore(path: string): RunStore {
  const opened = RunStore.open(path);
  if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
  return opened.store;
}

/**
 * An equity curve of the length of the ETH feed (36,361 bars), with the doubles that trip codecs:
 * NaN (warm-up), -0, a subnormal, ±Infinity and values needing all 53 mantissa bits.
 */
export function awkwardCurve(): { times: Float64Array; values: Float64Array } {
  const n = 36_361;
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = Date.UTC(2025, 3, 20, 21) + i * 900_000;
    values[i] = 1_000_000 + Math.sin(i / 97) * 1234.5678901234567 + i / 3;
  }
  values[0] = Number.NaN;
  values[1] = -0;
  values[2] = 5e-324;
  values[3] = Number.POSITIVE_INFINITY;
  values[4] = Number.NEGATIVE_INFINITY;
  return { times, values };
}

/** A backtest with every part of a run filled, over the fixture's trades. */
export function fullRun(trades: readonly Trade[] = fixtureTrades()): NewRun {
  return {
    kind: 'backtest',
    pineportVersion: '0.1.0',
    name: 'MTF MACD confluence',
    createdAt: Date.UTC(2026, 10, 20, 9, 30),
    finishedAt: Date.UTC(2026, 10, 20, 9, 30, 2),
    wallMs: 1834.25,
    seed: 42,
    inputs: { fastLength: 12, slowLength: 26, source: 'close', useFilter: true },
    strategy: {
      initialCapital: 1_000_000,
      currency: 'USD',
      pyramiding: 0,
      commission: { type: 'percent', value: 0 },
    },
    symbol: {
      tickerid: 'BINANCE:ETHUSDT.P',
      currency: 'USDT',
      mintick: 0.01,
      pointValue: 1,
      timezone: 'UTC+8',
    },
    summary: {
      all: { netProfit: -1761.78, trades: 24 },
      long: { trades: 12 },
      short: { trades: 12 },
      note: null,
    },
    provenance: {
      pinePath: 'strategy.pine',
      pineSource: '//@version=6\nstrategy("MTF MACD", overlay = true)\n',
      codeHash: 'c0de'.repeat(16),
      dataPath: 'data/ohlcv_ETH-USDT-USDT_15m.csv',
      dataHash: 'da7a'.repeat(16),
      dataRows: 36_361,
      dataFirstTime: Date.UTC(2025, 3, 20, 21),
      dataLastTime: Date.UTC(2026, 4, 4, 15),
    },
    trades,
    metrics: { netProfit: -1761.78, trades: 24, sharpe: 0.123456789, profitFactor: Number.NaN },
    equity: awkwardCurve(),
    curves: { drawdown: { times: new Float64Array([1, 2, 3]), values: new Float64Array([0, -5.5, -2]) } },
  };
}

/** Bytes of a Float64Array, to compare curves bit for bit (toEqual treats -0 and 0, NaN payloads alike). */
export function bytesOf(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}
