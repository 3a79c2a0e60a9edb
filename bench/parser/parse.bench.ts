/**
 * Benchmark: parser throughput on the project's corpus/ and, when present, the public validation
 * corpus (every strategy.pine under ../corpus-pf/validation) and `$PINE_CORPUS`. Warm: one reused
 * `PineParser`, warm-up passes, then timed passes; cold: a new Node process per file (import +
 * construction + parse). Baselines in the same run: the lexer alone, and a plain `split('\n')`.
 * Issue targets: median ≤ 5 ms per file warm, ≥ 100,000 lines/s.
 */
import type { BenchContext, BenchSuite, Figure, Skip, SuiteReport } from '../lib/contract.js';
import { figure, type FigureInput } from '../lib/figure.js';
import { evenSample } from '../lib/stats.js';
import { PineLexer, PineParser, type Program } from '../../src/parser/index.js';
import { loadAnalyze, type Analyze } from './analysis.js';
import { timeCold } from './cold.js';
import { corpusPlaces, loadCorpora, type PineCorpus, type PineFile } from './corpus.js';
import { timeWarm, type FileWork, type WarmTiming } from './warm.js';

const TARGET_MEDIAN_MS = 5;
const TARGET_LINES_PER_SECOND = 100_000;
const LEXER = 'lexer only (PineLexer)';

/** Warm figures of one corpus, and its whole-pass times for the overall throughput. */
interface WarmResult {
  readonly figures: Figure[];
  readonly lines: number;
  readonly parseCpuMs: number;
  readonly lexCpuMs: number;
}

function warmFigures(
  parser: PineParser,
  corpus: PineCorpus,
  passes: number,
  warmupMs: number,
  analysisWork: FileWork | undefined,
): WarmResult {
  const kinds: Record<string, FileWork> = {
    parse: (f) => parser.parse(f.source, { file: f.name }).diagnostics.length,
    lex: (f) => new PineLexer(f.source, f.name).tokenize().tokens.length,
    split: (f) => f.source.split('\n').length,
  };
  if (analysisWork !== undefined) kinds.analyze = analysisWork;
  const { timings } = timeWarm(corpus.files, kinds, passes, warmupMs);
  const { parse, lex, split } = timings;
  const tag = `${corpus.label} (${String(corpus.files.length)} files, ${String(corpus.lines)} lines)`;
  const perFile = (what: string, pick: (t: WarmTiming) => number, target?: FigureInput['target']): Figure =>
    figure({
      name: `parse ${what} per file warm, ${corpus.label}`,
      unit: 'ms',
      better: 'lower',
      measured: pick(parse),
      baselineName: LEXER,
      baseline: pick(lex),
      target,
    });
  const figures = [
    figure({
      name: `parse throughput warm (CPU time), ${tag}`,
      unit: 'lines/s',
      better: 'higher',
      measured: parse.linesPerSecond,
      baselineName: LEXER,
      baseline: lex.linesPerSecond,
      target: { op: '>=', value: TARGET_LINES_PER_SECOND },
    }),
    perFile('median', (t) => t.medianMs, { op: '<=', value: TARGET_MEDIAN_MS }),
    perFile('p90', (t) => t.p90Ms),
    figure({
      name: `lexer throughput warm (CPU time), ${corpus.label}`,
      unit: 'lines/s',
      better: 'higher',
      measured: lex.linesPerSecond,
      baselineName: "source.split('\\n')",
      baseline: split.linesPerSecond,
    }),
  ];
  if (analysisWork !== undefined) {
    figures.push(
      figure({
        name: `analyze median per file warm, ${corpus.label}`,
        unit: 'ms',
        better: 'lower',
        measured: timings.analyze.medianMs,
        baselineName: 'parse of the same files',
        baseline: parse.medianMs,
      }),
    );
  }
  return { figures, lines: corpus.lines, parseCpuMs: parse.passCpuMs, lexCpuMs: lex.passCpuMs };
}

/** Lines per second over every corpus together (sum of lines over the sum of least-CPU pass times). */
function overallFigure(results: readonly WarmResult[], files: number): Figure {
  const lines = results.reduce((n, r) => n + r.lines, 0);
  const rate = (ms: number): number => lines / (ms / 1000);
  return figure({
    name: `parse throughput warm (CPU time), all corpora (${String(files)} files, ${String(lines)} lines)`,
    unit: 'lines/s',
    better: 'higher',
    measured: rate(results.reduce((t, r) => t + r.parseCpuMs, 0)),
    baselineName: LEXER,
    baseline: rate(results.reduce((t, r) => t + r.lexCpuMs, 0)),
    target: { op: '>=', value: TARGET_LINES_PER_SECOND },
  });
}

function coldFigures(files: readonly PineFile[], sampleSize: number): Figure[] {
  const sample = evenSample(files, sampleSize);
  const cold = timeCold(sample, ['parse', 'lex', 'split']);
  const n = String(sample.length);
  return [
    figure({
      name: `parse cold (CPU time), new process: import + new PineParser() + parse, median of ${n} files`,
      unit: 'ms',
      better: 'lower',
      measured: cold.parse.workMs,
      baselineName: 'new process: import PineLexer + tokenize',
      baseline: cold.lex.workMs,
    }),
    figure({
      name: `parse cold (CPU time): new PineParser() (grammar analysis), median of ${n} files`,
      unit: 'ms',
      better: 'lower',
      measured: cold.parse.constructMs,
      baselineName: 'first parse of the file in that process',
      baseline: cold.parse.firstParseMs,
    }),
    figure({
      name: `parse cold (CPU time): import parser module (Chevrotain included), median of ${n} files`,
      unit: 'ms',
      better: 'lower',
      measured: cold.parse.importMs,
      baselineName: 'first parse of the file in that process',
      baseline: cold.parse.firstParseMs,
    }),
    figure({
      name: `parse cold (wall), spawn to exit, median of ${n} files`,
      unit: 'ms',
      better: 'lower',
      measured: cold.parse.wallMs,
      baselineName: 'node process that reads + splits the file',
      baseline: cold.split.wallMs,
    }),
  ];
}

/** Parses every corpus file once so `analyze` can be timed on ready programs. */
function analysisWork(corpora: readonly PineCorpus[], analyze: Analyze): FileWork {
  const parser = new PineParser();
  const programs = new Map<PineFile, Program>();
  for (const c of corpora)
    for (const f of c.files) programs.set(f, parser.parse(f.source, { file: f.name }).program);
  return (f) => {
    const program = programs.get(f);
    if (program === undefined) throw new Error(`no parsed program for ${f.path}`);
    return analyze(program, { file: f.name }) === undefined ? 0 : 1;
  };
}

async function run(context: BenchContext): Promise<SuiteReport> {
  const { corpora, missing } = loadCorpora(corpusPlaces(context.repoRoot));
  const skipped: Skip[] = missing.map((m) => ({ name: 'parser corpus', reason: `absent: ${m}` }));
  const loaded = await loadAnalyze();
  let work: FileWork | undefined;
  if ('analyze' in loaded) work = analysisWork(corpora, loaded.analyze);
  else skipped.push({ name: 'analysis time per file', reason: loaded.reason });
  const passes = context.quick ? 2 : 10;
  const warmupMs = context.quick ? 100 : 1000;
  const parser = new PineParser();
  const warm = corpora.map((c) => warmFigures(parser, c, passes, warmupMs, work));
  const figures = warm.flatMap((w) => w.figures);
  const allFiles = corpora.flatMap((c) => c.files);
  if (warm.length > 1) figures.push(overallFigure(warm, allFiles.length));
  if (allFiles.length > 0) figures.push(...coldFigures(allFiles, context.quick ? 3 : 20));
  return { figures, skipped };
}

/** Parser throughput (warm and cold) against the lexer and a plain split, in the same run. */
export const suite: BenchSuite = {
  title: 'parser throughput: warm per-file and lines/s, cold new-process parse',
  run,
};
