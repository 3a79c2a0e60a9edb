export type { NamedSeries, OhlcvSeries, Gap } from './series.js';
export { extraSeries, formatDuration, formatUtc } from './series.js';
export type { OhlcvLoadOptions, OhlcvLoadResult, RowPositions } from './ohlcv.js';
export { inferTimeframe, loadOhlcv, loadOhlcvFile } from './ohlcv.js';
export type { TimeFormat } from './scan.js';
export { CellScanner } from './scan.js';
export { TimeZone } from './timezone.js';
export type { CsvRecord } from './csv.js';
export { bomLength, detectDelimiter, readCsvRecords } from './csv.js';
export { FileReporter, lineSpan } from './report.js';
export type {
  SettingSource,
  SymbolSettings,
  SymbolSettingsInput,
  SymbolSettingsResult,
  SymbolType,
} from './symbol.js';
export { DEFAULT_SYMBOL, inferMintick, parseSymbolSettingsFile, resolveSymbolSettings } from './symbol.js';
export type { TomlDocument, TomlValue } from './toml.js';
export { parseTomlSubset } from './toml.js';
