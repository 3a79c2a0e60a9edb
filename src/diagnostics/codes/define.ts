import type { DiagnosticDefinition, Severity } from '../diagnostic.js';

/**
 * Declares one phase's codes. Code ranges: PP1xxx parse, PP2xxx analysis, PP3xxx codegen,
 * PP4xxx data and exports, PP5xxx runtime, PP6xxx broker, PP7xxx optimise, PP8xxx store/report,
 * PP9xxx CLI and health checks.
 */
export function defineCodes<
  const T extends Record<string, { code: string; severity: Severity; title: string }>,
>(table: T): { readonly [K in keyof T]: DiagnosticDefinition } {
  return table;
}
