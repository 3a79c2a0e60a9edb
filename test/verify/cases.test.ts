import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverParityCases } from '../../src/verify/index.js';

describe('discoverParityCases', () => {
  const root = mkdtempSync(join(tmpdir(), 'pineport-cases-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('a-plain/tv_trades.csv', 'Trade #,Type\n');
  write('nested/AAPL/b-equity/tv_trades.csv', 'Trade #,Type\n');
  write(
    'nested/AAPL/b-equity/inputs.json',
    JSON.stringify({
      tv_trades_csv_tz: 'America/New_York',
      syminfo_overrides: { ticker: 'AAPL', timezone: 'America/New_York', session: '0930-1600' },
      runtime_overrides: { mintick: 0.01 },
      'Fast length': 9,
      _comment: 'ignored',
    }),
  );
  write('c-marked/tv_trades.csv', 'Trade #,Type\n');
  write(
    'c-marked/inputs.json',
    JSON.stringify({
      validation_overrides: { expect_tv_match: false, expect_tv_match_reason: 'broker bug' },
    }),
  );
  write('d-no-data/tv_trades.csv', 'Trade #,Type\n');
  write(
    'd-no-data/inputs.json',
    JSON.stringify({ ohlcv_csv: '../data/missing.csv', ohlcv_start_ms: 1743379200000 }),
  );
  write('e-broken/inputs.json', '{ nope');

  it('finds cases at any depth, reads their settings and says why some cannot run', async () => {
    const { cases, diagnostics } = await discoverParityCases(root, {
      defaultTimezone: 'UTC+8',
      defaultFeedTicker: 'ETHUSDT',
    });
    expect(cases.map((c) => [c.name, c.skip])).toEqual([
      ['a-plain', undefined],
      ['c-marked', 'marked not to match TradingView: broker bug'],
      ['d-no-data', 'data not available: ../data/missing.csv'],
      ['e-broken', expect.stringMatching(/^inputs\.json is not JSON/)],
      ['nested/AAPL/b-equity', 'data not available: the case runs on AAPL, the default feed is ETHUSDT'],
    ]);
    const equity = cases[4];
    expect([equity.tvTimezone, equity.symbol, equity.scriptInputs]).toEqual([
      'America/New_York',
      { timezone: 'America/New_York', session: '0930-1600', mintick: 0.01 },
      { 'Fast length': 9 },
    ]);
    expect([cases[0].tvTimezone, cases[2].ohlcvStartMs]).toEqual(['UTC+8', 1743379200000]);
    expect(diagnostics.map((d) => d.code)).toEqual(['PP4054']);
  });

  it('--only keeps cases by name or last segment', async () => {
    const { cases } = await discoverParityCases(root, {
      defaultTimezone: 'UTC+8',
      only: ['b-equity', 'a-plain'],
    });
    expect(cases.map((c) => c.name)).toEqual(['a-plain', 'nested/AAPL/b-equity']);
  });
});

const SHARED = '/work/shared/parity/eth-usdt-15m';

describe.skipIf(!existsSync(SHARED))('the shared corpus', () => {
  it('250 exports; 244 measurable on the ETH feed', async () => {
    const { cases, diagnostics } = await discoverParityCases(join(SHARED, 'cases'), {
      defaultTimezone: 'UTC+8',
      defaultFeedTicker: 'ETHUSDT',
    });
    expect(diagnostics).toEqual([]);
    expect(cases.filter((c) => c.tvTrades !== undefined)).toHaveLength(250);
    // Skipped: 5 symbol-specified AAPL/QQQ/SPY cases (one also marked), the 1-minute-data case, and the
    // analyzer case whose export (trades-htf_d_high1.csv) is not in the snapshot.
    expect(cases.filter((c) => c.skip === undefined)).toHaveLength(244);
  });
});
