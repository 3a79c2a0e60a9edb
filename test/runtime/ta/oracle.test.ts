import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAR_COLUMNS, barsOf, mismatches, readOracle } from './oracle-csv.js';
import { ORACLE_COLUMNS, SKIPPED_COLUMNS } from './oracle-columns.js';

// TradingView chart exports (EURUSD) copied from PyneSys/pynecore; provenance in the data README.
const DATA_DIR = join(import.meta.dirname, '../../data/oracles/ta');
const files = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.csv'))
  .sort();

describe('ta.* against TradingView exports', () => {
  it('has a recipe or a documented skip for every indicator column of every export', () => {
    const unhandled: string[] = [];
    for (const file of files) {
      const table = readOracle(join(DATA_DIR, file));
      for (const column of table.columns) {
        if (BAR_COLUMNS.has(column)) continue;
        const handled =
          (Object.hasOwn(ORACLE_COLUMNS, file) && Object.hasOwn(ORACLE_COLUMNS[file], column)) ||
          (Object.hasOwn(SKIPPED_COLUMNS, file) && Object.hasOwn(SKIPPED_COLUMNS[file], column));
        if (!handled) unhandled.push(`${file}: ${column}`);
      }
    }
    expect(unhandled).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(28);
  });

  for (const file of files) {
    describe(file, () => {
      const table = readOracle(join(DATA_DIR, file));
      const bars = barsOf(table);
      for (const [column, recipe] of Object.entries(
        Object.hasOwn(ORACLE_COLUMNS, file) ? ORACLE_COLUMNS[file] : {},
      )) {
        it(column, () => {
          const expected = table.values.get(column);
          expect(expected, `column ${column} missing from ${file}`).toBeDefined();
          if (!expected) return;
          expect(mismatches(expected, recipe(bars), bars.time)).toEqual([]);
        });
      }
    });
  }
});
