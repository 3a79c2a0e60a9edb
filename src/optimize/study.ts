import type { Diagnostic } from '../diagnostics/index.js';
import { optimizeCodes } from '../diagnostics/codes/optimize.js';
import type { Constraint, Objective } from './objective/objectives.js';
import { constraintViolation, evaluateExpression } from './objective/objectives.js';
import { nondominatedFronts } from './pareto.js';
import type { Sampler } from './sampler.js';
import { lossOf } from './sampler.js';
import type { SearchSpace } from './space.js';
import type { StudyMeta, StudyStore } from './store.js';
import type { BarRange, ParamValues, Trial, TrialEvaluator, TrialMetrics } from './types.js';

/** Progress after each finished trial. */
export interface StudyProgress {
  /** Trials finished, resumed ones included, and the study's target. */
  readonly done: number;
  readonly total: number;
  /** Trials taken from the store instead of evaluated. */
  readonly resumed: number;
  readonly elapsedMs: number;
  /** Estimated time left from this session's rate; NaN before the first evaluated trial. */
  readonly etaMs: number;
  readonly best: Trial | undefined;
  readonly last: Trial;
}

/** Everything {@link runStudy} needs. */
export interface StudyOptions {
  readonly name?: string;
  readonly space: SearchSpace;
  readonly sampler: Sampler;
  /** Name and seed of the sampler, recorded in the store's meta. */
  readonly samplerName: string;
  readonly seed: number;
  readonly objectives: readonly Objective[];
  readonly constraints?: readonly Constraint[];
  readonly evaluator: TrialEvaluator;
  /** Target number of trials (a grid may end sooner). */
  readonly trials: number;
  readonly batchSize: number;
  /** Bars every trial runs on (walk-forward windows); omitted: the whole feed. */
  readonly range?: BarRange;
  readonly store?: StudyStore;
  readonly onProgress?: (progress: StudyProgress) => void;
  /** Stops between trials; finished trials are kept (and stored), the rest is left for a resume. */
  readonly signal?: AbortSignal;
  /** Clock for progress only (never affects results). */
  readonly now?: () => number;
}

/** The outcome of a study run. */
export interface StudyResult {
  /** Every trial, ordered by number (failed and infeasible ones included). */
  readonly trials: readonly Trial[];
  /** Single objective: the best feasible trial. Several: undefined (see `pareto`). */
  readonly best: Trial | undefined;
  /** Feasible trials no other feasible trial dominates (single objective: the best ones). */
  readonly pareto: readonly Trial[];
  readonly resumed: number;
  readonly evaluated: number;
  readonly interrupted: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Scores one evaluation into a trial: objectives and constraint violations from the metrics. An
 * evaluator error, a missing metric or a NaN objective makes the trial `failed` with the reason;
 * constraint violations keep it `complete` but not `feasible`.
 */
export function scoreTrial(
  head: {
    readonly number: number;
    readonly batch: number;
    readonly batchSize: number;
    readonly params: ParamValues;
  },
  outcome: { readonly metrics: TrialMetrics } | { readonly error: string },
  objectives: readonly Objective[],
  constraints: readonly Constraint[],
): Trial {
  if ('error' in outcome) {
    return {
      ...head,
      state: 'failed',
      values: objectives.map(() => NaN),
      violations: constraints.map(() => Infinity),
      feasible: false,
      reason: `evaluation failed: ${outcome.error}`,
      metrics: {},
    };
  }
  const { metrics, returns } = outcome.metrics;
  const missing = new Set<string>();
  const note = (name: string): void => {
    missing.add(name);
  };
  const values = objectives.map((o) => evaluateExpression(o.expr, metrics, note));
  const violations = constraints.map((c) => constraintViolation(c, metrics, note));
  let reason: string | undefined;
  if (missing.size > 0) reason = `metric ${[...missing].map((m) => `'${m}'`).join(', ')} not reported`;
  else {
    const bad = values.findIndex((v) => Number.isNaN(v));
    if (bad >= 0) reason = `objective '${objectives[bad].text}' is NaN`;
  }
  const failed = values.some((v) => Number.isNaN(v));
  return {
    ...head,
    state: failed ? 'failed' : 'complete',
    values,
    violations,
    feasible: !failed && violations.every((v) => v === 0),
    ...(reason === undefined ? {} : { reason }),
    metrics: { ...metrics },
    ...(returns === undefined ? {} : { returns: Array.from(returns) }),
  };
}

/**
 * Best feasible trials: with one objective, the trials sharing the best value (first one first);
 * with several, the Pareto front (by trial number).
 */
export function bestTrials(trials: readonly Trial[], objectives: readonly Objective[]): Trial[] {
  const directions = objectives.map((o) => o.direction);
  const feasible = trials.filter((t) => t.feasible);
  if (feasible.length === 0) return [];
  const points = feasible.map((t) => ({ loss: lossOf(t, directions) ?? [], violation: 0 }));
  return nondominatedFronts(points)[0].map((i) => feasible[i]);
}

function spaceFingerprint(space: SearchSpace): string {
  return JSON.stringify({ dimensions: space.dimensions, fixed: space.fixed });
}

/** The meta a study run writes to (and expects in) its store. */
export function studyMeta(options: StudyOptions): StudyMeta {
  return {
    name: options.name ?? 'study',
    sampler: options.samplerName,
    seed: options.seed,
    batchSize: options.batchSize,
    objectives: options.objectives.map((o) => `${o.direction}:${o.text}`),
    constraints: (options.constraints ?? []).map((c) => c.text),
    space: spaceFingerprint(options.space),
  };
}

function sameMeta(a: StudyMeta, b: StudyMeta): string | undefined {
  for (const key of ['sampler', 'seed', 'batchSize', 'space'] as const) {
    if (a[key] !== b[key]) return key;
  }
  if (a.objectives.join('\n') !== b.objectives.join('\n')) return 'objectives';
  if (a.constraints.join('\n') !== b.constraints.join('\n')) return 'constraints';
  return undefined;
}

/**
 * Runs a study: asks the sampler for batches, evaluates every trial of a batch concurrently
 * (through the evaluator, so a worker pool runs them in parallel), stores each trial as soon as it
 * finishes, and tells the batch back in trial-number order. Results therefore depend only on the
 * seed, the batch size and the evaluator — not on worker count or timing.
 *
 * Resume: trials already in the store are replayed batch by batch (ask, compare the proposed
 * parameters with the stored ones, tell the stored results), which restores the sampler's exact
 * state; only missing trials are evaluated, none twice. A store written with other settings or a
 * replay that proposes other parameters is an error diagnostic and nothing runs.
 */
export async function runStudy(options: StudyOptions): Promise<StudyResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const objectives = options.objectives;
  const constraints = options.constraints ?? [];
  const diagnostics: Diagnostic[] = [];
  const meta = studyMeta(options);
  const store = options.store;
  let stored: Trial[] = [];
  if (store !== undefined) {
    const existing = await store.meta();
    if (existing === undefined) await store.create(meta);
    else {
      const differs = sameMeta(existing, meta);
      if (differs !== undefined) {
        diagnostics.push({
          code: optimizeCodes.storeMismatch.code,
          severity: optimizeCodes.storeMismatch.severity,
          message: `study '${existing.name}' was run with a different ${differs}`,
          hint: 'use the same settings to resume, or give a new --study name',
        });
        return {
          trials: [],
          best: undefined,
          pareto: [],
          resumed: 0,
          evaluated: 0,
          interrupted: false,
          diagnostics,
        };
      }
      stored = await store.load();
    }
  }
  const byNumber = new Map(stored.map((t) => [t.number, t]));
  const trials: Trial[] = [];
  let evaluated = 0;
  let resumed = 0;
  let best: Trial | undefined;
  const single = objectives.length === 1;
  const better = (a: Trial, b: Trial | undefined): boolean =>
    b === undefined ||
    (objectives[0].direction === 'maximize' ? a.values[0] > b.values[0] : a.values[0] < b.values[0]);
  const record = (t: Trial, fresh: boolean): void => {
    trials.push(t);
    if (single && t.feasible && better(t, best)) best = t;
    if (fresh) evaluated++;
    else resumed++;
    const elapsed = now() - started;
    options.onProgress?.({
      done: trials.length,
      total: options.trials,
      resumed,
      elapsedMs: elapsed,
      etaMs: evaluated > 0 ? (elapsed / evaluated) * Math.max(0, options.trials - trials.length) : NaN,
      best,
      last: t,
    });
  };

  let interrupted = false;
  let batch = 0;
  while (trials.length < options.trials || stored.some((t) => t.batch === batch)) {
    const first = trials.length;
    if (options.signal?.aborted === true && !stored.some((t) => t.number >= first)) {
      interrupted = true;
      break;
    }
    const storedBatch = stored.filter((t) => t.batch === batch);
    const want =
      storedBatch.length > 0 ? storedBatch[0].batchSize : Math.min(options.batchSize, options.trials - first);
    const proposals = options.sampler.ask(want);
    if (proposals.length === 0) break;
    const size = proposals.length;
    for (const s of storedBatch) {
      const p = proposals[s.number - first] as ParamValues | undefined;
      if (p === undefined || JSON.stringify(p) !== JSON.stringify(s.params)) {
        diagnostics.push({
          code: optimizeCodes.replayMismatch.code,
          severity: optimizeCodes.replayMismatch.severity,
          message: `resuming: trial ${s.number} was stored with ${JSON.stringify(s.params)} but the sampler now proposes ${JSON.stringify(p)}`,
          hint: 'the study file belongs to another version or configuration; give a new --study name',
        });
        return { trials, best, pareto: [], resumed, evaluated, interrupted: false, diagnostics };
      }
    }
    // Filled, not sparse: `some` must see the slots of trials that were never run.
    const results: (Trial | undefined)[] = Array.from({ length: size }, () => undefined);
    const pending: Promise<void>[] = [];
    for (let k = 0; k < size; k++) {
      const number = first + k;
      const old = byNumber.get(number);
      if (old !== undefined) {
        results[k] = old;
        continue;
      }
      if (options.signal?.aborted === true) {
        interrupted = true;
        continue;
      }
      const head = { number, batch, batchSize: size, params: proposals[k] };
      const job = evaluateOne(options.evaluator, proposals[k], options.range).then(async (outcome) => {
        const trial = scoreTrial(head, outcome, objectives, constraints);
        results[k] = trial;
        if (store !== undefined) await store.append(trial);
      });
      // A sync evaluator runs one at a time; a pool gets the whole batch at once.
      if ((options.evaluator.concurrency ?? 1) <= 1) await job;
      else pending.push(job);
    }
    await Promise.all(pending);
    if (results.some((r) => r === undefined)) {
      interrupted = true;
      for (const r of results) if (r !== undefined) record(r, !byNumber.has(r.number));
      break;
    }
    const done = results as Trial[];
    for (const r of done) record(r, !byNumber.has(r.number));
    options.sampler.tell(done);
    batch++;
  }
  trials.sort((a, b) => a.number - b.number);
  if (trials.length > 0 && !trials.some((t) => t.state === 'complete')) {
    diagnostics.push({
      code: optimizeCodes.noCompleteTrial.code,
      severity: optimizeCodes.noCompleteTrial.severity,
      message: `all ${trials.length} trials failed; first reason: ${trials[0].reason ?? '?'}`,
    });
  } else if (trials.length > 0 && !trials.some((t) => t.feasible)) {
    diagnostics.push({
      code: optimizeCodes.noFeasibleTrial.code,
      severity: optimizeCodes.noFeasibleTrial.severity,
      message: `none of ${trials.length} trials satisfies the constraints`,
      hint: 'relax the constraints or widen the search space',
    });
  }
  const pareto = bestTrials(trials, objectives);
  return {
    trials,
    best: single ? pareto[0] : undefined,
    pareto,
    resumed,
    evaluated,
    interrupted,
    diagnostics,
  };
}

async function evaluateOne(
  evaluator: TrialEvaluator,
  params: ParamValues,
  range: BarRange | undefined,
): Promise<{ metrics: TrialMetrics } | { error: string }> {
  try {
    return { metrics: await evaluator.evaluate(params, range) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
