import cliProgress from 'cli-progress';

/** A progress bar a long command updates; a no-op when there is nowhere worth drawing it. */
export interface Progress {
  /** `done` of `total` units finished; `note` is shown after the ETA (e.g. best-so-far). */
  update(done: number, total: number, note?: string): void;
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Where to draw; the CLI passes process.stderr, tests pass nothing. */
  readonly stream: NodeJS.WritableStream | undefined;
  /** What is counted, e.g. `trials` or `cases`. */
  readonly label: string;
  /** `--json` was given: stdout is for machines and stderr stays quiet too. */
  readonly json?: boolean;
  /** Clock for the ETA (tests); default performance.now. */
  readonly now?: () => number;
}

const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

/** `1h02m`, `3m05s`, `42s`: short enough for the end of a bar. */
export function formatEta(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '…';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${String(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${String(m)}m${String(s % 60).padStart(2, '0')}s`;
  return `${String(Math.floor(m / 60))}h${String(m % 60).padStart(2, '0')}m`;
}

/** True for a stream that is an interactive terminal (a pipe or a file gets no bar). */
function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true;
}

/**
 * A cli-progress bar with an ETA on `stream`, drawn only when that stream is a terminal and the
 * output is not JSON (a bar in a log file or in front of a JSON reader is noise). The ETA is
 * elapsed ÷ done × remaining, measured from the first update (work resumed from a store before
 * that does not distort it).
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream;
  if (stream === undefined || options.json === true || !isTerminal(stream)) return NO_PROGRESS;
  const now = options.now ?? ((): number => performance.now());
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${options.label} {bar} {value}/{total} | ETA {etaText}{note}`,
      hideCursor: false,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let startTime = 0;
  let startDone = 0;
  return {
    update: (done, total, note) => {
      const t = now();
      const noteText = note === undefined ? '' : ` | ${note}`;
      if (!started) {
        started = true;
        startTime = t;
        startDone = done;
        bar.start(total, done, { etaText: '…', note: noteText });
        return;
      }
      const rate = done > startDone ? (t - startTime) / (done - startDone) : Number.NaN;
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(done, { etaText: formatEta(rate * (total - done)), note: noteText });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
