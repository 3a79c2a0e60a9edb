import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Trade } from '../../exports/trade.js';
import { readTradesFile } from '../../exports/index.js';
import { dailyRatesCsv, discoverParityCases, inferDailyRates } from '../../verify/index.js';
import { ExitCode, type CliIO, type ExitStatus } from '../io.js';

interface RatesOptions {
  readonly output?: string;
  readonly timezone: string;
}

/**
 * `pineport rates`: the daily quote→account currency rates TradingView applied, read back from
 * List of Trades exports (see inferDailyRates), as a CSV that `parity`/`verify --quote-rates` take.
 */
export function registerRatesCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program
    .command('rates')
    .description(
      "Infer the daily quote→account currency rates TradingView applied (e.g. USDT→USD) from exports' P&L",
    )
    .argument(
      '<corpus-dir>',
      'folder of TradingView List of Trades exports (<case>/tv_trades.csv), at any depth',
    )
    .option('-o, --output <csv>', 'write the rates here (default: print them)')
    .option('--timezone <tz>', "timezone of the exports' times", 'UTC+8')
    .addHelpText(
      'after',
      '\nExample:\n  pineport rates ../shared/parity/eth-usdt-15m/cases -o usdt-usd.csv\n' +
        '  pineport parity ../shared/parity/eth-usdt-15m/cases … --quote-rates usdt-usd.csv',
    )
    .action(async (corpus: string, options: RatesOptions) => {
      const { cases } = await discoverParityCases(corpus, { defaultTimezone: options.timezone });
      const exports: (readonly Trade[])[] = [];
      for (const parityCase of cases) {
        if (parityCase.tvTrades === undefined) continue;
        const read = await readTradesFile(parityCase.tvTrades, { timezone: parityCase.tvTimezone });
        exports.push(read.trades);
      }
      if (exports.length === 0) {
        io.stderr(
          `${corpus}: error: no TradingView exports found\n  hint: pass the folder holding <case>/tv_trades.csv\n`,
        );
        status.set(ExitCode.inputErrors);
        return;
      }
      const rates = inferDailyRates(exports);
      const csv = dailyRatesCsv(rates);
      if (options.output === undefined) io.stdout(csv);
      else await writeFile(options.output, csv);
      const agreeing = rates.reduce((n, r) => n + r.agreeing, 0);
      const trades = rates.reduce((n, r) => n + r.trades, 0);
      io.stderr(
        `rates: ${String(rates.length)} days from ${String(exports.length)} exports; ` +
          `${String(agreeing)} of ${String(trades)} informative trades agree with their day's rate\n`,
      );
    });
}
