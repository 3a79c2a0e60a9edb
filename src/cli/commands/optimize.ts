import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/index.js';
import { computeMetrics } from '../../metrics/index.js';
import {
  buildSearchSpace,
  createSampler,
  defaultBatchSize,
  formatNumber,
  formatParams,
  JsonlStudyStore,
  parseConstraint,
  parseObjective,
  parseSpaceOverrides,
  parseWindowLength,
  renderRobustness,
  renderTopTrials,
  renderWalkForward,
  robustnessReport,
  SAMPLER_NAMES,
  runStudy,
  runWalkForward,
  STANDARD_METRICS,
  trialCounts,
  walkForwardWindows,
} from '../../optimize/index.js';
import type {
  Constraint,
  InputDescriptor,
  Objective,
  ParamValues,
  SearchSpace,
  StudyProgress,
  Trial,
  TrialEvaluator,
} from '../../optimize/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';
import { SqliteStudyStore } from '../../store/index.js';
import type { OptimizeRecordSource } from '../optimize-record.js';
import { createProgress, type Progress } from '../progress.js';
import type { RecordOptions } from '../record.js';
import { beginRecord, recordOptimize, recordWalkForward, studyStoreFor } from '../optimize-runs.js';
import { printDiagnostics, readTextOrReport } from './data.js';

/** What the optimiser needs from a compiled strategy on loaded data. */
export interface OptimizeTarget {
  /** The strategy's inputs, as `pineport check --json` lists them. */
  readonly inputs: readonly InputDescriptor[];
  /** Bar open times (UNIX ms) of the loaded data: walk-forward windows and report dates. */
  readonly times: ArrayLike<number>;
  /** Metric names every trial reports, for checking expressions; default {@link STANDARD_METRICS}. */
  readonly metricNames?: readonly string[];
  /**
   * The trial runner: a worker pool of `workers` threads (or in-process for 1), running the
   * strategy with the given inputs and fixed strategy settings (`space.json` "settings").
   */
  createEvaluator(options: {
    readonly workers: number;
    readonly settings: ParamValues;
  }): TrialEvaluator | Promise<TrialEvaluator>;
  /** Provenance, settings, bars and a full backtest, for the run store and `--report`. */
  readonly record?: OptimizeRecordSource;
}

/** Supplied by the CLI's wiring: compiling and loading are not this command's business. */
export interface OptimizeDeps {
  /** Compiles the script and loads the data; no target means the diagnostics explain why. */
  prepare(request: { readonly file: string; readonly source: string; readonly data: string }): Promise<{
    readonly target?: OptimizeTarget;
    readonly diagnostics: readonly Diagnostic[];
    /** Why the data file cannot be read at all (missing, no permission): a usage error, exit 2. */
    readonly unreadable?: string;
  }>;
  /** Where the progress bar draws (process.stderr in the real CLI); omitted: no bar. */
  readonly progressStream?: NodeJS.WritableStream;
  /** Folder for `--study` files when runs are not stored; default the working directory. */
  readonly studyDir?: string;
  /**
   * The run store that runs and studies go to (`--store` overrides). Omitted: runs are stored only
   * with `--store`, and `--study` keeps its trials in `<name>.study.jsonl` under `studyDir`.
   */
  readonly storePath?: string;
}

interface CommonOptions extends RecordOptions {
  readonly data: string;
  readonly study?: string;
  readonly sampler: string;
  readonly trials: string;
  readonly objective: string[];
  readonly constraint: string[];
  readonly workers?: string;
  readonly seed: string;
  readonly space?: string;
  readonly batch?: string;
  readonly json?: boolean;
  readonly multivariate?: boolean;
}

/**
 * TPE models the inputs jointly unless `--no-multivariate`: strategy inputs interact (a fast and a
 * slow length), which independent estimators cannot learn. Measured on the optimiser benchmark's
 * 1,000-point MA-cross grid (bench/optimize/README.md): within 1 % of the optimum in ≤ 200 trials on
 * 14 of seeds 1–20 jointly, 6 independently. Optuna's own default is independent; its docs and
 * Watanabe (2023, "Tree-structured Parzen estimator: understanding its algorithm components")
 * recommend multivariate.
 */
function tpeModelsJointly(options: CommonOptions): boolean {
  return options.multivariate !== false;
}

interface OptimizeOptions extends CommonOptions {
  readonly top: string;
}

interface WalkForwardCliOptions extends CommonOptions {
  readonly train: string;
  readonly test: string;
  readonly anchored?: boolean;
  readonly warmup?: string;
  readonly efficiencyMetric: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function integerOption(
  io: CliIO,
  status: ExitStatus,
  name: string,
  text: string | undefined,
  min: number,
): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) {
    io.stderr(`error: ${name} must be a whole number ≥ ${min}, got '${text}'\n`);
    status.set(ExitCode.usage);
    return NaN;
  }
  return v;
}

/** Everything both commands set up before running: the target, space, objectives and sampler checks. */
interface Setup {
  readonly target: OptimizeTarget;
  readonly space: SearchSpace;
  readonly objectives: Objective[];
  readonly constraints: Constraint[];
  readonly seed: number;
  readonly trials: number;
  readonly workers: number;
  readonly batch: number | undefined;
}

async function prepare(
  file: string,
  options: CommonOptions,
  io: CliIO,
  status: ExitStatus,
  deps: OptimizeDeps,
): Promise<Setup | undefined> {
  const trials = integerOption(io, status, '--trials', options.trials, 1);
  const seed = integerOption(io, status, '--seed', options.seed, 0);
  const workers = integerOption(io, status, '--workers', options.workers, 1) ?? availableParallelism();
  const batch = integerOption(io, status, '--batch', options.batch, 1);
  if ([trials, seed, workers, batch].some((v) => Number.isNaN(v))) return undefined;
  if (!(SAMPLER_NAMES as readonly string[]).includes(options.sampler)) {
    io.stderr(`error: --sampler must be one of ${SAMPLER_NAMES.join(', ')}, got '${options.sampler}'\n`);
    status.set(ExitCode.usage);
    return undefined;
  }
  const source = await readTextOrReport(file, io, status);
  if (source === undefined) return undefined;

  const prepared = await deps.prepare({ file, source, data: options.data });
  if (prepared.unreadable !== undefined) {
    io.stderr(`${options.data}: error: cannot read file (${prepared.unreadable})\n`);
    status.set(ExitCode.usage);
    return undefined;
  }
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const target = prepared.target;
  if (target === undefined) {
    printDiagnostics(io, diagnostics, source);
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  const metricNames = target.metricNames ?? STANDARD_METRICS;
  const texts = options.objective.length > 0 ? options.objective : ['net_profit_pct'];
  const objectives: Objective[] = [];
  const constraints: Constraint[] = [];
  const expressionDiagnostics: [Diagnostic, string][] = [];
  texts.forEach((text, i) => {
    const r = parseObjective(text, metricNames, `--objective #${i + 1}`);
    r.diagnostics.forEach((d) => expressionDiagnostics.push([d, text]));
    if (r.objective !== undefined) objectives.push(r.objective);
  });
  options.constraint.forEach((text, i) => {
    const r = parseConstraint(text, metricNames, `--constraint #${i + 1}`);
    r.diagnostics.forEach((d) => expressionDiagnostics.push([d, text]));
    if (r.constraint !== undefined) constraints.push(r.constraint);
  });
  let overrides = {};
  if (options.space !== undefined) {
    const text = await readTextOrReport(options.space, io, status);
    if (text === undefined) return undefined;
    const parsed = parseSpaceOverrides(text, options.space);
    diagnostics.push(...parsed.diagnostics);
    overrides = parsed.overrides;
  }
  const built = buildSearchSpace(target.inputs, overrides, options.space ?? file);
  diagnostics.push(...built.diagnostics);
  const check = createSampler(options.sampler, built.space, {
    seed: seed ?? 0,
    directions: objectives.map((o) => o.direction),
  });
  diagnostics.push(...check.diagnostics);
  printDiagnostics(io, diagnostics, source);
  for (const [d, text] of expressionDiagnostics) printDiagnostics(io, [d], text);
  if ([...diagnostics, ...expressionDiagnostics.map((x) => x[0])].some((d) => d.severity === 'error')) {
    status.set(ExitCode.inputErrors);
    return undefined;
  }
  return {
    target,
    space: built.space,
    objectives,
    constraints,
    seed: seed ?? 0,
    trials: trials ?? 100,
    workers,
    batch,
  };
}

/** A trial for JSON output: the return series (often thousands of numbers) left out. */
function withoutReturns(trial: Trial): Omit<Trial, 'returns'> {
  const copy: { -readonly [K in keyof Trial]?: Trial[K] } = { ...trial };
  delete copy.returns;
  return copy as Omit<Trial, 'returns'>;
}

/** The evaluator and progress bar of one run. */
async function startRun(
  setup: Setup,
  deps: OptimizeDeps,
  json: boolean | undefined,
): Promise<{ evaluator: TrialEvaluator; bar: Progress }> {
  const evaluator = await setup.target.createEvaluator({
    workers: setup.workers,
    settings: setup.space.settings,
  });
  return { evaluator, bar: createProgress({ stream: deps.progressStream, label: 'trials', json }) };
}

/** JSON with NaN and ±Infinity as strings (JSON has no such numbers). */
function jsonText(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}

/** The best-so-far note of the progress bar. */
function bestNote(p: StudyProgress): string {
  return `best ${p.best === undefined ? '—' : formatNumber(p.best.values[0])}`;
}

function registerOptions(command: Command): Command {
  return command
    .requiredOption('--data <file>', 'OHLCV CSV the strategy runs on')
    .option('--sampler <name>', 'grid | random | tpe | cmaes | nsga2', 'tpe')
    .option(
      '--objective <expr>',
      "objective over metrics, e.g. 'net_profit_pct - 0.5 * max_drawdown_pct' or 'min: max_drawdown_pct' (repeat for several)",
      collect,
      [],
    )
    .option('--constraint <expr>', "constraint such as 'trades >= 30' (repeatable)", collect, [])
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--seed <n>', 'random seed', '42')
    .option(
      '--batch <n>',
      'trials proposed per batch (default by sampler; results depend on it, not on --workers)',
    )
    .option('--space <file>', 'space.json: narrow ranges, fix values, log scale, options subsets, settings')
    .option('--multivariate', 'TPE: model the inputs jointly (the default)')
    .option('--no-multivariate', "TPE: one estimator per input (Optuna's default)")
    .option('--report <file.html>', 'write the HTML report (best trial, heatmap, importance, convergence…)')
    .option('--store <path>', 'run store for the run and its study (default .pineport/runs.db)')
    .option('--no-save', 'do not record the run in the store')
    .option('--json', 'print a JSON report');
}

/**
 * `pineport optimize <file.pine> --data … [--sampler …] [--trials N] [--objective EXPR]…
 * [--constraint EXPR]… [--workers N] [--seed S] [--study NAME] [--space FILE] [--json]` and
 * `pineport walkforward <file.pine> --data … --train 6M --test 1M [--anchored] …`. `deps` compiles
 * the script, loads the data and builds the evaluator.
 */
export function registerOptimizeCommand(
  program: Command,
  io: CliIO,
  status: ExitStatus,
  deps: OptimizeDeps,
): void {
  registerOptions(
    program
      .command('optimize')
      .description(
        'Search a strategy’s inputs for the best objective (exit 0: done, 1: input errors, 2: usage)',
      )
      .argument('<file>', 'Pine strategy'),
  )
    .option('--trials <n>', 'number of trials', '100')
    .option(
      '--study <name>',
      'keep the trials as study <name> in the run store (or <name>.study.jsonl with --no-save) and resume it if it exists',
    )
    .option('--top <n>', 'rows of the top-trials table', '10')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  pineport optimize corpus/v5/ma-cross.pine --data data/eth-usdt-15m.csv --trials 200 --report opt.html\n' +
        "  pineport optimize my.pine --data bars.csv --sampler grid --space space.json --constraint 'trades >= 30'\n" +
        "  pineport optimize my.pine --data bars.csv --objective 'net_profit_pct - 0.5 * max_drawdown_pct' --study s1\n" +
        '    (run it again with a larger --trials to resume study s1)',
    )
    .action(async (file: string, options: OptimizeOptions) => {
      const setup = await prepare(file, options, io, status, deps);
      if (setup === undefined) return;
      const directions = setup.objectives.map((o) => o.direction);
      const { sampler } = createSampler(options.sampler, setup.space, {
        seed: setup.seed,
        directions,
        multivariate: tpeModelsJointly(options),
      });
      if (sampler === undefined) return;
      const batchSize = setup.batch ?? defaultBatchSize(sampler);
      const recorder = beginRecord(
        'optimize',
        options,
        deps.storePath,
        setup.target.record,
        setup.seed,
        io,
        status,
      );
      const study = studyStoreFor(
        recorder,
        options.study,
        `optimize-run-${String(recorder?.id ?? 0)}`,
        deps.studyDir,
      );
      const store = study.store;
      const { evaluator, bar } = await startRun(setup, deps, options.json);
      let result;
      try {
        result = await runStudy({
          name: study.name,
          space: setup.space,
          sampler,
          samplerName: options.sampler,
          seed: setup.seed,
          objectives: setup.objectives,
          constraints: setup.constraints,
          evaluator,
          trials: setup.trials,
          batchSize,
          ...(store === undefined ? {} : { store }),
          onProgress: (p) => {
            bar.update(p.done, p.total, bestNote(p));
          },
        });
      } finally {
        bar.stop();
        await evaluator.close?.();
      }
      const storeDiagnostics = store instanceof JsonlStudyStore ? store.diagnostics : [];
      const diagnostics = [...storeDiagnostics, ...result.diagnostics];
      const robustness = robustnessReport(result.trials, result.best, setup.space, setup.objectives);
      if (diagnostics.some((d) => d.severity === 'error')) status.set(ExitCode.inputErrors);
      const recorded = await recordOptimize(
        recorder,
        {
          studyName: study.name,
          sampler: options.sampler,
          seed: setup.seed,
          batchSize,
          workers: setup.workers,
          objectives: setup.objectives,
          constraints: setup.constraints.map((c) => c.text),
          space: setup.space,
          result,
          best: result.best ?? (result.pareto.length > 0 ? result.pareto[0] : undefined),
          robustness,
          diagnostics,
        },
        options,
        io,
        status,
      );
      if (options.json === true) {
        io.stdout(
          jsonText({
            file,
            sampler: options.sampler,
            seed: setup.seed,
            batchSize,
            workers: setup.workers,
            study: study.path ?? (store === undefined ? null : study.name),
            runId: recorded.id ?? null,
            objectives: setup.objectives.map((o) => ({ text: o.text, direction: o.direction })),
            constraints: setup.constraints.map((c) => c.text),
            resumed: result.resumed,
            evaluated: result.evaluated,
            trials: result.trials.map(withoutReturns),
            best: result.best?.number ?? null,
            pareto: result.pareto.map((t) => t.number),
            robustness: {
              dsr: robustness.dsr,
              pbo: robustness.pbo,
              plateau: robustness.plateau,
              plateauRatio: robustness.plateauRatio,
              trialsUsed: robustness.trialsUsed,
            },
            diagnostics: [...diagnostics, ...robustness.diagnostics],
          }),
        );
        return;
      }
      printDiagnostics(io, diagnostics, undefined);
      const counts = trialCounts(result.trials);
      io.stdout(
        `${file}: ${options.sampler}, ${result.trials.length} trials (${result.evaluated} run, ${result.resumed} resumed; ` +
          `${counts.failed} failed, ${counts.infeasible} violate constraints), seed ${setup.seed}, batch ${batchSize}, ${setup.workers} worker${setup.workers === 1 ? '' : 's'}\n`,
      );
      const n = Number(options.top);
      io.stdout(
        `${renderTopTrials(result.trials, setup.space, setup.objectives, Number.isInteger(n) && n > 0 ? n : 10).join('\n')}\n`,
      );
      const best = result.best ?? (result.pareto.length > 0 ? result.pareto[0] : undefined);
      if (setup.objectives.length > 1)
        io.stdout(
          `Pareto front: ${result.pareto.length} trials (${result.pareto.map((t) => t.number).join(', ')})\n`,
        );
      if (best !== undefined) {
        io.stdout(`Best parameters (trial ${best.number}): ${formatParams(setup.space, best.params)}\n`);
        io.stdout(
          `warning: in-sample result — the best of ${result.trials.length} trials on the same data overstates what to expect; ` +
            'check it out of sample with `pineport walkforward` and read the robustness block.\n',
        );
      }
      io.stdout(`${renderRobustness(robustness).join('\n')}\n`);
      for (const line of recorded.lines) io.stdout(`${line}\n`);
    });

  registerOptions(
    program
      .command('walkforward')
      .description('Walk-forward analysis: optimise on each training window, test on the next (exit 0/1/2)')
      .argument('<file>', 'Pine strategy'),
  )
    .requiredOption('--train <len>', 'training window: 6M, 2W, 30D, 12h, 1Y or a bar count')
    .requiredOption('--test <len>', 'test window, same forms')
    .option('--anchored', 'training windows all start at the first bar')
    .option('--warmup <bars>', 'warm-up bars before each test window (default: its whole training window)')
    .option('--trials <n>', 'trials per window', '50')
    .option(
      '--study <name>',
      'keep each window’s trials as study <name>/window-<i> in the run store (resumable)',
    )
    .option(
      '--efficiency-metric <name>',
      'metric whose per-bar rate defines walk-forward efficiency',
      'net_profit_pct',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  pineport walkforward corpus/v5/ma-cross.pine --data data/eth-usdt-15m.csv --train 30D --test 10D --report wf.html\n' +
        '  pineport walkforward my.pine --data bars.csv --train 6M --test 1M --anchored --sampler tpe --trials 100',
    )
    .action(async (file: string, options: WalkForwardCliOptions) => {
      const warmup = integerOption(io, status, '--warmup', options.warmup, 0);
      if (Number.isNaN(warmup)) return;
      const train = parseWindowLength(options.train, '--train');
      const test = parseWindowLength(options.test, '--test');
      const lengthDiagnostics = [...train.diagnostics, ...test.diagnostics];
      if (train.length === undefined || test.length === undefined) {
        printDiagnostics(io, lengthDiagnostics, undefined);
        status.set(ExitCode.usage);
        return;
      }
      const setup = await prepare(file, options, io, status, deps);
      if (setup === undefined) return;
      const { windows, diagnostics } = walkForwardWindows(setup.target.times, {
        train: train.length,
        test: test.length,
        ...(options.anchored === true ? { anchored: true } : {}),
        ...(warmup === undefined ? {} : { warmupBars: warmup }),
      });
      if (windows.length === 0) {
        printDiagnostics(io, diagnostics, undefined);
        status.set(ExitCode.inputErrors);
        return;
      }
      const directions = setup.objectives.map((o) => o.direction);
      const makeSampler = (w: {
        readonly index: number;
      }): ReturnType<typeof createSampler>['sampler'] & object =>
        createSampler(options.sampler, setup.space, {
          seed: setup.seed + w.index,
          directions,
          multivariate: tpeModelsJointly(options),
        }).sampler!;
      const batchSize = setup.batch ?? defaultBatchSize(makeSampler({ index: 0 }));
      const recorder = beginRecord(
        'walkforward',
        options,
        deps.storePath,
        setup.target.record,
        setup.seed,
        io,
        status,
      );
      const base = options.study ?? `walkforward-run-${String(recorder?.id ?? 0)}`;
      const studyOf = (index: number): ReturnType<typeof studyStoreFor> =>
        studyStoreFor(
          recorder,
          options.study === undefined ? undefined : `${base}.window-${String(index)}`,
          `${base}.window-${String(index)}`,
          deps.studyDir,
        );
      const { evaluator, bar } = await startRun(setup, deps, options.json);
      const total = windows.length * setup.trials;
      let result;
      try {
        result = await runWalkForward({
          storeFor: (w) => studyOf(w.index).store,
          windows,
          space: setup.space,
          objectives: setup.objectives,
          constraints: setup.constraints,
          evaluator,
          makeSampler,
          samplerName: options.sampler,
          seed: setup.seed,
          trials: setup.trials,
          batchSize,
          efficiencyMetric: options.efficiencyMetric,
          onProgress: (w, p) => {
            // Windows run one after another; a grid may end a window early, so this is an upper bound.
            bar.update(
              w.index * setup.trials + p.done,
              total,
              `window ${String(w.index + 1)}/${String(windows.length)}`,
            );
          },
        });
      } finally {
        bar.stop();
        await evaluator.close?.();
      }
      const first = windows[0].test.from;
      const last = windows[windows.length - 1].test.to;
      const times = setup.target.times;
      const stitchedTimes =
        result.stitchedEquity.length === last - first
          ? Float64Array.from({ length: last - first }, (_, i) => times[first + i])
          : undefined;
      const oos =
        result.stitchedEquity.length >= 2
          ? computeMetrics({
              equity: result.stitchedEquity,
              ...(stitchedTimes === undefined ? {} : { times: stitchedTimes }),
            })
          : undefined;
      const recorded = await recordWalkForward(
        recorder,
        {
          result,
          times,
          stitchedTimes,
          oos,
          summary: {
            objective: setup.objectives[0].text,
            sampler: options.sampler,
            seed: setup.seed,
            trialsPerWindow: setup.trials,
            train: options.train,
            test: options.test,
            anchored: options.anchored === true,
            efficiencyMetric: options.efficiencyMetric,
          },
          studyIdFor: (index) => {
            const store = studyOf(index).store;
            return store instanceof SqliteStudyStore ? store.id() : undefined;
          },
        },
        options,
        io,
        status,
      );
      if (options.json === true) {
        io.stdout(
          jsonText({
            file,
            runId: recorded.id ?? null,
            windows: result.windows.map((w) => ({
              window: w.window,
              inSample:
                w.inSample === undefined
                  ? null
                  : { params: w.inSample.params, values: w.inSample.values, metrics: w.inSample.metrics },
              outOfSample:
                w.outOfSample === undefined
                  ? null
                  : {
                      values: w.outOfSample.values,
                      metrics: w.outOfSample.metrics,
                      state: w.outOfSample.state,
                      reason: w.outOfSample.reason ?? null,
                    },
              efficiency: w.efficiency,
            })),
            efficiency: result.efficiency,
            stability: result.stability,
            stitched: {
              bars: result.stitchedEquity.length,
              trades: result.stitchedTrades.length,
              metrics: oos ?? null,
            },
            diagnostics: [...diagnostics, ...result.diagnostics],
          }),
        );
        return;
      }
      printDiagnostics(io, result.diagnostics, undefined);
      io.stdout(
        `${file}: walk-forward, ${windows.length} windows (${options.anchored === true ? 'anchored' : 'rolling'}, train ${options.train}, test ${options.test}), ${options.sampler} × ${setup.trials} trials per window\n`,
      );
      io.stdout(`${renderWalkForward(result, setup.space, times).join('\n')}\n`);
      io.stdout(
        `Walk-forward efficiency (${options.efficiencyMetric} per bar, OOS ÷ IS): ${formatNumber(result.efficiency)}\n`,
      );
      for (const s of result.stability) {
        io.stdout(
          s.kind === 'numeric'
            ? `  ${s.name}: mean ${formatNumber(s.mean)}, std ${formatNumber(s.std)}, CV ${formatNumber(s.cv)}\n`
            : `  ${s.name}: ${String(s.mode)} in ${formatNumber(s.modeShare * 100)}% of windows\n`,
        );
      }
      if (oos !== undefined) {
        io.stdout(
          `Stitched out-of-sample: ${result.stitchedEquity.length} bars, ${result.stitchedTrades.length} trades, return ${formatNumber(oos.totalReturn * 100)}%, ` +
            `max drawdown ${formatNumber(oos.maxDrawdown * 100)}%, Sharpe ${formatNumber(oos.sharpe)}\n`,
        );
      }
      for (const line of recorded.lines) io.stdout(`${line}\n`);
    });
}
