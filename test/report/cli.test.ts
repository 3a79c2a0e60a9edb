import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  registerReportCommand,
  reportResultSchema,
  type ReportCommandDeps,
} from '../../src/cli/commands/report.js';
import type { ReportInput } from '../../src/report/index.js';
import { runCommand } from '../verify/cli-harness.js';
import { buildReportInput } from './fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pineport-report-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fixture = buildReportInput();

/** A store with one run, id 12, that records which store path it was asked about. */
function fakeStore(): ReportCommandDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    loadRun: (id: number, storePath: string): ReportInput | undefined => {
      asked.push(storePath);
      return id === 12 ? fixture : undefined;
    },
  };
}

function report(deps: ReportCommandDeps, ...args: string[]): ReturnType<typeof runCommand> {
  return runCommand(
    (program, io, status) => {
      registerReportCommand(program, io, status, deps);
    },
    ['report', ...args],
  );
}

describe('pineport report', () => {
  it('writes the page and says where', async () => {
    const out = join(dir, 'r.html');
    const deps = fakeStore();
    const result = await report(deps, '12', '-o', out, '--store', 'runs.db');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Wrote ${out} \\(\\d+\\.\\d MB\\): run 12, 9 trades\\.`));
    expect(deps.asked).toEqual(['runs.db']);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('prints a JSON result that matches its schema', async () => {
    const out = join(dir, 'r.html');
    const result = await report(fakeStore(), '12', '-o', out, '--json');
    expect(result.code).toBe(0);
    const parsed = reportResultSchema.parse(JSON.parse(result.stdout));
    expect(parsed).toEqual({ runId: 12, output: out, bytes: readFileSync(out).length, trades: 9 });
  });

  it('exits 1 with a hint for an unknown run', async () => {
    const result = await report(fakeStore(), '13', '--store', 'runs.db', '-o', join(dir, 'x.html'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no run with id 13');
    expect(result.stderr).toContain('PP8004');
    expect(result.stderr).toContain('pineport runs list');
  });

  it('exits 2 for a malformed id, an unreadable store and an unwritable output', async () => {
    const bad = await report(fakeStore(), 'abc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "error: 'abc' is not a run id (ids are whole numbers such as 12; run `pineport runs list`)\n",
    );
    const broken: ReportCommandDeps = {
      loadRun: () => {
        throw new Error('database disk image is malformed');
      },
    };
    const unreadable = await report(broken, '12', '--store', 'x.db');
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toBe(
      'error: cannot read the run store x.db (database disk image is malformed)\n',
    );
    const unwritable = await report(fakeStore(), '12', '-o', join(dir, 'missing', 'r.html'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^error: cannot write .*missing\/r\.html \(ENOENT/);
  });

  it('has help with an example', async () => {
    const help = await report(fakeStore(), '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Example:\n  pineport report 12 -o report.html');
  });
});
