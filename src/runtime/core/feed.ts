/** Columns of a bar feed; every array has one entry per bar, oldest first. */
export interface FeedColumns {
  /** Bar open time, UNIX ms UTC. */
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Bar close time (UNIX ms); derived from the timeframe when absent. */
  readonly timeClose?: Float64Array;
  /** Further named numeric columns (e.g. oracle values, `request.*` data). */
  readonly extras?: Readonly<Record<string, Float64Array>>;
}

/**
 * An immutable bar feed in columnar typed arrays (uPlot/lightweight-charts style): a bar is an
 * index, never an object, so the bar loop reads `feed.close[i]` without allocating.
 */
export class Feed {
  readonly length: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly timeClose: Float64Array | null;
  readonly extras: ReadonlyMap<string, Float64Array>;

  /** Wraps the columns (not copied: the caller must not mutate them afterwards). */
  constructor(columns: FeedColumns) {
    const n = columns.time.length;
    const required: [string, Float64Array | undefined][] = [
      ['open', columns.open],
      ['high', columns.high],
      ['low', columns.low],
      ['close', columns.close],
      ['volume', columns.volume],
      ['timeClose', columns.timeClose],
    ];
    for (const [name, col] of required) {
      if (col !== undefined && col.length !== n) {
        throw new Error(`feed column ${name} has ${col.length} values, expected ${n}`);
      }
    }
    this.length = n;
    this.time = columns.time;
    this.open = columns.open;
    this.high = columns.high;
    this.low = columns.low;
    this.close = columns.close;
    this.volume = columns.volume;
    this.timeClose = columns.timeClose ?? null;
    const extras = new Map<string, Float64Array>();
    for (const [name, col] of Object.entries(columns.extras ?? {})) {
      if (col.length !== n) throw new Error(`feed column ${name} has ${col.length} values, expected ${n}`);
      extras.set(name, col);
    }
    this.extras = extras;
  }

  /** Builds a feed from bar objects (convenient for tests and small inputs). */
  static fromBars(
    bars: readonly {
      time: number;
      open: number;
      high: number;
      low: number;
      close: number;
      volume?: number;
    }[],
  ): Feed {
    const n = bars.length;
    const cols = {
      time: new Float64Array(n),
      open: new Float64Array(n),
      high: new Float64Array(n),
      low: new Float64Array(n),
      close: new Float64Array(n),
      volume: new Float64Array(n),
    };
    bars.forEach((b, i) => {
      cols.time[i] = b.time;
      cols.open[i] = b.open;
      cols.high[i] = b.high;
      cols.low[i] = b.low;
      cols.close[i] = b.close;
      cols.volume[i] = b.volume ?? NaN;
    });
    return new Feed(cols);
  }

  /**
   * Adopts the data loader's columnar bars (`src/data` `OhlcvSeries`, matched structurally so the
   * runtime does not import the loader): columns are shared, extras keyed by name (first one wins
   * when a chart export repeats a title).
   */
  static fromSeries(series: {
    readonly time: Float64Array;
    readonly open: Float64Array;
    readonly high: Float64Array;
    readonly low: Float64Array;
    readonly close: Float64Array;
    readonly volume: Float64Array;
    readonly extras?: readonly { readonly name: string; readonly values: Float64Array }[];
  }): Feed {
    const extras: Record<string, Float64Array> = {};
    for (const e of series.extras ?? []) if (!(e.name in extras)) extras[e.name] = e.values;
    return new Feed({ ...series, extras });
  }

  /** An extra column by name. */
  column(name: string): Float64Array | undefined {
    return this.extras.get(name);
  }
}
