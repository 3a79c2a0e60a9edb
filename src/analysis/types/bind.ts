import type { PineType, QualifiedType } from './type.js';
import { arrayOf, listOf, mapOf, matrixOf, qualified, tupleOf, typesEqual } from './type.js';
import { typeParamAccepts } from './type-params.js';

/**
 * The bindings of a generic built-in's type parameters during one call's overload check. Bind each argument
 * with `unify(paramType, argType)`; then `substitute(resultType)` gives the call's result type.
 * Example: unify(`array<T>`, `array<float>`) binds T = float, so `array.get`'s `series T` becomes `series float`.
 */
export class TypeBindings {
  private readonly bound: Map<string, PineType>;

  constructor() {
    this.bound = new Map();
  }

  /** The type bound to `name`, if any. */
  get(name: string): PineType | undefined {
    return this.bound.get(name);
  }

  /** Binds `name` explicitly, as `array.new<float>` does; false when the constraint refuses the type. */
  bind(name: string, type: PineType): boolean {
    if (!typeParamAccepts(name, type)) return false;
    this.bound.set(name, type);
    return true;
  }

  /**
   * Matches an argument type against a parameter type, binding the parameters it mentions. At the top level a
   * binding widens int → float (`nz(intSeries, 0.5)` binds T = float) and `na` binds nothing; inside
   * collections types must match exactly. Returns false on a mismatch.
   */
  unify(pattern: PineType, actual: PineType): boolean {
    if (pattern.kind === 'param') {
      if (actual.kind === 'na') return true;
      const prior = this.bound.get(pattern.name);
      if (prior === undefined) return this.bind(pattern.name, actual);
      if (typesEqual(prior, actual)) return true;
      if (isIntToFloat(actual, prior)) return true;
      if (isIntToFloat(prior, actual)) {
        this.bound.set(pattern.name, actual);
        return true;
      }
      return false;
    }
    return this.unifyExact(pattern, actual);
  }

  /** `type` with every bound parameter replaced by its binding (unbound ones stay). */
  substitute(type: PineType): PineType {
    switch (type.kind) {
      case 'param':
        return this.bound.get(type.name) ?? type;
      case 'array':
        return arrayOf(this.substitute(type.element));
      case 'matrix':
        return matrixOf(this.substitute(type.element));
      case 'list':
        return listOf(this.substitute(type.element));
      case 'map':
        return mapOf(this.substitute(type.key), this.substitute(type.value));
      case 'tuple':
        return tupleOf(type.elements.map((e) => this.substituteQualified(e)));
      default:
        return type;
    }
  }

  /** substitute() on a qualified type, keeping its qualifier. */
  substituteQualified(qt: QualifiedType): QualifiedType {
    return qualified(qt.qualifier, this.substitute(qt.type));
  }

  private unifyExact(pattern: PineType, actual: PineType): boolean {
    if (pattern.kind === 'param') {
      const prior = this.bound.get(pattern.name);
      return prior === undefined ? this.bind(pattern.name, actual) : typesEqual(prior, actual);
    }
    switch (pattern.kind) {
      case 'array':
      case 'matrix':
      case 'list':
        return actual.kind === pattern.kind && this.unifyExact(pattern.element, actual.element);
      case 'map':
        return (
          actual.kind === 'map' &&
          this.unifyExact(pattern.key, actual.key) &&
          this.unifyExact(pattern.value, actual.value)
        );
      default:
        return true; // no parameters inside: assignability is the checker's concern (isTypeAssignable)
    }
  }
}

function isIntToFloat(from: PineType, to: PineType): boolean {
  return from.kind === 'primitive' && from.name === 'int' && to.kind === 'primitive' && to.name === 'float';
}
