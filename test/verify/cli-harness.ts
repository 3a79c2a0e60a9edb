import { Command, CommanderError } from 'commander';
import { ExitCode, ExitStatus, type CliIO } from '../../src/cli/io.js';

/** Runs one command registered on a fresh program, like main() does, capturing output and exit code. */
export async function runCommand(
  register: (program: Command, io: CliIO, status: ExitStatus) => void,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const status = new ExitStatus();
  const program = new Command('pineport').exitOverride().configureOutput({
    writeErr: (s) => {
      stderr += s;
    },
    writeOut: (s) => {
      stdout += s;
    },
  });
  register(program, io, status);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { code: error.exitCode === 0 ? ExitCode.ok : ExitCode.usage, stdout, stderr };
  }
  return { code: status.code, stdout, stderr };
}
