// Hand-worked date parts, zones, sessions and timeframes. Every expected value is derived in the
// comment next to it from the calendar and the published zone rules (US DST: second Sunday of March
// 02:00 → 03:00, first Sunday of November 02:00 → 01:00).
import { describe, expect, it } from 'vitest';
import {
  Feed,
  PineContext,
  TimeframeChange,
  fromSeconds,
  inSeconds,
  parseTimeframe,
  resolveZone,
  runBars,
  timestampString,
} from '../../../src/runtime/index.js';

const utc = (iso: string): number => Date.parse(iso);

/** A context over bars every `stepMin` minutes from `start`, for timing questions. */
function contextOver(
  start: string,
  bars: number,
  stepMin: number,
  timezone = 'Etc/UTC',
  session = '24x7',
): PineContext {
  const t0 = utc(start);
  const rows = Array.from({ length: bars }, (_, i) => ({
    time: t0 + i * stepMin * 60_000,
    open: 1,
    high: 1,
    low: 1,
    close: 1,
  }));
  return new PineContext(Feed.fromBars(rows), { symbol: { timezone, session } });
}

describe('date parts with time zones', () => {
  const ctx = contextOver('2024-01-01T00:00:00Z', 2, 15);

  it('follows New York across the 2024 spring-forward gap', () => {
    // 2024-03-10 (a Sunday) 06:59Z is 01:59 EST (UTC−5); 07:00Z is 03:00 EDT (UTC−4).
    expect(ctx.hour(utc('2024-03-10T06:59:00Z'), 'America/New_York')).toBe(1);
    expect(ctx.minute(utc('2024-03-10T06:59:00Z'), 'America/New_York')).toBe(59);
    expect(ctx.hour(utc('2024-03-10T07:00:00Z'), 'America/New_York')).toBe(3);
    expect(ctx.dayofweek(utc('2024-03-10T07:00:00Z'), 'America/New_York')).toBe(1); // Sunday = 1
  });

  it('follows New York across the 2024 fall-back overlap', () => {
    // 2024-11-03 05:30Z is 01:30 EDT; 06:30Z is 01:30 EST again (the hour repeats).
    expect(ctx.hour(utc('2024-11-03T05:30:00Z'), 'America/New_York')).toBe(1);
    expect(ctx.hour(utc('2024-11-03T06:30:00Z'), 'America/New_York')).toBe(1);
    // 04:30Z is 00:30 EDT on the 3rd; 03:59Z is 23:59 EDT on the 2nd.
    expect(ctx.dayofmonth(utc('2024-11-03T04:30:00Z'), 'America/New_York')).toBe(3);
    expect(ctx.dayofmonth(utc('2024-11-03T03:59:00Z'), 'America/New_York')).toBe(2);
  });

  it('reads "UTC+8" as a fixed offset and crosses the year boundary', () => {
    // 2024-12-31 16:30Z + 8 h = 2025-01-01 00:30, a Wednesday (dayofweek 4), ISO week 1.
    const t = utc('2024-12-31T16:30:00Z');
    expect(ctx.year(t, 'UTC+8')).toBe(2025);
    expect(ctx.month(t, 'UTC+8')).toBe(1);
    expect(ctx.dayofmonth(t, 'UTC+8')).toBe(1);
    expect(ctx.hour(t, 'UTC+8')).toBe(0);
    expect(ctx.minute(t, 'UTC+8')).toBe(30);
    expect(ctx.dayofweek(t, 'UTC+8')).toBe(4);
    expect(ctx.weekofyear(t, 'UTC+8')).toBe(1);
    // In the exchange zone (UTC) it is still 2024-12-31, a Tuesday (3).
    expect(ctx.year(t)).toBe(2024);
    expect(ctx.dayofweek(t)).toBe(3);
  });

  it('accepts GMT±HH:MM and gives ISO week numbers', () => {
    // India: UTC+05:30. 2024-06-01 20:00Z → 2024-06-02 01:30.
    expect(ctx.hour(utc('2024-06-01T20:00:00Z'), 'GMT+05:30')).toBe(1);
    expect(ctx.minute(utc('2024-06-01T20:00:00Z'), 'GMT+05:30')).toBe(30);
    // 2021-01-03 is a Sunday belonging to ISO week 53 of 2020; 2021-01-04 (Monday) starts week 1.
    expect(ctx.weekofyear(utc('2021-01-03T12:00:00Z'))).toBe(53);
    expect(ctx.weekofyear(utc('2021-01-04T12:00:00Z'))).toBe(1);
    expect(ctx.second(utc('2021-01-04T12:34:56Z'))).toBe(56);
  });

  it('keeps per-bar lookups allocation-free by caching the zone segment', () => {
    const zone = resolveZone('America/New_York');
    // Same offset for every 15-minute bar of a summer day: UTC−4 = −14,400,000 ms.
    for (let m = 0; m < 24 * 60; m += 15)
      expect(zone.offsetAt(utc('2024-07-01T00:00:00Z') + m * 60_000)).toBe(-14_400_000);
  });
});

describe('timestamp()', () => {
  const ctx = contextOver('2024-01-01T00:00:00Z', 2, 15, 'America/New_York');

  it('reads wall-clock times in a zone, resolving gaps and overlaps like java.time', () => {
    // 2024-07-04 09:30 EDT = 13:30Z.
    expect(ctx.timestamp(undefined, 2024, 7, 4, 9, 30)).toBe(utc('2024-07-04T13:30:00Z'));
    // 02:30 does not exist on 2024-03-10 in New York: read with the pre-gap offset (−5) → 07:30Z (03:30 EDT).
    expect(ctx.timestamp('America/New_York', 2024, 3, 10, 2, 30)).toBe(utc('2024-03-10T07:30:00Z'));
    // 01:30 happens twice on 2024-11-03: the earlier offset (EDT, −4) wins → 05:30Z.
    expect(ctx.timestamp('America/New_York', 2024, 11, 3, 1, 30)).toBe(utc('2024-11-03T05:30:00Z'));
    // Month 13 rolls into January of the next year.
    expect(ctx.timestamp('UTC', 2024, 13, 1)).toBe(utc('2025-01-01T00:00:00Z'));
  });

  it('parses the reference manual date-string forms', () => {
    // TradingView log (PyneSys/pynecore tests/t01_lib/t05_string/data/test_011_str_format_time.txt) shows
    // timestamp("2025-01-01 01:23:45-05:00") printed in UTC as 06:23:45.
    expect(timestampString('2025-01-01 01:23:45-05:00')).toBe(utc('2025-01-01T06:23:45Z'));
    expect(timestampString('2020-02-20T15:30:00+02:00')).toBe(utc('2020-02-20T13:30:00Z'));
    expect(timestampString('20 Feb 2020 15:30 +0200')).toBe(utc('2020-02-20T13:30:00Z'));
    expect(timestampString('Feb 01 2020 22:10:05')).toBe(utc('2020-02-01T22:10:05Z'));
    expect(timestampString('2020-02-20')).toBe(utc('2020-02-20T00:00:00Z'));
    expect(timestampString('not a date')).toBeNaN();
  });
});

describe('sessions and time(timeframe, session)', () => {
  it('opens a regular New York session 09:30–16:00 on weekdays only', () => {
    // 2024-06-03 is a Monday; EDT = UTC−4, so 09:30 local = 13:30Z and 16:00 local = 20:00Z.
    const ctx = contextOver('2024-06-03T13:15:00Z', 8, 15, 'America/New_York');
    const seen: number[] = [];
    runBars(ctx, { step: (c) => seen.push(c.timeOf('', '0930-1600:23456')) });
    expect(seen[0]).toBeNaN(); // 09:15
    expect(seen[1]).toBe(utc('2024-06-03T13:30:00Z')); // 09:30, first bar inside
    expect(seen[7]).toBe(utc('2024-06-03T15:00:00Z'));
    const late = contextOver('2024-06-03T19:45:00Z', 2, 15, 'America/New_York');
    const lateSeen: number[] = [];
    runBars(late, { step: (c) => lateSeen.push(c.timeOf('', '0930-1600:23456')) });
    expect(lateSeen[0]).toBe(utc('2024-06-03T19:45:00Z')); // 15:45 inside
    expect(lateSeen[1]).toBeNaN(); // 16:00 is the exclusive end
    // 2024-06-08 is a Saturday (day 7, not in 23456).
    const saturday = contextOver('2024-06-08T14:00:00Z', 1, 15, 'America/New_York');
    const satSeen: number[] = [];
    runBars(saturday, { step: (c) => satSeen.push(c.timeOf('', '0930-1600:23456')) });
    expect(satSeen[0]).toBeNaN();
  });

  it('assigns the evening part of an overnight session to the next trading day', () => {
    // "1700-1600:23456": Sunday 17:00 local opens Monday's (2) session; Friday 17:00 would open Saturday's.
    const ctx = contextOver('2024-06-02T21:00:00Z', 1, 60, 'America/New_York'); // Sunday 17:00 EDT
    const out: number[] = [];
    runBars(ctx, { step: (c) => out.push(c.timeOf('', '1700-1600:23456')) });
    expect(out[0]).toBe(utc('2024-06-02T21:00:00Z'));
    const friday = contextOver('2024-06-07T21:00:00Z', 1, 60, 'America/New_York'); // Friday 17:00 EDT
    const fri: number[] = [];
    runBars(friday, { step: (c) => fri.push(c.timeOf('', '1700-1600:23456')) });
    expect(fri[0]).toBeNaN();
  });

  it('returns the higher-timeframe period open and close', () => {
    // A 15-minute bar at 2024-06-03 13:45Z on a UTC symbol: its day opened at 00:00Z and closes at 24:00Z;
    // its hour opened at 13:00Z.
    const ctx = contextOver('2024-06-03T13:45:00Z', 2, 15);
    const out: number[] = [];
    runBars(
      ctx,
      { step: (c) => out.push(c.timeOf('D'), c.timeCloseOf('D'), c.timeOf('60'), c.time_close) },
      {},
      0,
      1,
    );
    expect(out).toEqual([
      utc('2024-06-03T00:00:00Z'),
      utc('2024-06-04T00:00:00Z'),
      utc('2024-06-03T13:00:00Z'),
      utc('2024-06-03T14:00:00Z'),
    ]);
  });

  it('fires timeframe.change("D") on the first bar of each day only, never on the chart\'s first bar', () => {
    // 4-hour bars from 2024-06-03 16:00Z: 16:00, 20:00, 00:00 (new day), 04:00, … The first bar has no
    // previous bar to differ from.
    const ctx = contextOver('2024-06-03T16:00:00Z', 8, 240);
    const change = new TimeframeChange();
    const fired: boolean[] = [];
    runBars(ctx, { step: (c) => fired.push(change.update(c, 'D')) });
    expect(fired).toEqual([false, false, true, false, false, false, false, false]);
  });
});

describe('timeframe.*', () => {
  it('parses periods and normalises them with a multiplier (v6)', () => {
    expect(parseTimeframe('D')?.period).toBe('1D');
    expect(parseTimeframe('15')?.period).toBe('15');
    expect(parseTimeframe('1W')?.unit).toBe('W');
    expect(parseTimeframe('bad')).toBeNull();
  });

  it('converts to and from seconds', () => {
    expect(inSeconds(parseTimeframe('15') ?? fail())).toBe(900);
    expect(inSeconds(parseTimeframe('1D') ?? fail())).toBe(86_400);
    expect(inSeconds(parseTimeframe('1W') ?? fail())).toBe(604_800);
    // 365/12 days + 3 s, TradingView's month (PyneCore lib/timeframe.py).
    expect(inSeconds(parseTimeframe('1M') ?? fail())).toBe(2_628_003);
    expect(fromSeconds(60)).toBe('1');
    expect(fromSeconds(14_400)).toBe('240');
    expect(fromSeconds(86_400 * 2)).toBe('2D');
    expect(fromSeconds(604_800)).toBe('1W');
    expect(fromSeconds(30)).toBe('30S');
  });

  it('exposes the chart timeframe and its flags on the context', () => {
    const ctx = contextOver('2024-06-03T00:00:00Z', 3, 15);
    expect(ctx.timeframe.period).toBe('15');
    expect(ctx.timeframe.multiplier).toBe(15);
    expect(ctx.timeframe.isintraday).toBe(true);
    expect(ctx.timeframe.isminutes).toBe(true);
    expect(ctx.timeframe.isdaily).toBe(false);
  });
});

function fail(): never {
  throw new Error('unexpected null');
}

describe('session.* state', () => {
  it('marks the first and last bar of each regular session', () => {
    // Hourly bars from Monday 2024-06-03 12:30Z (08:30 EDT) through 21:30Z (17:30 EDT): the
    // "0930-1600" session holds 09:30 … 15:30 local, i.e. bars 1 … 7.
    const ctx = contextOver('2024-06-03T12:30:00Z', 10, 60, 'America/New_York', '0930-1600:23456');
    const out: string[] = [];
    runBars(ctx, {
      step: (c) => out.push(`${+c.sessionIsMarket()}${+c.sessionIsFirstBar()}${+c.sessionIsLastBar()}`),
    });
    expect(out).toEqual(['000', '110', '100', '100', '100', '100', '100', '101', '000', '000']);
  });

  it('marks pre-market bars: before the regular open of the same day only', () => {
    // The same hourly bars, 08:30 … 17:30 EDT: only 08:30 (bar 0) precedes the 09:30 open; 16:30
    // and 17:30 are after the close (post-market). A 24x7 symbol has no pre-market.
    const ctx = contextOver('2024-06-03T12:30:00Z', 10, 60, 'America/New_York', '0930-1600:23456');
    const out: number[] = [];
    runBars(ctx, { step: (c) => out.push(+c.sessionIsPremarket()) });
    expect(out).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const crypto = contextOver('2024-06-03T00:00:00Z', 4, 360);
    const flags: boolean[] = [];
    runBars(crypto, { step: (c) => flags.push(c.sessionIsPremarket()) });
    expect(flags).toEqual([false, false, false, false]);
  });

  it('on a 24x7 symbol, a new session starts at midnight of the exchange zone', () => {
    // 6-hour bars from 2024-06-03 12:00Z in UTC: 12:00, 18:00 (last of the day), 00:00 (first), …
    const ctx = contextOver('2024-06-03T12:00:00Z', 5, 360);
    const out: string[] = [];
    runBars(ctx, { step: (c) => out.push(`${+c.sessionIsFirstBar()}${+c.sessionIsLastBar()}`) });
    expect(out).toEqual(['10', '01', '10', '00', '00']);
  });

  it('follows Sydney across its April 2024 fall-back (southern hemisphere, DST at New Year)', () => {
    const ctx = contextOver('2024-01-01T00:00:00Z', 2, 15);
    // 2024-04-06 15:59Z = 02:59 AEDT (UTC+11); 16:00Z = 02:00 AEST (UTC+10); 2024-01-01 00:00Z = 11:00 AEDT.
    expect(ctx.hour(utc('2024-04-06T15:59:00Z'), 'Australia/Sydney')).toBe(2);
    expect(ctx.minute(utc('2024-04-06T15:59:00Z'), 'Australia/Sydney')).toBe(59);
    expect(ctx.hour(utc('2024-04-06T16:00:00Z'), 'Australia/Sydney')).toBe(2);
    expect(ctx.minute(utc('2024-04-06T16:00:00Z'), 'Australia/Sydney')).toBe(0);
    expect(ctx.hour(utc('2024-01-01T00:00:00Z'), 'Australia/Sydney')).toBe(11);
  });
});

describe('zone offset tables', () => {
  /** Offset from Intl directly (the independent reference): local wall time read back as UTC − t. */
  function intlOffset(zone: string, t: number): number {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(t);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    return (
      Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - t
    );
  }

  it('agrees with Intl at random instants 2000–2030, including around every transition', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/Sao_Paulo',
      'Europe/Moscow',
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (const name of zones) {
      const zone = resolveZone(name);
      for (let k = 0; k < 200; k++) {
        const t =
          Math.floor(
            (Date.UTC(2000, 0, 1) + random() * (Date.UTC(2030, 0, 1) - Date.UTC(2000, 0, 1))) / 60_000,
          ) * 60_000;
        expect(zone.offsetAt(t), `${name} at ${new Date(t).toISOString()}`).toBe(intlOffset(name, t));
      }
      // One minute either side of the 2024 transitions found by the table itself.
      for (const iso of [
        '2024-03-10T07:00:00Z',
        '2024-11-03T06:00:00Z',
        '2024-03-31T01:00:00Z',
        '2024-10-27T01:00:00Z',
      ]) {
        for (const d of [-60_000, 0, 60_000])
          expect(zone.offsetAt(utc(iso) + d)).toBe(intlOffset(name, utc(iso) + d));
      }
    }
  });

  it('reads the IANA names of UTC (the default Etc/UTC among them) as offset 0, as Intl does', () => {
    const aliases = [
      'Etc/UTC',
      'etc/utc',
      'Etc/GMT',
      'Etc/GMT-0',
      'Etc/Universal',
      'Zulu',
      'UCT',
      'Greenwich',
    ];
    const instants = [Date.UTC(1950, 0, 1), 0, utc('2024-03-31T01:00:00Z'), utc('2024-07-01T12:34:00Z')];
    for (const name of aliases) {
      const zone = resolveZone(name);
      for (const t of instants) expect(zone.offsetAt(t), name).toBe(intlOffset(name, t));
    }
  });

  it('tells until when an offset holds: the next transition, never for a fixed zone', () => {
    // New York's 2024 spring-forward: 02:00 EST on 10 March is 07:00 UTC (Intl above agrees).
    const ny = resolveZone('America/New_York');
    const switchAt = utc('2024-03-10T07:00:00Z');
    const midnight = utc('2024-03-10T05:00:00Z');
    expect(ny.offsetValidUntil(midnight)).toBe(switchAt);
    expect(ny.offsetAt(switchAt - 60_000)).toBe(ny.offsetAt(midnight));
    expect(ny.offsetAt(switchAt)).not.toBe(ny.offsetAt(midnight));
    expect(resolveZone('UTC+8').offsetValidUntil(midnight)).toBe(Number.POSITIVE_INFINITY);
  });

  it('can be shared between runs on one thread', () => {
    const first = contextOver('2024-06-03T00:00:00Z', 2, 15, 'America/New_York');
    const second = new PineContext(Feed.fromBars([{ time: 0, open: 1, high: 1, low: 1, close: 1 }]), {
      symbol: { timezone: 'America/New_York' },
      zones: first.zones,
    });
    expect(second.exchangeZone).toBe(first.exchangeZone);
  });
});

describe('intraday periods of a session symbol', () => {
  it('count from the session open and end at the session close', () => {
    // NYSE-like symbol, 15-minute bars on Monday 2024-06-03 from 09:30 EDT (13:30Z) to 15:45 EDT (19:45Z).
    const ctx = contextOver('2024-06-03T13:30:00Z', 26, 15, 'America/New_York', '0930-1600:23456');
    const starts: number[] = [];
    const closes: number[] = [];
    const change = new TimeframeChange();
    const fired: number[] = [];
    runBars(ctx, {
      step: (c) => {
        starts.push(c.timeOf('60'));
        closes.push(c.timeCloseOf('60'));
        if (change.update(c, '60')) fired.push(c.bar_index);
      },
    });
    // 10:45 EDT (bar 5) is in the 10:30 hour; 15:45 EDT (bar 25) in the 15:30 hour, which closes at 16:00.
    expect(starts[5]).toBe(utc('2024-06-03T14:30:00Z'));
    expect(closes[5]).toBe(utc('2024-06-03T15:30:00Z'));
    expect(starts[25]).toBe(utc('2024-06-03T19:30:00Z'));
    expect(closes[25]).toBe(utc('2024-06-03T20:00:00Z'));
    // New hours at 10:30, …, 15:30: bars 4, 8, …, 24 (the 09:30 hour opens on the first bar, which never fires).
    expect(fired).toEqual([4, 8, 12, 16, 20, 24]);
  });
});
