import { CommanderError, type Command } from 'commander';
import { ExitCode, type CliIO, type ExitStatus } from './io.js';

/** Edit distance (insert, delete, substitute) between two short words. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * `pineport frobnicate` says "unknown command 'frobnicate'" with the nearest command name and
 * exit 2, instead of commander's "too many arguments" for the bare program. Register it after
 * every command (subcommands created before keep rejecting excess arguments).
 */
export function registerUnknownCommand(program: Command, io: CliIO, status: ExitStatus): void {
  program.allowExcessArguments(true);
  program.hook('preAction', (_root, action) => {
    if (action !== program || program.args.length === 0) return;
    const word = program.args[0];
    const names = program.commands.map((c) => c.name());
    const nearest = names
      .map((name) => ({ name, d: distance(word, name) }))
      .sort((x, y) => x.d - y.d)
      .find((x) => x.d <= 2);
    io.stderr(
      `error: unknown command '${word}'\n  hint: ${
        nearest === undefined ? '' : `did you mean '${nearest.name}'? `
      }run \`pineport --help\` for the list of commands\n`,
    );
    status.set(ExitCode.usage);
    throw new CommanderError(ExitCode.usage, 'pineport.unknownCommand', `unknown command '${word}'`);
  });
}
