import { main } from '../../src/cli/main.js';

/** Runs the whole CLI in process, like `npx pineport …`, capturing stdout, stderr and the exit code. */
export async function cli(args: readonly string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { out, err, code };
}
