import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Program } from '../../src/parser/index.js';

/** `analyze(program, { file })` from src/analysis/index.ts, typed only as far as the benchmark needs. */
export type Analyze = (program: Program, options: { readonly file?: string }) => unknown;

/**
 * Loads `analyze` from the compiled src/analysis/index.js when that module exists (it is being
 * written; tsconfig.bench.json compiles it once it appears). Returns the reason when it is not there.
 */
export async function loadAnalyze(): Promise<{ analyze: Analyze } | { reason: string }> {
  const url = new URL('../../src/analysis/index.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return { reason: 'src/analysis/index.ts does not exist yet' };
  const mod: unknown = await import(url.href);
  const fn = typeof mod === 'object' && mod !== null && 'analyze' in mod ? mod.analyze : undefined;
  if (typeof fn !== 'function') return { reason: 'src/analysis/index.ts exports no analyze function' };
  return { analyze: fn as Analyze };
}
