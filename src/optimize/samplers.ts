import type { Diagnostic } from '../diagnostics/index.js';
import { optimizeCodes } from '../diagnostics/codes/optimize.js';
import { CmaEsSampler } from './cmaes-sampler.js';
import { GridSampler, LARGE_GRID } from './grid-sampler.js';
import { Nsga2Sampler } from './nsga2-sampler.js';
import { RandomSampler } from './random-sampler.js';
import type { Direction, Sampler } from './sampler.js';
import type { SearchSpace } from './space.js';
import { TpeSampler } from './tpe/tpe-sampler.js';

/** The samplers the CLI offers. */
export const SAMPLER_NAMES = ['grid', 'random', 'tpe', 'cmaes', 'nsga2'] as const;
export type SamplerName = (typeof SAMPLER_NAMES)[number];

/** Options common to {@link createSampler}. */
export interface SamplerSetup {
  readonly seed: number;
  readonly directions: readonly Direction[];
  /** TPE: one joint estimator. */
  readonly multivariate?: boolean;
  /** NSGA-II population / CMA-ES λ. */
  readonly populationSize?: number;
}

/**
 * Builds a sampler by name with diagnostics: a grid over 10,000 points warns; CMA-ES takes one
 * objective and warns that categorical parameters are drawn at random; unknown names are errors.
 * Random, TPE and NSGA-II take any number of objectives (random and grid ignore them).
 */
export function createSampler(
  name: string,
  space: SearchSpace,
  setup: SamplerSetup,
): { sampler?: Sampler; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const d = (
    def: (typeof optimizeCodes)[keyof typeof optimizeCodes],
    message: string,
    hint?: string,
  ): Diagnostic => ({
    code: def.code,
    severity: def.severity,
    message,
    ...(hint === undefined ? {} : { hint }),
  });
  switch (name) {
    case 'grid': {
      const grid = new GridSampler(space);
      if (space.dimensions.some((dim) => dim.kind === 'numeric' && dim.step === undefined)) {
        diagnostics.push(
          d(
            optimizeCodes.gridDefaultSteps,
            'float ranges without a step are split into 10 equal steps',
            'give a step in space.json',
          ),
        );
      }
      if (grid.size > LARGE_GRID) {
        diagnostics.push(
          d(
            optimizeCodes.largeGrid,
            `the grid has ${grid.size.toLocaleString('en-US')} points (shape ${grid.shape.join('×')})`,
            'narrow ranges or raise steps in space.json, or use --sampler tpe',
          ),
        );
      }
      return { sampler: grid, diagnostics };
    }
    case 'random':
      return { sampler: new RandomSampler(space, setup.seed), diagnostics };
    case 'tpe':
      return {
        sampler: new TpeSampler(space, setup.seed, {
          directions: setup.directions,
          ...(setup.multivariate === undefined ? {} : { multivariate: setup.multivariate }),
        }),
        diagnostics,
      };
    case 'cmaes': {
      if (setup.directions.length !== 1) {
        diagnostics.push(
          d(
            optimizeCodes.samplerNeedsObjectives,
            'CMA-ES optimises exactly one objective',
            'use --sampler nsga2 or tpe for several objectives',
          ),
        );
        return { diagnostics };
      }
      if (space.dimensions.some((dim) => dim.kind === 'categorical')) {
        diagnostics.push(
          d(
            optimizeCodes.gridCategoricalOnly,
            'CMA-ES draws bool/option/source parameters uniformly at random',
          ),
        );
      }
      return {
        sampler: new CmaEsSampler(space, setup.seed, {
          direction: setup.directions[0],
          ...(setup.populationSize === undefined ? {} : { populationSize: setup.populationSize }),
        }),
        diagnostics,
      };
    }
    case 'nsga2':
      return {
        sampler: new Nsga2Sampler(space, setup.seed, {
          directions: setup.directions,
          ...(setup.populationSize === undefined ? {} : { populationSize: setup.populationSize }),
        }),
        diagnostics,
      };
    default:
      diagnostics.push(
        d(
          optimizeCodes.unknownSampler,
          `unknown sampler '${name}'`,
          `choose one of ${SAMPLER_NAMES.join(', ')}`,
        ),
      );
      return { diagnostics };
  }
}

/**
 * The batch size used when none is given. It is part of the study's identity (results depend on
 * it for adaptive samplers), so it never depends on the worker count: grid and random do not adapt
 * (large batches keep workers busy); TPE proposes 4 at a time with the constant liar; CMA-ES and
 * NSGA-II use their population size.
 */
export function defaultBatchSize(sampler: Sampler): number {
  if (sampler instanceof CmaEsSampler) return sampler.lambda;
  if (sampler instanceof Nsga2Sampler) return sampler.populationSize;
  if (sampler instanceof TpeSampler) return 4;
  return 64;
}
