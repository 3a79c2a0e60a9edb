import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A benchmark module found by the naming convention. */
export interface BenchModule {
  /** The folder under bench/, e.g. `ta`, `parser`. */
  readonly area: string;
  /** Source path relative to the repository, e.g. `bench/parser/parse.bench.ts`. */
  readonly source: string;
  /** File name of the module without `.ts`, e.g. `parse.bench`. */
  readonly base: string;
}

/** Folders of bench/ that hold helpers, not benchmarks. */
const NOT_AREAS = new Set(['lib']);

/** A benchmark module's file name: `<name>.bench.ts` (the convention) or `<name>-bench.ts` (older files). */
export const BENCH_FILE = /^[\w-]+[.-]bench\.ts$/;

/** Every benchmark module in `<repoRoot>/bench/<area>/`, sorted by area then file. */
export function discoverBenchModules(repoRoot: string): BenchModule[] {
  const benchDir = join(repoRoot, 'bench');
  if (!existsSync(benchDir)) return [];
  const modules: BenchModule[] = [];
  const areas = readdirSync(benchDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_AREAS.has(d.name))
    .map((d) => d.name)
    .sort();
  for (const area of areas) {
    for (const name of readdirSync(join(benchDir, area)).sort()) {
      if (!BENCH_FILE.test(name)) continue;
      modules.push({ area, source: `bench/${area}/${name}`, base: name.slice(0, -'.ts'.length) });
    }
  }
  return modules;
}

/** Keeps the modules whose area or file name starts with one of the comma-separated `only` terms (any case). */
export function filterModules(modules: readonly BenchModule[], only: string | undefined): BenchModule[] {
  if (only === undefined || only === '') return [...modules];
  const terms = only
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  return modules.filter((m) =>
    terms.some((t) => m.area.toLowerCase().startsWith(t) || m.base.toLowerCase().startsWith(t)),
  );
}
