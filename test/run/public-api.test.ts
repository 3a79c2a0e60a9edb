// The package entry (`pineport`) exports the diagnostics and the compile → load → run pipeline;
// this list changes only on purpose.
import { expect, it } from 'vitest';
import * as entry from '../../src/index.js';

it('exports transpile, the compiler and the run pipeline from the package entry', () => {
  expect(Object.keys(entry).sort()).toEqual(
    `BACKTEST_V8_FLAGS Compiler DiagnosticBag LineMap allDiagnosticDefinitions barsFrom compilePine
     generatedJavaScript hasErrors loadGeneratedModule plotsCsv renderDiagnostic runBacktest
     runtimeErrorDiagnostic sortDiagnostics transpile tuneV8ForBacktests`
      .split(/\s+/)
      .sort(),
  );
  expect(typeof entry.transpile).toBe('function');
});
