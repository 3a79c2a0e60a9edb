import type { Diagnostic, DiagnosticDefinition, Span } from '../diagnostics/index.js';
import { DiagnosticBag } from '../diagnostics/index.js';
import { dataCodes } from '../diagnostics/codes/data.js';

/**
 * The span of `[start, end)` on one line, given the offset where that line starts. Loaders track line
 * starts as they scan, so they never need a LineMap over a large file.
 */
export function lineSpan(line: number, lineStart: number, start: number, end: number): Span {
  return {
    start,
    end,
    line,
    column: start - lineStart + 1,
    endLine: line,
    endColumn: end - lineStart + 1,
  };
}

/**
 * Collects diagnostics for one file, keeping at most `limit` per code so a file that is wrong on every
 * row yields a readable list; the rest are counted and summarised by one PP4017 per code.
 */
export class FileReporter {
  readonly file: string | undefined;
  private readonly bag = new DiagnosticBag();
  private readonly limit: number;
  private readonly counts = new Map<string, number>();

  constructor(file: string | undefined, limit: number) {
    this.file = file;
    this.limit = limit;
  }

  /** Reports one problem at `span` (undefined: the whole file). */
  report(definition: DiagnosticDefinition, span: Span | undefined, message: string, hint?: string): void {
    const count = (this.counts.get(definition.code) ?? 0) + 1;
    this.counts.set(definition.code, count);
    if (count > this.limit) return;
    this.bag.report(definition, span, message, hint, this.file);
  }

  /** Number of reports of one code, including the omitted ones. */
  count(definition: DiagnosticDefinition): number {
    return this.counts.get(definition.code) ?? 0;
  }

  get hasErrors(): boolean {
    return this.bag.hasErrors;
  }

  /** The diagnostics in file order (line, then column), then one summary per code whose reports were capped. */
  finish(): Diagnostic[] {
    const out = this.bag.all
      .map((d, i) => ({ d, i }))
      .sort(
        (a, b) =>
          (a.d.span?.line ?? 0) - (b.d.span?.line ?? 0) ||
          (a.d.span?.column ?? 0) - (b.d.span?.column ?? 0) ||
          a.i - b.i,
      )
      .map((x) => x.d);
    for (const [code, count] of this.counts) {
      if (count <= this.limit) continue;
      out.push({
        code: dataCodes.tooManyDiagnostics.code,
        severity: dataCodes.tooManyDiagnostics.severity,
        message: `${count - this.limit} more ${code} diagnostics omitted (${count} in total)`,
        ...(this.file === undefined ? {} : { file: this.file }),
      });
    }
    return out;
  }
}
