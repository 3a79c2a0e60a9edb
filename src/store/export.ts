import { TimeZone } from '../data/index.js';
import { csvCell, type Trade } from '../exports/index.js';
import type { JsonObject, RunDetails, RunExport, TradeJson } from './schemas.js';
import type { Curve } from './types.js';

/** Options of {@link RunStore.exportRun}. */
export interface ExportOptions {
  /**
   * Chart timezone for the CSV's naive times (TradingView writes them so); default the run's
   * symbol setting `timezone` when it names one, else UTC.
   */
  readonly timezone?: TimeZone;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** A trade as JSON: NaN → null, source line numbers dropped (they describe an import, not the trade). */
export function tradeToJson(t: Trade): TradeJson {
  return {
    number: t.number,
    direction: t.direction,
    entryTime: finiteOrNull(t.entryTime),
    entryPrice: finiteOrNull(t.entryPrice),
    entrySignal: t.entrySignal,
    exitTime: finiteOrNull(t.exitTime),
    exitPrice: finiteOrNull(t.exitPrice),
    exitSignal: t.exitSignal,
    qty: finiteOrNull(t.qty),
    profit: finiteOrNull(t.profit),
    profitPercent: finiteOrNull(t.profitPercent),
    cumProfit: finiteOrNull(t.cumProfit),
    runUp: finiteOrNull(t.runUp),
    drawdown: finiteOrNull(t.drawdown),
    commission: finiteOrNull(t.commission),
    open: t.open,
  };
}

/** The `runs export --format json` document (validates against runExportSchema). */
export function runToJson(
  schemaVersion: number,
  run: RunDetails,
  trades: readonly Trade[],
  curves: Readonly<Record<string, Curve>>,
): string {
  const doc: RunExport = {
    schemaVersion,
    run,
    trades: trades.map(tradeToJson),
    curves: Object.fromEntries(
      Object.entries(curves).map(([name, c]) => [
        name,
        { times: Array.from(c.times, finiteOrNull), values: Array.from(c.values, finiteOrNull) },
      ]),
    ),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Plain decimal (TradingView never writes exponents); NaN → empty cell. */
function decimal(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  if (!text.includes('e')) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** Percentages as TradingView writes them: 2 decimals. */
function percent(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '';
}

function wallTime(utcMs: number, timezone: TimeZone | undefined): string {
  if (!Number.isFinite(utcMs)) return '';
  const wall = utcMs + (timezone === undefined ? 0 : timezone.offsetAt(utcMs));
  return new Date(wall).toISOString().slice(0, 16).replace('T', ' ');
}

function numberSetting(settings: JsonObject, key: string): number | undefined {
  const value = settings[key];
  return typeof value === 'number' ? value : undefined;
}

function stringSetting(settings: JsonObject, key: string): string | undefined {
  const value = settings[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The trades as a TradingView List of Trades CSV in the current (G7, 2026-09) layout: BOM, LF,
 * two rows per trade, Exit row first, totals mirrored on both rows (shared/docs/TV-EXPORTS.md §1.1).
 * Currencies come from the symbol settings' `currency` and the strategy's `currency`; `Size (value)`
 * uses the symbol's `pointValue` (default 1); `Cumulative PnL %` the strategy's `initialCapital`.
 * Excursion percentages are excursion ÷ entry value: TradingView's own base is undocumented and
 * differs by up to 0.08 points on a real export (test/store/csv-export.test.ts). `Duration (bars)` is left empty: a stored
 * trade has no bar indices. Money is written at full precision, percentages at 2 decimals.
 */
export function tradesToTradingViewCsv(
  run: RunDetails,
  trades: readonly Trade[],
  options: ExportOptions = {},
): string {
  const priceCurrency = stringSetting(run.symbol, 'currency') ?? 'USD';
  const money = stringSetting(run.strategy, 'currency') ?? priceCurrency;
  const pointValue = numberSetting(run.symbol, 'pointValue') ?? 1;
  const capital = numberSetting(run.strategy, 'initialCapital');
  const symbolZone = stringSetting(run.symbol, 'timezone');
  const timezone = options.timezone ?? (symbolZone === undefined ? undefined : TimeZone.parse(symbolZone));
  const header = [
    'Trade number',
    'Type',
    'Date and time',
    'Signal',
    `Price ${priceCurrency}`,
    'Size (qty)',
    'Size (value)',
    `Net PnL ${money}`,
    'Return %',
    `Commission ${money}`,
    `Favorable excursion ${money}`,
    'Favorable excursion %',
    `Adverse excursion ${money}`,
    'Adverse excursion %',
    `Cumulative PnL ${money}`,
    'Cumulative PnL %',
    'Duration (bars)',
  ];
  const lines = [header.join(',')];
  for (const t of trades) {
    const value = t.entryPrice * t.qty * pointValue;
    const totals = [
      decimal(t.qty),
      decimal(value),
      decimal(t.profit),
      percent(t.profitPercent),
      decimal(t.commission),
      decimal(t.runUp),
      percent((t.runUp / value) * 100),
      decimal(t.drawdown),
      percent((t.drawdown / value) * 100),
      decimal(t.cumProfit),
      capital === undefined ? '' : percent((t.cumProfit / capital) * 100),
      '',
    ];
    const row = (kind: 'Entry' | 'Exit', time: number, signal: string, price: number): string =>
      [
        String(t.number),
        `${kind} ${t.direction}`,
        wallTime(time, timezone),
        csvCell(signal),
        decimal(price),
        ...totals,
      ].join(',');
    lines.push(row('Exit', t.exitTime, t.exitSignal, t.exitPrice));
    lines.push(row('Entry', t.entryTime, t.entrySignal, t.entryPrice));
  }
  return `\uFEFF${lines.join('\n')}\n`;
}
