/**
 * Child process of the cold-parse measurement: `node cold-child.js <parse|lex|split> <file>`.
 * Measures, from just after Node's bootstrap, reading the file, importing the module the mode needs,
 * constructing it and doing the work once; prints JSON `{ workMs, phases }` where `phases` splits
 * the parse mode into import, `new PineParser()` and the first parse. All in CPU time of the process
 * (user + system, all threads), because wall time on the shared machine mostly measures other work.
 * Not a benchmark module itself (its name does not end in `.bench.ts`).
 */
import { readFileSync } from 'node:fs';

/** CPU time used by this process so far, ms. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Milliseconds spent in each phase of a cold parse (zero for the modes that lack the phase). */
interface Phases {
  importMs: number;
  constructMs: number;
  firstParseMs: number;
}

async function work(mode: string, file: string, phases: Phases): Promise<number> {
  const source = readFileSync(file, 'utf8');
  if (mode === 'split') return source.split('\n').length;
  if (mode === 'lex') {
    const { PineLexer } = await import('../../src/parser/lexer.js');
    return new PineLexer(source, file).tokenize().tokens.length;
  }
  if (mode === 'parse') {
    const t0 = cpuMs();
    const { PineParser } = await import('../../src/parser/index.js');
    const t1 = cpuMs();
    const parser = new PineParser();
    const t2 = cpuMs();
    const diagnostics = parser.parse(source, { file }).diagnostics.length;
    phases.importMs = t1 - t0;
    phases.constructMs = t2 - t1;
    phases.firstParseMs = cpuMs() - t2;
    return diagnostics;
  }
  throw new Error(`cold-child: unknown mode ${mode}`);
}

const [mode, file] = process.argv.slice(2);
const phases: Phases = { importMs: 0, constructMs: 0, firstParseMs: 0 };
const start = cpuMs();
const sink = await work(mode, file, phases);
const workMs = cpuMs() - start;
process.stdout.write(JSON.stringify({ workMs, phases, sink }));
