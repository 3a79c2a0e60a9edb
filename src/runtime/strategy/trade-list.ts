import type { Trade } from '../broker/trade.js';
import type { StrategyResults } from './results.js';

/**
 * TradingView's "List of Trades" CSV in the G5 layout of the 2026 exports (docs/TV-EXPORTS.md §1.2):
 * two rows per trade, exit row first, totals mirrored on both rows.
 */
export const TRADE_LIST_HEADER_G5 =
  'Trade #,Type,Date and time,Signal,Price USDT,Size (qty),Size (value),Net P&L USD,Net P&L %,' +
  'Favorable excursion USD,Favorable excursion %,Adverse excursion USD,Adverse excursion %,' +
  'Cumulative P&L USD,Cumulative P&L %';

/** Options of the trade-list writer. */
export interface TradeListOptions {
  /** Chart timezone as a fixed offset from UTC in minutes (the corpus exports use UTC+8 = 480). */
  readonly utcOffsetMinutes?: number;
  /** Header line; defaults to the G5 layout. */
  readonly header?: string;
}

/** One trade of the list with the numbers TradingView prints. */
export interface TradeRow {
  readonly number: number;
  readonly trade: Trade;
  readonly open: boolean;
  readonly exitPrice: number;
  readonly exitTime: number;
  readonly profit: number;
  /** Quote→account rate `profit` was converted at. */
  readonly rate: number;
  readonly cumulative: number;
}

/** Trades in TradingView's numbering: closed trades in closing order, then open ones marked at the last close. */
export function tradeRows(results: StrategyResults): TradeRow[] {
  const pv = results.symbol.pointValue;
  const rows: TradeRow[] = [];
  let cumulative = 0;
  for (const t of results.closedTrades) {
    cumulative += t.profit;
    rows.push({
      number: rows.length + 1,
      trade: t,
      open: false,
      exitPrice: t.exitPrice,
      exitTime: t.exitTime,
      profit: t.profit,
      rate: t.exitRate,
      cumulative,
    });
  }
  for (const t of results.openTrades) {
    const profit = t.openProfitAt(results.lastClose, pv) - t.entryCommission;
    cumulative += profit;
    rows.push({
      number: rows.length + 1,
      trade: t,
      open: true,
      exitPrice: results.lastClose,
      exitTime: results.lastTime,
      profit,
      rate: 1,
      cumulative,
    });
  }
  return rows;
}

/** The CSV lines (header first, no BOM) of the List of Trades. */
export function tradeListLines(results: StrategyResults, options: TradeListOptions = {}): string[] {
  const offset = (options.utcOffsetMinutes ?? 0) * 60_000;
  const pv = results.symbol.pointValue;
  const priceDecimals = decimalsOf(results.symbol.mintick);
  const lines = [options.header ?? TRADE_LIST_HEADER_G5];
  for (const row of tradeRows(results)) {
    const t = row.trade;
    const value = t.entryPrice * t.qty * pv;
    const side = t.direction > 0 ? 'long' : 'short';
    const totals = [
      // Percentages are of the entry value in quote currency, from unconverted amounts (with an
      // account-currency rate, e.g. −34.48 USDT on 1868.83 prints −1.85 % next to −34.47 USD).
      money(row.profit),
      percent((row.profit / row.rate / value) * 100),
      money(t.runUp()),
      percent((t.runUpQuote(pv) / value) * 100),
      money(t.drawdown()),
      percent((t.drawdownQuote(pv) / value) * 100),
      money(row.cumulative),
      percent((row.cumulative / results.settings.initialCapital) * 100),
    ].join(',');
    const common = `${formatQty(t.qty)},${formatValue(value)},${totals}`;
    const exitSignal = row.open ? 'Open' : t.exitSignal;
    lines.push(
      `${String(row.number)},Exit ${side},${formatTime(row.exitTime + offset)},${csvField(exitSignal)},${formatPrice(row.exitPrice, priceDecimals)},${common}`,
      `${String(row.number)},Entry ${side},${formatTime(t.entryTime + offset)},${csvField(t.entrySignal)},${formatPrice(t.entryPrice, priceDecimals)},${common}`,
    );
  }
  return lines;
}

/** The whole CSV file as TradingView writes it: UTF-8 BOM, LF line ends. */
export function tradeListCsv(results: StrategyResults, options: TradeListOptions = {}): string {
  return `\uFEFF${tradeListLines(results, options).join('\n')}\n`;
}

/** `YYYY-MM-DD HH:mm` of a UNIX-ms instant already shifted to the chart timezone. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getUTCFullYear())}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Money: 2 decimals, trailing zeros dropped (`31.4`, `-18`), as in the exports. */
function money(x: number): string {
  return trimmed(x, 2);
}

/** Percent: always 2 decimals (`0.00`). */
function percent(x: number): string {
  const r = Number.isFinite(x) ? x : 0;
  const s = r.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

function formatPrice(x: number, decimals: number): string {
  return trimmed(x, decimals);
}

function formatQty(x: number): string {
  return trimmed(x, 8);
}

/** Position value: 10 significant digits, trailing zeros dropped (`989994.4112`, `49999.96033`). */
function formatValue(x: number): string {
  return String(Number(x.toPrecision(10)));
}

function trimmed(x: number, decimals: number): string {
  const s = String(Number(x.toFixed(decimals)));
  return s === '-0' ? '0' : s;
}

function decimalsOf(tick: number): number {
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(tick * 10 ** d) - tick * 10 ** d) < 1e-9) return d;
  return 10;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
