import type { Diagnostic } from '../diagnostics/index.js';
import { optimizeCodes } from '../diagnostics/codes/optimize.js';
import {
  deflatedSharpeFromTrials,
  pboFromTrials,
  plateauScoreFromTrials,
  summariseReturns,
} from '../robust/index.js';
import type { PboResult, PlateauResult, ReturnsSummary } from '../robust/index.js';
import type { Objective } from './objective/objectives.js';
import type { SearchSpace } from './space.js';
import type { Trial } from './types.js';

/** The robustness block of a study's best trial. */
export interface RobustnessReport {
  /** The trial the statistics are about. */
  readonly trial: number | undefined;
  /** Deflated Sharpe ratio of the best trial's returns against all trials' Sharpe ratios. */
  readonly dsr: number;
  /** Per-period Sharpe summary of the best trial (what DSR deflates). */
  readonly sharpe: ReturnsSummary | undefined;
  /** Trials whose Sharpe entered the deflation (N). */
  readonly trialsUsed: number;
  /** Probability of backtest overfitting by CSCV over the trials' return series. */
  readonly pbo: number;
  readonly pboDetail: PboResult | undefined;
  /** Objective averaged over the best trial's parameter neighbourhood, and its ratio to the optimum. */
  readonly plateau: number;
  readonly plateauRatio: number;
  readonly plateauDetail: PlateauResult | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link robustnessReport}. */
export interface RobustnessOptions {
  /** PBO blocks S (even); default 16, lowered to fit short series. */
  readonly pboBlocks?: number;
  /** Neighbourhood radius in parameter steps for the plateau. Default 1. */
  readonly plateauRadius?: number;
  /** For continuous dimensions: the plateau step as a fraction of the range. Default 1/20. */
  readonly continuousStepFraction?: number;
}

function info(message: string): Diagnostic {
  return {
    code: optimizeCodes.robustnessUnavailable.code,
    severity: optimizeCodes.robustnessUnavailable.severity,
    message,
  };
}

/**
 * Robustness of the study's best trial (first objective), from all its trials:
 * - DSR: `deflatedSharpeFromTrials(best returns, Sharpe of every complete trial with returns)`;
 * - PBO: `pboFromTrials(return series of every complete trial)` (equal lengths required; blocks
 *   lowered to the largest even S with at least 2 rows per half-block set);
 * - plateau: `plateauScoreFromTrials` over the numeric parameters of the trials that share the best
 *   trial's categorical values, steps = each dimension's step (or range/20 when continuous).
 * Statistics that cannot be computed (no return series, too few trials) are NaN with an info
 * diagnostic saying why.
 */
export function robustnessReport(
  trials: readonly Trial[],
  best: Trial | undefined,
  space: SearchSpace,
  objectives: readonly Objective[],
  options: RobustnessOptions = {},
): RobustnessReport {
  const diagnostics: Diagnostic[] = [];
  const empty = {
    trial: best?.number,
    dsr: NaN,
    sharpe: undefined,
    trialsUsed: 0,
    pbo: NaN,
    pboDetail: undefined,
    plateau: NaN,
    plateauRatio: NaN,
    plateauDetail: undefined,
  };
  if (best === undefined || objectives.length === 0) {
    return { ...empty, diagnostics: [info('no best trial: robustness not computed')] };
  }
  const withReturns = trials.filter(
    (t) => t.state === 'complete' && t.returns !== undefined && t.returns.length > 2,
  );
  let dsr = NaN;
  let sharpe: ReturnsSummary | undefined;
  let pbo = NaN;
  let pboDetail: PboResult | undefined;
  if (best.returns === undefined || withReturns.length < 2) {
    diagnostics.push(
      info('DSR and PBO need per-period return series from the evaluator (TrialMetrics.returns)'),
    );
  } else {
    sharpe = summariseReturns(best.returns);
    const sharpes = withReturns.map((t) => summariseReturns(t.returns!).sharpe).filter(Number.isFinite);
    dsr = deflatedSharpeFromTrials(sharpe, sharpes);
    const length = best.returns.length;
    const same = withReturns.filter((t) => t.returns!.length === length);
    let blocks = options.pboBlocks ?? 16;
    while (blocks > 2 && Math.floor(length / blocks) * (blocks / 2) < 2) blocks -= 2;
    if (same.length < 2)
      diagnostics.push(info('PBO needs at least 2 trials with return series of equal length'));
    else {
      pboDetail = pboFromTrials(
        same.map((t) => t.returns!),
        { blocks },
      );
      pbo = pboDetail.pbo;
      diagnostics.push(...pboDetail.diagnostics);
    }
  }
  const numeric = space.dimensions.flatMap((d) => (d.kind === 'numeric' ? [d] : []));
  const categorical = space.dimensions.filter((d) => d.kind === 'categorical');
  let plateauDetail: PlateauResult | undefined;
  if (numeric.length === 0) diagnostics.push(info('plateau needs at least one numeric parameter'));
  else {
    const fraction = options.continuousStepFraction ?? 1 / 20;
    const steps = numeric.map((d) => d.step ?? (d.high - d.low) * fraction);
    const peers = trials.filter(
      (t) => t.feasible && categorical.every((d) => t.params[d.name] === best.params[d.name]),
    );
    plateauDetail = plateauScoreFromTrials(
      peers.map((t) => ({ params: numeric.map((d) => t.params[d.name] as number), value: t.values[0] })),
      steps,
      { maximize: objectives[0].direction === 'maximize', radius: options.plateauRadius ?? 1 },
    );
    diagnostics.push(...plateauDetail.diagnostics);
  }
  return {
    trial: best.number,
    dsr,
    sharpe,
    trialsUsed: withReturns.length,
    pbo,
    pboDetail,
    plateau: plateauDetail?.plateau ?? NaN,
    plateauRatio: plateauDetail?.ratio ?? NaN,
    plateauDetail,
    diagnostics,
  };
}
