import type { DiagnosticDefinition } from './diagnostic.js';
import { analysisCodes } from './codes/analysis.js';
import { codegenCodes } from './codes/codegen.js';
import { parseCodes } from './codes/parse.js';
import { cliCodes, runtimeCodes } from './codes/runtime.js';
import { brokerCodes } from './codes/broker.js';
import { dataCodes } from './codes/data.js';
import { robustCodes } from './codes/robust.js';
import { optimizeCodes } from './codes/optimize.js';
import { storeCodes } from './codes/store.js';
import { healthCodes } from './codes/health.js';

/** Every phase's code table; a test checks the codes are unique and well-formed. */
const tables: readonly Readonly<Record<string, DiagnosticDefinition>>[] = [
  parseCodes,
  analysisCodes,
  codegenCodes,
  dataCodes,
  brokerCodes,
  robustCodes,
  storeCodes,
  optimizeCodes,
  runtimeCodes,
  cliCodes,
  healthCodes,
];

export function allDiagnosticDefinitions(): DiagnosticDefinition[] {
  return tables.flatMap((table) => Object.values(table));
}
