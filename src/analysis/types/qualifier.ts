/**
 * Pine's type qualifiers, weakest to strongest: `const` (known at compile time) < `input` (known when
 * the script starts) < `simple` (known on the first bar) < `series` (may change on every bar).
 * A value of a weaker qualifier may be used wherever a stronger one is expected, never the reverse.
 */
export type Qualifier = 'const' | 'input' | 'simple' | 'series';

/** All qualifiers, weakest first. */
export const QUALIFIERS: readonly Qualifier[] = Object.freeze(['const', 'input', 'simple', 'series']);

const RANK: Readonly<Record<Qualifier, number>> = Object.freeze({ const: 0, input: 1, simple: 2, series: 3 });

/** True when `text` names a qualifier. */
export function isQualifier(text: string): text is Qualifier {
  return text === 'const' || text === 'input' || text === 'simple' || text === 'series';
}

/** Position of `q` in the order const < input < simple < series (0 to 3). */
export function qualifierRank(q: Qualifier): number {
  return RANK[q];
}

/**
 * The qualifier of an operation's result: the strongest of its operands' qualifiers
 * (`close + 1` is series because `close` is; `len * 2` stays input when `len` is an input).
 */
export function joinQualifier(a: Qualifier, b: Qualifier): Qualifier {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Joins any number of qualifiers; the join of none is `const` (a literal). */
export function joinQualifiers(qualifiers: Iterable<Qualifier>): Qualifier {
  let result: Qualifier = 'const';
  for (const q of qualifiers) result = joinQualifier(result, q);
  return result;
}

/** True when a `from` value may be passed where `to` is required (e.g. input → simple, not series → simple). */
export function isQualifierAssignable(from: Qualifier, to: Qualifier): boolean {
  return RANK[from] <= RANK[to];
}
