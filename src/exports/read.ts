import { readFile } from 'node:fs/promises';
import { readTradesCsv } from './csv-trades.js';
import { readTradesJson } from './json-trades.js';
import type { TradeListResult } from './list-of-trades.js';
import { readTradesXlsx } from './xlsx-trades.js';

/**
 * Reads a trade list by file extension: `.xlsx` (TradingView's XLSX export), `.json` (our trade JSON),
 * anything else as a List of Trades CSV. I/O errors are thrown, not diagnosed.
 */
export async function readTradesFile(
  path: string,
  options: { readonly timezone: string; readonly maxDiagnosticsPerCode?: number },
): Promise<TradeListResult> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.xlsx'))
    return readTradesXlsx(new Uint8Array(await readFile(path)), { ...options, file: path });
  const text = await readFile(path, 'utf8');
  if (lower.endsWith('.json')) {
    const json = readTradesJson(text, { file: path, timezone: options.timezone });
    return {
      ...json,
      generation: 'unknown',
      rowOrder: 'none',
      priceCurrency: undefined,
      moneyCurrency: undefined,
    };
  }
  return readTradesCsv(text, { ...options, file: path });
}
