/**
 * Finds and imports PineTS (https://github.com/LuxAlgo/PineTS, AGPL-3.0) from a folder outside the
 * repository named by the PINETS_DIR environment variable. pineport never depends on PineTS: the
 * package is imported dynamically from that folder only when the comparison benchmark runs, and
 * only its public API (`PineTS`, `Indicator`) is called. Nothing from PineTS is copied here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A PineTS market-data provider (its `IProvider` interface): where a runner gets its bars and the
 * symbol's settings.
 */
export interface PinetsProvider {
  getMarketData(tickerId: string, timeframe: string): Promise<readonly object[]>;
  getSymbolInfo(tickerId: string): Promise<object>;
  configure(config: unknown): void;
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

/** A PineTS runner bound to one data source. */
export interface PinetsRunner {
  ready(): Promise<unknown>;
  run(script: PinetsIndicator): Promise<{ readonly strategy?: PinetsStrategyState }>;
}

/** What the benchmark uses of the PineTS package. */
export interface PinetsApi {
  readonly version: string;
  /** `new PineTS(provider, tickerId, timeframe)`: the whole feed the provider serves. */
  readonly createRunner: (provider: PinetsProvider, tickerId: string, timeframe: string) => PinetsRunner;
  /** `new Indicator(source)`. */
  readonly createIndicator: (source: string) => PinetsIndicator;
}

/** The import outcome: the API, or why it is not available (the benchmark then skips). */
export type PinetsLoad = { readonly api: PinetsApi } | { readonly reason: string };

type Constructor<T> = new (...args: never[]) => T;

function isConstructor(value: unknown): value is Constructor<unknown> {
  return typeof value === 'function';
}

/** The string fields of a folder's package.json; undefined when it has none. */
function readManifest(folder: string): Partial<Record<string, string>> | undefined {
  const path = join(folder, 'package.json');
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const fields: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** The installed package: `<dir>/node_modules/pinets`, or `<dir>` itself when it is the package. */
function findPackage(dir: string): { folder: string; manifest: Partial<Record<string, string>> } | undefined {
  for (const folder of [join(dir, 'node_modules', 'pinets'), dir]) {
    const manifest = readManifest(folder);
    if (manifest?.name === 'pinets') return { folder, manifest };
  }
  return undefined;
}

/**
 * Imports PineTS from `dir` (the PINETS_DIR folder, where `npm install pinets` was run). Resolves
 * with a reason instead of throwing when the folder or the package is missing or has another shape.
 */
export async function loadPinets(dir: string | undefined): Promise<PinetsLoad> {
  if (dir === undefined || dir === '')
    return { reason: 'set PINETS_DIR to a folder outside the repo where `npm install pinets` was run' };
  const found = findPackage(dir);
  if (found === undefined)
    return { reason: `no pinets package under ${dir} (run \`npm install pinets\` there)` };
  const { folder, manifest } = found;
  const entry = manifest.module;
  if (entry === undefined) return { reason: `${folder}/package.json names no ESM entry ("module")` };
  const mod: unknown = await import(pathToFileURL(join(folder, entry)).href);
  if (typeof mod !== 'object' || mod === null || !('PineTS' in mod) || !('Indicator' in mod))
    return { reason: `${folder} does not export PineTS and Indicator` };
  const { PineTS, Indicator } = mod;
  if (!isConstructor(PineTS) || !isConstructor(Indicator))
    return { reason: `${folder}: PineTS or Indicator is not a class` };
  const Runner = PineTS as unknown as new (
    provider: PinetsProvider,
    tickerId: string,
    timeframe: string,
  ) => PinetsRunner;
  const Script = Indicator as unknown as new (source: string) => PinetsIndicator;
  return {
    api: {
      version: manifest.version ?? 'unknown',
      createRunner: (provider, tickerId, timeframe) => new Runner(provider, tickerId, timeframe),
      createIndicator: (source) => new Script(source),
    },
  };
}
