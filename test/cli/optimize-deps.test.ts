import { describe, expect, it } from 'vitest';
import type { InputDescriptor as AnalysedInput } from '../../src/analysis/index.js';
import { inputKeys, optimiserInputs, optimizeDeps } from '../../src/cli/commands/optimize-deps.js';

/** An analysed input with the fields the tests vary; the rest as the analysis fills them. */
function input(
  fields: Partial<AnalysedInput> & Pick<AnalysedInput, 'name' | 'type' | 'default'>,
): AnalysedInput {
  return { variable: fields.name, function: `input.${fields.type}`, title: undefined, line: 1, ...fields };
}

describe('optimiserInputs', () => {
  it('keeps plain-valued inputs with their bounds and drops what cannot be searched as a value', () => {
    const out = optimiserInputs([
      input({ name: 'len', type: 'int', default: 14, minval: 1, maxval: 50, step: 1, group: 'g' }),
      input({ name: 'src', type: 'source', default: 'close' }),
      input({ name: 'tf', type: 'timeframe', default: '60' }),
      input({ name: 'mode', type: 'string', default: 'A', options: ['A', 'B'] }),
      input({ name: 'col', type: 'color', default: 0xff0000 }),
      input({ name: 'side', type: 'enum', default: { constant: 'Side.long' } }),
      // A default written as an expression has no literal value to start a search from.
      input({ name: 'k', type: 'float', default: { constant: '<expression>' } }),
      input({ name: 'on', type: 'bool', default: true, minval: 'x' }),
    ]);
    expect(out).toEqual([
      { name: 'len', type: 'int', default: 14, minval: 1, maxval: 50, step: 1 },
      { name: 'src', type: 'source', default: 'close' },
      { name: 'tf', type: 'string', default: '60' },
      { name: 'mode', type: 'string', default: 'A', options: ['A', 'B'] },
      { name: 'on', type: 'bool', default: true },
    ]);
  });
});

describe('inputKeys', () => {
  it('maps names to the generated module keys, by name where they agree and by position otherwise', () => {
    // Codegen names an input that has no identifier `input<position>` (1-based).
    const keys = inputKeys(
      [
        input({ name: 'Fast length', type: 'int', default: 9 }),
        input({ name: 'src', type: 'source', default: 'close' }),
      ],
      { input1: 9, src: 'close' },
    );
    expect(keys).toEqual({ 'Fast length': 'input1', src: 'src' });
  });
});

describe('optimizeDeps().prepare', () => {
  it('says why a data file that is not there cannot be read, and returns no target', async () => {
    const r = await optimizeDeps({ progressStream: null }).prepare({
      file: 'ma.pine',
      source: '//@version=5\nstrategy("x")\nlen = input.int(10, minval=1, maxval=20)\n',
      data: 'no/such/file.csv',
    });
    expect(r.target).toBeUndefined();
    // An unreadable file is an I/O problem (the command exits 2), not a diagnostic about its content.
    expect(r.unreadable).toMatch(/^ENOENT: no such file or directory/);
  });

  it('returns the compiler’s errors and no target for a script that does not compile', async () => {
    const r = await optimizeDeps({ progressStream: null }).prepare({
      file: 'bad.pine',
      source: '//@version=5\nstrategy("x")\nx = undefinedThing + 1\n',
      data: 'data/eth-usdt-15m.csv',
    });
    expect(r.target).toBeUndefined();
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.file === 'bad.pine')).toBe(true);
  });
});
