import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/run/backtest.js';
import { Compiler } from '../../src/run/compiler.js';
import { BAR_COLUMNS, barsOf, mismatches, readOracle } from '../runtime/ta/oracle-csv.js';
import { oracleIndicator, SCRIPT_DEFINED } from './oracle-pine.js';

// TradingView chart exports (EURUSD, US/Eastern exchange time) copied from PyneSys/pynecore;
// provenance in test/data/oracles/README.md. Same files and tolerance as test/runtime/ta/oracle.test.ts.
const DATA_DIR = join(import.meta.dirname, '../data/oracles/ta');
const files = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.csv'))
  .sort();
const compiler = new Compiler();

// EURUSD's exchange: New York time, a daily session opening at 17:00 (the exports' *.toml).
const SYMBOL = { mintick: 0.00001, timezone: 'America/New_York', session: '1700-1700' };

describe('oracle columns through the whole pipeline (parse → analyse → generate → load → run)', () => {
  for (const file of files) {
    describe(file, async () => {
      const table = readOracle(join(DATA_DIR, file));
      const columns = table.columns.filter((c) => !BAR_COLUMNS.has(c));
      const indicator = oracleIndicator(file, columns);
      const { transpiled, module } = await compiler.load(indicator.source, { file: `oracle-${file}.pine` });
      const bars = barsOf(table);
      const run =
        module && runBacktest(module, { ...bars, time: bars.time.map((t) => t * 1000) }, { symbol: SYMBOL });

      it('compiles and runs without diagnostics', () => {
        expect(transpiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(run?.diagnostics).toEqual([]);
      });
      for (const column of columns) {
        it(column, () => {
          const plotted = run?.plots?.column(indicator.plots.get(column) ?? '');
          expect(plotted, indicator.source).toBeDefined();
          if (!plotted) return;
          expect(mismatches(table.values.get(column) ?? new Float64Array(), plotted, bars.time)).toEqual([]);
        });
      }
    });
  }

  it('translates every script-defined column it lists (the list is not stale)', () => {
    for (const [file, defined] of Object.entries(SCRIPT_DEFINED)) {
      const columns = readOracle(join(DATA_DIR, file)).columns;
      for (const column of Object.keys(defined.columns)) expect(columns, file).toContain(column);
    }
  });
});
