import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/run/backtest.js';
import { Compiler, transpile } from '../../src/run/compiler.js';

const SOURCE = [
  '//@version=5',
  'strategy("Cross", overlay=true, initial_capital=5000)',
  'fast = input.int(9, "Fast", minval=1)',
  'slow = input.int(21, "Slow", minval=2)',
  'if ta.crossover(ta.ema(close, fast), ta.ema(close, slow))',
  '    strategy.entry("L", strategy.long)',
].join('\n');

describe('transpile()', () => {
  it('returns the module, the inputs and the declaration settings as data', async () => {
    const result = await transpile(SOURCE, { file: 'cross.pine' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toContain('export default class Cross');
    expect(result.code).toContain('cross.pine');
    expect(result.kind).toBe('strategy');
    expect(result.settings).toMatchObject({ title: 'Cross', overlay: true, initial_capital: 5000 });
    expect(result.inputs.map((i) => [i.title, i.type, i.default, i.minval])).toEqual([
      ['Fast', 'int', 9, 1],
      ['Slow', 'int', 21, 2],
    ]);
  });

  it('reports errors as diagnostics and no code', async () => {
    const result = await transpile('//@version=5\nindicator("x")\nplot(undefinedName)\n');
    expect(result.code).toBeUndefined();
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('Compiler cache (per instance, keyed by source hash and options)', () => {
  it('answers a second transpile of the same source from the cache', async () => {
    const compiler = new Compiler();
    const first = await compiler.transpile(SOURCE, { file: 'cross.pine' });
    const second = await compiler.transpile(SOURCE, { file: 'cross.pine' });
    expect(second).toBe(first);
    expect(compiler.stats).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it('misses on a changed source (one character) or a changed option', async () => {
    const compiler = new Compiler();
    const base = await compiler.transpile(SOURCE, { file: 'cross.pine' });
    const edited = await compiler.transpile(SOURCE.replace('9, "Fast"', '8, "Fast"'), { file: 'cross.pine' });
    const renamed = await compiler.transpile(SOURCE, { file: 'other.pine' });
    expect(compiler.stats).toEqual({ hits: 0, misses: 3, entries: 3 });
    expect(edited).not.toBe(base);
    expect(edited.inputs[0].default).toBe(8);
    expect(renamed.code).toContain('other.pine');
    // Absent and undefined options are the same key.
    expect(await compiler.transpile(SOURCE, { file: 'cross.pine', runtimeImport: undefined })).toBe(base);
  });

  it('loads a module once and hands the same module to every run', async () => {
    const compiler = new Compiler();
    const a = await compiler.load(SOURCE);
    const b = await compiler.load(SOURCE);
    expect(a.module).toBeDefined();
    expect(b.module).toBe(a.module);
    expect(a.module?.defaultInputs).toEqual({ fast: 9, slow: 21 });
  });

  it('loads with the Pine source, so a runtime error points into the script file', async () => {
    const source = '//@version=5\nindicator("x")\nif bar_index == 1\n    runtime.error("boom")\n';
    const { module } = await new Compiler().load(source, { file: 'boom.pine' });
    if (!module) throw new Error('no module');
    const time = Float64Array.from([0, 60_000, 120_000]);
    const run = runBacktest(module, { time, open: time, high: time, low: time, close: time, volume: time });
    expect(run.diagnostics.map((d) => [d.file, d.span?.line, d.span?.column])).toEqual([['boom.pine', 4, 5]]);
  });

  it('does not share its cache with another compiler', async () => {
    const one = new Compiler();
    const two = new Compiler();
    const a = await one.transpile(SOURCE);
    const b = await two.transpile(SOURCE);
    expect(b).not.toBe(a);
    expect(b.code).toBe(a.code);
    expect(two.stats.misses).toBe(1);
  });

  it('keeps the most recently used scripts up to its capacity', async () => {
    const compiler = new Compiler({ capacity: 2 });
    const v = (n: number) => SOURCE.replace('9, "Fast"', `${n}, "Fast"`);
    await compiler.transpile(v(1));
    await compiler.transpile(v(2));
    await compiler.transpile(v(1)); // hit: v(1) becomes the most recent
    await compiler.transpile(v(3)); // evicts v(2)
    await compiler.transpile(v(1)); // still cached
    await compiler.transpile(v(2)); // compiled again
    expect(compiler.stats).toEqual({ hits: 2, misses: 4, entries: 2 });
  });
});
