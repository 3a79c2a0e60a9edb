import type { Sampler } from './sampler.js';
import { composeParams, gridValues } from './space.js';
import type { SearchSpace } from './space.js';
import type { ParamValue, ParamValues } from './types.js';

/** The grid warning threshold of the issue: more points than this gets a warning diagnostic. */
export const LARGE_GRID = 10_000;

/**
 * Cartesian grid in row-major order (the last dimension varies fastest, as the plateau score's
 * `ParameterGrid` expects). Trial k is grid point k; `ask` returns fewer once the grid is spent.
 */
export class GridSampler implements Sampler {
  readonly name = 'grid';
  private readonly space: SearchSpace;
  private readonly axes: readonly ParamValue[][];
  /** Points along each dimension. */
  readonly shape: readonly number[];
  /** Total number of points. */
  readonly size: number;
  private next = 0;

  /** A grid over `space`; continuous floats get `floatIntervals` equal steps. */
  constructor(space: SearchSpace, floatIntervals = 10) {
    this.space = space;
    this.axes = space.dimensions.map((d) => gridValues(d, floatIntervals));
    this.shape = this.axes.map((a) => a.length);
    this.size = this.shape.reduce((a, b) => a * b, 1);
  }

  /** Grid point `index` (row-major). */
  point(index: number): ParamValues {
    const values = new Array<ParamValue>(this.axes.length);
    let rest = index;
    for (let k = this.axes.length - 1; k >= 0; k--) {
      const len = this.axes[k].length;
      values[k] = this.axes[k][rest % len];
      rest = Math.floor(rest / len);
    }
    return composeParams(this.space, values);
  }

  /** The next `n` grid points (fewer at the end). */
  ask(n: number): ParamValues[] {
    const out: ParamValues[] = [];
    while (out.length < n && this.next < this.size) out.push(this.point(this.next++));
    return out;
  }

  /** A grid does not adapt. */
  tell(): void {
    // Nothing to update.
  }
}
