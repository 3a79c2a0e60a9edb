// The compile → load → run pipeline as a library (the CLI's `port`/`transpile` and `run` use it).
export { Compiler, transpile } from './compiler.js';
export type { CompileCacheStats, TranspileOptions, TranspileResult } from './compiler.js';
export { compilePine, generatedJavaScript, loadGeneratedModule } from './compile.js';
export type { Compiled, LoadedModule, PineErrorSite, PineOrigin } from './compile.js';
export { barsFrom, runBacktest } from './backtest.js';
export type { BacktestOptions, BacktestRun, BarColumns } from './backtest.js';
export { runtimeErrorDiagnostic } from './runtime-error.js';
export type { StoppedBar } from './runtime-error.js';
export { plotsCsv } from './plots.js';
export { BACKTEST_V8_FLAGS, tuneV8ForBacktests } from './v8-tuning.js';
