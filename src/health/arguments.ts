import type { CallResolution } from '../analysis/index.js';
import type * as A from '../parser/ast.js';

/**
 * A resolved built-in call's argument by parameter name. The analysis aligns arguments with the
 * parameters the script's Pine version has, so the lookup filters by version the same way.
 */
export function builtinArgument(
  resolution: Extract<CallResolution, { kind: 'builtin' }>,
  version: number,
  name: string,
): A.Expression | undefined {
  const params = resolution.overload.params.filter((p) =>
    (p.versions as readonly number[]).includes(version),
  );
  const i = params.findIndex((p) => p.name === name);
  return i < 0 ? undefined : resolution.args[i];
}
