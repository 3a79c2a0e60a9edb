import { Command, CommanderError } from 'commander';

/** Exit codes: 0 success, 1 the input has errors, 2 usage or I/O error. */
export const ExitCode = { ok: 0, inputErrors: 1, usage: 2 } as const;

/** Runs the CLI with the given arguments and returns the exit code. The only module that prints. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('pineport')
    .description('Port TradingView Pine strategies to TypeScript, run them, verify parity and optimise them.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const exitCode: number = ExitCode.ok;
  program.action(() => {
    program.outputHelp();
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    throw error;
  }
  return exitCode;
}
