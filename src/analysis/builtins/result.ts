import { joinQualifiers, qualified, tupleOf } from '../types/index.js';
import type { Qualifier, QualifiedType, TypeBindings } from '../types/index.js';
import type { BuiltinOverload } from './model.js';

/**
 * The qualified result of a call to `overload` once its arguments are matched: type parameters replaced by
 * `bindings`, and for `auto` overloads the qualifier joined with the arguments' (`math.abs(input int)` is
 * `input int`). A `series T` bound to a tuple (`request.security(…, [a, b])`) makes every element series.
 */
export function callResultType(
  overload: BuiltinOverload,
  bindings: TypeBindings,
  argumentQualifiers: readonly Qualifier[],
): QualifiedType {
  const qualifier = overload.resultQualifierFromArgs
    ? joinQualifiers([overload.result.qualifier, ...argumentQualifiers])
    : overload.result.qualifier;
  const type = bindings.substitute(overload.result.type);
  if (type.kind === 'tuple' && overload.result.type.kind === 'param') {
    return qualified(
      qualifier,
      tupleOf(type.elements.map((e) => qualified(joinQualifiers([e.qualifier, qualifier]), e.type))),
    );
  }
  return qualified(qualifier, type);
}
