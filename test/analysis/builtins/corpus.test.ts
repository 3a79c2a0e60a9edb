import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getBuiltinCatalogue } from '../../../src/analysis/builtins/index.js';
import type { PineVersion } from '../../../src/analysis/builtins/index.js';
import { MUST_RESOLVE } from './must-resolve.js';
import { scanPine } from './pine-scan.js';

// Every built-in a real strategy uses must be in the catalogue. The public corpus is not part of the
// repository (its licence allows reading, not redistribution here), so it is scanned only where present;
// must-resolve.ts keeps a committed list so the check never runs empty.

const catalogue = getBuiltinCatalogue();
const CORPUS = '/work/corpus-pf/validation';

/** Why `name` does not resolve in `version` as `use`, or undefined when it does. */
function unresolved(name: string, version: PineVersion, use: 'call' | 'value'): string | undefined {
  if (use === 'call') return catalogue.lookupFunction(name, version) === undefined ? `${name}()` : undefined;
  const found =
    catalogue.lookupVariable(name, version) !== undefined ||
    catalogue.lookupConstant(name, version) !== undefined ||
    catalogue.isNamespace(name);
  return found ? undefined : name;
}

function asVersion(v: number): PineVersion {
  return v === 4 || v === 5 ? v : 6;
}

test('names Pine does not have stay unresolved (KAMA is not a built-in, v4 names are v4 only)', () => {
  expect(unresolved('ta.kama', 6, 'call')).toBeDefined();
  expect(unresolved('sma', 6, 'call')).toBeDefined();
  expect(unresolved('ta.sma', 4, 'call')).toBeDefined();
  expect(unresolved('red', 5, 'value')).toBeDefined();
});

describe('names that must resolve', () => {
  test.each(MUST_RESOLVE)('v%i %s %s', (version, use, name) => {
    expect(unresolved(name, version, use)).toBeUndefined();
  });
});

const corpusFiles = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .map((d) => join(CORPUS, d, 'strategy.pine'))
      .filter((f) => existsSync(f))
  : [];

describe('public corpus', () => {
  test.skipIf(corpusFiles.length === 0)('every built-in used by the corpus resolves', () => {
    const problems = new Map<string, string[]>();
    const checked = new Set<string>();
    for (const file of corpusFiles) {
      const names = scanPine(readFileSync(file, 'utf8'));
      for (const n of [...names.qualifiedCalls, ...names.qualifiedValues, ...names.globalCalls])
        checked.add(n);
      const version = asVersion(names.version);
      const missing: string[] = [];
      for (const name of names.qualifiedCalls) {
        if (!catalogue.isNamespace(name.split('.')[0])) continue; // a user object's method or a library
        const why = unresolved(name, version, 'call');
        if (why !== undefined) missing.push(why);
      }
      for (const name of names.qualifiedValues) {
        if (!catalogue.isNamespace(name.split('.')[0])) continue;
        const why = unresolved(name, version, 'value');
        if (why !== undefined) missing.push(why);
      }
      for (const name of names.globalCalls) {
        const why = unresolved(name, version, 'call');
        if (why !== undefined) missing.push(why);
      }
      for (const m of missing) problems.set(m, [...(problems.get(m) ?? []), file]);
    }
    // The scan must have seen the built-ins strategies are made of, or it checked nothing.
    expect(['strategy.entry', 'ta.ema', 'strategy.long', 'nz'].filter((n) => !checked.has(n))).toEqual([]);
    const report = [...problems].map(([name, files]) => `${name} (${files.length} files, e.g. ${files[0]})`);
    expect(report).toEqual([]);
  });

  test.runIf(corpusFiles.length === 0)('corpus absent: only the committed list was checked', () => {
    console.warn(`pineport: ${CORPUS} not found; corpus resolution test skipped`);
    expect(MUST_RESOLVE.length).toBeGreaterThan(50);
  });
});
