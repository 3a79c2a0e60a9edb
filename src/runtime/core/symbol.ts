/**
 * `syminfo.*` of the symbol a script runs on. Defaults describe a 24x7 crypto pair quoted to two
 * decimals; `mintick` is always `minmove / pricescale` as in Pine.
 */
export interface SymbolInfo {
  readonly ticker: string;
  readonly tickerid: string;
  readonly prefix: string;
  readonly root: string;
  readonly description: string;
  /** "crypto", "stock", "forex", "futures", "index", "fund", "cfd", … */
  readonly type: string;
  readonly currency: string;
  readonly basecurrency: string;
  /** Exchange time zone (IANA name), the default zone of date parts and sessions. */
  readonly timezone: string;
  /** Regular session string, e.g. "24x7" or "0930-1600:23456". */
  readonly session: string;
  readonly pricescale: number;
  readonly minmove: number;
  readonly mintick: number;
  readonly pointvalue: number;
  readonly volumetype: string;
}

/** Symbol settings as given by a user or a case's inputs.json (every field optional). */
export type SymbolSettings = Partial<Omit<SymbolInfo, 'mintick'>> & { readonly mintick?: number };

/** Completes symbol settings with defaults and derives `pricescale`/`minmove` from a bare `mintick`. */
export function symbolInfo(settings: SymbolSettings = {}): SymbolInfo {
  let pricescale = settings.pricescale ?? 100;
  let minmove = settings.minmove ?? 1;
  if (settings.mintick !== undefined && settings.pricescale === undefined) {
    const decimals = decimalsOf(settings.mintick);
    pricescale = 10 ** decimals;
    minmove = Math.round(settings.mintick * pricescale);
  }
  const ticker = settings.ticker ?? 'SYMBOL';
  const prefix = settings.prefix ?? '';
  return {
    ticker,
    prefix,
    tickerid: settings.tickerid ?? (prefix === '' ? ticker : `${prefix}:${ticker}`),
    root: settings.root ?? ticker,
    description: settings.description ?? ticker,
    type: settings.type ?? 'crypto',
    currency: settings.currency ?? 'USD',
    basecurrency: settings.basecurrency ?? '',
    timezone: settings.timezone ?? 'Etc/UTC',
    session: settings.session ?? '24x7',
    pricescale,
    minmove,
    mintick: minmove / pricescale,
    pointvalue: settings.pointvalue ?? 1,
    volumetype: settings.volumetype ?? 'base',
  };
}

/** Number of decimals needed to write a tick size exactly (0.025 → 3, 1e-8 → 8). */
export function decimalsOf(tick: number): number {
  for (let d = 0; d <= 15; d++) {
    const scaled = tick * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 15;
}
