/**
 * Text from the script (titles, comments, annotations) made safe inside a generated comment: one
 * line, no `*\/` that would end a block comment early, and no `/*` (ts-morph's writer takes it for
 * an open comment and closes it with a `*\/` of its own). Generated code must not change shape
 * whatever the Pine strings hold.
 */
export function commentText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*');
}
