/**
 * Child process of the cold-parse measurement: `node cold-child.js <parse|lex|split> <file>`.
 * Times, from just after Node's bootstrap, reading the file, importing the module the mode needs,
 * constructing it and doing the work once; prints `{ workMs, sinceOriginMs }` as JSON.
 * Not a benchmark module itself (its name does not end in `.bench.ts`).
 */
import { readFileSync } from 'node:fs';

async function work(mode: string, file: string): Promise<number> {
  const source = readFileSync(file, 'utf8');
  if (mode === 'split') return source.split('\n').length;
  if (mode === 'lex') {
    const { PineLexer } = await import('../../src/parser/lexer.js');
    return new PineLexer(source, file).tokenize().tokens.length;
  }
  if (mode === 'parse') {
    const { PineParser } = await import('../../src/parser/index.js');
    return new PineParser().parse(source, { file }).diagnostics.length;
  }
  throw new Error(`cold-child: unknown mode ${mode}`);
}

const [mode, file] = process.argv.slice(2);
const start = performance.now();
const sink = await work(mode, file);
const end = performance.now();
process.stdout.write(JSON.stringify({ workMs: end - start, sinceOriginMs: end, sink }));
