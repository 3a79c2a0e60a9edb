import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sibling } from '../lib/paths.js';

/** One public corpus strategy (read from beside the repository, never copied). */
export interface CorpusScript {
  /** The case folder, e.g. `ta-sma-dual-cross-01`. */
  readonly name: string;
  readonly path: string;
  readonly source: string;
}

/** Where the public corpus lives: `$PINE_CORPUS` or `<repo>/../corpus-pf/validation`. */
export function corpusRoot(repoRoot: string): string {
  return process.env.PINE_CORPUS ?? sibling(repoRoot, 'corpus-pf/validation');
}

/** Every `<case>/strategy.pine` directly under the corpus root (sorted), or undefined when absent. */
export function corpusScripts(repoRoot: string): CorpusScript[] | undefined {
  const root = corpusRoot(repoRoot);
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .sort()
    .map((name) => ({ name, path: join(root, name, 'strategy.pine') }))
    .filter((c) => existsSync(c.path))
    .map((c) => ({ ...c, source: readFileSync(c.path, 'utf8') }));
}
