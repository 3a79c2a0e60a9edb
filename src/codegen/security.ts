import { Scope, type ClassDeclarationStructure } from 'ts-morph';
import { fieldInits, fieldProperties, jsDoc, stateClass, type Method } from './declarations.js';
import type { StateField } from './emitter.js';

/**
 * Helpers for `request.security` at another timeframe (the emitter owns the walk): the generated
 * code keeps, per call site, a state class holding an `rt.Security` (the higher-timeframe context)
 * and the state of the expression's own built-ins, a method evaluating the expression with `ctx`
 * bound to the higher context, and a closure created once that the call site hands to
 * `Security.value`, so nothing is allocated per bar.
 */

/** True when emitted timeframe code is known at construction: a string literal or an input. */
export function constantTimeframe(code: string): boolean {
  return /^\(*("[^"\\]*"|this\.inputs\.\w+)\)*$/.test(code.trim());
}

/** A `barmerge.*` argument as a TS boolean: true when it equals `on` (absent → the default, off). */
export function barmergeFlag(code: string | undefined, on: string): string {
  if (code === undefined) return 'false';
  const literal = JSON.stringify(on);
  const trimmed = code.trim();
  if (trimmed === literal) return 'true';
  if (/^"barmerge\.\w+"$/.test(trimmed)) return 'false';
  return `(${trimmed} === ${literal})`;
}

/**
 * The state class of one call site: `security` (the higher-timeframe context over the resampled
 * chart feed) and the expression's per-call-site state, built against that higher context.
 */
export function securityStateClass(
  className: string,
  line: number,
  width: number,
  fields: readonly StateField[],
): ClassDeclarationStructure {
  return stateClass(
    className,
    `request.security at Pine line ${line}: its higher-timeframe context and the state of its expression, which runs there.`,
    [
      { name: 'security', type: 'rt.Security', isReadonly: true },
      ...fieldProperties(fields, (f) => !/Ready$/.test(f.name) && f.type.includes('.')),
    ],
    [
      { name: 'chart', type: 'rt.PineContext' },
      { name: 'timeframe', type: 'string' },
    ],
    [
      `this.security = new rt.Security(chart, timeframe${width === 1 ? '' : `, ${width}`});`,
      ...(fields.length > 0 ? ['const ctx = this.security.htf;'] : []),
      ...fieldInits(fields),
    ],
  );
}

/**
 * The method evaluating the expression on the higher context's current bar: a number (bools as
 * 1/0) returned, or a tuple's numbers written into `out` (`body` holds those statements).
 */
export function securityMethod(
  name: string,
  className: string,
  line: number,
  body: string,
  usesState: boolean,
  tuple: boolean,
): Method {
  return {
    name,
    scope: Scope.Private,
    docs: jsDoc([
      `The expression of request.security at Pine line ${line}, on the higher timeframe's bar \`ctx\`.`,
    ]),
    parameters: [
      { name: 'ctx', type: 'rt.PineContext' },
      { name: usesState ? 'st' : '_st', type: className },
      ...(tuple ? [{ name: 'out', type: 'Float64Array' }] : []),
    ],
    returnType: tuple ? 'void' : 'number',
    statements: [body],
  };
}
