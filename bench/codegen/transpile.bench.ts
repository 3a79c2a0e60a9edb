import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PineParser } from '../../src/parser/index.js';
import { Compiler } from '../../src/run/compiler.js';
import type { BenchContext, BenchSuite, SuiteReport } from '../lib/contract.js';
import { figure } from '../lib/figure.js';
import { evenSample, median, percentile } from '../lib/stats.js';
import { corpusRoot, corpusScripts, type CorpusScript } from './corpus.js';

const CHILD = fileURLToPath(new URL('./cold-child.js', import.meta.url));

/** CPU ms of this process (user + system). */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * CPU ms of one call. CPU rather than wall time: on the shared 2-core machine (load average often
 * above 10) wall time mostly measures other processes; the work here is single-threaded and awaits
 * no I/O, so its CPU time is its cost.
 */
async function timed(work: () => unknown): Promise<number> {
  const start = cpuMs();
  await work();
  return cpuMs() - start;
}

/**
 * Warm per-file times: one parser reused (as a long-lived process would), a fresh `Compiler` per
 * call so its cache never answers; untimed warm-up passes, then timed passes in which transpile and
 * parse alternate per file. Per-file time = median over passes.
 */
async function warm(
  scripts: readonly CorpusScript[],
  passes: number,
  warmups: number,
): Promise<{ transpile: number[]; parse: number[]; cacheHit: number[] }> {
  const parser = new PineParser();
  const transpile = scripts.map((): number[] => []);
  const parse = scripts.map((): number[] => []);
  const cacheHit: number[] = [];
  for (let pass = 0; pass < warmups + passes; pass++) {
    for (let i = 0; i < scripts.length; i++) {
      const { source, name } = scripts[i];
      const compiler = new Compiler({ parser });
      const t = await timed(() => compiler.transpile(source, { file: name }));
      const p = await timed(() => parser.parse(source, { file: name }));
      const hit = await timed(() => compiler.transpile(source, { file: name }));
      if (pass < warmups) continue;
      transpile[i].push(t);
      parse[i].push(p);
      cacheHit.push(hit);
    }
  }
  return { transpile: transpile.map(median), parse: parse.map(median), cacheHit };
}

/** CPU ms of a new Node process doing `mode` once on `file` (import + construct + work). */
function coldOnce(mode: 'transpile' | 'parse', file: string): number {
  const child = spawnSync(process.execPath, [CHILD, mode, file], { encoding: 'utf8' });
  const report: unknown = child.status === 0 ? JSON.parse(child.stdout) : undefined;
  if (
    typeof report !== 'object' ||
    report === null ||
    !('workMs' in report) ||
    typeof report.workMs !== 'number'
  )
    throw new Error(`cold ${mode} child failed on ${file}: ${child.stderr}`);
  return report.workMs;
}

export const suite: BenchSuite = {
  title: 'transpile (parse → analyse → generate → prettier) per public corpus strategy, warm and cold',
  async run(ctx: BenchContext): Promise<SuiteReport> {
    const all = corpusScripts(ctx.repoRoot);
    if (all === undefined)
      return {
        figures: [],
        skipped: [
          { name: 'transpile', reason: `no corpus at ${corpusRoot(ctx.repoRoot)} (set PINE_CORPUS)` },
        ],
      };
    const scripts = ctx.quick ? evenSample(all, 8) : all;
    const w = await warm(scripts, ctx.quick ? 2 : 5, ctx.quick ? 1 : 2);
    const coldSample = evenSample(scripts, ctx.quick ? 2 : 12);
    coldOnce('transpile', coldSample[0].path); // settle the file cache
    const cold = { transpile: [] as number[], parse: [] as number[] };
    for (const s of coldSample) {
      cold.transpile.push(coldOnce('transpile', s.path));
      cold.parse.push(coldOnce('parse', s.path));
    }
    const n = String(scripts.length);
    return {
      figures: [
        figure({
          name: `warm median per script (${n} scripts, CPU)`,
          unit: 'ms',
          better: 'lower',
          measured: median(w.transpile),
          baselineName: 'parse only, same scripts (PineParser.parse)',
          baseline: median(w.parse),
          target: { op: '<=', value: 30 },
        }),
        figure({
          name: `warm p90 per script (${n} scripts, CPU)`,
          unit: 'ms',
          better: 'lower',
          measured: percentile(w.transpile, 90),
          baselineName: 'parse only, p90',
          baseline: percentile(w.parse, 90),
        }),
        figure({
          name: `cold median: new process, import + new Compiler() + transpile (${String(coldSample.length)} scripts, CPU)`,
          unit: 'ms',
          better: 'lower',
          measured: median(cold.transpile),
          baselineName: 'new process, import + new PineParser() + parse (CPU)',
          baseline: median(cold.parse),
        }),
        figure({
          name: 'Compiler cache hit (same source and options again)',
          unit: 'ms',
          better: 'lower',
          measured: median(w.cacheHit),
          baselineName: 'warm transpile (cache miss)',
          baseline: median(w.transpile),
        }),
      ],
      skipped: [],
    };
  },
};
