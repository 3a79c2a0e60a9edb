import type { Diagnostic } from '../diagnostics/index.js';
import { dataCodes } from '../diagnostics/codes/data.js';
import { FileReporter } from './report.js';
import { TimeZone } from './timezone.js';
import { parseTomlSubset, type TomlValue } from './toml.js';

/** Pine's `syminfo.type` values. */
export type SymbolType =
  | 'crypto'
  | 'forex'
  | 'stock'
  | 'futures'
  | 'index'
  | 'fund'
  | 'dr'
  | 'cfd'
  | 'bond'
  | 'warrant'
  | 'structured'
  | 'right'
  | 'spread'
  | 'economic'
  | 'commodity';

const SYMBOL_TYPES: ReadonlySet<string> = new Set<SymbolType>([
  'crypto',
  'forex',
  'stock',
  'futures',
  'index',
  'fund',
  'dr',
  'cfd',
  'bond',
  'warrant',
  'structured',
  'right',
  'spread',
  'economic',
  'commodity',
]);

/** The symbol facts a backtest depends on: fills round to `mintick`, P&L scales by `pointvalue`. */
export interface SymbolSettings {
  readonly mintick: number;
  readonly pointvalue: number;
  /** Quote currency (`syminfo.currency`). */
  readonly currency: string;
  /** Exchange timezone (`syminfo.timezone`): IANA name or fixed offset. */
  readonly timezone: string;
  /** Trading session, `24x7` or `HHMM-HHMM[:days][,…]`. */
  readonly session: string;
  readonly type: SymbolType;
}

/** Settings as given by a user or a file: any subset. */
export type SymbolSettingsInput = { -readonly [K in keyof SymbolSettings]?: SymbolSettings[K] };

/** Where each setting came from. */
export type SettingSource = 'option' | 'file' | 'inferred' | 'default';

/** Result of {@link resolveSymbolSettings}. */
export interface SymbolSettingsResult {
  readonly settings: SymbolSettings;
  readonly sources: { readonly [K in keyof SymbolSettings]: SettingSource };
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/** Defaults when nothing says otherwise: a 24x7 crypto pair quoted in USD, UTC. */
export const DEFAULT_SYMBOL: SymbolSettings = {
  mintick: 0.01,
  pointvalue: 1,
  currency: 'USD',
  timezone: 'Etc/UTC',
  session: '24x7',
  type: 'crypto',
};

const KEYS = ['mintick', 'pointvalue', 'currency', 'timezone', 'session', 'type'] as const;
/** Keys TradingView symbol files carry that a backtest does not need: accepted, not used. */
const IGNORED = new Set([
  'ticker',
  'tickerid',
  'prefix',
  'description',
  'basecurrency',
  'period',
  'volumetype',
  'avg_spread',
  'pricescale',
  'minmove',
]);

/**
 * Resolves the symbol settings: explicit options win over the settings file, which wins over
 * inference; mintick is inferred from the prices' decimals (warning PP4050: fills round to it, so a
 * wrong guess moves every fill), the rest default to {@link DEFAULT_SYMBOL} (info PP4051).
 */
export function resolveSymbolSettings(input: {
  readonly options?: SymbolSettingsInput;
  /** A JSON or TOML settings file (by extension `.toml`, else by content). */
  readonly file?: { readonly path: string; readonly text: string };
  /** Price columns to infer mintick from (e.g. open, high, low, close). */
  readonly prices?: readonly Float64Array[];
}): SymbolSettingsResult {
  const reporter = new FileReporter(input.file?.path, 50);
  const fromFile =
    input.file === undefined ? {} : parseSymbolSettingsFile(input.file.text, input.file.path, reporter);
  const options = input.options ?? {};
  const resolved: Record<string, unknown> = {};
  const sources: Record<string, SettingSource> = {};
  const defaulted: string[] = [];
  for (const key of KEYS) {
    if (options[key] !== undefined) {
      resolved[key] = options[key];
      sources[key] = 'option';
    } else if (fromFile[key] !== undefined) {
      resolved[key] = fromFile[key];
      sources[key] = 'file';
    } else if (key === 'mintick' && input.prices !== undefined && input.prices.length > 0) {
      const mintick = inferMintick(input.prices);
      resolved[key] = mintick;
      sources[key] = 'inferred';
      reporter.report(
        dataCodes.mintickInferred,
        undefined,
        `mintick not given: inferred ${mintick} from the prices' decimals`,
        "set mintick (the symbol's tick size) explicitly: fills are rounded to it",
      );
    } else {
      resolved[key] = DEFAULT_SYMBOL[key];
      sources[key] = 'default';
      defaulted.push(`${key} = ${String(DEFAULT_SYMBOL[key])}`);
    }
  }
  if (defaulted.length > 0) {
    reporter.report(
      dataCodes.symbolDefaults,
      undefined,
      `symbol settings defaulted: ${defaulted.join(', ')}`,
    );
  }
  const settings = resolved as unknown as SymbolSettings;
  validate(settings, reporter);
  const diagnostics = reporter.finish();
  return {
    settings,
    sources: sources as unknown as SymbolSettingsResult['sources'],
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}

/**
 * Reads settings from JSON (flat, or under `symbol` / `syminfo_overrides` as the corpus's inputs.json
 * writes them) or the TOML subset (top level or `[symbol]`). `minmove / pricescale` gives mintick when
 * mintick is absent.
 */
export function parseSymbolSettingsFile(
  text: string,
  path: string,
  reporter: FileReporter,
): SymbolSettingsInput {
  const values = new Map<string, TomlValue>();
  const isToml = path.toLowerCase().endsWith('.toml') || !text.trimStart().startsWith('{');
  if (isToml) {
    const doc = parseTomlSubset(text);
    for (const p of doc.problems) {
      reporter.report(
        dataCodes.badSettingsFile,
        { start: 0, end: 0, line: p.line, column: 1, endLine: p.line, endColumn: 1 },
        p.message,
      );
    }
    for (const table of ['', 'symbol'])
      for (const [k, v] of doc.tables.get(table) ?? []) values.set(k, v.value);
  } else {
    try {
      const parsed: unknown = JSON.parse(text);
      const root = isRecord(parsed) ? parsed : {};
      const nested = isRecord(root.symbol)
        ? root.symbol
        : isRecord(root.syminfo_overrides)
          ? root.syminfo_overrides
          : root;
      for (const [k, v] of Object.entries(nested)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values.set(k, v);
      }
    } catch (error) {
      reporter.report(dataCodes.badSettingsFile, undefined, `not JSON: ${(error as Error).message}`);
    }
  }
  const out: SymbolSettingsInput = {};
  for (const [key, value] of values) {
    if (IGNORED.has(key) || key.startsWith('_')) continue;
    if (!(KEYS as readonly string[]).includes(key)) {
      reporter.report(
        dataCodes.unknownSymbolKey,
        undefined,
        `unknown symbol setting '${key}' ignored`,
        `known: ${KEYS.join(', ')}`,
      );
      continue;
    }
    const k = key as (typeof KEYS)[number];
    if (k === 'mintick' || k === 'pointvalue') {
      if (typeof value === 'number') out[k] = value;
      else
        reporter.report(dataCodes.badSymbolValue, undefined, `${k} must be a number, got '${String(value)}'`);
    } else if (typeof value === 'string') {
      if (k === 'type') out.type = value as SymbolType;
      else out[k] = value;
    } else {
      reporter.report(dataCodes.badSymbolValue, undefined, `${k} must be a string, got ${String(value)}`);
    }
  }
  const minmove = values.get('minmove');
  const pricescale = values.get('pricescale');
  if (
    out.mintick === undefined &&
    typeof minmove === 'number' &&
    typeof pricescale === 'number' &&
    pricescale > 0
  ) {
    out.mintick = minmove / pricescale;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validate(settings: SymbolSettings, reporter: FileReporter): void {
  const bad = (message: string, hint: string): void => {
    reporter.report(dataCodes.badSymbolValue, undefined, message, hint);
  };
  if (!(settings.mintick > 0) || !Number.isFinite(settings.mintick))
    bad(`mintick ${settings.mintick} is not a positive number`, 'e.g. 0.01');
  if (!(settings.pointvalue > 0) || !Number.isFinite(settings.pointvalue))
    bad(`pointvalue ${settings.pointvalue} is not a positive number`, 'e.g. 1, or 50 for ES');
  if (TimeZone.parse(settings.timezone) === undefined)
    bad(`timezone '${settings.timezone}' is unknown`, 'an IANA name such as America/New_York');
  if (!/^(?:24x7|\d{4}-\d{4}(?::[1-7]+)?(?:,\d{4}-\d{4}(?::[1-7]+)?)*)$/.test(settings.session)) {
    bad(`session '${settings.session}' is not 24x7 or HHMM-HHMM[:days]`, 'e.g. 0930-1600 or 0930-1600:23456');
  }
  if (!SYMBOL_TYPES.has(settings.type))
    bad(`type '${settings.type}' is not a syminfo.type`, [...SYMBOL_TYPES].join(', '));
  if (!/^[A-Z]{3,5}$/.test(settings.currency))
    bad(`currency '${settings.currency}' is not a currency code`, 'e.g. USD, USDT, EUR');
}

/**
 * The tick implied by the prices: 10^-d for the most decimals any price needs in its shortest
 * round-trip form (at most 10). A feed quoted to 0.01 gives 0.01; steps such as 0.25 cannot be told
 * from 0.01 this way, hence the warning.
 */
export function inferMintick(prices: readonly Float64Array[]): number {
  let decimals = 0;
  for (const column of prices) {
    for (let i = 0; i < column.length; i++) {
      const value = column[i];
      if (!Number.isFinite(value) || Number.isInteger(value)) continue;
      const text = String(value);
      const e = text.indexOf('e-');
      const dot = text.indexOf('.');
      const digits =
        e >= 0 ? Number(text.slice(e + 2)) + (dot >= 0 ? e - dot - 1 : 0) : text.length - dot - 1;
      if (digits > decimals) decimals = Math.min(digits, 10);
    }
  }
  return Number((10 ** -decimals).toFixed(decimals));
}
