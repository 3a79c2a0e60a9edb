import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedJavaScript } from '../../src/run/compile.js';
import { Compiler } from '../../src/run/compiler.js';
import { PineLineMap } from '../../src/run/pine-location.js';

// The project's own corpus (v4, v5, v6): every statement of every generated module must map back to
// the Pine line its `// L<n>` marker names, wherever the statement sits (nested blocks, methods,
// loops), as the loaded JavaScript lays it out.
const CORPUS = join(import.meta.dirname, '../../corpus');
const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.pine'))
  .sort();
const compiler = new Compiler();

describe('PineLineMap over the generated corpus modules', () => {
  it.each(files)('%s: each marked statement maps to its marker', async (file) => {
    const { code } = await compiler.transpile(readFileSync(join(CORPUS, file), 'utf8'), { file });
    expect(code).toBeDefined();
    const js = generatedJavaScript(code ?? '');
    const map = new PineLineMap(js);
    const lines = js.split('\n');
    let checked = 0;
    lines.forEach((text, i) => {
      const trailing = /\S.*?;\s*\/\/ L(\d+)$/.exec(text);
      const opening = /^\s*\/\/ L(\d+)$/.exec(text);
      if (trailing) {
        // A simple statement: its first character on its own line.
        expect(map.lineAt(i + 1, text.search(/\S/) + 1), `${file} js:${String(i + 1)} ${text}`).toBe(
          Number(trailing[1]),
        );
        checked++;
      } else if (opening && /\{\s*$/.test(lines[i - 1]) && /^\s*(if|while|for)\b/.test(lines[i - 1])) {
        // A block statement: prettier moved its marker inside the block; its header names it.
        const header = lines[i - 1];
        expect(map.lineAt(i, header.search(/\S/) + 1), `${file} js:${String(i)} ${header}`).toBe(
          Number(opening[1]),
        );
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(5);
  });
});
