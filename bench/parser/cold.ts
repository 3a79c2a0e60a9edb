import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, msSince } from '../lib/stats.js';
import type { PineFile } from './corpus.js';

/** What a cold child does: parse (import + `new PineParser()` + parse), lex only, or read + split. */
export type ColdMode = 'parse' | 'lex' | 'split';

/** Cold timings of one mode over the sample, as medians. */
export interface ColdTiming {
  /** Import + construction + work inside the child, CPU ms. */
  readonly workMs: number;
  /** Spawn to exit as the parent sees it, wall ms. */
  readonly wallMs: number;
  /** Parse mode only: import of the parser module (Chevrotain included), CPU ms. */
  readonly importMs: number;
  /** Parse mode only: `new PineParser()` (Chevrotain's grammar analysis), CPU ms. */
  readonly constructMs: number;
  /** Parse mode only: the first parse in the new process, CPU ms. */
  readonly firstParseMs: number;
}

/** One child's report. */
interface ChildReport {
  readonly workMs: number;
  readonly phases: { readonly importMs: number; readonly constructMs: number; readonly firstParseMs: number };
}

const CHILD = fileURLToPath(new URL('./cold-child.js', import.meta.url));

function isChildReport(v: unknown): v is ChildReport {
  return (
    typeof v === 'object' && v !== null && 'workMs' in v && 'phases' in v && typeof v.workMs === 'number'
  );
}

function spawnOnce(mode: ColdMode, file: PineFile): ChildReport & { wallMs: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CHILD, mode, file.path], { encoding: 'utf8' });
  const wallMs = msSince(start);
  const report: unknown = child.status === 0 ? JSON.parse(child.stdout) : undefined;
  if (!isChildReport(report)) throw new Error(`cold ${mode} child failed on ${file.path}: ${child.stderr}`);
  return { ...report, wallMs };
}

/**
 * Runs one new Node process per file and mode over the sample (modes interleaved per file, after one
 * untimed spawn of each mode to settle the file cache), and returns the median per mode.
 */
export function timeCold(
  sample: readonly PineFile[],
  modes: readonly ColdMode[],
): Record<ColdMode, ColdTiming> {
  const work: Record<ColdMode, number[]> = { parse: [], lex: [], split: [] };
  const wall: Record<ColdMode, number[]> = { parse: [], lex: [], split: [] };
  const phases: ChildReport['phases'][] = [];
  for (const mode of modes) spawnOnce(mode, sample[0]);
  for (const file of sample) {
    for (const mode of modes) {
      const t = spawnOnce(mode, file);
      work[mode].push(t.workMs);
      wall[mode].push(t.wallMs);
      if (mode === 'parse') phases.push(t.phases);
    }
  }
  const result = (mode: ColdMode): ColdTiming => ({
    workMs: median(work[mode]),
    wallMs: median(wall[mode]),
    importMs: mode === 'parse' ? median(phases.map((p) => p.importMs)) : 0,
    constructMs: mode === 'parse' ? median(phases.map((p) => p.constructMs)) : 0,
    firstParseMs: mode === 'parse' ? median(phases.map((p) => p.firstParseMs)) : 0,
  });
  return { parse: result('parse'), lex: result('lex'), split: result('split') };
}
