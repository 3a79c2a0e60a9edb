import { readFile } from 'node:fs/promises';
import { dataCodes } from '../diagnostics/codes/data.js';
import { FileReporter } from '../data/report.js';
import { resolveTimezone } from './csv-trades.js';
import { matchHeader } from './headers.js';
import {
  emptyTradeList,
  normaliseTradeTable,
  type Cell,
  type RawRow,
  type TradeListOptions,
  type TradeListResult,
} from './list-of-trades.js';
import { readXlsx, type Sheet } from './xlsx.js';

/** A List of Trades read from XLSX, with the workbook's `Properties` sheet when it has one. */
export interface XlsxTradeListResult extends TradeListResult {
  /** `Properties` (name → value, all strings: symbol, tick size, inputs, strategy properties). */
  readonly properties: ReadonlyMap<string, string>;
  /**
   * The metric sheets (`Performance`, `Trades analysis`, `Risk-adjusted performance`…): sheet name →
   * metric (first column) → column header (`All USD`, `Long %`…) → cell.
   */
  readonly metrics: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Cell>>>;
  readonly sheetNames: readonly string[];
}

/**
 * Reads TradingView's Strategy Tester XLSX export: the `List of trades` sheet (or, in another UI
 * language, the first sheet whose header is a List of Trades), datetime cells in the chart timezone,
 * header row found within the first five rows (older files have title rows above it).
 */
export function readTradesXlsx(bytes: Uint8Array, options: TradeListOptions): XlsxTradeListResult {
  const reporter = new FileReporter(options.file, options.maxDiagnosticsPerCode ?? 50);
  const timezone = resolveTimezone(options.timezone, reporter);
  const sheets = readXlsx(bytes);
  const fail = (names: readonly string[]): XlsxTradeListResult => ({
    ...emptyTradeList(reporter),
    properties: new Map(),
    metrics: new Map(),
    sheetNames: names,
  });
  if (typeof sheets === 'string') {
    reporter.report(dataCodes.badXlsx, undefined, sheets, 'export the Strategy Tester data again as XLSX');
    return fail([]);
  }
  const names = sheets.map((s) => s.name);
  const found = findTradeSheet(sheets);
  if (found === undefined) {
    reporter.report(
      dataCodes.missingSheet,
      undefined,
      `no "List of trades" sheet (sheets: ${names.join(', ')})`,
      'export from the Strategy Tester\'s "Export data" button',
    );
    return fail(names);
  }
  if (timezone === undefined) return fail(names);
  const { sheet, headerIndex } = found;
  const row = (i: number): RawRow => ({
    line: sheet.numbers[i],
    // XLSX omits empty trailing cells; pad to the header's width so rows compare like CSV rows.
    cells: pad(sheet.rows[i], sheet.rows[headerIndex].length),
    span: (column) => ({
      start: 0,
      end: 0,
      line: sheet.numbers[i],
      column: column + 1,
      endLine: sheet.numbers[i],
      endColumn: column + 2,
    }),
  });
  const rows = sheet.rows
    .map((_, i) => i)
    .filter((i) => i > headerIndex && sheet.rows[i].some((c) => c !== ''));
  const result = normaliseTradeTable(
    sheet.rows[headerIndex],
    row(headerIndex),
    rows.map(row),
    timezone,
    reporter,
  );
  return {
    ...result,
    properties: readProperties(sheets),
    metrics: readMetricSheets(sheets.filter((s) => s !== sheet)),
    sheetNames: names,
  };
}

/** Reads an XLSX List of Trades file; I/O errors are thrown, not diagnosed. */
export async function readTradesXlsxFile(
  path: string,
  options: Omit<TradeListOptions, 'file'>,
): Promise<XlsxTradeListResult> {
  return readTradesXlsx(new Uint8Array(await readFile(path)), { ...options, file: path });
}

function pad(cells: readonly Cell[], width: number): readonly Cell[] {
  return cells.length >= width ? cells : [...cells, ...new Array<Cell>(width - cells.length).fill('')];
}

function findTradeSheet(sheets: readonly Sheet[]): { sheet: Sheet; headerIndex: number } | undefined {
  const named = sheets.filter((s) => s.name.trim().toLowerCase() === 'list of trades');
  for (const sheet of [...named, ...sheets]) {
    for (let i = 0; i < Math.min(5, sheet.rows.length); i++) {
      if (matchHeader(sheet.rows[i].map(String)).missing.length === 0) return { sheet, headerIndex: i };
    }
  }
  return undefined;
}

function readMetricSheets(sheets: readonly Sheet[]): Map<string, Map<string, Map<string, Cell>>> {
  const out = new Map<string, Map<string, Map<string, Cell>>>();
  for (const sheet of sheets) {
    if (sheet.name.trim().toLowerCase() === 'properties' || sheet.rows.length < 2) continue;
    const header = sheet.rows[0].map(String);
    const metrics = new Map<string, Map<string, Cell>>();
    for (const cells of sheet.rows.slice(1)) {
      const name = cells.at(0);
      if (typeof name !== 'string' || name === '') continue;
      metrics.set(name, new Map(cells.slice(1).map((cell, i) => [header[i + 1] ?? `column${i + 2}`, cell])));
    }
    out.set(sheet.name, metrics);
  }
  return out;
}

function readProperties(sheets: readonly Sheet[]): Map<string, string> {
  const properties = new Map<string, string>();
  const sheet = sheets.find((s) => s.name.trim().toLowerCase() === 'properties');
  for (const cells of sheet?.rows ?? []) {
    const name = cells.at(0);
    const value = cells.length > 1 ? String(cells[1]) : '';
    if (typeof name === 'string' && name !== '' && name !== 'name') properties.set(name, value);
  }
  return properties;
}
