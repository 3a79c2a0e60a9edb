import {
  buildSearchSpace,
  createSampler,
  FunctionEvaluator,
  parseObjective,
  runStudy,
} from '../../src/optimize/index.js';
import type {
  InputDescriptor,
  Objective,
  SamplerSetup,
  SearchSpace,
  StudyResult,
  TrialMetrics,
} from '../../src/optimize/index.js';

/** A search space from descriptors; fails the test on error diagnostics. */
export function space(inputs: readonly InputDescriptor[]): SearchSpace {
  const { space: s, diagnostics } = buildSearchSpace(inputs);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  return s;
}

/** An objective from text; fails the test on error diagnostics. */
export function objective(text: string): Objective {
  const { objective: o, diagnostics } = parseObjective(text);
  if (o === undefined) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return o;
}

/** Runs a study with an in-process function evaluator. */
export async function study(
  s: SearchSpace,
  sampler: string,
  seed: number,
  trials: number,
  fn: (p: Readonly<Record<string, number | string | boolean>>) => Record<string, number>,
  objectives: readonly string[] = ['min: f'],
  batchSize = 4,
  setup: Partial<SamplerSetup> = {},
): Promise<StudyResult> {
  const objs = objectives.map(objective);
  const created = createSampler(sampler, s, { seed, directions: objs.map((o) => o.direction), ...setup });
  if (created.sampler === undefined) throw new Error(created.diagnostics.map((d) => d.message).join('\n'));
  return runStudy({
    space: s,
    sampler: created.sampler,
    samplerName: sampler,
    seed,
    objectives: objs,
    evaluator: new FunctionEvaluator((p): TrialMetrics => ({ metrics: fn(p) })),
    trials,
    batchSize,
  });
}

/** Best (smallest) first objective among complete trials. */
export function bestValue(result: StudyResult): number {
  let best = Infinity;
  for (const t of result.trials) if (t.state === 'complete' && t.values[0] < best) best = t.values[0];
  return best;
}
