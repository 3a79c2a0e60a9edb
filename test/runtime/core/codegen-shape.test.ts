// The module shape documented in src/runtime/README.md, run end to end: per-call-site `ta` state,
// a `var` field, a history series and a plot. Each output is checked against the same quantity
// recomputed from plain arrays of the recorded values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PineScript } from '../../../src/runtime/index.js';
import { FloatSeries, PineContext, parseOhlcvCsv, runBars, ta } from '../../../src/runtime/index.js';

class Demo implements PineScript {
  private readonly len: number;
  private readonly ta0 = new ta.Rsi();
  private readonly ta1 = new ta.Crossover();
  ups = 0;
  private readonly r: FloatSeries;
  private readonly plotD: number;
  private readonly plotR: number;

  constructor(ctx: PineContext, inputs: { len?: number } = {}) {
    this.len = inputs.len ?? 14;
    this.r = new FloatSeries(ctx.clock, 1);
    this.plotD = ctx.plots.declare('d');
    this.plotR = ctx.plots.declare('r');
  }

  step(ctx: PineContext): void {
    this.r.set(this.ta0.update(ctx.close, this.len));
    if (this.ta1.update(this.r.get(0), 50)) this.ups += 1;
    ctx.plots.record(this.plotD, this.r.get(0) - this.r.get(1));
    ctx.plots.record(this.plotR, this.r.get(0));
  }
}

describe('the README codegen shape', () => {
  it('runs and keeps history, var state and plots consistent', () => {
    const feed = parseOhlcvCsv(readFileSync(new URL('../../data/base/na.csv', import.meta.url), 'utf8'));
    const ctx = new PineContext(feed);
    const script = new Demo(ctx, { len: 7 });
    runBars(ctx, script);
    const r = ctx.plots.column('r') ?? new Float64Array(0);
    const d = ctx.plots.column('d') ?? new Float64Array(0);
    expect(r.length).toBe(feed.length);
    expect(r[6]).toBeNaN(); // RSI(7) needs 7 changes: first value on bar 7
    expect(r[7]).toBeGreaterThan(0);
    let crossings = 0;
    for (let i = 1; i < r.length; i++) {
      const expected = r[i] - r[i - 1];
      if (expected === expected) expect(d[i]).toBe(expected);
      else expect(d[i]).toBeNaN();
      if (r[i] > 50 && r[i - 1] <= 50) crossings++;
    }
    expect(script.ups).toBe(crossings);
    expect(crossings).toBeGreaterThan(0);
  });
});
