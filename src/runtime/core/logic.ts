/**
 * Pine v4/v5 `and` / `or` evaluate both operands on every bar (v6 made them short-circuit; v6
 * migration guide, "Lazy evaluation of and/or"). A stateful call on the right (`ta.crossover`)
 * must still advance, so v4/v5 code passes both values through these functions, whose arguments
 * JavaScript always evaluates.
 */
export function both(a: boolean, b: boolean): boolean {
  return a && b;
}

/** Eager `or` for v4/v5 (see {@link both}). */
export function either(a: boolean, b: boolean): boolean {
  return a || b;
}
