/**
 * A Pine runtime error: the condition under which TradingView halts the script with a message
 * (an array index out of bounds, history beyond `max_bars_back`, …).
 *
 * It is thrown, not returned, because TradingView stops the script at that point; the bar loop's
 * caller (the runner) catches it and reports it as a `PP5xxx` diagnostic with the bar it occurred on.
 */
export class PineRuntimeError extends Error {
  /** Stable identifier of the condition, e.g. `array-index`, `max-bars-back`. */
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(message);
    this.name = 'PineRuntimeError';
    this.kind = kind;
  }
}

/** Pine `runtime.error(message)`: halts the script with the user's message. */
export function runtimeError(message: string): never {
  throw new PineRuntimeError('runtime.error', message);
}
