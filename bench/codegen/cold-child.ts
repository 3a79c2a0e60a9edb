/**
 * Child process of the cold-transpile measurement: `node cold-child.js <transpile|parse> <file>`.
 * From just after Node's bootstrap: read the file, import what the mode needs, construct it and do
 * the work once (transpile = `new Compiler()` + `transpile()`, parse = `new PineParser()` + `parse()`).
 * Prints JSON `{ workMs }` in CPU time of the process (user + system, all threads): wall time on the
 * shared machine mostly measures other work. Not a benchmark module (no `.bench.ts`).
 */
import { readFileSync } from 'node:fs';

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

async function work(mode: string, file: string): Promise<number> {
  const source = readFileSync(file, 'utf8');
  if (mode === 'transpile') {
    const { Compiler } = await import('../../src/run/compiler.js');
    const result = await new Compiler().transpile(source, { file });
    if (result.code === undefined) throw new Error(`${file} did not transpile`);
    return result.code.length;
  }
  if (mode === 'parse') {
    const { PineParser } = await import('../../src/parser/index.js');
    return new PineParser().parse(source, { file }).diagnostics.length;
  }
  throw new Error(`cold-child: unknown mode ${mode}`);
}

const [mode, file] = process.argv.slice(2);
const start = cpuMs();
const sink = await work(mode, file);
process.stdout.write(JSON.stringify({ workMs: cpuMs() - start, sink }));
