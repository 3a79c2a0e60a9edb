import type { Diagnostic, Span } from '../diagnostics/index.js';
import { dataCodes } from '../diagnostics/codes/data.js';
import { FileReporter } from '../data/report.js';
import { CellScanner, isNaiveKind, TimeKind } from '../data/scan.js';
import type { TimeZone } from '../data/timezone.js';
import { matchHeader, type HeaderGeneration, type TradeField } from './headers.js';
import type { Direction, Trade } from './trade.js';

/** A cell as a reader found it: CSV gives text, XLSX gives numbers (dates as Excel serials) or text. */
export type Cell = string | number;

/** One row of a table, with enough position to point a diagnostic at a cell. */
export interface RawRow {
  /** 1-based line (CSV) or row number (XLSX). */
  readonly line: number;
  readonly cells: readonly Cell[];
  /** Span of a cell, when the source has positions. */
  readonly span: (column: number) => Span | undefined;
}

/** The result of reading a List of Trades. */
export interface TradeListResult {
  /** Trades by ascending trade number, whatever the row order in the file. */
  readonly trades: readonly Trade[];
  readonly generation: HeaderGeneration;
  /** The order of each trade's two rows in the file. */
  readonly rowOrder: 'exit-first' | 'entry-first' | 'mixed' | 'none';
  readonly priceCurrency: string | undefined;
  readonly moneyCurrency: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** True when no diagnostic is an error. */
  readonly ok: boolean;
}

/** Options shared by the List of Trades readers. */
export interface TradeListOptions {
  /** File name for diagnostics. */
  readonly file?: string;
  /**
   * The exporter's chart timezone: the export writes naive times in it (the shared corpus: UTC+8).
   * Parsed by the reader entry points; see `TimeZone.parse` for spellings.
   */
  readonly timezone: string;
  /** At most this many diagnostics per code (default 50). */
  readonly maxDiagnosticsPerCode?: number;
}

/** Midnight 1899-12-30, day 0 of Excel's 1900 date system (with its leap-year bug absorbed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_SECONDS = 86_400;

interface Half {
  readonly row: RawRow;
  readonly kind: 'entry' | 'exit';
  readonly direction: Direction;
  readonly index: number;
}

/**
 * Builds trades from a header and rows: matches columns (by name for every generation, by position
 * for unknown languages), pairs each trade's Entry and Exit rows by trade number in whatever order
 * they come, and takes the totals from the Exit row (older exports may leave the Entry row's blank).
 */
export function normaliseTradeTable(
  header: readonly Cell[],
  headerRow: RawRow,
  rows: readonly RawRow[],
  timezone: TimeZone,
  reporter: FileReporter,
): TradeListResult {
  const match = matchHeader(header.map(String));
  const base = {
    generation: match.generation,
    priceCurrency: match.priceCurrency,
    moneyCurrency: match.moneyCurrency,
  };
  if (match.missing.length > 0) {
    reporter.report(
      dataCodes.unknownExportHeader,
      headerRow.span(0),
      `not a List of Trades header: no ${match.missing.join(', ')} column (found: ${header.join(', ')})`,
      'export the Strategy Tester\'s "List of trades" as CSV or XLSX',
    );
    return finish([], 'none', base, reporter);
  }
  if (match.byPosition.length > 0) {
    reporter.report(
      dataCodes.columnsByPosition,
      headerRow.span(match.byPosition[0]),
      `columns ${match.byPosition.map((i) => `'${String(header[i])}'`).join(', ')} matched by position as ${match.byPosition.map((i) => match.fields[i]).join(', ')}`,
    );
  }
  const column = new Map<TradeField, number>();
  match.fields.forEach((field, i) => {
    if (field !== undefined && !column.has(field)) column.set(field, i);
  });
  const reader = new CellReader(column, timezone, reporter);
  const halves = new Map<number, { entry?: Half; exit?: Half }>();
  const order: number[] = [];
  rows.forEach((row, index) => {
    if (row.cells.length !== header.length) {
      reporter.report(
        dataCodes.fieldCount,
        row.span(Math.min(row.cells.length, header.length) - 1),
        `row has ${row.cells.length} fields, the header has ${header.length}`,
      );
      // A short row cannot be trusted column by column; a long one keeps its known columns.
      if (row.cells.length < header.length) return;
    }
    const half = reader.half(row, index);
    if (half === undefined) return;
    const number = reader.number(row, 'number');
    if (!Number.isInteger(number) || number < 1) {
      reporter.report(
        dataCodes.badTradeNumber,
        row.span(column.get('number') ?? 0),
        `trade number '${String(row.cells[column.get('number') ?? 0])}' is not a positive integer`,
      );
      return;
    }
    let pair = halves.get(number);
    if (pair === undefined) {
      pair = {};
      halves.set(number, pair);
      order.push(number);
    }
    const previous = pair[half.kind];
    if (previous !== undefined) {
      reporter.report(
        dataCodes.duplicateTradeRow,
        row.span(column.get('type') ?? 0),
        `trade ${number} has a second ${half.kind} row (the first is on line ${previous.row.line})`,
        'pyramided entries are separate trades with their own numbers; check the file is one export',
      );
      return;
    }
    pair[half.kind] = half;
  });
  const trades: Trade[] = [];
  let exitFirst = 0;
  let entryFirst = 0;
  for (const number of [...order].sort((a, b) => a - b)) {
    const pair = halves.get(number);
    if (pair === undefined) continue;
    const { entry, exit } = pair;
    if (entry === undefined) {
      if (exit !== undefined) {
        reporter.report(
          dataCodes.unpairedTradeRow,
          exit.row.span(column.get('type') ?? 0),
          `trade ${number} has an exit row but no entry row`,
          'the export is truncated or was edited; export it again',
        );
      }
      continue;
    }
    if (exit === undefined) {
      reporter.report(
        dataCodes.entryWithoutExit,
        entry.row.span(column.get('type') ?? 0),
        `trade ${number} has no exit row: read as an open trade`,
      );
    } else {
      if (exit.index < entry.index) exitFirst++;
      else entryFirst++;
      if (exit.direction !== entry.direction) {
        reporter.report(
          dataCodes.directionMismatch,
          exit.row.span(column.get('type') ?? 0),
          `trade ${number}: exit row is ${exit.direction} but entry row (line ${entry.row.line}) is ${entry.direction}`,
        );
      }
    }
    trades.push(reader.trade(number, entry, exit));
  }
  const rowOrder =
    exitFirst + entryFirst === 0
      ? 'none'
      : entryFirst === 0
        ? 'exit-first'
        : exitFirst === 0
          ? 'entry-first'
          : 'mixed';
  return finish(trades, rowOrder, base, reporter);
}

/** The result for a file that yielded no table (unreadable, empty, bad timezone). */
export function emptyTradeList(reporter: FileReporter): TradeListResult {
  return finish(
    [],
    'none',
    { generation: 'unknown', priceCurrency: undefined, moneyCurrency: undefined },
    reporter,
  );
}

function finish(
  trades: Trade[],
  rowOrder: TradeListResult['rowOrder'],
  base: Pick<TradeListResult, 'generation' | 'priceCurrency' | 'moneyCurrency'>,
  reporter: FileReporter,
): TradeListResult {
  const diagnostics = reporter.finish();
  return { trades, rowOrder, ...base, diagnostics, ok: !diagnostics.some((d) => d.severity === 'error') };
}

const PLAIN_DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)$/;

/** The row types as TradingView writes them (lower-case side since 2025, capitalised before). */
const ROW_TYPES: ReadonlyMap<string, readonly ['entry' | 'exit', Direction]> = new Map([
  ['Entry long', ['entry', 'long']],
  ['Entry short', ['entry', 'short']],
  ['Exit long', ['exit', 'long']],
  ['Exit short', ['exit', 'short']],
  ['Entry Long', ['entry', 'long']],
  ['Entry Short', ['entry', 'short']],
  ['Exit Long', ['exit', 'long']],
  ['Exit Short', ['exit', 'short']],
]);

function negative(value: number): number {
  return value > 0 ? -value : value;
}

/** Reads typed values from cells, reporting malformed ones. */
class CellReader {
  private readonly column: ReadonlyMap<TradeField, number>;
  private readonly timezone: TimeZone;
  private readonly reporter: FileReporter;

  constructor(column: ReadonlyMap<TradeField, number>, timezone: TimeZone, reporter: FileReporter) {
    this.column = column;
    this.timezone = timezone;
    this.reporter = reporter;
  }

  half(row: RawRow, index: number): Half | undefined {
    const at = this.column.get('type') ?? 0;
    const text = String(row.cells[at] ?? '').trim();
    const known = ROW_TYPES.get(text);
    if (known !== undefined) return { row, index, kind: known[0], direction: known[1] };
    const m = /^(entry|exit)\s+(long|short)$/i.exec(text);
    if (m === null) {
      this.reporter.report(
        dataCodes.badTradeType,
        row.span(at),
        `type '${text}' is not Entry long, Entry short, Exit long or Exit short`,
      );
      return undefined;
    }
    return {
      row,
      index,
      kind: m[1].toLowerCase() === 'entry' ? 'entry' : 'exit',
      direction: m[2].toLowerCase() === 'long' ? 'long' : 'short',
    };
  }

  trade(number: number, entry: Half, exit: Half | undefined): Trade {
    // Totals are mirrored on both rows in current exports; older ones may fill only the exit row.
    const total = (field: TradeField): number => {
      const fromExit = exit === undefined ? Number.NaN : this.number(exit.row, field);
      return Number.isNaN(fromExit) ? this.number(entry.row, field) : fromExit;
    };
    const exitSignal = exit === undefined ? '' : this.text(exit.row, 'signal');
    return {
      number,
      direction: entry.direction,
      entryTime: this.time(entry.row),
      entryPrice: this.number(entry.row, 'price'),
      entrySignal: this.text(entry.row, 'signal'),
      exitTime: exit === undefined ? Number.NaN : this.time(exit.row),
      exitPrice: exit === undefined ? Number.NaN : this.number(exit.row, 'price'),
      exitSignal,
      qty: total('qty'),
      profit: total('profit'),
      profitPercent: total('profitPercent'),
      cumProfit: total('cumProfit'),
      // Older exports write the drawdown as a positive magnitude; one sign convention for all.
      runUp: Math.abs(total('runUp')),
      drawdown: negative(total('drawdown')),
      commission: total('commission'),
      open: exit === undefined || exitSignal.toLowerCase() === 'open',
      entryLine: entry.row.line,
      exitLine: exit === undefined ? 0 : exit.row.line,
    };
  }

  text(row: RawRow, field: TradeField): string {
    const at = this.column.get(field);
    return at === undefined ? '' : String(row.cells[at] ?? '').trim();
  }

  /**
   * A numeric cell; empty (or absent column) is NaN without complaint. Also accepts the Unicode minus
   * and accounting parentheses that third-party fixtures claim some exports use.
   */
  number(row: RawRow, field: TradeField): number {
    const at = this.column.get(field);
    if (at === undefined) return Number.NaN;
    const cell = row.cells[at] as Cell | undefined;
    if (typeof cell === 'number') return cell;
    if (cell === undefined) return Number.NaN;
    let text = cell.trim();
    if (text === '') return Number.NaN;
    // Nearly every cell is a plain decimal; Number() of one is correctly rounded.
    if (PLAIN_DECIMAL.test(text)) return Number(text);
    let sign = 1;
    if (text.startsWith('(') && text.endsWith(')')) {
      sign = -1;
      text = text.slice(1, -1);
    }
    text = text.replace(/^\u2212/, '-');
    const scanner = new CellScanner(text);
    const value = scanner.number(0, text.length);
    if (!scanner.valid) {
      this.reporter.report(dataCodes.badTradeCell, row.span(at), `${field} '${cell}' is not a number`);
      return Number.NaN;
    }
    return sign * value;
  }

  /** A time cell: Excel serial (XLSX) or text, naive times read in the chart timezone. */
  time(row: RawRow): number {
    const at = this.column.get('time') ?? 0;
    const cell = row.cells[at] as Cell | undefined;
    if (typeof cell === 'number') {
      // Serials are float days; TradingView stamps whole minutes, so rounding to the second is exact.
      return this.timezone.toUtc(EXCEL_EPOCH_MS + Math.round(cell * DAY_SECONDS) * 1000);
    }
    const text = (cell ?? '').trim();
    const scanner = new CellScanner(text);
    const value = scanner.time(0, text.length);
    if (
      scanner.kind === TimeKind.invalid ||
      scanner.kind === TimeKind.unixS ||
      scanner.kind === TimeKind.unixMs
    ) {
      this.reporter.report(
        dataCodes.badTradeCell,
        row.span(at),
        `date '${text}' is not YYYY-MM-DD HH:mm`,
        'TradingView writes 2025-03-31 17:45 in the chart timezone',
      );
      return Number.NaN;
    }
    return isNaiveKind(scanner.kind) ? this.timezone.toUtc(value) : value;
  }
}
