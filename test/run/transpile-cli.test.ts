import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { transpile } from '../../src/run/compiler.js';

it('pineport transpile <file> -o out.ts writes what transpile() returns (alias of port)', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'pineport-transpile-')), 'ma-cross.ts');
  let stdout = '';
  let stderr = '';
  const file = 'corpus/v5/ma-cross.pine';
  const code = await main(['transpile', file, '-o', out], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toBe(`wrote ${out}\n`);
  const library = await transpile(readFileSync(file, 'utf8'), { file });
  expect(readFileSync(out, 'utf8')).toBe(library.code);
});
