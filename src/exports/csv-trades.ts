import { readFile } from 'node:fs/promises';
import { dataCodes } from '../diagnostics/codes/data.js';
import { bomLength, detectDelimiter, readCsvRecords, type CsvRecord } from '../data/csv.js';
import { FileReporter, lineSpan } from '../data/report.js';
import { TimeZone } from '../data/timezone.js';
import {
  emptyTradeList,
  normaliseTradeTable,
  type RawRow,
  type TradeListOptions,
  type TradeListResult,
} from './list-of-trades.js';

/**
 * Reads a TradingView "List of Trades" CSV of any header generation (G0–G7, Russian headers, other
 * languages by position), with or without BOM, exit-row-first or entry-row-first, `,` or an Excel
 * re-save's `;`. Naive times are read in `options.timezone`.
 */
export function readTradesCsv(text: string, options: TradeListOptions): TradeListResult {
  const reporter = new FileReporter(options.file, options.maxDiagnosticsPerCode ?? 50);
  const timezone = resolveTimezone(options.timezone, reporter);
  const from = bomLength(text);
  const records = readCsvRecords(text, from, detectDelimiter(text, from));
  const header = records.at(0);
  if (header === undefined || timezone === undefined) {
    if (header === undefined) reporter.report(dataCodes.emptyExport, undefined, 'the export is empty');
    return emptyTradeList(reporter);
  }
  return normaliseTradeTable(header.fields, csvRow(header), records.slice(1).map(csvRow), timezone, reporter);
}

/** Reads a List of Trades CSV file; I/O errors are thrown, not diagnosed. */
export async function readTradesCsvFile(
  path: string,
  options: Omit<TradeListOptions, 'file'>,
): Promise<TradeListResult> {
  return readTradesCsv(await readFile(path, 'utf8'), { ...options, file: path });
}

/** Parses the timezone option, reporting PP4015 when it is not one. */
export function resolveTimezone(spec: string, reporter: FileReporter): TimeZone | undefined {
  const zone = TimeZone.parse(spec);
  if (zone === undefined) {
    reporter.report(
      dataCodes.unknownTimezone,
      undefined,
      `unknown timezone '${spec}'`,
      'use the chart timezone of the export: an IANA name (Asia/Taipei), UTC, or UTC+8',
    );
  }
  return zone;
}

function csvRow(record: CsvRecord): RawRow {
  return {
    line: record.line,
    cells: record.fields,
    span: (column) =>
      column < record.starts.length
        ? lineSpan(record.line, record.lineStart, record.starts[column], record.ends[column])
        : undefined,
  };
}
