import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, string | { types: string; import: string }>;
};

describe('package exports map', () => {
  it('gives every library area (src/<area>/index.ts, except the CLI and run, which `.` re-exports) an entry', () => {
    const areas = readdirSync(new URL('src/', root), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`src/${d.name}/index.ts`, root)))
      .map((d) => d.name)
      .filter((name) => name !== 'cli' && name !== 'run');
    const missing = areas.filter((area) => !(`./${area}` in pkg.exports));
    expect(missing).toEqual([]);
  });

  it('points each entry at the built file of a source entry point that exists', () => {
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      const source = target.import.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
      expect(existsSync(new URL(source, root)), `${key} → ${source}`).toBe(true);
      expect(target.types).toBe(target.import.replace(/\.js$/, '.d.ts'));
    }
  });
});
