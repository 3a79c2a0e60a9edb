import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found from a compiled or source module URL by walking up to the folder
 * that holds package.json (compiled files sit in dist-bench/bench/…, sources in bench/…).
 */
export function findRepoRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
  return dir;
}

/** A path next to the repository, e.g. `sibling(root, 'shared/parity/…')` → `<root>/../shared/parity/…`. */
export function sibling(repoRoot: string, relative: string): string {
  return resolve(repoRoot, '..', relative);
}

/** Every file under `dir` (recursively, sorted) whose name passes `keep`; empty when `dir` is absent. */
export function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}
