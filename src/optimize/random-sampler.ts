import { Xoshiro128 } from '../robust/index.js';
import type { Sampler } from './sampler.js';
import { sampleUniformParams } from './sampler.js';
import type { SearchSpace } from './space.js';
import type { ParamValues } from './types.js';

/** Independent uniform draws (log-uniform on log dimensions); ignores what it is told. */
export class RandomSampler implements Sampler {
  readonly name = 'random';
  private readonly space: SearchSpace;
  private readonly rng: Xoshiro128;

  /** A sampler over `space` seeded by `seed`. */
  constructor(space: SearchSpace, seed: number) {
    this.space = space;
    this.rng = new Xoshiro128(seed);
  }

  /** `n` independent uniform parameter sets. */
  ask(n: number): ParamValues[] {
    return Array.from({ length: n }, () => sampleUniformParams(this.space, this.rng));
  }

  /** Random search learns nothing. */
  tell(): void {
    // Nothing to update.
  }
}
