export { RunStore, defaultStorePath } from './run-store.js';
export type { ListOptions, OpenOptions, OpenResult } from './run-store.js';
export type {
  Curve,
  NewRun,
  ProvenanceInput,
  RunHeader,
  RunId,
  RunResults,
  WalkForwardWindowInput,
} from './types.js';
export { SqliteStudyStore } from './study.js';
export { hashFile, hashText } from './provenance.js';
export { decodeFloat64, encodeFloat64, FLOAT64_CODEC } from './blob.js';
export { migrateStore, schemaVersion } from './migrate.js';
export type { MigrationResult } from './migrate.js';
export { STORE_SCHEMA_VERSION, storeMigrations } from './schema.js';
export type { StoreMigration } from './schema.js';
export { tradeToJson, tradesToTradingViewCsv } from './export.js';
export type { ExportOptions } from './export.js';
export {
  curveJsonSchema,
  jsonObjectSchema,
  provenanceSchema,
  runDetailsSchema,
  runExportSchema,
  runKindSchema,
  runListSchema,
  runStatusSchema,
  storedRunSchema,
  storedStudySchema,
  tradeJsonSchema,
  walkForwardWindowSchema,
} from './schemas.js';
export type {
  JsonObject,
  Provenance,
  RunDetails,
  RunExport,
  RunKind,
  RunStatus,
  StoredRun,
  StoredStudy,
  TradeJson,
  WalkForwardWindow,
} from './schemas.js';
/** The `--json` output schemas of every CLI command (src/cli/schemas.ts), for backends. */
export * from '../cli/schemas.js';
