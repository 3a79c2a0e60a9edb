import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BACKTEST_V8_FLAGS } from '../../src/run/v8-tuning.js';
import type { BenchContext, BenchSuite, SuiteReport } from './contract.js';

/** What a suite's child process sends back. */
export type ChildMessage =
  | { readonly ok: true; readonly title: string; readonly report: SuiteReport }
  | { readonly ok: false; readonly error: string };

function isBenchSuite(value: unknown): value is BenchSuite {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof BenchSuite, unknown>>;
  return typeof v.title === 'string' && typeof v.run === 'function';
}

/** Imports a compiled benchmark module and runs its exported `suite` (in the current process). */
export async function runSuiteModule(compiledPath: string, context: BenchContext): Promise<ChildMessage> {
  try {
    const mod: unknown = await import(pathToFileURL(compiledPath).href);
    const suite = typeof mod === 'object' && mod !== null && 'suite' in mod ? mod.suite : undefined;
    if (!isBenchSuite(suite)) {
      return { ok: false, error: `${compiledPath} exports no \`suite: BenchSuite\` (see bench/README.md)` };
    }
    return { ok: true, title: suite.title, report: await suite.run(context) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/**
 * Runs one suite in a fresh Node process (`script --suite <path>`), so JIT state, heap and GC of one
 * benchmark never colour another. The child's working directory is `repoRoot` (some benchmarks find
 * `../shared` from it). The child runs with the V8 flags the `pineport` CLI sets for itself
 * (`BACKTEST_V8_FLAGS`), so the figures are those of the shipped command. Resolves with the child's
 * message, or an error if it sent none.
 */
export function runSuiteInChild(
  script: string,
  compiledPath: string,
  repoRoot: string,
  quick: boolean,
): Promise<ChildMessage> {
  return new Promise((done) => {
    const args = ['--suite', compiledPath, ...(quick ? ['--quick'] : [])];
    const child = fork(script, args, {
      cwd: repoRoot,
      execArgv: [...process.execArgv, ...BACKTEST_V8_FLAGS],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: ChildMessage | undefined;
    child.on('message', (m) => {
      message = m as ChildMessage;
    });
    child.on('exit', (code, signal) => {
      done(
        message ?? {
          ok: false,
          error: `child exited (code ${String(code)}, signal ${String(signal)}) without a report`,
        },
      );
    });
  });
}
