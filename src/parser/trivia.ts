import type { Span } from '../diagnostics/span.js';

/** A `//` comment kept by the lexer; `//@name value` comments are compiler annotations. */
export interface Comment {
  readonly text: string;
  readonly span: Span;
  /** True when nothing but whitespace precedes the comment on its line. */
  readonly ownLine: boolean;
  /** For `//@version=6` this is `version`; undefined for plain comments. */
  readonly annotation?: string;
  /** The annotation's value: the text after the name (and after `=` for `//@version=6`). */
  readonly annotationValue?: string;
}

/** The annotation names Pine's compiler knows. Others are kept, with a warning. */
export const knownAnnotations: ReadonlySet<string> = new Set([
  'version',
  'description',
  'function',
  'param',
  'returns',
  'type',
  'field',
  'variable',
  'enum',
  'strategy_alert_message',
]);
