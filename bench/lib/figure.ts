import type { Figure, Target } from './contract.js';

/** The inputs of {@link figure}: a measurement, its same-run baseline and an optional goal. */
export type FigureInput = Omit<Figure, 'costRatio' | 'target'> & {
  readonly target?: Omit<Target, 'met'>;
};

/** Builds a {@link Figure}, computing the cost ratio and whether the target is met. */
export function figure(input: FigureInput): Figure {
  const { target, ...rest } = input;
  const costRatio =
    input.better === 'lower' ? input.measured / input.baseline : input.baseline / input.measured;
  if (target === undefined) return { ...rest, costRatio };
  const met = target.op === '<=' ? input.measured <= target.value : input.measured >= target.value;
  return { ...rest, costRatio, target: { ...target, met } };
}
