import type { FeedColumns } from '../runtime/core/feed.js';

/** The bar columns every trial reads: the runtime's feed columns (so `new Feed(fromShared(h))` works) plus the bar count. */
export type BarFeed = Pick<FeedColumns, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'> & {
  readonly length: number;
};

/**
 * A bar feed in one SharedArrayBuffer, so every worker of a pool reads the same memory instead of
 * a copy: six Float64Array columns of `length` values, in the order time, open, high, low, close,
 * volume. Posting it to a worker shares the buffer (structured clone keeps SharedArrayBuffers shared).
 */
export interface SharedFeed {
  readonly buffer: SharedArrayBuffer;
  readonly length: number;
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Copies a feed into a new {@link SharedFeed} (once per study). */
export function toShared(feed: BarFeed): SharedFeed {
  const n = feed.length;
  const buffer = new SharedArrayBuffer(n * COLUMNS.length * Float64Array.BYTES_PER_ELEMENT);
  COLUMNS.forEach((column, c) => {
    new Float64Array(buffer, c * n * Float64Array.BYTES_PER_ELEMENT, n).set(feed[column].subarray(0, n));
  });
  return { buffer, length: n };
}

/** Views a {@link SharedFeed} as columns, without copying. */
export function fromShared(handle: SharedFeed): BarFeed {
  const n = handle.length;
  const view = (c: number): Float64Array =>
    new Float64Array(handle.buffer, c * n * Float64Array.BYTES_PER_ELEMENT, n);
  return {
    length: n,
    time: view(0),
    open: view(1),
    high: view(2),
    low: view(3),
    close: view(4),
    volume: view(5),
  };
}
