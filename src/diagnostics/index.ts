export type { Diagnostic, DiagnosticDefinition, Severity } from './diagnostic.js';
export { DiagnosticBag, hasErrors, sortDiagnostics } from './diagnostic.js';
export type { Span } from './span.js';
export { LineMap } from './span.js';
export { renderDiagnostic } from './render.js';
export { allDiagnosticDefinitions } from './registry.js';
