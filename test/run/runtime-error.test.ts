import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import { runBacktest, type BarColumns } from '../../src/run/backtest.js';
import { compilePine, loadGeneratedModule } from '../../src/run/compile.js';

/** Ten 15-minute bars from 2024-01-01T00:00Z, close 100, 101, … (only time and count matter). */
function bars(count = 10): BarColumns {
  const time = Float64Array.from({ length: count }, (_, i) => Date.UTC(2024, 0, 1) + i * 15 * 60_000);
  const close = Float64Array.from({ length: count }, (_, i) => 100 + i);
  return {
    time,
    open: close,
    high: close.map((c) => c + 1),
    low: close.map((c) => c - 1),
    close,
    volume: close,
  };
}

/** Compiles, loads (with the Pine source, as the CLI does) and runs; returns the one diagnostic. */
async function stopOf(source: string) {
  const compiled = await compilePine(source, { file: 'fails.pine' });
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (compiled.code === undefined) throw new Error('no code');
  const module = loadGeneratedModule(compiled.code, { source, file: 'fails.pine' });
  const run = runBacktest(module, bars(), { timeframe: '15' });
  expect(run.results).toBeUndefined();
  expect(run.diagnostics).toHaveLength(1);
  return run.diagnostics[0];
}

describe('a runtime error names the bar time and the Pine line', () => {
  it('array index out of range inside an if block (line 7, column 5, bar 5)', async () => {
    const d = await stopOf(
      [
        '//@version=5',
        'indicator("fails")',
        'a = array.new_float(3, 0.0)',
        'x = ta.sma(close, 2)',
        'plot(x)',
        'if bar_index == 5',
        '    v = array.get(a, 7)',
        '    plot(v)',
      ].join('\n'),
    );
    expect(d.code).toBe('PP5001');
    // Bar 5 opens 5 × 15 minutes after 2024-01-01T00:00Z.
    expect(d.message).toMatch(/^runtime error on bar 5 \(2024-01-01T01:15:00\.000Z\), line 7:5: /);
    expect(d.file).toBe('fails.pine');
    expect(d.span).toMatchObject({ line: 7, column: 5, endLine: 7, endColumn: 24 });
    expect(renderDiagnostic(d, undefined)).toMatch(/^fails\.pine:7:5: error PP5001/);
  });

  it('keeps the equity of the bars before the stop and leaves the rest na', async () => {
    const source = [
      '//@version=5',
      'strategy("stops", initial_capital=1000)',
      'a = array.new_float(3, 0.0)',
      'if bar_index == 5',
      '    v = array.get(a, 7)',
    ].join('\n');
    const compiled = await compilePine(source, { file: 'stops.pine' });
    const run = runBacktest(loadGeneratedModule(compiled.code ?? ''), bars(), { timeframe: '15' });
    expect(run.diagnostics).toHaveLength(1);
    // No order was ever placed: the equity is the initial capital on bars 0–4, then na from the
    // failing bar 5 on.
    expect(Array.from(run.equity)).toEqual([1000, 1000, 1000, 1000, 1000, NaN, NaN, NaN, NaN, NaN]);
  });

  it('runtime.error inside a user function names the line in the function body', async () => {
    const d = await stopOf(
      [
        '//@version=5',
        'indicator("fails")',
        'check(v) =>',
        '    s = ta.sma(v, 3)',
        '    if v > 105',
        '        runtime.error("too high")',
        '    s',
        'plot(check(close))',
      ].join('\n'),
    );
    // close = 100 + bar_index: the first bar above 105 is bar 6.
    expect(d.message).toBe('runtime error on bar 6 (2024-01-01T01:30:00.000Z), line 6:9: too high');
    expect(d.span).toMatchObject({ line: 6, column: 9 });
  });

  it('an error in a loop body names the body line, not the loop header', async () => {
    const d = await stopOf(
      [
        '//@version=5',
        'indicator("fails")',
        'a = array.from(1.0, 2.0, 3.0)',
        'float s = 0.0',
        'for i = 0 to bar_index',
        '    s += array.get(a, i)',
        'plot(s)',
      ].join('\n'),
    );
    // Bars 0–2 read indices up to 2; bar 3 reads index 3 of a 3-element array.
    expect(d.message).toMatch(/^runtime error on bar 3 \(2024-01-01T00:45:00\.000Z\), line 6:5: /);
  });

  it('a method call on an na array stops the run there, in Pine terms', async () => {
    const d = await stopOf(
      [
        '//@version=5',
        'indicator("fails")',
        'array<float> a = na',
        'if bar_index == 2',
        '    x = array.get(a, 0)',
        '    plot(x)',
      ].join('\n'),
    );
    expect(d.message).toMatch(
      /^runtime error on bar 2 \(2024-01-01T00:30:00\.000Z\), line 5:5: an object the statement uses is na \(JavaScript: /,
    );
  });

  it('names the line without a span when the Pine source was not given to the loader', async () => {
    const source = ['//@version=5', 'indicator("fails")', '', '', 'runtime.error("stop")'].join('\n');
    const compiled = await compilePine(source);
    const run = runBacktest(loadGeneratedModule(compiled.code ?? ''), bars());
    expect(run.diagnostics[0].message).toBe(
      'runtime error on bar 0 (2024-01-01T00:00:00.000Z), line 5: stop',
    );
    expect(run.diagnostics[0].span).toBeUndefined();
  });
});
