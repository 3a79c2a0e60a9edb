import type { Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in the user's input. Diagnostics are values: collected, never thrown. */
export interface Diagnostic {
  /** Stable code from the registry, e.g. `PP1001`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
  /** The file the span refers to, when known (the CLI fills it for single-file APIs). */
  readonly file?: string;
  readonly span?: Span;
}

/** Registry entry: the fixed facts about a diagnostic code. */
export interface DiagnosticDefinition {
  readonly code: string;
  readonly severity: Severity;
  /** Short name of the problem, used in docs and `--json` output. */
  readonly title: string;
}

/** Collects diagnostics for one unit of work, dropping exact repeats (same code, span and message). */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(diagnostic: Diagnostic): void {
    const key = `${diagnostic.code}|${diagnostic.file ?? ''}|${diagnostic.span?.start ?? -1}|${diagnostic.span?.end ?? -1}|${diagnostic.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(diagnostic);
  }

  report(
    definition: DiagnosticDefinition,
    span: Span | undefined,
    message: string,
    hint?: string,
    file?: string,
  ): void {
    this.add({
      code: definition.code,
      severity: definition.severity,
      message,
      ...(hint === undefined ? {} : { hint }),
      ...(file === undefined ? {} : { file }),
      ...(span === undefined ? {} : { span }),
    });
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, keeping the original order for ties. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (a.d.file ?? '').localeCompare(b.d.file ?? '') ||
        (a.d.span?.start ?? -1) - (b.d.span?.start ?? -1) ||
        a.i - b.i,
    )
    .map((x) => x.d);
}
