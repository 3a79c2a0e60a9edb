/** What a CLI command may do to the outside world; tests pass a recording implementation. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Where progress bars draw (they appear only when it is a terminal); omitted: no bars. */
  readonly progressStream?: NodeJS.WritableStream;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progressStream: process.stderr,
};

/** Exit codes: 0 success, 1 the input has errors, 2 usage or I/O error. */
export const ExitCode = { ok: 0, inputErrors: 1, usage: 2 } as const;

/**
 * Each command's action stores its exit code here (commander's actions cannot return one).
 * One instance per `main` call, so concurrent in-process runs do not share it.
 */
export class ExitStatus {
  code: number = ExitCode.ok;
  set(code: number): void {
    this.code = Math.max(this.code, code);
  }
}
