import { Xoshiro128 } from '../robust/index.js';
import { crowdingDistances, nondominatedFronts, selectByRankAndCrowding } from './pareto.js';
import type { RankedPoint } from './pareto.js';
import type { Direction, Sampler } from './sampler.js';
import { fromUnit, lossOf, sampleUniform, totalViolation, toUnit } from './sampler.js';
import { composeParams } from './space.js';
import type { SearchSpace } from './space.js';
import type { ParamValue, ParamValues, Trial } from './types.js';

/** Options of {@link Nsga2Sampler}; defaults from Deb et al. 2002 and Optuna's NSGAIISampler. */
export interface Nsga2Options {
  readonly directions?: readonly Direction[];
  /** Default 50 (Optuna). */
  readonly populationSize?: number;
  /** Probability that a child is bred by crossover rather than copied. Default 0.9. */
  readonly crossoverProb?: number;
  /** SBX distribution index η_c. Default 20. */
  readonly etaCrossover?: number;
  /** Polynomial-mutation distribution index η_m. Default 20. */
  readonly etaMutation?: number;
  /** Per-gene mutation probability; default 1 / number of dimensions. */
  readonly mutationProb?: number;
}

interface Member {
  /** Per dimension: unit-cube coordinate (numeric) or choice index (categorical). */
  readonly genes: readonly number[];
  readonly point: RankedPoint;
}

/**
 * NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002): generation 0 is uniform; later children come
 * from binary tournaments (lower non-domination rank, then larger crowding distance), simulated
 * binary crossover (bounded SBX, per gene with probability ½) and polynomial mutation on numeric
 * genes, uniform crossover and uniform resampling ("categorical mutation") on categorical ones.
 * Survival keeps the best `populationSize` of parents ∪ offspring by rank and crowding, with Deb's
 * constrained domination. Asked points belong to the current generation; once `populationSize`
 * completed trials are told, survival runs and the next generation starts. Failed trials are
 * recorded by the study but do not enter the population.
 */
export class Nsga2Sampler implements Sampler {
  readonly name = 'nsga2';
  private readonly space: SearchSpace;
  private readonly rng: Xoshiro128;
  private readonly directions: readonly Direction[];
  readonly populationSize: number;
  private readonly crossoverProb: number;
  private readonly etaC: number;
  private readonly etaM: number;
  private readonly mutationProb: number;
  private parents: Member[] = [];
  private rank: Int32Array = new Int32Array(0);
  private crowding: Float64Array = new Float64Array(0);
  private offspring: Member[] = [];

  /** An NSGA-II sampler over `space`, seeded by `seed`. */
  constructor(space: SearchSpace, seed: number, options: Nsga2Options = {}) {
    this.space = space;
    this.rng = new Xoshiro128(seed);
    this.directions = options.directions ?? ['minimize'];
    this.populationSize = options.populationSize ?? 50;
    this.crossoverProb = options.crossoverProb ?? 0.9;
    this.etaC = options.etaCrossover ?? 20;
    this.etaM = options.etaMutation ?? 20;
    this.mutationProb = options.mutationProb ?? 1 / Math.max(1, space.dimensions.length);
  }

  /** Proposes `n` children of the current parents (uniform points in generation 0). */
  ask(n: number): ParamValues[] {
    const out: ParamValues[] = [];
    for (let j = 0; j < n; j++) {
      const values =
        this.parents.length < 2
          ? this.space.dimensions.map((d) => sampleUniform(d, this.rng))
          : this.decode(this.breed());
      out.push(composeParams(this.space, values));
    }
    return out;
  }

  /** Adds completed trials to the offspring; runs survival when a generation is full. */
  tell(trials: readonly Trial[]): void {
    for (const trial of trials) {
      const loss = lossOf(trial, this.directions);
      if (loss === undefined || loss.some((v) => Number.isNaN(v))) continue;
      this.offspring.push({
        genes: this.encode(trial.params),
        point: { loss, violation: totalViolation(trial) },
      });
      if (this.offspring.length === this.populationSize) this.survive();
    }
  }

  private survive(): void {
    const all = [...this.parents, ...this.offspring];
    const chosen = selectByRankAndCrowding(
      all.map((m) => m.point),
      this.populationSize,
    );
    this.parents = chosen.map((i) => all[i]);
    this.offspring = [];
    const points = this.parents.map((m) => m.point);
    this.rank = new Int32Array(points.length);
    this.crowding = new Float64Array(points.length);
    nondominatedFronts(points).forEach((front, r) => {
      const distance = crowdingDistances(points, front);
      front.forEach((i, k) => {
        this.rank[i] = r;
        this.crowding[i] = distance[k];
      });
    });
  }

  private tournament(): Member {
    const a = this.rng.nextInt(this.parents.length);
    const b = this.rng.nextInt(this.parents.length);
    if (this.rank[a] !== this.rank[b]) return this.parents[this.rank[a] < this.rank[b] ? a : b];
    if (this.crowding[a] !== this.crowding[b])
      return this.parents[this.crowding[a] > this.crowding[b] ? a : b];
    return this.parents[Math.min(a, b)];
  }

  private breed(): number[] {
    const p1 = this.tournament();
    const p2 = this.tournament();
    const cross = this.rng.nextFloat() < this.crossoverProb;
    return this.space.dimensions.map((dim, d) => {
      let gene = p1.genes[d];
      if (dim.kind === 'categorical') {
        if (cross && this.rng.nextFloat() < 0.5) gene = p2.genes[d];
        if (this.rng.nextFloat() < this.mutationProb) gene = this.rng.nextInt(dim.choices.length);
        return gene;
      }
      if (cross) gene = this.sbx(p1.genes[d], p2.genes[d]);
      if (this.rng.nextFloat() < this.mutationProb) gene = this.polynomialMutation(gene);
      return gene;
    });
  }

  /** Bounded SBX on [0, 1] (Deb & Agrawal 1995, as in Deb's NSGA-II code); one child. */
  private sbx(a: number, b: number): number {
    const u = this.rng.nextFloat();
    const swap = this.rng.nextFloat() < 0.5;
    if (this.rng.nextFloat() > 0.5 || Math.abs(a - b) < 1e-14) return a;
    const y1 = Math.min(a, b);
    const y2 = Math.max(a, b);
    const eta = this.etaC;
    const betaq = (beta: number): number => {
      const alpha = 2 - beta ** -(eta + 1);
      return u <= 1 / alpha ? (u * alpha) ** (1 / (eta + 1)) : (1 / (2 - u * alpha)) ** (1 / (eta + 1));
    };
    const c1 = 0.5 * (y1 + y2 - betaq(1 + (2 * y1) / (y2 - y1)) * (y2 - y1));
    const c2 = 0.5 * (y1 + y2 + betaq(1 + (2 * (1 - y2)) / (y2 - y1)) * (y2 - y1));
    const child = swap ? c2 : c1;
    return Math.min(1, Math.max(0, child));
  }

  /** Polynomial mutation on [0, 1] (Deb & Goyal 1996, bounded form). */
  private polynomialMutation(y: number): number {
    const u = this.rng.nextFloat();
    const power = 1 / (this.etaM + 1);
    let deltaq: number;
    if (u <= 0.5) {
      const val = 2 * u + (1 - 2 * u) * (1 - y) ** (this.etaM + 1);
      deltaq = val ** power - 1;
    } else {
      const val = 2 * (1 - u) + 2 * (u - 0.5) * y ** (this.etaM + 1);
      deltaq = 1 - val ** power;
    }
    return Math.min(1, Math.max(0, y + deltaq));
  }

  private encode(params: ParamValues): number[] {
    return this.space.dimensions.map((d) =>
      d.kind === 'categorical' ? d.choices.indexOf(params[d.name]) : toUnit(d, params[d.name] as number),
    );
  }

  private decode(genes: readonly number[]): ParamValue[] {
    return this.space.dimensions.map((d, i) =>
      d.kind === 'categorical' ? d.choices[genes[i]] : fromUnit(d, genes[i]),
    );
  }
}
