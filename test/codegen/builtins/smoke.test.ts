import { runInThisContext } from 'node:vm';
import ts from 'typescript';
import { beforeEach, describe, expect, it } from 'vitest';
import * as rt from '../../../src/runtime/index.js';
import { libraryEmitters } from '../../../src/codegen/builtins/index-libs.js';
import { fakeCall } from './fake-context.js';
import type { CallSpec } from './fake-context.js';

// Emitted expressions evaluated against the real runtime: the text must not only look right, it must
// compute Pine's values. Each expected value is worked out by hand (or cited) next to it.

type Compiled = (this: Record<string, unknown>, runtime: typeof rt, ctx: rt.PineContext) => unknown;

/** Compiles a TypeScript expression over `rt` and `ctx` (and `this`) into a function. */
function compile(expression: string): Compiled {
  const js = ts.transpile(`(function (rt, ctx) { return ${expression}; })`, {
    target: ts.ScriptTarget.ES2022,
  });
  return runInThisContext(js) as Compiled;
}

/** Evaluates an emitted call; `site` holds the call site's state and plot fields across bars. */
function evaluate(spec: CallSpec, ctx: rt.PineContext, site: Record<string, unknown> = {}): unknown {
  const call = fakeCall(spec);
  const code = libraryEmitters[spec.name](call.c);
  expect(call.unsupported).toEqual([]);
  for (const [field, init] of call.states) {
    const key = field.slice('this.'.length);
    if (!(key in site)) site[key] = compile(init).call(site, rt, ctx);
  }
  for (const [field, title] of call.plots) {
    const key = field.slice('this.'.length);
    if (!(key in site)) site[key] = ctx.plots.declare(title);
  }
  return compile(code).call(site, rt, ctx);
}

// Three hourly bars from Tuesday 2024-03-05 10:00 UTC.
const T0 = Date.UTC(2024, 2, 5, 10);
const HOUR = 3_600_000;
function makeContext(): rt.PineContext {
  const bars = [0, 1, 2].map((i) => ({ time: T0 + i * HOUR, open: 10, high: 12, low: 9, close: 11 + i }));
  const ctx = new rt.PineContext(rt.Feed.fromBars(bars), {
    symbol: { mintick: 0.01, timezone: 'Etc/UTC' },
    timeframe: '60',
  });
  ctx.setBar(0);
  return ctx;
}

let ctx: rt.PineContext;
beforeEach(() => {
  ctx = makeContext();
});

describe('math and casts', () => {
  it('rounds half away from zero', () => {
    expect(evaluate({ name: 'math.round', args: { number: '2.5' } }, ctx)).toBe(3);
    expect(evaluate({ name: 'math.round', args: { number: '-2.5' } }, ctx)).toBe(-3);
    // 1.005 · 100 is 100.49999999999999 in doubles; TradingView's 1e-10 tie tolerance rounds it up.
    expect(evaluate({ name: 'math.round', args: { number: '1.005', precision: '2' } }, ctx)).toBe(1.01);
  });
  it('max/min of several values, na propagating', () => {
    expect(evaluate({ name: 'math.max', args: { number0: '1', number1: '5', number: '3' } }, ctx)).toBe(5);
    expect(
      evaluate({ name: 'math.min', args: { number0: '4', number1: '2', number: '9' }, rest: ['1'] }, ctx),
    ).toBe(1);
    expect(evaluate({ name: 'math.max', args: { number0: '1', number1: 'NaN' } }, ctx)).toBeNaN();
  });
  it('math.random with a seed is java.util.Random', () => {
    // new java.util.Random(42).nextDouble() = 0.7275636800328681 (Java SE LCG, widely quoted value).
    expect(evaluate({ name: 'math.random', args: { min: '0', max: '1', seed: '42' } }, ctx)).toBe(
      0.7275636800328681,
    );
  });
  it('math.sum and fixnan keep their state per call site across bars', () => {
    const sumSite = {};
    const fixSite = {};
    const sums: unknown[] = [];
    const fixed: unknown[] = [];
    const inputs = ['1', 'NaN', '3'];
    for (let bar = 0; bar < 3; bar++) {
      ctx.setBar(bar);
      sums.push(evaluate({ name: 'math.sum', args: { source: 'ctx.close', length: '2' } }, ctx, sumSite));
      const fixSpec = { name: 'fixnan', args: { source: inputs[bar] }, types: { source: 'series float' } };
      fixed.push(evaluate(fixSpec, ctx, fixSite));
    }
    // closes 11, 12, 13: na until two values, then 11+12, 12+13.
    expect(sums).toEqual([NaN, 23, 25]);
    expect(fixed).toEqual([1, 1, 3]);
  });
  it('na, nz, int and bool', () => {
    expect(
      evaluate(
        { name: 'nz', args: { source: 'NaN', replacement: '4' }, types: { source: 'series float' } },
        ctx,
      ),
    ).toBe(4);
    expect(evaluate({ name: 'na', args: { x: 'null' }, types: { x: 'series string' } }, ctx)).toBe(true);
    expect(evaluate({ name: 'int', args: { x: '-2.7' } }, ctx)).toBe(-2);
    const bool = (x: string): unknown =>
      evaluate({ name: 'bool', args: { x }, types: { x: 'series float' } }, ctx);
    expect([bool('NaN'), bool('0'), bool('-0.5')]).toEqual([false, false, true]);
  });
});

describe('str', () => {
  it('tostring and format', () => {
    expect(evaluate({ name: 'str.tostring', args: { value: '1.5' } }, ctx)).toBe('1.5');
    expect(evaluate({ name: 'str.tostring', args: { value: '1 / 3' } }, ctx)).toBe('0.3333333333');
    expect(
      evaluate({ name: 'str.tostring', args: { value: '1.234', format: 'rt.str.format.mintick' } }, ctx),
    ).toBe('1.23');
    expect(
      evaluate({ name: 'str.format', args: { formatString: "'{0} and {1}'", arg: '1' }, rest: ["'a'"] }, ctx),
    ).toBe('1 and a');
  });
  it('format_time in the exchange zone', () => {
    expect(
      evaluate({ name: 'str.format_time', args: { time: 'ctx.time', format: "'yyyy-MM-dd HH:mm'" } }, ctx),
    ).toBe('2024-03-05 10:00');
  });
});

describe('collections', () => {
  it('array life cycle', () => {
    const site: Record<string, unknown> = {};
    site.a = evaluate(
      { name: 'array.from', args: { arg0: '3', arg: '1' }, rest: ['2'], result: 'array<int>' },
      ctx,
    );
    evaluate({ name: 'array.push', args: { id: 'this.a', value: '4' } }, ctx, site);
    expect(evaluate({ name: 'array.sum', args: { id: 'this.a' } }, ctx, site)).toBe(10);
    evaluate({ name: 'array.sort', args: { id: 'this.a' } }, ctx, site);
    expect(evaluate({ name: 'array.join', args: { id: 'this.a', separator: "','" } }, ctx, site)).toBe(
      '1,2,3,4',
    );
    evaluate({ name: 'array.sort', args: { id: 'this.a', order: '"order.descending"' } }, ctx, site);
    expect(evaluate({ name: 'array.first', args: { id: 'this.a' } }, ctx, site)).toBe(4);
    // descending: [4, 3, 2, 1]; pop takes the last element.
    expect(evaluate({ name: 'array.pop', args: { id: 'this.a' } }, ctx, site)).toBe(1);
    site.f = evaluate({ name: 'array.new_float', args: { size: '2', initial_value: '1' } }, ctx);
    // float elements print as Java doubles.
    expect(evaluate({ name: 'str.tostring', args: { value: 'this.f' } }, ctx, site)).toBe('[1.0, 1.0]');
  });
  it('map with na for missing keys', () => {
    const site: Record<string, unknown> = {};
    site.m = evaluate({ name: 'map.new', result: 'map<string, float>' }, ctx);
    evaluate({ name: 'map.put', args: { id: 'this.m', key: "'a'", value: '1' } }, ctx, site);
    expect(evaluate({ name: 'map.get', args: { id: 'this.m', key: "'a'" } }, ctx, site)).toBe(1);
    expect(evaluate({ name: 'map.get', args: { id: 'this.m', key: "'b'" } }, ctx, site)).toBeNaN();
  });
  it('matrix determinant of diag(2, 3) is 6', () => {
    const site: Record<string, unknown> = {};
    site.m = evaluate(
      { name: 'matrix.new', args: { rows: '2', columns: '2', initial_value: '0' }, result: 'matrix<float>' },
      ctx,
    );
    evaluate({ name: 'matrix.set', args: { id: 'this.m', row: '0', column: '0', value: '2' } }, ctx, site);
    evaluate({ name: 'matrix.set', args: { id: 'this.m', row: '1', column: '1', value: '3' } }, ctx, site);
    expect(evaluate({ name: 'matrix.det', args: { id: 'this.m' } }, ctx, site)).toBe(6);
  });
});

describe('color and time', () => {
  it('color.new keeps RGB and sets transparency', () => {
    const c = evaluate({ name: 'color.new', args: { color: 'rt.color.colors.red', transp: '50' } }, ctx);
    expect(evaluate({ name: 'color.t', args: { color: String(c) } }, ctx)).toBe(50);
    // color.red is #F23645: red channel 0xF2 = 242.
    expect(evaluate({ name: 'color.r', args: { color: String(c) } }, ctx)).toBe(242);
  });
  it('calendar functions and timestamps in the exchange zone', () => {
    expect(evaluate({ name: 'dayofweek', args: { time: 'ctx.time' } }, ctx)).toBe(3); // Tuesday; 1 = Sunday
    expect(evaluate({ name: 'hour', args: { time: 'ctx.time', timezone: "'UTC+3'" } }, ctx)).toBe(13);
    expect(evaluate({ name: 'timestamp', args: { year: '2024', month: '1', day: '2' } }, ctx)).toBe(
      Date.UTC(2024, 0, 2),
    );
  });
  it('timeframe helpers', () => {
    expect(evaluate({ name: 'timeframe.in_seconds', args: { timeframe: "'D'" } }, ctx)).toBe(86_400);
    expect(evaluate({ name: 'timeframe.in_seconds' }, ctx)).toBe(3600);
    expect(evaluate({ name: 'timeframe.from_seconds', args: { seconds: '3600' } }, ctx)).toBe('60');
    const site = {};
    const changes = [0, 1].map((bar) => {
      ctx.setBar(bar);
      return evaluate({ name: 'timeframe.change', args: { timeframe: "'D'" } }, ctx, site);
    });
    expect(changes).toEqual([false, false]); // both bars are on 2024-03-05; the first bar never fires
  });
});

describe('plots, drawings, events, requests', () => {
  it('records plots by title, bools as 1/0', () => {
    evaluate({ name: 'plot', args: { series: 'ctx.close', title: "'c'" } }, ctx);
    evaluate(
      { name: 'plotshape', args: { series: 'true', title: "'s'" }, types: { series: 'series bool' } },
      ctx,
    );
    expect(ctx.plots.column('c')?.[0]).toBe(11);
    expect(ctx.plots.column('s')?.[0]).toBe(1);
  });
  it('counts drawings and records alerts and logs', () => {
    const id = evaluate({ name: 'label.new', args: { x: 'ctx.bar_index', y: 'ctx.high' } }, ctx);
    evaluate({ name: 'label.delete', args: { id: String(id) } }, ctx);
    expect(ctx.drawings.created.label - ctx.drawings.deleted.label).toBe(0);
    evaluate({ name: 'alert', args: { message: "'go'" } }, ctx);
    evaluate({ name: 'log.info', args: { formatString: "'x={0}'", arg: '5' } }, ctx);
    expect(ctx.events.events.map((e) => e.message)).toEqual(['go', 'x=5']);
  });
  it('request.security on the chart timeframe is the expression', () => {
    const args = { symbol: 'ctx.syminfo.tickerid', timeframe: "''", expression: 'ctx.close' };
    expect(evaluate({ name: 'request.security', args }, ctx)).toBe(11);
  });
});
