import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from './commands/check.js';
import { registerDataCommand } from './commands/data.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerOptimizeCommand } from './commands/optimize.js';
import { optimizeDeps } from './commands/optimize-deps.js';
import { registerParityCommand } from './commands/parity.js';
import { registerParseCommand } from './commands/parse.js';
import { registerRatesCommand } from './commands/rates.js';
import { registerReportCommand } from './commands/report.js';
import { reportDeps } from './commands/report-deps.js';
import { registerPortCommand, registerRunCommand } from './commands/run.js';
import { registerRunsCommand } from './commands/runs.js';
import { registerVerifyCommand } from './commands/verify.js';
import { ExitCode, ExitStatus, processIO, type CliIO } from './io.js';
import { registerUnknownCommand } from './unknown-command.js';

/**
 * Runs the CLI with the given arguments and returns the exit code. The CLI is the only layer that
 * prints or reads argv; each command lives in `commands/<name>.ts` as `register<Name>Command`.
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const status = new ExitStatus();
  const program = new Command('pineport')
    .description('Port TradingView Pine strategies to TypeScript, run them, verify parity and optimise them.')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => {
        io.stderr(s);
      },
      writeOut: (s) => {
        io.stdout(s);
      },
    });
  registerParseCommand(program, io, status);
  registerCheckCommand(program, io, status);
  registerPortCommand(program, io, status);
  registerRunCommand(program, io, status);
  registerParityCommand(program, io, status);
  registerRatesCommand(program, io, status);
  registerRunsCommand(program, io, status);
  registerDataCommand(program, io, status);
  registerVerifyCommand(program, io, status);
  registerOptimizeCommand(program, io, status, optimizeDeps());
  registerReportCommand(program, io, status, reportDeps());
  registerDoctorCommand(program, io, status);
  registerUnknownCommand(program, io, status);
  program.action(() => {
    program.outputHelp();
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    throw error;
  }
  return status.code;
}
