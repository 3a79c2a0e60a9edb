import type { Diagnostic } from './diagnostic.js';
import { LineMap } from './span.js';

export interface RenderOptions {
  /** Lines of context shown above the offending line. */
  readonly contextLines?: number;
}

/**
 * Renders a diagnostic as `file:line:col: severity CODE: message`, a code frame with a caret
 * underline, and the hint. Returns text; printing is the CLI's job.
 */
export function renderDiagnostic(
  diagnostic: Diagnostic,
  source: string | undefined,
  options: RenderOptions = {},
): string {
  const { span } = diagnostic;
  const where = `${diagnostic.file ?? '<input>'}${span ? `:${span.line}:${span.column}` : ''}`;
  const out = [`${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`];
  if (span && source !== undefined) {
    const map = new LineMap(source);
    const context = options.contextLines ?? 1;
    const first = Math.max(1, span.line - context);
    const width = String(span.line).length;
    for (let line = first; line <= span.line; line++) {
      out.push(`  ${String(line).padStart(width)} | ${map.lineText(line).replace(/\t/g, '    ')}`);
    }
    const text = map.lineText(span.line);
    const prefix = text.slice(0, span.column - 1).replace(/\t/g, '    ');
    const lastColumn = span.endLine === span.line ? span.endColumn : text.length + 1;
    const length = Math.max(1, lastColumn - span.column);
    out.push(`  ${' '.repeat(width)} | ${' '.repeat(prefix.length)}${'^'.repeat(length)}`);
  }
  if (diagnostic.hint) out.push(`  hint: ${diagnostic.hint}`);
  return out.join('\n');
}
