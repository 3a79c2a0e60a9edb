import { readFileSync } from 'node:fs';

/** pineport's version, from its package.json (read once per call; cheap). */
export function pineportVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
