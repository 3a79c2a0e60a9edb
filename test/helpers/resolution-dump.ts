import type { Analysis, Binding, CallResolution } from '../../src/analysis/index.js';
import type { Node } from '../../src/parser/index.js';
import { printQualifiedType } from '../../src/analysis/types/index.js';

/** Every AST node under `root`, in source order. */
function* nodes(root: unknown): Generator<Node> {
  if (Array.isArray(root)) {
    for (const item of root) yield* nodes(item);
    return;
  }
  if (typeof root !== 'object' || root === null) return;
  if ('kind' in root && 'span' in root && 'id' in root) yield root as Node;
  for (const [key, value] of Object.entries(root)) {
    if (key === 'span' || key === 'comments' || key === 'annotations') continue;
    yield* nodes(value);
  }
}

function binding(b: Binding): string {
  switch (b.kind) {
    case 'symbol':
      return b.symbol.kind === 'variable'
        ? `${b.symbol.scope} variable #${b.symbol.id}`
        : `${b.symbol.kind} ${b.symbol.name}`;
    case 'builtin-variable':
    case 'builtin-constant':
    case 'builtin-function':
      return `${b.kind} ${b.name}`;
    case 'namespace':
      return `namespace ${b.name}`;
    case 'enum-member':
      return `enum member ${b.enumSymbol.name}.${b.member}`;
    case 'field':
      return `field ${b.type.name}.${b.field.name}`;
  }
}

function call(c: CallResolution): string {
  switch (c.kind) {
    case 'builtin':
      return `builtin ${c.overload.signature.trim()}${c.receiver ? ' (method)' : ''}`;
    case 'user':
      return `script function ${c.symbol.name}${c.receiver ? ' (method)' : ''}`;
    case 'type-new':
      return `new ${c.type.name}`;
    case 'type-copy':
      return `copy ${c.type.name}`;
    case 'unresolved':
      return 'unresolved';
  }
}

/**
 * A readable dump of an analysis, for golden files: each declared variable with its type and
 * history depth, each name's binding, each call's resolution, then inputs and settings.
 */
export function dumpResolution(analysis: Analysis): string {
  const lines: string[] = [`version rules: ${JSON.stringify(analysis.rules)}`];
  for (const node of nodes(analysis.program.body)) {
    const at = `${node.span.line}:${node.span.column}`;
    const declared = analysis.declared.get(node.id);
    if (declared) {
      const depth = declared.historyDepth === Infinity ? 'dynamic' : String(declared.historyDepth);
      lines.push(
        `${at} declares ${declared.name} #${declared.id} ${declared.scope}${declared.mode ? ' ' + declared.mode : ''}: ${printQualifiedType(declared.type)}, history ${depth}${declared.reassigned ? ', reassigned' : ''}`,
      );
      continue;
    }
    const b = analysis.bindings.get(node.id);
    if (b && (node.kind === 'Identifier' || node.kind === 'MemberExpression')) {
      const type = analysis.types.get(node.id);
      lines.push(
        `${at} ${node.kind === 'Identifier' ? node.name : 'member'} → ${binding(b)}${type ? ` : ${printQualifiedType(type)}` : ''}`,
      );
    }
    const c = analysis.calls.get(node.id);
    if (c) {
      const type = analysis.types.get(node.id);
      lines.push(`${at} call → ${call(c)}${type ? ` : ${printQualifiedType(type)}` : ''}`);
    }
  }
  lines.push(
    `declaration: ${analysis.declaration ? `${analysis.declaration.kind} ${JSON.stringify(analysis.declaration.settings)}` : 'none'}`,
  );
  for (const input of analysis.inputs) lines.push(`input: ${JSON.stringify(input)}`);
  return lines.join('\n') + '\n';
}
