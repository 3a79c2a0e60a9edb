import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs an ES module script in a separate Node process that can import the TypeScript sources.
 * Node 20 cannot load .ts itself, so the child gets a module hook (written next to the script) that
 * maps `./x.js` imports to `./x.ts` and strips types with the project's TypeScript compiler.
 */
export function spawnScript(
  dir: string,
  script: string,
  args: readonly string[],
): ChildProcessWithoutNullStreams {
  const typescript = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;
  writeFileSync(
    join(dir, 'ts-hooks.mjs'),
    `import { readFile } from 'node:fs/promises';
import ts from ${JSON.stringify(typescript)};
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.endsWith('.js') || context.parentURL === undefined || !context.parentURL.endsWith('.ts')) throw error;
    return next(specifier.slice(0, -3) + '.ts', context);
  }
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const output = ts.transpileModule(source, {
    fileName: url,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister('./ts-hooks.mjs', import.meta.url);\n`,
  );
  const scriptPath = join(dir, 'script.mjs');
  writeFileSync(scriptPath, script);
  return spawn(process.execPath, [
    '--import',
    pathToFileURL(join(dir, 'register.mjs')).href,
    scriptPath,
    ...args,
  ]);
}

/** The file URL of a source module, for `import` statements in child scripts. */
export function sourceUrl(relative: string): string {
  return pathToFileURL(join(import.meta.dirname, '..', '..', relative)).href;
}

/** Resolves with each line the child prints, one at a time. */
export class LineReader {
  private buffer = '';
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly lines: string[] = [];
  stderr = '';

  constructor(child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      let newline = this.buffer.indexOf('\n');
      while (newline >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        const waiter = this.waiting.shift();
        if (waiter === undefined) this.lines.push(line);
        else waiter(line);
        newline = this.buffer.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
  }

  /** The next line; rejects when the child exits first (with its stderr, to explain why). */
  next(child: ChildProcessWithoutNullStreams): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      child.once('exit', () => {
        reject(new Error(`child exited before printing a line: ${this.stderr}`));
      });
    });
  }
}

/** Resolves with the child's exit signal once it has exited. */
export function exited(child: ChildProcessWithoutNullStreams): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => {
      resolve(signal);
    });
  });
}
