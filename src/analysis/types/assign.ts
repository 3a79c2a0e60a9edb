import { isQualifierAssignable } from './qualifier.js';
import type { PineType, QualifiedType } from './type.js';
import { typeParamAccepts } from './type-params.js';

/** The version-dependent implicit conversions. */
export interface AssignRules {
  /** `na` may stand for a bool (v4, v5; v6 bools are never na). */
  readonly naToBool: boolean;
  /** int and float convert implicitly to bool, 0/na being false (v4, v5; v6 needs `bool(x)`). */
  readonly numericToBool: boolean;
  /** `na` may stand for a built-in constant type such as `plot_style` (v4, v5; refused in v6). */
  readonly naToSpecial: boolean;
}

const V6_RULES: AssignRules = Object.freeze({ naToBool: false, numericToBool: false, naToSpecial: false });
const V5_RULES: AssignRules = Object.freeze({ naToBool: true, numericToBool: true, naToSpecial: true });

/** The implicit conversions of a Pine version (4, 5 or 6). */
export function assignRulesFor(version: number): AssignRules {
  return version >= 6 ? V6_RULES : V5_RULES;
}

/**
 * True when a value of type `from` may be used where `to` is expected, ignoring qualifiers: identical types,
 * int → float, `na` → any value type (bool and built-in constant types only where `rules` allow), numbers →
 * bool where allowed, `plot_simple_display` → `plot_display`, and a type parameter in `to` accepting whatever
 * its constraint allows. Collections are invariant (`array<int>` is not an `array<float>`), as in Pine.
 */
export function isTypeAssignable(from: PineType, to: PineType, rules: AssignRules = V6_RULES): boolean {
  if (to.kind === 'param') return from.kind === 'na' || typeParamAccepts(to.name, from);
  if (from.kind === 'na') {
    if (to.kind === 'primitive' && to.name === 'bool') return rules.naToBool;
    if (to.kind === 'special') return rules.naToSpecial;
    return to.kind !== 'void' && to.kind !== 'tuple' && to.kind !== 'list';
  }
  if (from.kind === 'primitive' && to.kind === 'primitive') {
    if (from.name === to.name) return true;
    if (from.name === 'int' && to.name === 'float') return true;
    return rules.numericToBool && to.name === 'bool' && (from.name === 'int' || from.name === 'float');
  }
  if (from.kind === 'special' && to.kind === 'special') {
    return from.name === to.name || (from.name === 'plot_simple_display' && to.name === 'plot_display');
  }
  if (from.kind === 'tuple' && to.kind === 'tuple') {
    return (
      from.elements.length === to.elements.length &&
      from.elements.every((e, i) => isAssignable(e, to.elements[i], rules))
    );
  }
  if (from.kind === 'list' && to.kind === 'list') return isTypeAssignable(from.element, to.element, rules);
  return sameShape(from, to);
}

/** True when a `from` value may be passed where `to` is required: its qualifier is no stronger and its type fits. */
export function isAssignable(from: QualifiedType, to: QualifiedType, rules: AssignRules = V6_RULES): boolean {
  return isQualifierAssignable(from.qualifier, to.qualifier) && isTypeAssignable(from.type, to.type, rules);
}

/**
 * Invariant comparison for collection elements: equal types, except that a type parameter in `to` matches
 * anything its constraint accepts, and a UDT and an enum of the same name match (the type parser cannot
 * tell them apart).
 */
function sameShape(from: PineType, to: PineType): boolean {
  if (to.kind === 'param') return typeParamAccepts(to.name, from);
  switch (from.kind) {
    case 'array':
    case 'matrix':
      return to.kind === from.kind && sameShape(from.element, to.element);
    case 'map':
      return to.kind === 'map' && sameShape(from.key, to.key) && sameShape(from.value, to.value);
    case 'udt':
    case 'enum':
      return (to.kind === 'udt' || to.kind === 'enum') && to.name === from.name;
    case 'primitive':
    case 'id':
    case 'special':
    case 'param':
      return to.kind === from.kind && to.name === from.name;
    case 'na':
    case 'void':
      return to.kind === from.kind;
    case 'tuple':
    case 'list':
      return false;
  }
}
