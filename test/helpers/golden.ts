import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** True when the run should rewrite goldens (`npm run golden:update`); CI never sets it. */
export const updatingGoldens = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with the golden file verbatim, or rewrites it under UPDATE_GOLDEN=1.
 * A missing golden fails (it must be created on purpose, with the flag). The actual output is
 * written beside it as `<name>.actual` when they differ, for diffing.
 */
export function expectGolden(dir: string, name: string, actual: string): void {
  const path = join(dir, name);
  if (updatingGoldens) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`missing golden ${path}; run \`npm run golden:update\` to create it`);
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) writeFileSync(path + '.actual', actual);
  expect(actual, `${path} is stale (see ${name}.actual; \`npm run golden:update\` regenerates)`).toBe(
    expected,
  );
}
