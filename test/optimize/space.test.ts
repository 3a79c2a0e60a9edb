import { describe, expect, it } from 'vitest';
import { buildSearchSpace, gridValues, parseSpaceOverrides, snapNumeric } from '../../src/optimize/index.js';
import type { InputDescriptor, NumericDimension } from '../../src/optimize/index.js';

const inputs: InputDescriptor[] = [
  { name: 'fast', type: 'int', default: 9, minval: 2, maxval: 50 },
  { name: 'slow', type: 'int', default: 21, minval: 10, maxval: 200, step: 5 },
  { name: 'mult', type: 'float', default: 2, minval: 0.5, maxval: 4, step: 0.1 },
  { name: 'useStop', type: 'bool', default: true },
  { name: 'mode', type: 'string', default: 'EMA', options: ['EMA', 'SMA', 'WMA'] },
  { name: 'label', type: 'string', default: 'hi' },
  { name: 'src', type: 'source', default: 'close' },
];

describe('search space', () => {
  it('maps inputs to dimensions', () => {
    const { space, diagnostics } = buildSearchSpace(inputs);
    expect(diagnostics).toEqual([]);
    expect(space.dimensions.map((d) => d.name)).toEqual(['fast', 'slow', 'mult', 'useStop', 'mode', 'src']);
    expect(space.dimensions[0]).toEqual({
      kind: 'numeric',
      name: 'fast',
      low: 2,
      high: 50,
      step: 1,
      log: false,
      integer: true,
    });
    expect(space.dimensions[1]).toMatchObject({ low: 10, high: 200, step: 5 });
    expect(space.dimensions[3]).toEqual({ kind: 'categorical', name: 'useStop', choices: [false, true] });
    expect(space.fixed).toEqual({ label: 'hi' });
    expect(gridValues(space.dimensions[2])).toHaveLength(36); // 0.5, 0.6, …, 4.0
    expect(gridValues(space.dimensions[2])[3]).toBe(0.8);
  });

  it('an unbounded numeric input is an error with the hint', () => {
    const { diagnostics } = buildSearchSpace([{ name: 'len', type: 'int', default: 14, minval: 1 }]);
    expect(diagnostics).toEqual([
      {
        code: 'PP7001',
        severity: 'error',
        message: 'len: int input has no maxval to search between',
        hint: 'give minval/maxval in the script or in space.json',
      },
    ]);
    const fixed = buildSearchSpace([{ name: 'len', type: 'int', default: 14 }], { unbounded: 'fix' });
    expect(fixed.diagnostics).toEqual([
      { code: 'PP7006', severity: 'warning', message: 'every input is fixed: the study has one point' },
    ]);
    expect(fixed.space.fixed).toEqual({ len: 14 });
  });

  it('applies space.json overrides', () => {
    const { overrides, diagnostics } = parseSpaceOverrides(
      JSON.stringify({
        only: ['fast', 'slow', 'mode', 'mult'],
        params: {
          fast: { min: 5, max: 20, step: 5 },
          slow: { min: 10, max: 100, log: true },
          mode: { options: ['SMA', 'EMA'] },
          mult: 2.5,
        },
        settings: { commission_value: 0.1 },
      }),
    );
    expect(diagnostics).toEqual([]);
    const { space, diagnostics: d2 } = buildSearchSpace(inputs, overrides);
    expect(d2).toEqual([]);
    expect(space.dimensions.map((d) => d.name)).toEqual(['fast', 'slow', 'mode']);
    expect(space.dimensions[0]).toMatchObject({ low: 5, high: 20, step: 5 });
    expect(space.dimensions[1]).toMatchObject({ log: true, low: 10, high: 100 });
    expect(space.dimensions[2]).toEqual({ kind: 'categorical', name: 'mode', choices: ['SMA', 'EMA'] });
    expect(space.fixed).toEqual({ mult: 2.5, useStop: true, label: 'hi', src: 'close' });
    expect(space.settings).toEqual({ commission_value: 0.1 });
  });

  it('reports bad overrides', () => {
    expect(parseSpaceOverrides('{"params": {"fast": {"min": "2"}}}').diagnostics[0].message).toBe(
      'params.fast: min must be a finite number',
    );
    expect(parseSpaceOverrides('{"parms": {}}').diagnostics[0].code).toBe('PP7004');
    expect(parseSpaceOverrides('{').diagnostics[0].message).toMatch(/^not valid JSON/);
    const { diagnostics } = buildSearchSpace(inputs, {
      params: { fsat: 3, mode: { options: ['HMA'] }, slow: { min: 300, max: 200 } },
    });
    expect(diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      ['PP7003', "'fsat' is not an input of the strategy", "did you mean 'fast'?"],
      ['PP7002', 'slow: min 300 is above max 200', undefined],
      ['PP7005', 'mode: "HMA" not among the input\'s options', 'choose from "EMA", "SMA", "WMA"'],
    ]);
  });

  it('snaps onto the step grid without drift', () => {
    const dim: NumericDimension = {
      kind: 'numeric',
      name: 'm',
      low: 0.1,
      high: 1,
      step: 0.1,
      log: false,
      integer: false,
    };
    expect(snapNumeric(dim, 0.34)).toBe(0.3);
    expect(snapNumeric(dim, 0.7000001)).toBe(0.7);
    expect(snapNumeric(dim, 5)).toBe(1);
    // A range that the step does not divide ends at the last whole step: 2, 5, 8.
    const { space } = buildSearchSpace([
      { name: 'k', type: 'int', default: 2, minval: 2, maxval: 10, step: 3 },
    ]);
    expect(gridValues(space.dimensions[0])).toEqual([2, 5, 8]);
  });
});
