import { defineCodes } from './define.js';

/** Codes for OHLCV data, symbol settings, TradingView exports and trade comparison (PP4xxx). */
export const dataCodes = defineCodes({
  // OHLCV files (PP40xx)
  emptyFile: { code: 'PP4001', severity: 'error', title: 'empty data file' },
  missingColumn: { code: 'PP4002', severity: 'error', title: 'required column missing' },
  badNumber: { code: 'PP4003', severity: 'error', title: 'cell is not a number' },
  badTime: { code: 'PP4004', severity: 'error', title: 'cell is not a time' },
  mixedTimeFormats: { code: 'PP4005', severity: 'error', title: 'time formats mixed in one column' },
  naiveTimeWithoutTimezone: {
    code: 'PP4006',
    severity: 'error',
    title: 'times without offset need a timezone',
  },
  unsortedTime: { code: 'PP4007', severity: 'error', title: 'timestamps go backwards' },
  duplicateTime: { code: 'PP4008', severity: 'error', title: 'duplicate timestamp' },
  gap: { code: 'PP4009', severity: 'warning', title: 'gap larger than the timeframe' },
  nonPositivePrice: { code: 'PP4010', severity: 'error', title: 'price is zero or negative' },
  nonFinitePrice: { code: 'PP4011', severity: 'error', title: 'price is NaN or infinite' },
  highBelowBody: { code: 'PP4012', severity: 'error', title: 'high below max(open, close)' },
  lowAboveBody: { code: 'PP4013', severity: 'error', title: 'low above min(open, close)' },
  fieldCount: { code: 'PP4014', severity: 'error', title: 'wrong number of fields in a row' },
  unknownTimezone: { code: 'PP4015', severity: 'error', title: 'unknown timezone' },
  noVolume: { code: 'PP4016', severity: 'info', title: 'no volume column' },
  tooManyDiagnostics: { code: 'PP4017', severity: 'info', title: 'more diagnostics of this kind omitted' },
  singleBar: { code: 'PP4018', severity: 'warning', title: 'timeframe cannot be inferred' },
  negativeVolume: { code: 'PP4019', severity: 'error', title: 'volume is negative' },
  // Symbol settings (PP405x)
  mintickInferred: { code: 'PP4050', severity: 'warning', title: 'mintick inferred from prices' },
  symbolDefaults: { code: 'PP4051', severity: 'info', title: 'symbol settings defaulted' },
  unknownSymbolKey: { code: 'PP4052', severity: 'warning', title: 'unknown symbol setting' },
  badSymbolValue: { code: 'PP4053', severity: 'error', title: 'invalid symbol setting value' },
  badSettingsFile: { code: 'PP4054', severity: 'error', title: 'settings file cannot be parsed' },
  // TradingView List of Trades (PP41xx)
  emptyExport: { code: 'PP4101', severity: 'error', title: 'export has no header' },
  unknownExportHeader: { code: 'PP4102', severity: 'error', title: 'List of Trades header not recognised' },
  badTradeType: { code: 'PP4103', severity: 'error', title: 'unknown trade row type' },
  badTradeNumber: { code: 'PP4104', severity: 'error', title: 'trade number is not a positive integer' },
  unpairedTradeRow: { code: 'PP4105', severity: 'error', title: 'trade lacks its entry or exit row' },
  duplicateTradeRow: { code: 'PP4106', severity: 'error', title: 'trade has two entry or two exit rows' },
  columnsByPosition: { code: 'PP4107', severity: 'info', title: 'columns matched by position' },
  badXlsx: { code: 'PP4108', severity: 'error', title: 'XLSX file cannot be read' },
  missingSheet: { code: 'PP4109', severity: 'error', title: 'XLSX sheet missing' },
  badTradesJson: { code: 'PP4110', severity: 'error', title: 'trades JSON malformed' },
  directionMismatch: {
    code: 'PP4111',
    severity: 'error',
    title: 'entry and exit rows disagree on direction',
  },
  entryWithoutExit: { code: 'PP4112', severity: 'info', title: 'trade has no exit row: read as open' },
  badTradeCell: { code: 'PP4113', severity: 'error', title: 'List of Trades cell malformed' },
});
