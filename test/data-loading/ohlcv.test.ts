import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extraSeries, loadOhlcv, type OhlcvLoadResult } from '../../src/data/index.js';
import { readChartExport } from '../../src/exports/index.js';
import { fixtureText } from '../exports/fixtures.js';

/** The diagnostics as [code, line, column, message] for exact comparison. */
function where(result: OhlcvLoadResult): [string, number | undefined, number | undefined, string][] {
  return result.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.message]);
}

const H = 'time,open,high,low,close,volume\n';

describe('loadOhlcv: formats', () => {
  it('reads the shared ETH feed head: UNIX ms, 15-minute bars', () => {
    const result = loadOhlcv(fixtureText('ohlcv/eth-15m-first5.csv'), { file: 'eth.csv' });
    expect(result.diagnostics).toEqual([]);
    expect(result.timeFormat).toBe('unix-ms');
    const s = result.series!;
    // Line 2 of the file: 1729371600000,2644.02,2648.02,2643.4,2647.98,3399.375
    expect([s.time[0], s.open[0], s.high[0], s.low[0], s.close[0], s.volume[0]]).toEqual([
      1729371600000, 2644.02, 2648.02, 2643.4, 2647.98, 3399.375,
    ]);
    expect([s.length, s.timeframeMs]).toEqual([5, 900_000]);
  });

  it('reads a TradingView chart export: UNIX seconds, Volume, plot columns with NaN, a real 1h gap', () => {
    const result = readChartExport(fixtureText('ohlcv/chart-export-eurusd-accdist.csv'), {
      file: 'accdist.csv',
    });
    const s = result.series!;
    expect(result.timeFormat).toBe('unix-s');
    expect(s.time[0]).toBe(1672639200 * 1000);
    expect(s.volume[1]).toBe(824);
    expect(s.extras.map((e) => e.name)).toEqual(['ta.accdist', 'ta.pvi', 'ta.pvt', 'ta.wad', 'ta.wvad']);
    expect(extraSeries(s, 'ta.pvt')?.[0]).toBeNaN();
    expect(extraSeries(s, 'ta.accdist')?.[1]).toBe(-120.09382300722203);
    // Steps 3600, 1800, 1800, 1800 s: the timeframe is the common 30 m and the first step is a gap.
    expect(s.timeframeMs).toBe(1_800_000);
    expect(result.gaps).toEqual([
      { index: 1, line: 3, fromMs: 1672639200000, toMs: 1672642800000, missingBars: 1 },
    ]);
    expect(where(result)).toEqual([
      ['PP4009', 3, 1, 'gap of 1h (1 missing 30m bar) after 2023-01-02 06:00 UTC'],
    ]);
    expect(result.ok).toBe(true);
  });

  it('keeps quoted plot titles with commas, in file order', () => {
    const s = loadOhlcv(fixtureText('ohlcv/chart-export-eurusd-bb.csv')).series!;
    expect(s.extras.map((e) => e.name)).toEqual([
      'ta.bb(close, 20, 2).base',
      'ta.bb(close, 20, 2).upper',
      'ta.bb(close, 20, 2).lower',
      'ta.bbw(close, 20, 2.1)',
    ]);
    expect(Array.from(s.volume)).toEqual([100, 824, 5684]);
  });

  it('keeps a repeated column (time twice) as an extra', () => {
    const s = loadOhlcv(
      'time,open,high,low,close,time\n1700000000,1,2,0.5,1.5,1700000000\n1700000060,1,2,0.5,1.5,1700000060\n',
    ).series!;
    expect(s.extras.map((e) => [e.name, e.values[1]])).toEqual([['time', 1700000060]]);
  });

  it('accepts timestamp/date headers, Volume, BOM and CRLF', () => {
    const text =
      '\uFEFFDate,Open,High,Low,Close,Volume\r\n2024-01-02T09:30:00+08:00,10,11,9,10.5,7\r\n2024-01-02T09:31:00Z,10,11,9,10.5,7\r\n';
    const result = loadOhlcv(text);
    expect(where(result)).toEqual([
      // 09:30+08:00 is 01:30Z; 09:31Z follows 8 h later, so the inferred step is 8h01m: no gap. Mixed
      // offsets are one format (iso-offset).
    ]);
    expect(Array.from(result.series!.time)).toEqual([
      Date.UTC(2024, 0, 2, 1, 30),
      Date.UTC(2024, 0, 2, 9, 31),
    ]);
  });

  it('reads a headerless file as time,open,high,low,close,volume', () => {
    const result = loadOhlcv('1700000000000,1,2,0.5,1.5,10\n1700000060000,1.5,2,1,1.2,11\n');
    expect([result.hasHeader, result.columns.join(','), result.series!.close[1]]).toEqual([
      false,
      'time,open,high,low,close,volume',
      1.2,
    ]);
  });

  it('gives volume NaN and an info when there is no volume column', () => {
    const result = loadOhlcv('time,open,high,low,close\n1700000000,1,2,0.5,1.5\n1700000060,1,2,0.5,1.5\n');
    expect(result.series!.volume[0]).toBeNaN();
    expect(where(result)).toEqual([
      ['PP4016', undefined, undefined, 'no volume column: volume is na on every bar'],
    ]);
  });
});

describe('loadOhlcv: naive times need a timezone', () => {
  const naive =
    'time,open,high,low,close,volume\n2025-03-31 08:15,1,2,0.5,1.5,1\n2025-03-31 08:30,1,2,0.5,1.5,1\n';
  it('reads naive times in the given timezone (UTC+8: 08:15 is 00:15 UTC)', () => {
    const result = loadOhlcv(naive, { timezone: 'UTC+8' });
    expect(result.timeFormat).toBe('iso-naive');
    expect(result.series!.time[0]).toBe(Date.UTC(2025, 2, 31, 0, 15));
  });
  it('refuses them without one, at the first naive cell', () => {
    const result = loadOhlcv(naive, { file: 'n.csv' });
    expect(result.series).toBeUndefined();
    expect(where(result)).toEqual([
      ['PP4006', 2, 1, "time '2025-03-31 08:15' has no UTC offset and no timezone was given"],
    ]);
    expect(result.diagnostics[0].file).toBe('n.csv');
  });
  it('daily date-only bars are naive too', () => {
    const daily = 'time,open,high,low,close,volume\n2002-05-29,1,2,0.5,1.5,1\n2002-05-30,1,2,0.5,1.5,1\n';
    const s = loadOhlcv(daily, { timezone: 'America/New_York' }).series!;
    // Midnight EDT (UTC−4).
    expect([s.time[0], s.timeframeMs]).toEqual([Date.UTC(2002, 4, 29, 4), 86_400_000]);
  });
  it('an unknown timezone is PP4015', () => {
    expect(where(loadOhlcv(naive, { timezone: 'Mars/Olympus' }))).toEqual([
      ['PP4015', undefined, undefined, "unknown timezone 'Mars/Olympus'"],
    ]);
  });
});

describe('loadOhlcv: every validation rule, with line, column and message', () => {
  it('empty file and header-only file', () => {
    expect(where(loadOhlcv(''))).toEqual([['PP4001', undefined, undefined, 'the file is empty']]);
    expect(where(loadOhlcv(H))).toEqual([
      ['PP4001', undefined, undefined, 'the file has a header but no rows'],
    ]);
  });

  it('missing columns', () => {
    const result = loadOhlcv('time,open,close\n1,2,3\n');
    expect(result.series).toBeUndefined();
    expect(where(result)).toEqual([['PP4002', 1, 1, 'missing columns high, low (found: time, open, close)']]);
  });

  it('a cell that is not a number', () => {
    // Line 3, 'x1' starts after '1700000060,1,2,' (15 characters): column 16.
    const text = H + '1700000000,1,2,0.5,1.5,1\n1700000060,1,2,x1,1.5,1\n';
    expect(where(loadOhlcv(text))).toEqual([['PP4003', 3, 16, "low 'x1' is not a number"]]);
  });

  it('a time that is not a time, and mixed time formats', () => {
    const text =
      H +
      '1700000000,1,2,0.5,1.5,1\nyesterday,1,2,0.5,1.5,1\n1700000120000,1,2,0.5,1.5,1\n2023-11-14T22:15:00Z,1,2,0.5,1.5,1\n';
    expect(where(loadOhlcv(text))).toEqual([
      ['PP4004', 3, 1, "time 'yesterday' is neither UNIX seconds/milliseconds nor ISO-8601"],
      ['PP4005', 4, 1, "time '1700000120000' is unix-ms, but the first row is unix-s"],
      ['PP4005', 5, 1, "time '2023-11-14T22:15:00Z' is iso-offset, but the first row is unix-s"],
      // Times are still compared after conversion: 22:15:00Z is before the ms time 22:15:20Z.
      [
        'PP4007',
        5,
        1,
        'time goes backwards: 2023-11-14T22:15:00.000Z comes after 2023-11-14T22:15:20.000Z (line 4)',
      ],
    ]);
  });

  it('unsorted and duplicate timestamps (nothing reordered or dropped)', () => {
    const text =
      H +
      '1700000000,1,2,0.5,1.5,1\n1700000060,1,2,0.5,1.5,1\n1700000060,1,2,0.5,1.5,1\n1700000000,1,2,0.5,1.5,1\n';
    const result = loadOhlcv(text);
    expect(where(result)).toEqual([
      ['PP4008', 4, 1, 'duplicate time 2023-11-14T22:14:20.000Z (also on line 3)'],
      [
        'PP4007',
        5,
        1,
        'time goes backwards: 2023-11-14T22:13:20.000Z comes after 2023-11-14T22:14:20.000Z (line 4)',
      ],
    ]);
    expect(Array.from(result.series!.time)).toEqual([
      1700000000000, 1700000060000, 1700000060000, 1700000000000,
    ]);
  });

  it('gaps larger than the timeframe are warnings, all listed', () => {
    // 1-minute bars with 2 and 3 bars missing.
    const times = [0, 60, 120, 240, 300, 540, 600].map((s) => 1700000000 + s);
    const text = H + times.map((t) => `${t},1,2,0.5,1.5,1\n`).join('');
    const result = loadOhlcv(text);
    expect(result.ok).toBe(true);
    expect(result.gaps.map((g) => [g.line, g.missingBars])).toEqual([
      [5, 1],
      [7, 3],
    ]);
    expect(where(result)).toEqual([
      ['PP4009', 5, 1, 'gap of 2m (1 missing 1m bar) after 2023-11-14 22:15:20 UTC'],
      ['PP4009', 7, 1, 'gap of 4m (3 missing 1m bars) after 2023-11-14 22:18:20 UTC'],
    ]);
  });

  it('non-positive and non-finite prices, high below the body, low above it, negative volume', () => {
    const text =
      H +
      '1700000000,0,2,0.5,1.5,1\n' + // open 0
      '1700000060,1,2,0.5,NaN,1\n' + // close NaN
      '1700000120,1,1.4,0.5,1.5,1\n' + // high 1.4 < close 1.5
      '1700000180,1,2,1.2,1.5,1\n' + // low 1.2 > open 1
      '1700000240,1,2,0.5,1.5,-3\n'; // volume −3
    expect(where(loadOhlcv(text))).toEqual([
      ['PP4010', 2, 12, 'open 0 is not positive'],
      ['PP4011', 3, 20, 'close is NaN'],
      ['PP4012', 4, 14, 'high 1.4 is below max(open 1, close 1.5)'],
      ['PP4013', 5, 16, 'low 1.2 is above min(open 1, close 1.5)'],
      ['PP4019', 6, 24, 'volume -3 is negative'],
    ]);
  });

  it('rows with too few or too many fields', () => {
    const text = H + '1700000000,1,2,0.5,1.5,1\n1700000060,1,2,0.5\n1700000120,1,2,0.5,1.5,1,99\n';
    expect(where(loadOhlcv(text))).toEqual([
      ['PP4014', 3, 19, 'row has 4 fields, the header has 6'],
      ['PP4014', 4, 26, "row has more than the header's 6 fields"],
    ]);
  });

  it('a single bar cannot give a timeframe', () => {
    expect(where(loadOhlcv(H + '1700000000,1,2,0.5,1.5,1\n'))).toEqual([
      ['PP4018', undefined, undefined, 'cannot infer the timeframe from 1 bar'],
    ]);
  });

  it('caps each code and says how many were omitted', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${1700000000 + 60 * i},1,2,0.5,bad,1\n`).join('');
    const result = loadOhlcv(H + rows, { maxDiagnosticsPerCode: 2 });
    expect(result.diagnostics.map((d) => [d.code, d.span?.line])).toEqual([
      ['PP4003', 2],
      ['PP4003', 3],
      ['PP4017', undefined],
    ]);
    expect(result.diagnostics[2].message).toBe('3 more PP4003 diagnostics omitted (5 in total)');
  });
});

const WARMUP = '/work/shared/parity/eth-usdt-15m/data/ohlcv_ETH-USDT-USDT_15m_warmup6m.csv';

describe.skipIf(!existsSync(WARMUP))('the shared 53,929-bar warm-up feed', () => {
  it('loads every row equal to Number() of its text, no diagnostics, 15m, no gaps', () => {
    const text = readFileSync(WARMUP, 'utf8');
    const result = loadOhlcv(text, { file: WARMUP });
    expect(result.diagnostics).toEqual([]);
    const s = result.series!;
    expect([s.length, s.timeframeMs, result.gaps.length]).toEqual([53_929, 900_000, 0]);
    const columns = [s.time, s.open, s.high, s.low, s.close, s.volume];
    const lines = text.trimEnd().split('\n').slice(1);
    let differing = 0;
    lines.forEach((line, row) => {
      line.split(',').forEach((cell, c) => {
        if (Number(cell) !== columns[c][row]) differing++;
      });
    });
    expect(differing).toBe(0);
  });
});
