import type { PineType, QualifiedType } from './type.js';

/** The compact printed form of a type: `float`, `array<float>`, `map<string, int>`, `[series float, series int]`. */
export function printType(t: PineType): string {
  switch (t.kind) {
    case 'primitive':
    case 'id':
    case 'special':
    case 'udt':
    case 'enum':
    case 'param':
      return t.name;
    case 'na':
      return 'na';
    case 'void':
      return 'void';
    case 'array':
      return `array<${printType(t.element)}>`;
    case 'matrix':
      return `matrix<${printType(t.element)}>`;
    case 'list':
      return `list<${printType(t.element)}>`;
    case 'map':
      return `map<${printType(t.key)}, ${printType(t.value)}>`;
    case 'tuple':
      return `[${t.elements.map(printQualifiedType).join(', ')}]`;
  }
}

/**
 * The printed form with its qualifier: `series float`, `simple int`, `const string`. Tuples and `void`
 * print bare, because a tuple's elements carry their own qualifiers and `void` has none.
 */
export function printQualifiedType(qt: QualifiedType): string {
  if (qt.type.kind === 'tuple' || qt.type.kind === 'void') return printType(qt.type);
  return `${qt.qualifier} ${printType(qt.type)}`;
}
