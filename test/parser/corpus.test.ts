import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PineParser, printPine } from '../../src/parser/index.js';
import { astShape } from '../helpers/ast.js';

const corpusRoot = join(import.meta.dirname, '..', '..', 'corpus');
const files = readdirSync(corpusRoot, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.pine'))
  .sort();
const parser = new PineParser();

describe("the project's own Pine corpus", () => {
  it('has scripts of every supported version', () => {
    for (const version of ['v4', 'v5', 'v6']) expect(files.some((f) => f.startsWith(version))).toBe(true);
  });

  for (const file of files) {
    it(`${file} parses without diagnostics and round-trips through the printer`, () => {
      const source = readFileSync(join(corpusRoot, file), 'utf8');
      const result = parser.parse(source, { file });
      expect(result.diagnostics).toEqual([]);
      expect(result.program.version).toBe(Number(/^v(\d)/.exec(file)?.[1]));
      const reparsed = parser.parse(printPine(result.program));
      expect(astShape(reparsed.program)).toBe(astShape(result.program));
    });
  }
});
