import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function help(args: string[]): Promise<{ out: string; code: number }> {
  let out = '';
  const code = await main([...args, '--help'], {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
  });
  return { out, code };
}

/** Every leaf command, as `pineport --help` lists them (groups expanded). */
async function leafCommands(): Promise<string[][]> {
  const { out } = await help([]);
  const names = [...out.matchAll(/^ {2}([a-z-]+)(?:\|[a-z-]+)?(?: |$)/gm)].map((m) => m[1]);
  const leaves: string[][] = [];
  for (const name of names.filter((n) => n !== 'help')) {
    const sub = await help([name]);
    const listed = sub.out.split('Commands:\n').slice(1).join('');
    const children = [...listed.matchAll(/^ {2}([a-z-]+)(?:\|[a-z-]+)?(?: |$)/gm)]
      .map((c) => c[1])
      .filter((c) => c !== 'help');
    if (children.length === 0) leaves.push([name]);
    else for (const child of children) leaves.push([name, child]);
  }
  return leaves;
}

describe('--help', () => {
  it('lists the commands, and every command shows at least one example', async () => {
    const leaves = await leafCommands();
    // The commands the README documents must all be there.
    for (const name of [
      'parse',
      'check',
      'port',
      'run',
      'verify',
      'parity',
      'optimize',
      'walkforward',
      'report',
    ])
      expect(leaves.map((l) => l.join(' '))).toContain(name);
    for (const name of ['runs list', 'runs show', 'runs export', 'data check'])
      expect(leaves.map((l) => l.join(' '))).toContain(name);
    const missing: string[] = [];
    for (const leaf of leaves) {
      const r = await help(leaf);
      expect(r.code).toBe(0);
      if (!/\nExamples?:\n {2}pineport /.test(r.out)) missing.push(leaf.join(' '));
    }
    expect(missing).toEqual([]);
  });
});
