/**
 * pineport/optimize — parameter search over a strategy's inputs: search spaces from `input.*`
 * descriptors, samplers behind one ask/tell interface (grid, random, TPE, CMA-ES, NSGA-II),
 * objective/constraint expressions over metrics, studies persisted trial by trial and resumable,
 * a piscina worker-pool evaluator sharing the bars through a SharedArrayBuffer, walk-forward
 * analysis and the robustness block (DSR, PBO, plateau). A trial is any `(params) => metrics`.
 */
export type {
  BarRange,
  EvaluateOptions,
  ParamValue,
  ParamValues,
  Trial,
  TrialEvaluator,
  TrialMetrics,
  TrialState,
} from './types.js';
export { FunctionEvaluator } from './types.js';
export type {
  CategoricalDimension,
  Dimension,
  InputDescriptor,
  NumericDimension,
  ParamOverride,
  SearchSpace,
  SpaceOverrides,
} from './space.js';
export {
  buildSearchSpace,
  composeParams,
  editDistance,
  gridValues,
  parseSpaceOverrides,
  PINE_SOURCES,
  snapNumeric,
  suggestion,
} from './space.js';
export type { Direction, Sampler } from './sampler.js';
export { fromUnit, lossOf, sampleUniform, toUnit, totalViolation } from './sampler.js';
export { GridSampler, LARGE_GRID } from './grid-sampler.js';
export { RandomSampler } from './random-sampler.js';
export { TpeSampler } from './tpe/tpe-sampler.js';
export type { TpeOptions } from './tpe/tpe-sampler.js';
export { defaultGamma, defaultWeights, ParzenEstimator } from './tpe/parzen.js';
export type { ParzenDimension, ParzenOptions } from './tpe/parzen.js';
export { CmaEsSampler } from './cmaes-sampler.js';
export type { CmaEsOptions } from './cmaes-sampler.js';
export { Nsga2Sampler } from './nsga2-sampler.js';
export type { Nsga2Options } from './nsga2-sampler.js';
export { crowdingDistances, dominates, nondominatedFronts, selectByRankAndCrowding } from './pareto.js';
export type { RankedPoint } from './pareto.js';
export { createSampler, defaultBatchSize, SAMPLER_NAMES } from './samplers.js';
export type { SamplerName, SamplerSetup } from './samplers.js';
export { parseExpression, tokenize } from './objective/syntax.js';
export type { ComparisonOp, Expr, SyntaxProblem, TextRange } from './objective/syntax.js';
export {
  constraintViolation,
  evaluateExpression,
  parseConstraint,
  parseObjective,
  STANDARD_METRICS,
  violation,
} from './objective/objectives.js';
export type { Constraint, Objective } from './objective/objectives.js';
export { bestTrials, runStudy, scoreTrial, studyMeta } from './study.js';
export type { StudyOptions, StudyProgress, StudyResult } from './study.js';
export { decodeTrial, encodeTrial, JsonlStudyStore, MemoryStudyStore } from './store.js';
export type { StudyMeta, StudyStore } from './store.js';
export { fromShared, toShared } from './shared-feed.js';
export type { BarFeed, SharedFeed } from './shared-feed.js';
export { PoolEvaluator } from './pool-evaluator.js';
export type { PoolEvaluatorOptions, TrialTask, TrialWorkerData } from './pool-evaluator.js';
export { trialWorker } from './worker-kit.js';
export type { TrialFunction } from './worker-kit.js';
export { robustnessReport } from './robustness.js';
export type { RobustnessOptions, RobustnessReport } from './robustness.js';
export { addDuration, parseWindowLength, walkForwardWindows } from './walk-forward/windows.js';
export type {
  BarSpan,
  CalendarDuration,
  WalkForwardWindow,
  WindowLength,
  WindowOptions,
} from './walk-forward/windows.js';
export { parameterStability, runWalkForward, stitchEquity } from './walk-forward/run.js';
export type {
  ParamStability,
  WalkForwardOptions,
  WalkForwardResult,
  WindowResult,
} from './walk-forward/run.js';
export { performanceToMetrics } from './metrics-adapter.js';
export {
  formatNumber,
  formatParams,
  renderRobustness,
  renderTopTrials,
  renderWalkForward,
  trialCounts,
} from './render.js';
export { optimizeCodes } from '../diagnostics/codes/optimize.js';
