import type { DiagnosticDefinition } from './diagnostic.js';
import { parseCodes } from './codes/parse.js';
import { brokerCodes } from './codes/broker.js';
import { dataCodes } from './codes/data.js';
import { robustCodes } from './codes/robust.js';

/** Every phase's code table; a test checks the codes are unique and well-formed. */
const tables: readonly Readonly<Record<string, DiagnosticDefinition>>[] = [parseCodes, dataCodes, brokerCodes, robustCodes];

export function allDiagnosticDefinitions(): DiagnosticDefinition[] {
  return tables.flatMap((table) => Object.values(table));
}
