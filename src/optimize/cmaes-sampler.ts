import { Xoshiro128 } from '../robust/index.js';
import { symmetricEigen } from './linalg.js';
import type { Direction, Sampler } from './sampler.js';
import { fromUnit, lossOf, sampleUniform, totalViolation } from './sampler.js';
import { composeParams } from './space.js';
import type { NumericDimension, SearchSpace } from './space.js';
import type { ParamValue, ParamValues, Trial } from './types.js';

/** Options of {@link CmaEsSampler}. */
export interface CmaEsOptions {
  readonly direction?: Direction;
  /** Population size λ; default 4 + ⌊3 ln d⌋. */
  readonly populationSize?: number;
  /** Initial step size in the unit cube; default 1/6 (Optuna: a sixth of the range). */
  readonly sigma0?: number;
}

interface Candidate {
  readonly generation: number;
  readonly x: Float64Array | undefined;
}

/**
 * CMA-ES with the update of Hansen's public-domain `purecma.py` (rank-one and rank-μ covariance
 * update, cumulative step-size adaptation), over the numeric dimensions mapped to the unit cube
 * (log dimensions in log space). Bounds: a sample outside [0, 1] is redrawn up to 100 times, then
 * clipped. Integer and stepped dimensions are evaluated at the snapped value while the continuous
 * sample is what the update learns from. Categorical dimensions are drawn uniformly (as Optuna
 * does). Batches: every asked point is tagged with the current generation; the first λ completed
 * trials of that generation trigger the update, stragglers of older generations are ignored.
 */
export class CmaEsSampler implements Sampler {
  readonly name = 'cmaes';
  private readonly space: SearchSpace;
  private readonly rng: Xoshiro128;
  private readonly maximize: boolean;
  private readonly numeric: readonly number[];
  private readonly n: number;
  readonly lambda: number;
  private readonly mu: number;
  private readonly weights: Float64Array;
  private readonly mueff: number;
  private readonly cc: number;
  private readonly cs: number;
  private readonly c1: number;
  private readonly cmu: number;
  private readonly damps: number;
  private mean: Float64Array;
  private sigma: number;
  private readonly pc: Float64Array;
  private readonly ps: Float64Array;
  private readonly C: number[][];
  private B: number[][];
  private D: Float64Array;
  private invsqrtC: number[][];
  private counteval = 0;
  private updatedEval = 0;
  private generation = 0;
  private readonly pending: Candidate[] = [];
  private pool: { x: Float64Array; trial: Trial }[] = [];

  /** A CMA-ES sampler over the numeric dimensions of `space`, seeded by `seed`. */
  constructor(space: SearchSpace, seed: number, options: CmaEsOptions = {}) {
    this.space = space;
    this.rng = new Xoshiro128(seed);
    this.maximize = options.direction === 'maximize';
    this.numeric = space.dimensions.flatMap((d, i) => (d.kind === 'numeric' ? [i] : []));
    const n = Math.max(1, this.numeric.length);
    this.n = n;
    this.lambda = options.populationSize ?? 4 + Math.floor(3 * Math.log(n));
    this.mu = Math.floor(this.lambda / 2);
    const raw = Array.from({ length: this.mu }, (_, i) => Math.log((this.lambda + 1) / 2) - Math.log(i + 1));
    const sum = raw.reduce((a, b) => a + b, 0);
    this.weights = Float64Array.from(raw, (w) => w / sum);
    this.mueff = 1 / this.weights.reduce((a, w) => a + w * w, 0);
    this.cc = (4 + this.mueff / n) / (n + 4 + (2 * this.mueff) / n);
    this.cs = (this.mueff + 2) / (n + this.mueff + 5);
    this.c1 = 2 / ((n + 1.3) ** 2 + this.mueff);
    this.cmu = Math.min(1 - this.c1, (2 * (this.mueff - 2 + 1 / this.mueff)) / ((n + 2) ** 2 + this.mueff));
    this.damps = (2 * this.mueff) / this.lambda + 0.3 + this.cs;
    this.mean = new Float64Array(n).fill(0.5);
    this.sigma = options.sigma0 ?? 1 / 6;
    this.pc = new Float64Array(n);
    this.ps = new Float64Array(n);
    this.C = identity(n);
    this.B = identity(n);
    this.D = new Float64Array(n).fill(1);
    this.invsqrtC = identity(n);
  }

  /** Proposes `n` points from the current search distribution. */
  ask(count: number): ParamValues[] {
    const out: ParamValues[] = [];
    for (let j = 0; j < count; j++) {
      const values: ParamValue[] = this.space.dimensions.map((d) =>
        d.kind === 'categorical' ? sampleUniform(d, this.rng) : 0,
      );
      let x: Float64Array | undefined;
      if (this.numeric.length > 0) {
        x = this.sampleInside();
        this.numeric.forEach((dimIndex, k) => {
          values[dimIndex] = fromUnit(this.space.dimensions[dimIndex] as NumericDimension, x![k]);
        });
      }
      this.pending.push({ generation: this.generation, x });
      out.push(composeParams(this.space, values));
    }
    return out;
  }

  /** Learns from the batch; updates the distribution each time λ results of a generation are in. */
  tell(trials: readonly Trial[]): void {
    for (const trial of trials) {
      const candidate = this.pending.shift();
      if (candidate === undefined) throw new Error('CMA-ES told more trials than it proposed');
      if (candidate.x === undefined || candidate.generation !== this.generation) continue;
      if (trial.state !== 'complete') continue;
      this.pool.push({ x: candidate.x, trial });
      if (this.pool.length === this.lambda) {
        this.update();
        this.pool = [];
        this.generation++;
      }
    }
  }

  private sampleInside(): Float64Array {
    let x = this.sample();
    for (let attempt = 0; attempt < 100 && !x.every((v) => v >= 0 && v <= 1); attempt++) x = this.sample();
    return x.map((v) => Math.min(1, Math.max(0, v)));
  }

  private sample(): Float64Array {
    const n = this.n;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = this.D[i] * this.gaussian();
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += this.B[i][k] * z[k];
      x[i] = this.mean[i] + this.sigma * s;
    }
    return x;
  }

  /** Standard normal by Box–Muller (one of the pair; simple and deterministic). */
  private gaussian(): number {
    const u = 1 - this.rng.nextFloat();
    const v = this.rng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private rankKey(trial: Trial): [number, number] {
    const violation = totalViolation(trial);
    if (violation > 0) return [1, violation];
    const loss = lossOf(trial, [this.maximize ? 'maximize' : 'minimize']);
    return [0, loss === undefined ? Infinity : loss[0]];
  }

  private update(): void {
    const n = this.n;
    this.counteval += this.lambda;
    const ranked = this.pool
      .map((p, i) => ({ x: p.x, key: this.rankKey(p.trial), i }))
      .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.i - b.i);
    const old = this.mean;
    const mean = new Float64Array(n);
    for (let k = 0; k < this.mu; k++) for (let i = 0; i < n; i++) mean[i] += this.weights[k] * ranked[k].x[i];
    this.mean = mean;
    const y = mean.map((m, i) => m - old[i]);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) z[i] += this.invsqrtC[i][k] * y[k];
    const csn = Math.sqrt(this.cs * (2 - this.cs) * this.mueff) / this.sigma;
    for (let i = 0; i < n; i++) this.ps[i] = (1 - this.cs) * this.ps[i] + csn * z[i];
    const psSq = this.ps.reduce((a, v) => a + v * v, 0);
    const hsig =
      psSq / n / (1 - (1 - this.cs) ** ((2 * this.counteval) / this.lambda)) < 2 + 4 / (n + 1) ? 1 : 0;
    const ccn = Math.sqrt(this.cc * (2 - this.cc) * this.mueff) / this.sigma;
    for (let i = 0; i < n; i++) this.pc[i] = (1 - this.cc) * this.pc[i] + ccn * hsig * y[i];
    const c1a = this.c1 * (1 - (1 - hsig * hsig) * this.cc * (2 - this.cc));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rankMu = 0;
        for (let k = 0; k < this.mu; k++) {
          rankMu += this.weights[k] * (ranked[k].x[i] - old[i]) * (ranked[k].x[j] - old[j]);
        }
        this.C[i][j] =
          (1 - c1a - this.cmu) * this.C[i][j] +
          this.c1 * this.pc[i] * this.pc[j] +
          (this.cmu * rankMu) / (this.sigma * this.sigma);
      }
    }
    this.sigma *= Math.exp(Math.min(1, ((this.cs / this.damps) * (psSq / n - 1)) / 2));
    if (this.counteval - this.updatedEval > this.lambda / (this.c1 + this.cmu) / n / 10) this.decompose();
  }

  private decompose(): void {
    const n = this.n;
    this.updatedEval = this.counteval;
    const { values, vectors } = symmetricEigen(this.C);
    this.D = Float64Array.from(values, (v) => Math.sqrt(Math.max(v, 1e-20)));
    this.B = vectors;
    this.invsqrtC = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        let s = 0;
        for (let k = 0; k < n; k++) s += (this.B[i][k] * this.B[j][k]) / this.D[k];
        return s;
      }),
    );
  }

  /** The current mean mapped back to parameter values (for reporting convergence). */
  meanParams(): ParamValues {
    const values: ParamValue[] = this.space.dimensions.map((d) =>
      d.kind === 'categorical' ? d.choices[0] : 0,
    );
    this.numeric.forEach((dimIndex, k) => {
      values[dimIndex] = fromUnit(this.space.dimensions[dimIndex] as NumericDimension, this.mean[k]);
    });
    return composeParams(this.space, values);
  }

  /** Current step size (unit-cube scale). */
  get stepSize(): number {
    return this.sigma;
  }
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
