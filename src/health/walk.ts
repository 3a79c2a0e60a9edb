import type * as A from '../parser/ast.js';

function isNode(value: unknown): value is A.Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { id?: unknown }).id === 'number'
  );
}

/**
 * Calls `visit` on `root` and every node below it, parents before children, in source order.
 * Generic over the node shapes (every object field holding a node or a list of nodes), so new
 * node kinds are walked without changes here. Comments carry no `id` and are skipped.
 */
export function walkNodes(root: A.Node, visit: (node: A.Node) => void): void {
  const stack: A.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    visit(node);
    const children: A.Node[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'span') continue;
      if (isNode(value)) children.push(value);
      else if (Array.isArray(value))
        for (const item of value as unknown[]) if (isNode(item)) children.push(item);
    }
    // Fields are not always declared in source order (`x[1]`'s target before its offset is, but
    // not every node's); sort, then push in reverse so children pop in source order.
    children.sort((a, b) => a.span.start - b.span.start);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** True when some node below `root` (or `root` itself) satisfies `test`. */
export function someNode(root: A.Node, test: (node: A.Node) => boolean): boolean {
  let found = false;
  walkNodes(root, (node) => {
    if (!found && test(node)) found = true;
  });
  return found;
}
