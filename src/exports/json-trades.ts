import type { Diagnostic } from '../diagnostics/index.js';
import { dataCodes } from '../diagnostics/codes/data.js';
import { FileReporter } from '../data/report.js';
import { CellScanner, isNaiveKind, TimeKind } from '../data/scan.js';
import type { TimeZone } from '../data/timezone.js';
import { resolveTimezone } from './csv-trades.js';
import { makeTrade, type Trade } from './trade.js';

/** Result of {@link readTradesJson}. */
export interface JsonTradesResult {
  readonly trades: readonly Trade[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

const NUMBER_FIELDS = ['profit', 'profitPercent', 'cumProfit', 'runUp', 'drawdown', 'commission'] as const;

/**
 * Reads a trade list we (or another tool) wrote as JSON: an array of trades, or `{ "trades": [...] }`,
 * each with `direction` (`long`/`short`), `entryTime`, `entryPrice`, `exitTime`, `exitPrice`, `qty` and
 * optionally `number`, `profit`, `cumProfit`, `runUp`, `drawdown`, `commission`, `entrySignal`,
 * `exitSignal`, `open`. Times are UNIX ms numbers or ISO-8601 strings; strings without offset are read
 * in `timezone` (default UTC).
 */
export function readTradesJson(
  text: string,
  options: { file?: string; timezone?: string } = {},
): JsonTradesResult {
  const reporter = new FileReporter(options.file, 50);
  const zone = resolveTimezone(options.timezone ?? 'UTC', reporter);
  const done = (trades: Trade[]): JsonTradesResult => {
    const diagnostics = reporter.finish();
    return { trades, diagnostics, ok: !diagnostics.some((d) => d.severity === 'error') };
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    reporter.report(dataCodes.badTradesJson, undefined, `not JSON: ${(error as Error).message}`);
    return done([]);
  }
  const list = Array.isArray(parsed) ? parsed : isRecord(parsed) ? parsed.trades : undefined;
  if (!Array.isArray(list) || zone === undefined) {
    if (zone !== undefined)
      reporter.report(
        dataCodes.badTradesJson,
        undefined,
        'expected an array of trades or { "trades": [...] }',
      );
    return done([]);
  }
  const trades: Trade[] = [];
  list.forEach((item: unknown, index) => {
    const trade = toTrade(item, index, zone, reporter);
    if (trade !== undefined) trades.push(trade);
  });
  return done(trades);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toTrade(item: unknown, index: number, zone: TimeZone, reporter: FileReporter): Trade | undefined {
  const where = `trade ${index}`;
  const problem = (message: string): Trade | undefined => {
    reporter.report(dataCodes.badTradesJson, undefined, `${where}: ${message}`);
    return undefined;
  };
  if (!isRecord(item)) return problem('is not an object');
  const direction = item.direction;
  if (direction !== 'long' && direction !== 'short') return problem(`direction must be "long" or "short"`);
  const open = item.open === true;
  const entryTime = time(item.entryTime, zone);
  const exitTime = item.exitTime === undefined && open ? Number.NaN : time(item.exitTime, zone);
  if (Number.isNaN(entryTime)) return problem('entryTime must be UNIX ms or an ISO-8601 string');
  if (Number.isNaN(exitTime) && !open) return problem('exitTime must be UNIX ms or an ISO-8601 string');
  const num = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const optional: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
  for (const field of NUMBER_FIELDS) optional[field] = num(item[field]);
  return makeTrade({
    ...optional,
    number: typeof item.number === 'number' ? item.number : index + 1,
    direction,
    entryTime,
    entryPrice: num(item.entryPrice),
    exitTime,
    exitPrice: num(item.exitPrice),
    qty: num(item.qty),
    entrySignal: text(item.entrySignal),
    exitSignal: text(item.exitSignal),
    open,
  });
}

function time(value: unknown, zone: TimeZone): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const scanner = new CellScanner(value);
  const parsed = scanner.time(0, value.length);
  if (scanner.kind === TimeKind.invalid) return Number.NaN;
  return isNaiveKind(scanner.kind) ? zone.toUtc(parsed) : parsed;
}

/** Writes trades as the JSON {@link readTradesJson} reads (times as UNIX ms; NaN figures omitted). */
export function writeTradesJson(trades: readonly Trade[]): string {
  const plain = trades.map((t) =>
    Object.fromEntries(
      Object.entries(t).filter(
        ([key, value]) =>
          key !== 'entryLine' && key !== 'exitLine' && !(typeof value === 'number' && Number.isNaN(value)),
      ),
    ),
  );
  return `${JSON.stringify({ trades: plain }, null, 2)}\n`;
}
