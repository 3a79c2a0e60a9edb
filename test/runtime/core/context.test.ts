import { describe, expect, it } from 'vitest';
import type { PineScript } from '../../../src/runtime/index.js';
import { Feed, FloatSeries, PineContext, parseOhlcvCsv, runBars } from '../../../src/runtime/index.js';

const bars = [
  { time: Date.UTC(2024, 0, 1, 0, 0), open: 10, high: 14, low: 9, close: 12, volume: 100 },
  { time: Date.UTC(2024, 0, 1, 0, 15), open: 12, high: 13, low: 11, close: 11, volume: 50 },
  { time: Date.UTC(2024, 0, 1, 0, 30), open: 11, high: 16, low: 10, close: 15, volume: 70 },
];

describe('PineContext built-ins', () => {
  it('exposes the current bar, derived prices and history straight from the feed', () => {
    const ctx = new PineContext(Feed.fromBars(bars));
    const rows: number[][] = [];
    runBars(ctx, {
      step: (c) =>
        rows.push([
          c.bar_index,
          c.close,
          c.hl2,
          c.hlc3,
          c.ohlc4,
          c.hlcc4,
          c.closeAt(1),
          c.highAt(2),
          c.time_close,
        ]),
    });
    // bar 2: hl2 = (16+10)/2 = 13, hlc3 = (16+10+15)/3, ohlc4 = (11+16+10+15)/4 = 13, hlcc4 = (16+10+15+15)/4 = 14
    expect(rows[2]).toEqual([2, 15, 13, 41 / 3, 13, 14, 11, 14, Date.UTC(2024, 0, 1, 0, 45)]);
    expect(rows[0][6]).toBeNaN(); // close[1] on the first bar
    expect(ctx.last_bar_index).toBe(2);
    expect(ctx.timeframe.period).toBe('15'); // inferred from the 15-minute spacing
  });

  it('sets barstate for a historical backtest and for a realtime last bar', () => {
    const flags = (realtime: boolean): string[] => {
      const ctx = new PineContext(Feed.fromBars(bars), { lastBarRealtime: realtime });
      const out: string[] = [];
      runBars(ctx, {
        step: (c) => {
          const b = c.barstate;
          out.push(
            [b.isfirst, b.islast, b.ishistory, b.isrealtime, b.isconfirmed, b.islastconfirmedhistory]
              .map(Number)
              .join(''),
          );
        },
      });
      return out;
    };
    // isfirst, islast, ishistory, isrealtime, isconfirmed, islastconfirmedhistory
    expect(flags(false)).toEqual(['101010', '001010', '011011']);
    expect(flags(true)).toEqual(['101010', '001011', '010100']);
  });

  it('derives syminfo.mintick from pricescale/minmove and keeps defaults', () => {
    const ctx = new PineContext(Feed.fromBars(bars), {
      symbol: { ticker: 'ETHUSDT.P', prefix: 'BINANCE', pricescale: 100, minmove: 1 },
    });
    expect(ctx.syminfo.tickerid).toBe('BINANCE:ETHUSDT.P');
    expect(ctx.syminfo.mintick).toBe(0.01);
    expect(ctx.syminfo.timezone).toBe('Etc/UTC');
    expect(ctx.syminfo.session).toBe('24x7');
  });

  it('records plots per bar and leaves bars without a plot call na', () => {
    class Script implements PineScript {
      private readonly p: number;
      private readonly prev: FloatSeries;
      constructor(ctx: PineContext) {
        this.p = ctx.plots.declare('close - close[1]');
        this.prev = new FloatSeries(ctx.clock, 1);
      }
      step(ctx: PineContext): void {
        this.prev.set(ctx.close);
        if (ctx.bar_index > 0) ctx.plots.record(this.p, ctx.close - this.prev.get(1));
      }
    }
    const ctx = new PineContext(Feed.fromBars(bars));
    runBars(ctx, new Script(ctx));
    expect([...(ctx.plots.column('close - close[1]') ?? [])]).toEqual([NaN, -1, 4]);
  });

  it('counts drawings and records alerts and logs without failing', () => {
    const ctx = new PineContext(Feed.fromBars(bars));
    runBars(ctx, {
      step: (c) => {
        const id = c.drawings.create('label');
        c.drawings.update();
        if (c.bar_index === 1) c.drawings.remove('label', id);
        c.events.alertcondition(c.close > c.open, 'up');
        if (c.barstate.islast) c.events.log('info', `last close ${c.close}`);
      },
    });
    expect(ctx.drawings.created.label).toBe(3);
    expect(ctx.drawings.alive('label')).toBe(2);
    expect(ctx.drawings.updates).toBe(3);
    expect(ctx.events.events).toEqual([
      { bar: 0, kind: 'alertcondition', message: 'up' },
      { bar: 2, kind: 'alertcondition', message: 'up' },
      { bar: 2, kind: 'log.info', message: 'last close 15' },
    ]);
  });
});

describe('parseOhlcvCsv', () => {
  it('reads UNIX seconds, quoted headers with commas and NaN cells', () => {
    const feed = parseOhlcvCsv(
      'time,open,high,low,close,Volume,"nz(val, 2)"\n1700000000,1,2,0.5,1.5,10,NaN\n1700000900,1.5,2,1,2,11,2\n',
    );
    expect(feed.length).toBe(2);
    expect(feed.time[1]).toBe(1_700_000_900_000);
    expect(feed.volume[0]).toBe(10);
    expect([...(feed.column('nz(val, 2)') ?? [])]).toEqual([NaN, 2]);
  });
});

describe('Feed.fromSeries', () => {
  it("adopts the data loader's columns and names extras, first title winning", () => {
    const col = (xs: number[]): Float64Array => Float64Array.from(xs);
    const feed = Feed.fromSeries({
      time: col([0, 60_000]),
      open: col([1, 2]),
      high: col([1, 2]),
      low: col([1, 2]),
      close: col([1, 2]),
      volume: col([5, 6]),
      extras: [
        { name: 'Plot', values: col([7, 8]) },
        { name: 'Plot', values: col([9, 9]) },
      ],
    });
    expect(feed.length).toBe(2);
    expect([...(feed.column('Plot') ?? [])]).toEqual([7, 8]);
  });
});
