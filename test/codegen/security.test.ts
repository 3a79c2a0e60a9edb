// Helpers of request.security at a higher timeframe (src/codegen/security.ts).
import { describe, expect, it } from 'vitest';
import { barmergeFlag, constantTimeframe } from '../../src/codegen/security.js';

describe('constantTimeframe', () => {
  it('accepts what is known when the module is constructed: literals and inputs', () => {
    expect(constantTimeframe('"60"')).toBe(true);
    expect(constantTimeframe('(this.inputs.tf)')).toBe(true);
  });
  it('rejects per-bar values', () => {
    expect(constantTimeframe('this.tf')).toBe(false);
    expect(constantTimeframe('(ctx.close > 1 ? "60" : "D")')).toBe(false);
  });
});

describe('barmergeFlag', () => {
  // barmerge constants are emitted as their names in strings ("barmerge.lookahead_on").
  it('folds the constants, defaults to off and compares anything else at run time', () => {
    expect(barmergeFlag(undefined, 'barmerge.lookahead_on')).toBe('false');
    expect(barmergeFlag('"barmerge.lookahead_on"', 'barmerge.lookahead_on')).toBe('true');
    expect(barmergeFlag('"barmerge.lookahead_off"', 'barmerge.lookahead_on')).toBe('false');
    expect(barmergeFlag('this.la', 'barmerge.lookahead_on')).toBe('(this.la === "barmerge.lookahead_on")');
  });
});
