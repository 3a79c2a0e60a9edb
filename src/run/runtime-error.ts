import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { runtimeCodes } from '../diagnostics/codes/runtime.js';
import { PineRuntimeError } from '../runtime/index.js';
import type { LoadedModule } from './compile.js';

/** The bar a run was on when it stopped. */
export interface StoppedBar {
  readonly index: number;
  /** Bar open time, UNIX ms. */
  readonly time: number;
}

/**
 * The PP5001 diagnostic for an error thrown while a module ran a bar, naming the bar (index and
 * open time) and the Pine statement; undefined when the error is not the script's (an internal
 * failure the caller rethrows). A script's error is a Pine runtime error (`runtime.error`, an array
 * index out of range …) or an error the module's own code raised, such as reading a field of an na
 * object.
 */
export function runtimeErrorDiagnostic(
  module: LoadedModule,
  error: unknown,
  bar: StoppedBar,
): Diagnostic | undefined {
  const site = module.locate?.(error);
  const scripts =
    error instanceof PineRuntimeError ||
    (site?.raisedByScript === true && (error instanceof TypeError || error instanceof RangeError));
  if (!scripts || !(error instanceof Error)) return undefined;
  const when = Number.isFinite(bar.time) ? ` (${new Date(bar.time).toISOString()})` : '';
  const where = site === undefined ? '' : `, line ${site.line}${site.span ? `:${site.span.column}` : ''}`;
  return {
    code: runtimeCodes.runtimeError.code,
    severity: runtimeCodes.runtimeError.severity,
    message: `runtime error on bar ${bar.index}${when}${where}: ${
      error instanceof PineRuntimeError
        ? error.message
        : `an object the statement uses is na (JavaScript: ${error.message})`
    }`,
    hint:
      error instanceof PineRuntimeError
        ? 'TradingView stops the script here too; fix the script or the data'
        : 'the script used an na value where Pine stops with a runtime error; if the script is correct, this is a pineport bug',
    ...(site?.file === undefined ? {} : { file: site.file }),
    ...(site?.span === undefined ? {} : { span: site.span }),
  };
}
