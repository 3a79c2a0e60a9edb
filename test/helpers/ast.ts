import type { Span } from '../../src/diagnostics/span.js';

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && 'start' in value && 'endColumn' in value;
}

/** Golden form of an AST: ids dropped, each span written compactly as "line:col-line:col". */
export function astGoldenJson(node: unknown): string {
  return JSON.stringify(
    node,
    (key, value: unknown) => {
      if (key === 'id') return undefined;
      if (key === 'span' && isSpan(value))
        return `${value.line}:${value.column}-${value.endLine}:${value.endColumn}`;
      return value;
    },
    1,
  );
}

/** Structural form for round-trip comparison: positions, ids and plain comments removed. */
export function astShape(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) =>
    key === 'span' || key === 'id' || key === 'comments' || key === 'ownLine' ? undefined : value,
  );
}
