import type { IToken } from 'chevrotain';
import type { LineMap, Span } from '../diagnostics/span.js';
import type { Comment } from './trivia.js';
import type { Node, NodeKind, NodeOfKind } from './ast.js';

type Fields<K extends NodeKind> = Omit<NodeOfKind<K>, 'kind' | 'id' | 'span'>;

/**
 * The one place AST nodes are made: every node gets its kind, a per-parse id and a span, so no
 * rule can forget a location. One factory per parse (ids restart at 1).
 */
export class NodeFactory {
  private nextId = 1;
  private readonly lineMap: LineMap;
  private readonly ownLineComments = new Map<number, Comment>();

  constructor(lineMap: LineMap, comments: readonly Comment[]) {
    this.lineMap = lineMap;
    for (const comment of comments) if (comment.ownLine) this.ownLineComments.set(comment.span.line, comment);
  }

  /** A node spanning from `start` to `end` (token or node; a token's end is its last character). */
  make<K extends NodeKind>(
    kind: K,
    start: IToken | Node,
    end: IToken | Node,
    fields: Fields<K>,
  ): NodeOfKind<K> {
    const from = 'kind' in start && 'span' in start ? start.span.start : start.startOffset;
    const to = 'kind' in end && 'span' in end ? end.span.end : (end.endOffset ?? end.startOffset) + 1;
    return {
      kind,
      id: this.nextId++,
      span: this.span(from, Math.max(from, to)),
      ...fields,
    } as unknown as NodeOfKind<K>;
  }

  /** A node with an explicit span (synthesised nodes such as one-line blocks). */
  makeAt<K extends NodeKind>(kind: K, span: Span, fields: Fields<K>): NodeOfKind<K> {
    return { kind, id: this.nextId++, span, ...fields } as unknown as NodeOfKind<K>;
  }

  span(start: number, end: number): Span {
    return this.lineMap.span(start, end);
  }

  /**
   * The `//@` annotations written on the comment lines directly above `line` (no blank line
   * between), in source order; `//@version` belongs to the script and is never attached.
   */
  annotationsAbove(line: number): Comment[] {
    const found: Comment[] = [];
    for (let l = line - 1; l >= 1; l--) {
      const comment = this.ownLineComments.get(l);
      if (!comment) break;
      if (comment.annotation !== undefined && comment.annotation !== 'version') found.push(comment);
    }
    return found.reverse();
  }
}
