import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatEta } from '../../src/cli/progress.js';

/** A stream that claims to be a terminal and records what is drawn on it. */
function fakeTerminal(isTTY: boolean): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  Object.assign(stream, { isTTY, columns: 120 });
  return { stream, text: () => chunks.join('') };
}

describe('progress bar', () => {
  it('draws on a terminal with the ETA from the measured rate and gets out of the way for output', () => {
    const terminal = fakeTerminal(true);
    let clock = 0;
    const bar = createProgress({ stream: terminal.stream, label: 'trials', now: () => clock });
    bar.update(0, 10);
    // 4 trials in 8 s: 2 s per trial, 6 left → 12 s.
    clock = 8000;
    bar.update(4, 10, 'best 1.5');
    let printed = '';
    bar.log(() => (printed = 'a line\n'));
    bar.stop();
    expect(printed).toBe('a line\n');
    expect(terminal.text()).toContain('trials');
    expect(terminal.text()).toContain('4/10 | ETA 12s | best 1.5');
  });

  it('stays silent on a pipe or a file, and with --json', () => {
    for (const [tty, json] of [
      [false, false],
      [true, true],
    ] as const) {
      const terminal = fakeTerminal(tty);
      const bar = createProgress({ stream: terminal.stream, label: 'cases', json });
      bar.update(1, 2);
      let ran = false;
      bar.log(() => (ran = true));
      bar.stop();
      expect(ran).toBe(true);
      expect(terminal.text()).toBe('');
    }
  });

  it('formats an ETA in seconds, minutes or hours', () => {
    expect([formatEta(42_400), formatEta(185_000), formatEta(3_720_000), formatEta(Number.NaN)]).toEqual([
      '42s',
      '3m05s',
      '1h02m',
      '…',
    ]);
  });
});
