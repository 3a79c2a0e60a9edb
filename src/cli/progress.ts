import cliProgress from 'cli-progress';

/** A progress bar a long command updates; a no-op when there is nowhere worth drawing it. */
export interface Progress {
  /** `done` of `total` units finished; `note` is shown after the ETA (e.g. best-so-far). */
  update(done: number, total: number, note?: string): void;
  /** Prints with the bar out of the way: the bar is cleared, `write` runs, the bar is redrawn. */
  log(write: () => void): void;
  /** Clears the bar for good. */
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

const NO_PROGRESS: Progress = {
  update: () => undefined,
  log: (write) => {
    write();
  },
  stop: () => undefined,
};

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
  return new TerminalProgress(stream, options.label, options.now ?? ((): number => performance.now()));
}

/** The drawn bar: cli-progress plus the ETA bookkeeping. */
class TerminalProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private readonly now: () => number;
  private drawn = false;
  private startTime = 0;
  private startDone = 0;
  private done = 0;
  private total = 0;
  private payload = { etaText: '…', note: '' };

  constructor(stream: NodeJS.WritableStream, label: string, now: () => number) {
    this.now = now;
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} {bar} {value}/{total} | ETA {etaText}{note}`,
        hideCursor: false,
        // Cleared when stopped: the command's own output follows, and `log` stops and restarts it.
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(done: number, total: number, note?: string): void {
    const t = this.now();
    const noteText = note === undefined ? '' : ` | ${note}`;
    if (this.total === 0) {
      this.startTime = t;
      this.startDone = done;
    }
    const rate = done > this.startDone ? (t - this.startTime) / (done - this.startDone) : Number.NaN;
    this.done = done;
    this.total = total;
    this.payload = { etaText: formatEta(rate * (total - done)), note: noteText };
    if (!this.drawn) {
      this.bar.start(total, done, this.payload);
      this.drawn = true;
      return;
    }
    if (this.bar.getTotal() !== total) this.bar.setTotal(total);
    this.bar.update(done, this.payload);
  }

  log(write: () => void): void {
    if (!this.drawn) {
      write();
      return;
    }
    this.bar.stop();
    write();
    this.bar.start(this.total, this.done, this.payload);
  }

  stop(): void {
    if (this.drawn) this.bar.stop();
    this.drawn = false;
  }
}
