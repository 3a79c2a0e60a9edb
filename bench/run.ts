/**
 * The benchmark runner (`npm run bench [-- --only ta,parser] [-- --quick] [-- --list]`).
 *
 * Finds every `bench/<area>/*.bench.ts` (and older `*-bench.ts`) module, runs each exported `suite`
 * in its own Node process, prints one table of figures (each next to its same-run baseline) plus a
 * line for everything skipped, and writes bench-results/latest.json. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runSuiteInChild, runSuiteModule } from './lib/child.js';
import type { Figure, Skip } from './lib/contract.js';
import { discoverBenchModules, filterModules, type BenchModule } from './lib/discover.js';
import { findRepoRoot } from './lib/paths.js';
import { renderSkips, renderTable } from './lib/table.js';

/** One suite's outcome in bench-results/latest.json. */
interface SuiteOutcome {
  readonly area: string;
  readonly module: string;
  readonly title?: string;
  readonly seconds: number;
  readonly figures: readonly Figure[];
  readonly skipped: readonly Skip[];
  readonly error?: string;
}

function gitDescribe(repoRoot: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot }).toString().trim() !== '';
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}

/** The compiled counterpart of a module's source, next to this compiled runner. */
function compiledPathOf(m: BenchModule): string {
  return join(dirname(fileURLToPath(import.meta.url)), m.area, `${m.base}.js`);
}

async function runAll(only: string | undefined, quick: boolean, list: boolean): Promise<number> {
  const repoRoot = findRepoRoot(import.meta.url);
  const modules = filterModules(discoverBenchModules(repoRoot), only);
  if (list || modules.length === 0) {
    for (const m of modules) console.log(`${m.area.padEnd(14)} ${m.source}`);
    if (modules.length === 0) console.log(`no benchmark module matches --only ${only ?? ''}`);
    return modules.length === 0 ? 1 : 0;
  }
  const script = fileURLToPath(import.meta.url);
  const loadBefore = loadavg()[0];
  const outcomes: SuiteOutcome[] = [];
  for (const m of modules) {
    console.log(`running ${m.source} …`);
    const start = process.hrtime.bigint();
    const message = await runSuiteInChild(script, compiledPathOf(m), repoRoot, quick);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const base = { area: m.area, module: m.source, seconds };
    outcomes.push(
      message.ok
        ? { ...base, title: message.title, ...message.report }
        : { ...base, figures: [], skipped: [], error: message.error },
    );
  }
  console.log('');
  const rows = outcomes.flatMap((o) => o.figures.map((figure) => ({ area: o.area, figure })));
  console.log(rows.length === 0 ? 'no figures measured' : renderTable(rows));
  if (rows.length > 0)
    console.log(
      'cost × = measured time / baseline time (for rates: baseline rate / measured rate); > 1 is slower.',
    );
  const loadAfter = loadavg()[0];
  console.log(
    `1-minute load average: ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (${String(cpus().length)} cores); figures taken under load are noisy.`,
  );
  for (const o of outcomes) for (const line of renderSkips(o.area, o.skipped)) console.log(line);
  for (const o of outcomes) if (o.error !== undefined) console.log(`FAIL  ${o.module}: ${o.error}`);
  const outDir = join(repoRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const record = {
    date: new Date().toISOString(),
    commit: gitDescribe(repoRoot),
    node: process.version,
    cpu: `${String(cpus().length)} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadAverage1m: { before: loadBefore, after: loadAfter },
    quick,
    only: only ?? null,
    suites: outcomes,
  };
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${join('bench-results', 'latest.json')}`);
  return outcomes.some((o) => o.error !== undefined) ? 1 : 0;
}

/** Child mode: run one suite and send its report to the parent. */
async function runChild(compiledPath: string, quick: boolean): Promise<void> {
  const message = await runSuiteModule(compiledPath, { repoRoot: findRepoRoot(import.meta.url), quick });
  await new Promise<void>((done) => {
    if (process.send === undefined) {
      console.log(JSON.stringify(message, null, 2));
      done();
    } else
      process.send(message, () => {
        done();
      });
  });
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    suite: { type: 'string' },
  },
});
if (values.suite !== undefined) await runChild(values.suite, values.quick);
else process.exitCode = await runAll(values.only, values.quick, values.list);
