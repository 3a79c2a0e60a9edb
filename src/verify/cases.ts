import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { dataCodes } from '../diagnostics/codes/data.js';
import type { SymbolSettingsInput, SymbolType } from '../data/index.js';

/**
 * One parity case: a directory (at any depth under the corpus root) with a TradingView export and/or
 * an `inputs.json` in the PineForge corpus format, resolved to paths and settings.
 */
export interface ParityCase {
  /** Path relative to the root, `/`-separated (`symbol-specified/AAPL/session-ismarket-nyse-rth-01`). */
  readonly name: string;
  readonly dir: string;
  /** The TradingView export (`inputs.tv_trades_csv`, default `tv_trades.csv`), when it exists. */
  readonly tvTrades: string | undefined;
  /** `strategy.pine` next to it, when present (the shared corpus keeps Pine elsewhere). */
  readonly strategy: string | undefined;
  /** The export's chart timezone (`tv_trades_csv_tz`, else the default given to discovery). */
  readonly tvTimezone: string;
  /** `inputs.ohlcv_csv` resolved against the case directory (undefined: the caller's default feed). */
  readonly ohlcv: string | undefined;
  /** `ohlcv_start_ms`: bars before it are not fed to the strategy. */
  readonly ohlcvStartMs: number | undefined;
  /** Symbol settings from `syminfo_overrides` and `runtime_overrides`. */
  readonly symbol: SymbolSettingsInput;
  readonly runtimeOverrides: Readonly<Record<string, unknown>>;
  /** Script inputs by title (the keys of inputs.json that are not case settings). */
  readonly scriptInputs: Readonly<Record<string, unknown>>;
  readonly expectTvMatch: boolean;
  readonly expectReason: string | undefined;
  /** `expected_tier` (e.g. `anomaly`: PineForge found TradingView non-deterministic on it). */
  readonly expectedTier: string | undefined;
  /** The ticker the case names (`syminfo_overrides.ticker`, `runtime_overrides.symbol`), if any. */
  readonly ticker: string | undefined;
  /** Why the case cannot be measured; undefined when it can. */
  readonly skip: string | undefined;
}

/** Keys of inputs.json that configure the case rather than the script. */
const CASE_KEYS = new Set([
  'notes',
  'mode',
  'expected_tier',
  'script_tf',
  'input_tf',
  'chart_timezone',
  'engine_chart_timezone',
  'tv_trades_csv',
  'tv_trades_csv_tz',
  'ohlcv_csv',
  'ohlcv_start_ms',
  'validation_overrides',
  'runtime_overrides',
  'syminfo_overrides',
]);

/**
 * Finds every case under `root` (directories holding `tv_trades.csv`, `strategy.pine` or `inputs.json`,
 * at any depth), sorted by name, and reads each `inputs.json`. `only` keeps cases whose name or last
 * path segment is listed. Malformed inputs.json files are diagnostics (PP4054), their cases skipped.
 */
export async function discoverParityCases(
  root: string,
  options: {
    readonly defaultTimezone: string;
    readonly only?: readonly string[];
    /**
     * The ticker of the default feed (e.g. `ETHUSDT`): a case naming another ticker without its own
     * `ohlcv_csv` is skipped, its data not being available.
     */
    readonly defaultFeedTicker?: string;
  },
): Promise<{ cases: ParityCase[]; diagnostics: Diagnostic[] }> {
  const dirs = await caseDirectories(resolve(root));
  const cases: ParityCase[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const dir of dirs) {
    const name = relative(resolve(root), dir).split(sep).join('/');
    const last = name.slice(name.lastIndexOf('/') + 1);
    if (options.only !== undefined && !options.only.includes(name) && !options.only.includes(last)) continue;
    const inputsPath = join(dir, 'inputs.json');
    let inputs: Record<string, unknown> = {};
    let bad: string | undefined;
    if (existsSync(inputsPath)) {
      try {
        const parsed: unknown = JSON.parse(await readFile(inputsPath, 'utf8'));
        if (isRecord(parsed)) inputs = parsed;
        else bad = 'inputs.json is not an object';
      } catch (error) {
        bad = `inputs.json is not JSON: ${(error as Error).message}`;
      }
    }
    if (bad !== undefined) {
      diagnostics.push({
        code: dataCodes.badSettingsFile.code,
        severity: dataCodes.badSettingsFile.severity,
        message: bad,
        file: inputsPath,
      });
    }
    cases.push(toCase(name, dir, inputs, options, bad));
  }
  return { cases, diagnostics };
}

async function caseDirectories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const out: string[] = [];
  if (names.has('tv_trades.csv') || names.has('strategy.pine') || names.has('inputs.json')) out.push(dir);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !entry.name.startsWith('.'))
      out.push(...(await caseDirectories(join(dir, entry.name))));
  }
  return out;
}

function toCase(
  name: string,
  dir: string,
  inputs: Record<string, unknown>,
  options: { readonly defaultTimezone: string; readonly defaultFeedTicker?: string },
  bad: string | undefined,
): ParityCase {
  const str = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
  const validation = isRecord(inputs.validation_overrides) ? inputs.validation_overrides : {};
  const runtime = isRecord(inputs.runtime_overrides) ? inputs.runtime_overrides : {};
  const syminfo = isRecord(inputs.syminfo_overrides) ? inputs.syminfo_overrides : {};
  const tvPath = join(dir, str(inputs.tv_trades_csv) ?? 'tv_trades.csv');
  const tvTrades = existsSync(tvPath) ? tvPath : undefined;
  const ohlcvName = str(inputs.ohlcv_csv);
  const ohlcv = ohlcvName === undefined ? undefined : resolve(dir, ohlcvName);
  const expectTvMatch = validation.expect_tv_match !== false;
  const expectReason = str(validation.expect_tv_match_reason);
  const symbol: SymbolSettingsInput = {};
  for (const source of [syminfo, runtime]) {
    const mintick = num(source.mintick);
    const pointvalue = num(source.pointvalue);
    if (mintick !== undefined) symbol.mintick = mintick;
    if (pointvalue !== undefined) symbol.pointvalue = pointvalue;
    for (const key of ['currency', 'timezone', 'session'] as const) {
      const value = str(source[key]);
      if (value !== undefined) symbol[key] = value;
    }
    const type = str(source.type);
    if (type !== undefined) symbol.type = type as SymbolType;
  }
  const ticker = str(syminfo.ticker) ?? str(runtime.symbol);
  const feed = options.defaultFeedTicker;
  const foreignTicker =
    ohlcv === undefined &&
    ticker !== undefined &&
    feed !== undefined &&
    !ticker.toUpperCase().includes(feed.toUpperCase());
  const scriptInputs = Object.fromEntries(
    Object.entries(inputs).filter(([key]) => !CASE_KEYS.has(key) && !key.startsWith('_')),
  );
  const skip =
    bad ??
    (tvTrades === undefined
      ? `no TradingView export (${relative(dir, tvPath)})`
      : !expectTvMatch
        ? `marked not to match TradingView: ${expectReason ?? 'no reason given'}`
        : ohlcv !== undefined && !existsSync(ohlcv)
          ? `data not available: ${ohlcvName ?? ''}`
          : foreignTicker
            ? `data not available: the case runs on ${ticker}, the default feed is ${feed}`
            : undefined);
  return {
    name,
    dir,
    tvTrades,
    strategy: existsSync(join(dir, 'strategy.pine')) ? join(dir, 'strategy.pine') : undefined,
    tvTimezone: str(inputs.tv_trades_csv_tz) ?? options.defaultTimezone,
    ohlcv,
    ohlcvStartMs: num(inputs.ohlcv_start_ms),
    symbol,
    runtimeOverrides: runtime,
    scriptInputs,
    expectTvMatch,
    expectReason,
    expectedTier: str(inputs.expected_tier),
    ticker,
    skip,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
