import { expect, test } from 'vitest';
import { scanPine } from './pine-scan.js';

test('the corpus scanner sees calls and values, not comments, strings or user functions', () => {
  const names = scanPine(
    [
      '//@version=5',
      'strategy("ta.fake(1) in a string", overlay = true)',
      '// ta.kama(close, 10) in a comment',
      'f(x) => ta.sma(x, 3)',
      'm = matrix.new<float>(2, 2, 0)',
      'if ta.crossover(close, f(close))',
      '    strategy.entry("L", strategy.long)',
      'plot(nz(close[1]), color = color.red)',
    ].join('\n'),
  );
  expect(names.version).toBe(5);
  expect([...names.qualifiedCalls].sort()).toEqual([
    'matrix.new',
    'strategy.entry',
    'ta.crossover',
    'ta.sma',
  ]);
  expect([...names.qualifiedValues].sort()).toEqual(['color.red', 'strategy.long']);
  expect([...names.globalCalls].sort()).toEqual(['nz', 'plot', 'strategy']);
});
