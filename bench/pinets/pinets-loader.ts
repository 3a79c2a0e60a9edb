/**
 * Finds and imports PineTS (https://github.com/LuxAlgo/PineTS, AGPL-3.0) from a folder outside the
 * repository named by the PINETS_DIR environment variable. pineport never depends on PineTS: the
 * package is imported dynamically from that folder only when the comparison benchmark runs, and
 * only its public API (`PineTS`, `Indicator`) is called. Nothing from PineTS is copied here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One candle in the shape PineTS accepts for a user-supplied data array (times in UNIX ms). */
export interface PinetsCandle {
  readonly openTime: number;
  readonly closeTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** PineTS's `Indicator`: holds a Pine source and caches its transpilation (`prepare()`). */
export interface PinetsIndicator {
  prepare(): unknown;
}

/** The part of a finished PineTS run the benchmark reads: the broker emulator's trade lists. */
export interface PinetsStrategyState {
  readonly closedtrades: readonly unknown[];
  readonly opentrades: readonly unknown[];
}

/** A PineTS runner bound to one candle array. */
export interface PinetsRunner {
  ready(): Promise<unknown>;
  run(script: PinetsIndicator): Promise<{ readonly strategy?: PinetsStrategyState }>;
}

/** What the benchmark uses of the PineTS package. */
export interface PinetsApi {
  readonly version: string;
  /** `new PineTS(candles, tickerId, timeframe)`. */
  readonly createRunner: (
    candles: readonly PinetsCandle[],
    tickerId: string,
    timeframe: string,
  ) => PinetsRunner;
  /** `new Indicator(source)`. */
  readonly createIndicator: (source: string) => PinetsIndicator;
}

/** The import outcome: the API, or why it is not available (the benchmark then skips). */
export type PinetsLoad = { readonly api: PinetsApi } | { readonly reason: string };

type Constructor<T> = new (...args: never[]) => T;

function isConstructor(value: unknown): value is Constructor<unknown> {
  return typeof value === 'function';
}

/** The installed package folder: `<dir>/node_modules/pinets`, or `<dir>` itself when it is the package. */
function packageFolder(dir: string): string | undefined {
  for (const candidate of [join(dir, 'node_modules', 'pinets'), dir]) {
    const manifest = join(candidate, 'package.json');
    if (!existsSync(manifest)) continue;
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'pinets')
      return candidate;
  }
  return undefined;
}

function manifestField(folder: string, field: 'module' | 'version'): string | undefined {
  const parsed: unknown = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !(field in parsed)) return undefined;
  const value: unknown = (parsed as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Imports PineTS from `dir` (the PINETS_DIR folder, where `npm install pinets` was run). Resolves
 * with a reason instead of throwing when the folder or the package is missing or has another shape.
 */
export async function loadPinets(dir: string | undefined): Promise<PinetsLoad> {
  if (dir === undefined || dir === '')
    return { reason: 'set PINETS_DIR to a folder outside the repo where `npm install pinets` was run' };
  const folder = packageFolder(dir);
  if (folder === undefined)
    return { reason: `no pinets package under ${dir} (run \`npm install pinets\` there)` };
  const entry = manifestField(folder, 'module');
  if (entry === undefined) return { reason: `${folder}/package.json names no ESM entry ("module")` };
  const mod: unknown = await import(pathToFileURL(join(folder, entry)).href);
  if (typeof mod !== 'object' || mod === null || !('PineTS' in mod) || !('Indicator' in mod))
    return { reason: `${folder} does not export PineTS and Indicator` };
  const { PineTS, Indicator } = mod;
  if (!isConstructor(PineTS) || !isConstructor(Indicator))
    return { reason: `${folder}: PineTS or Indicator is not a class` };
  const Runner = PineTS as unknown as new (
    candles: readonly PinetsCandle[],
    tickerId: string,
    timeframe: string,
  ) => PinetsRunner;
  const Script = Indicator as unknown as new (source: string) => PinetsIndicator;
  return {
    api: {
      version: manifestField(folder, 'version') ?? 'unknown',
      createRunner: (candles, tickerId, timeframe) => new Runner(candles, tickerId, timeframe),
      createIndicator: (source) => new Script(source),
    },
  };
}
