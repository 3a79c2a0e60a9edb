import { Xoshiro128 } from '../../robust/index.js';
import { selectByRankAndCrowding } from '../pareto.js';
import type { Direction, Sampler } from '../sampler.js';
import { lossOf, sampleUniform, totalViolation } from '../sampler.js';
import { composeParams, snapNumeric } from '../space.js';
import type { Dimension, SearchSpace } from '../space.js';
import type { ParamValue, ParamValues, Trial } from '../types.js';
import { bestUnseenCombination, rankCandidates } from './best-unseen.js';
import { defaultGamma, defaultWeights, ParzenEstimator } from './parzen.js';
import type { ParzenDimension, ParzenOptions } from './parzen.js';

/**
 * Options of {@link TpeSampler}; the defaults are Optuna's `TPESampler` defaults except
 * `constantLiar`, `avoidDuplicates` and `randomFraction` (each says why).
 */
export interface TpeOptions {
  readonly directions?: readonly Direction[];
  /** Trials drawn uniformly before TPE starts modelling. Default 10. */
  readonly nStartupTrials?: number;
  /** Candidates drawn from l(x) per suggestion; the best l/g ratio wins. Default 24. */
  readonly nEiCandidates?: number;
  /** One joint estimator over all parameters instead of one per parameter. Default false. */
  readonly multivariate?: boolean;
  /**
   * In a batch, count the already-proposed trials of the batch as bad ("above") observations, so
   * the batch spreads out instead of proposing the same point (Optuna's constant liar). Default true
   * here (Optuna: false, recommended true for parallel runs), because the study always asks in
   * batches.
   */
  readonly constantLiar?: boolean;
  readonly priorWeight?: number;
  /**
   * Never propose a point already proposed (told or pending). Optuna proposes its argmax even when
   * it was evaluated (optuna/optuna#2021, #5440: kept for stochastic objectives); a backtest is
   * deterministic, so a repeat costs a trial and teaches nothing. Instead the best-scoring new
   * combination of the drawn candidates is proposed (same acquisition, next in rank; more
   * candidates drawn if all repeat, a uniform new point as the last resort). Whenever the argmax is
   * new it is proposed unchanged, so this only ever replaces wasted trials. Default true.
   */
  readonly avoidDuplicates?: boolean;
  readonly gamma?: (n: number) => number;
  /**
   * Share of the modelled trials drawn uniformly (among unproposed points) instead of from the
   * model, decided per trial by the sampler's generator — BOHB's ρ (Falkner et al. 2018: a TPE-like
   * KDE model, a constant fraction ρ = 1/3 of configurations sampled at random) and SMAC's
   * interleaved random configurations. Optuna's TPE has none: after its start-up trials every
   * candidate comes from l(x), so once the good set sits in one broad basin a narrower, better
   * basin elsewhere is only found by the prior kernel's rare candidates (a strategy's input grid
   * often looks like that: a plateau of fair results and an isolated best one). Default 1/3
   * (BOHB's value, not tuned); 0 gives Optuna's behaviour.
   */
  readonly randomFraction?: number;
}

/**
 * Rounds of `nEiCandidates` draws per proposal before falling back to a uniform unproposed point
 * (only when repeats are avoided and every candidate so far repeats a proposed point). l(x) has
 * full support (its prior kernel spans the range), so more draws eventually reach a new point;
 * the bound only caps the work per proposal.
 */
const CANDIDATE_ROUNDS = 10;

/** BOHB's default share of uniformly drawn trials (hpbandster's `random_fraction`). */
const DEFAULT_RANDOM_FRACTION = 1 / 3;

interface Observation {
  readonly x: readonly number[];
}

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011) following Optuna's TPESampler: the first
 * `nStartupTrials` trials are uniform; afterwards the completed trials are split into the γ(n) best
 * ("below", l(x)) and the rest ("above", g(x)); `nEiCandidates` points are drawn from l and the one
 * maximising log l(x) − log g(x) is proposed. Failed trials are ignored; with constraints, feasible
 * trials rank first and infeasible ones by total violation. Several objectives: the below set is
 * filled by non-domination rank, the last front cut by crowding distance (Optuna uses hypervolume
 * contributions there). Log dimensions are modelled in log space; stepped log dimensions, as in
 * Optuna, as continuous over [log(low − step/2), log(high + step/2)] and rounded afterwards.
 * Two deliberate deviations: a point proposed before is never proposed again, the best-scoring
 * new candidate combination takes its place (see `avoidDuplicates`); and a third of the modelled
 * trials are uniform draws, as in BOHB (see `randomFraction`). `{ avoidDuplicates: false,
 * randomFraction: 0 }` is Optuna's TPESampler.
 */
export class TpeSampler implements Sampler {
  readonly name = 'tpe';
  private readonly space: SearchSpace;
  private readonly rng: Xoshiro128;
  private readonly directions: readonly Direction[];
  private readonly nStartup: number;
  private readonly nCandidates: number;
  private readonly multivariate: boolean;
  private readonly constantLiar: boolean;
  private readonly gamma: (n: number) => number;
  private readonly parzen: ParzenOptions;
  private readonly dims: readonly ParzenDimension[];
  private readonly history: Trial[] = [];
  private readonly avoidDuplicates: boolean;
  private readonly randomFraction: number;
  /** Dimension values of every proposed point, as JSON keys. */
  private readonly seen = new Set<string>();

  /** A TPE sampler over `space` seeded by `seed`. */
  constructor(space: SearchSpace, seed: number, options: TpeOptions = {}) {
    this.space = space;
    this.rng = new Xoshiro128(seed);
    this.directions = options.directions ?? ['minimize'];
    this.nStartup = options.nStartupTrials ?? 10;
    this.nCandidates = options.nEiCandidates ?? 24;
    this.multivariate = options.multivariate ?? false;
    this.constantLiar = options.constantLiar ?? true;
    this.gamma = options.gamma ?? defaultGamma;
    this.avoidDuplicates = options.avoidDuplicates ?? true;
    this.randomFraction = options.randomFraction ?? DEFAULT_RANDOM_FRACTION;
    this.parzen = {
      multivariate: this.multivariate,
      priorWeight: options.priorWeight ?? 1,
      magicClip: true,
      endpoints: false,
    };
    this.dims = space.dimensions.map(parzenDimension);
  }

  /** Proposes `n` trials; later ones in the batch see the earlier ones as pending (constant liar). */
  ask(n: number): ParamValues[] {
    const out: ParamValues[] = [];
    const pending: Observation[] = [];
    const complete = this.history.filter((t) => t.state === 'complete');
    for (let j = 0; j < n; j++) {
      const modelled = complete.length >= this.nStartup && this.dims.length > 0;
      let values: ParamValue[] | undefined;
      const explore = modelled && this.randomFraction > 0 && this.rng.nextFloat() < this.randomFraction;
      if (modelled && !explore) {
        const split = this.split(complete, this.constantLiar ? pending : []);
        values = this.propose(split.below, split.above);
      }
      values ??= this.uniform();
      this.seen.add(JSON.stringify(values));
      pending.push({ x: values.map((v, d) => encode(this.space.dimensions[d], v)) });
      out.push(composeParams(this.space, values));
    }
    return out;
  }

  /** A uniform draw, redrawn (up to 100 times) while it repeats a proposed point (start-up, repeats). */
  private uniform(): ParamValue[] {
    let values: ParamValue[] = [];
    for (let attempt = 0; attempt < (this.avoidDuplicates ? 100 : 1); attempt++) {
      values = this.space.dimensions.map((d) => sampleUniform(d, this.rng));
      if (!this.seen.has(JSON.stringify(values))) break;
    }
    return values;
  }

  /**
   * Optuna's proposal: `nEiCandidates` draws from l(x) per group (each dimension, or all of them
   * jointly when multivariate), the one maximising log l(x) − log g(x) kept. When repeats are
   * avoided and that point was proposed before, the best-scoring combination of candidates that
   * was not is proposed instead (see {@link bestUnseenCombination}); if every combination was,
   * another `nEiCandidates` are drawn per group, up to {@link CANDIDATE_ROUNDS} rounds. Undefined
   * when none is new: the caller then draws uniformly among unproposed points.
   */
  private propose(below: readonly Observation[], above: readonly Observation[]): ParamValue[] | undefined {
    const groups = this.multivariate ? [this.dims.map((_, d) => d)] : this.dims.map((_, d) => [d]);
    const models = groups.map((dims) => {
      const pick = (o: Observation): number[] => dims.map((d) => o.x[d]);
      const parzenDims = dims.map((d) => this.dims[d]);
      const l = new ParzenEstimator(below.map(pick), parzenDims, this.parzen, defaultWeights(below.length));
      const g = new ParzenEstimator(above.map(pick), parzenDims, this.parzen, defaultWeights(above.length));
      return { l, g, points: [] as number[][], scores: [] as number[] };
    });
    const decodeAll = (x: readonly number[]): ParamValue[] =>
      x.map((v, d) => decode(this.space.dimensions[d], v));
    const taken = (x: readonly number[]): boolean => this.seen.has(JSON.stringify(decodeAll(x)));
    const rounds = this.avoidDuplicates ? CANDIDATE_ROUNDS : 1;
    for (let round = 0; round < rounds; round++) {
      for (const m of models) {
        for (const c of m.l.sample(this.rng, this.nCandidates)) {
          m.points.push(c);
          m.scores.push(m.l.logPdf(c) - m.g.logPdf(c));
        }
      }
      const ranked = models.map((m) => rankCandidates(m.points, m.scores));
      if (!this.avoidDuplicates) return decodeAll(ranked.flatMap((r) => r.points[0]));
      const x = bestUnseenCombination(ranked, taken);
      if (x !== undefined) return decodeAll(x);
    }
    return undefined;
  }

  /** Records the batch's results. */
  tell(trials: readonly Trial[]): void {
    this.history.push(...trials);
    for (const t of trials) this.seen.add(JSON.stringify(this.space.dimensions.map((d) => t.params[d.name])));
  }

  private split(
    complete: readonly Trial[],
    pending: readonly Observation[],
  ): { below: Observation[]; above: Observation[] } {
    // As Optuna: γ counts finished trials only; the pending ones (constant liar) go above.
    const nBelow = Math.min(this.gamma(complete.length), complete.length);
    const points = complete.map((t) => ({
      loss: lossOf(t, this.directions) ?? [],
      violation: totalViolation(t),
    }));
    let chosen: number[];
    if (this.directions.length === 1) {
      const order = complete.map((_, i) => i);
      order.sort((a, b) => {
        const pa = points[a];
        const pb = points[b];
        if (pa.violation > 0 !== pb.violation > 0) return pa.violation > 0 ? 1 : -1;
        if (pa.violation > 0) return pa.violation - pb.violation || a - b;
        return pa.loss[0] - pb.loss[0] || a - b;
      });
      chosen = order.slice(0, nBelow);
    } else {
      chosen = selectByRankAndCrowding(points, nBelow);
    }
    const isBelow = new Uint8Array(complete.length);
    for (const i of chosen) isBelow[i] = 1;
    const below: Observation[] = [];
    const above: Observation[] = [];
    complete.forEach((t, i) => {
      const obs = { x: this.space.dimensions.map((d) => encode(d, t.params[d.name])) };
      (isBelow[i] === 1 ? below : above).push(obs);
    });
    above.push(...pending);
    return { below, above };
  }
}

function parzenDimension(dim: Dimension): ParzenDimension {
  if (dim.kind === 'categorical') return { kind: 'categorical', choices: dim.choices.length };
  if (!dim.log) return { kind: 'numeric', low: dim.low, high: dim.high, step: dim.step };
  const half = (dim.step ?? 0) / 2;
  // Optuna widens by half a step; stay above 0 where that would cross it (e.g. 0.1…10 step 0.5).
  const low = Math.log(dim.low - half > 0 ? dim.low - half : dim.low / 2);
  return { kind: 'numeric', low, high: Math.log(dim.high + half), step: undefined };
}

function encode(dim: Dimension, v: ParamValue): number {
  if (dim.kind === 'categorical') return dim.choices.indexOf(v);
  return dim.log ? Math.log(v as number) : (v as number);
}

function decode(dim: Dimension, x: number): ParamValue {
  if (dim.kind === 'categorical') return dim.choices[x];
  return snapNumeric(dim, dim.log ? Math.exp(x) : x);
}
