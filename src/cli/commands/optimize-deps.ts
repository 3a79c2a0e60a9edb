import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputDescriptor as AnalysedInput, LiteralValue } from '../../analysis/model.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import { loadOhlcvFile } from '../../data/index.js';
import { FunctionEvaluator, PoolEvaluator, toShared } from '../../optimize/index.js';
import type { InputDescriptor, ParamValue, ParamValues, TrialEvaluator } from '../../optimize/index.js';
import { runBacktest } from '../../run/backtest.js';
import { compilePine, loadGeneratedModule, type LoadedModule } from '../../run/compile.js';
import { toExportTrades } from '../../run/trades.js';
import { StrategyTrial, type StrategyTrialContext } from '../../run/trial-worker.js';
import { computeSummary } from '../../runtime/index.js';
import type { BarColumns } from '../../run/backtest.js';
import { defaultStorePath } from '../../store/index.js';
import type { BacktestOutcome } from '../optimize-record.js';
import { dataProvenance, scriptProvenance } from '../record.js';
import { toStoredJson } from '../run-summaries.js';
import type { OptimizeDeps, OptimizeTarget } from './optimize.js';

/** Options of {@link optimizeDeps}. */
export interface OptimizeDepsOptions {
  /** Price tick of the symbol; default 0.01, as `pineport run`. */
  readonly mintick?: number;
  /** Where the progress bar draws; default process.stderr. `null`: no bar. */
  readonly progressStream?: NodeJS.WritableStream | null;
  readonly studyDir?: string;
  /** The run store runs and studies go to unless `--store` says otherwise; default `.pineport/runs.db`. */
  readonly storePath?: string;
}

const isParamValue = (v: LiteralValue | undefined): v is ParamValue =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
const numberOrUndefined = (v: LiteralValue | undefined): number | undefined =>
  typeof v === 'number' ? v : undefined;

/**
 * The analysis' inputs as the optimiser's space sees them. Text-like inputs (timeframe, session,
 * symbol, text area) become fixed strings; inputs that cannot be varied as plain values (colors,
 * prices, times, enums) or whose default is an expression are left out and keep the script's default.
 */
export function optimiserInputs(inputs: readonly AnalysedInput[]): InputDescriptor[] {
  const out: InputDescriptor[] = [];
  for (const input of inputs) {
    if (!isParamValue(input.default)) continue;
    let type: InputDescriptor['type'];
    if (input.type === 'int' || input.type === 'float' || input.type === 'bool' || input.type === 'source')
      type = input.type;
    else if (['string', 'timeframe', 'session', 'symbol', 'text_area'].includes(input.type)) type = 'string';
    else continue;
    const minval = numberOrUndefined(input.minval);
    const maxval = numberOrUndefined(input.maxval);
    const step = numberOrUndefined(input.step);
    const options = input.options?.filter(isParamValue);
    out.push({
      name: input.name,
      type,
      default: input.default,
      ...(minval === undefined ? {} : { minval }),
      ...(maxval === undefined ? {} : { maxval }),
      ...(step === undefined ? {} : { step }),
      ...(options === undefined || options.length === 0 ? {} : { options }),
    });
  }
  return out;
}

/**
 * Input name → key of the generated module's `Inputs`. Codegen emits the keys in the analysis'
 * input order (`defaultInputs` keeps that order: keys are identifiers, never integer-like), so
 * position maps them; a name that is itself a key maps to itself.
 */
export function inputKeys(
  inputs: readonly AnalysedInput[],
  defaultInputs: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const keys = Object.keys(defaultInputs);
  const out: Record<string, string> = {};
  inputs.forEach((input, i) => {
    out[input.name] = input.name in defaultInputs ? input.name : (keys[i] ?? input.name);
  });
  return out;
}

/** The strategy on all bars with the given parameters: the report of an optimisation's best trial. */
function fullBacktest(
  module: LoadedModule,
  bars: BarColumns,
  trial: StrategyTrial,
  run: { readonly mintick: number; readonly params: ParamValues; readonly settings: ParamValues },
): BacktestOutcome | undefined {
  const result = runBacktest(module, bars, {
    symbol: { mintick: run.mintick },
    inputs: trial.inputsFor(run.params),
    settings: run.settings,
  });
  if (result.results === undefined) return undefined;
  return {
    summary: computeSummary(result.results),
    trades: toExportTrades(result.results),
    equity: result.equity,
  };
}

/**
 * The worker module's URL, when it exists as JavaScript (the built CLI). Running from the
 * TypeScript sources (tests) there is none: Node's worker threads cannot load TypeScript.
 */
function workerModule(): URL | undefined {
  const url = new URL('../../run/trial-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * The CLI's wiring of `optimize` and `walkforward`: compiles the Pine script, loads the OHLCV file
 * and builds the trial evaluator — in process for `--workers 1`, otherwise a worker pool that
 * loads the strategy once per thread and reads the bars from shared memory.
 */
export function optimizeDeps(options: OptimizeDepsOptions = {}): OptimizeDeps {
  const mintick = options.mintick ?? 0.01;
  const progressStream = options.progressStream === undefined ? process.stderr : options.progressStream;
  return {
    ...(progressStream === null ? {} : { progressStream }),
    ...(options.studyDir === undefined ? {} : { studyDir: options.studyDir }),
    storePath: options.storePath ?? defaultStorePath(),
    prepare: async ({ file, source, data }) => {
      const compiled = await compilePine(source, { file });
      const diagnostics: Diagnostic[] = [...compiled.diagnostics];
      const code = compiled.code;
      if (code === undefined || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
      let loaded;
      try {
        loaded = await loadOhlcvFile(data);
      } catch (error) {
        return { diagnostics, unreadable: error instanceof Error ? error.message : String(error) };
      }
      diagnostics.push(...loaded.diagnostics);
      const bars = loaded.series;
      if (bars === undefined || !loaded.ok) return { diagnostics };
      const module = loadGeneratedModule(code);
      const keys = inputKeys(compiled.analysis.inputs, module.defaultInputs);
      const title = compiled.analysis.declaration?.settings.title;
      const { time, open, high, low, close, volume } = bars;
      const target: OptimizeTarget = {
        inputs: optimiserInputs(compiled.analysis.inputs),
        times: bars.time,
        record: {
          name: typeof title === 'string' ? title : file,
          provenance: { ...scriptProvenance(file, source, code), ...(await dataProvenance(data, bars.time)) },
          inputs: toStoredJson(module.defaultInputs),
          strategy: toStoredJson(module.settings),
          symbol: { mintick },
          bars: { time, open, high, low, close, volume },
          backtest: (params, settings) =>
            fullBacktest(module, bars, new StrategyTrial(module, { code, mintick, settings, keys }), {
              mintick,
              params,
              settings,
            }),
        },
        createEvaluator: ({ workers, settings }): TrialEvaluator => {
          const context: StrategyTrialContext = { code, mintick, settings, keys };
          const worker = workers > 1 ? workerModule() : undefined;
          if (worker !== undefined)
            return new PoolEvaluator({ worker, workers, feed: toShared(bars), context });
          const trial = new StrategyTrial(module, context);
          return new FunctionEvaluator((params: ParamValues, range) => trial.run(bars, params, range));
        },
      };
      return { target, diagnostics };
    },
  };
}
