export { checkHealth, checkModuleHealth, type CompiledForHealth, type HealthOptions } from './check.js';
export { healthReportSchema, diagnosticSchema, type HealthReport } from './schema.js';
export { staticFindings } from './static.js';
export { renderHealthReport } from './render.js';
export { lookaheadTest, chooseCuts, type LookaheadOptions, type LookaheadResult } from './lookahead.js';
export { warmupTest, DEFAULT_OFFSETS, type WarmupOptions, type WarmupResult } from './warmup.js';
export { snapshotRun, type HealthTarget, type Snapshot, type TradeRow } from './snapshot.js';
export { deadInputs, type DeadInputResult } from './inputs.js';
export { sanityFigures, identicalRuns, type SanityFigures } from './sanity.js';
