import type { PineContext } from './context.js';

/**
 * The value of a source input (`input.source(close)`): the optimiser and the user pass the
 * source's Pine name, so the generated module reads it from the context by name.
 */
export function sourceValue(ctx: PineContext, name: string): number {
  switch (name) {
    case 'open':
      return ctx.open;
    case 'high':
      return ctx.high;
    case 'low':
      return ctx.low;
    case 'volume':
      return ctx.volume;
    case 'hl2':
      return ctx.hl2;
    case 'hlc3':
      return ctx.hlc3;
    case 'ohlc4':
      return ctx.ohlc4;
    case 'hlcc4':
      return ctx.hlcc4;
    default:
      return ctx.close;
  }
}
