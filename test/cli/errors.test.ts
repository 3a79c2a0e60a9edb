/**
 * The error paths of every command: a missing file, a bad flag, malformed data and malformed Pine
 * give the documented message — plain words, `file:line:col` and a hint where there is a place to
 * point at — printed once, with the documented exit code (README "Exit codes": 1 the input has
 * errors, 2 usage or I/O), and never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli.js';

const PINE = 'corpus/v5/ma-cross.pine';
const DATA = 'data/eth-usdt-15m.csv';
const dir = mkdtempSync(join(tmpdir(), 'pp-cli-errors-'));
const missing = join(dir, 'missing.csv');
const store = join(dir, 'runs.db');
// Line 3 leaves a call open: the parser reports the end of line 5 (the file's last, empty line).
const badPine = join(dir, 'bad.pine');
writeFileSync(badPine, '//@version=5\nstrategy("bad")\nx = ta.sma(close, \nplot(x)\n');
// Row 3, column 19: the open price is 'abc'.
const badCsv = join(dir, 'bad.csv');
writeFileSync(
  badCsv,
  'time,open,high,low,close,volume\n2024-01-01T00:00Z,1,2,0.5,1.5,10\n2024-01-01T00:15Z,abc,2,0.5,1.5,10\n',
);
const badSpace = join(dir, 'space.json');
writeFileSync(badSpace, '{"params": {"fastLength": {"min": 5');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The stderr of a failing command: the expected text once, the exit code, no stack frames. */
async function fails(args: string[], code: number, ...expected: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.code, args.join(' ')).toBe(code);
  for (const text of expected) expect(r.err.split(text).length - 1, `${text} in\n${r.err}`).toBe(1);
  expect(r.err + r.out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  return r.err;
}

const NO_FILE = `error: cannot read file (ENOENT: no such file or directory, open '${missing}')`;
const PINE_ERROR = [
  `${badPine}:5:1: error PP1005: expected ')' but found the end of the line in the arguments of a call`,
  "hint: every '(' needs a matching ')'",
];
const CSV_ERROR = [
  `${badCsv}:3:19: error PP4003: open 'abc' is not a number`,
  'hint: write plain decimals with a dot (1234.5), or NaN for na',
];

describe('missing files are I/O errors (exit 2)', () => {
  it.each([
    ['parse', [missing]],
    ['check', [missing]],
    ['port', [missing]],
    ['run', [PINE, '--data', missing, '--no-save']],
    ['verify', [PINE, '--data', DATA, '--trades', missing, '--timezone', 'UTC', '--no-save']],
    ['optimize', [PINE, '--data', missing, '--no-save']],
    ['walkforward', [PINE, '--data', missing, '--train', '30D', '--test', '10D', '--no-save']],
    ['data check', [missing]],
  ])('%s', async (command, args) => {
    await fails([...command.split(' '), ...args], 2, `${missing}: ${NO_FILE}`);
  });

  it('parity with a corpus folder that is not there', async () => {
    const folder = join(dir, 'no-cases');
    await fails(
      ['parity', folder, '--data', DATA],
      2,
      `${folder}: error: cannot read the corpus folder (ENOENT: no such file or directory, scandir '${folder}')`,
    );
  });
});

describe('malformed Pine is an input error (exit 1) at file:line:col with a hint', () => {
  it.each([
    ['parse', [badPine]],
    ['check', [badPine]],
    ['port', [badPine]],
    ['run', [badPine, '--data', DATA, '--no-save']],
    ['verify', [badPine, '--data', DATA, '--trades', join(dir, 'tv.csv'), '--timezone', 'UTC', '--no-save']],
    ['optimize', [badPine, '--data', DATA, '--no-save']],
    ['walkforward', [badPine, '--data', DATA, '--train', '30D', '--test', '10D', '--no-save']],
  ])('%s', async (command, args) => {
    if (command === 'verify') {
      // verify first needs a readable export: TradingView's layout written by `run --trades`.
      expect(
        (await cli(['run', PINE, '--data', DATA, '--no-save', '--trades', join(dir, 'tv.csv')])).code,
      ).toBe(0);
    }
    await fails([command, ...args], 1, ...PINE_ERROR);
  });
});

describe('malformed data is an input error (exit 1) at file:line:col with a hint', () => {
  it.each([
    ['run', [PINE, '--data', badCsv, '--no-save']],
    ['optimize', [PINE, '--data', badCsv, '--no-save']],
    ['parity', [dir, '--data', badCsv]],
    ['data check', [badCsv]],
  ])('%s', async (command, args) => {
    await fails([...command.split(' '), ...args], 1, ...CSV_ERROR);
  });

  it('verify: an export that is not a List of Trades, and nothing is compared', async () => {
    await fails(
      [
        'verify',
        PINE,
        '--data',
        DATA,
        '--trades',
        badCsv,
        '--timezone',
        'UTC',
        '--mintick',
        '0.01',
        '--no-save',
      ],
      1,
      `${badCsv}:1:1: error PP4102: not a List of Trades header: no number, type, time, price column`,
      'hint: export the Strategy Tester\'s "List of trades" as CSV or XLSX',
      `verify: nothing compared — ${badCsv} has errors (see above)`,
    );
  });

  it('optimize: a space file that is not JSON', async () => {
    await fails(
      ['optimize', PINE, '--data', DATA, '--space', badSpace, '--no-save'],
      1,
      `${badSpace}: error PP7004: not valid JSON`,
    );
  });
});

describe('bad flags and values are usage errors (exit 2)', () => {
  it.each([
    [['run', PINE, '--data', DATA, '--bogus'], "error: unknown option '--bogus'"],
    [['run', PINE], "error: required option '--data <csv>' not specified"],
    [
      ['verify', PINE, '--data', DATA, '--trades', 'x.csv'],
      "error: required option '--timezone <tz>' not specified",
    ],
    [
      ['optimize', PINE, '--data', DATA, '--sampler', 'nope'],
      "error: --sampler must be one of grid, random, tpe, cmaes, nsga2, got 'nope'",
    ],
    [
      ['optimize', PINE, '--data', DATA, '--trials', 'many'],
      "error: --trials must be a whole number ≥ 1, got 'many'",
    ],
    [
      ['walkforward', PINE, '--data', DATA, '--train', '6X', '--test', '1M'],
      "error PP7050: --train '6X' is not a positive duration or bar count",
    ],
    [
      ['report', 'abc'],
      "error: 'abc' is not a run id (ids are whole numbers such as 12; run `pineport runs list`)",
    ],
    [['runs', 'show', 'x1', '--store', store], "error: 'x1' is not a run id"],
    [['frobnicate'], "error: unknown command 'frobnicate'"],
    [['verfy'], "hint: did you mean 'verify'? run `pineport --help` for the list of commands"],
  ])('%j', async (args, message) => {
    const err = await fails(args, 2, message);
    // The line does not start with a placeholder for a file the user never named.
    expect(err).not.toContain('<input>');
  });
});

describe('unknown stored runs are input errors (exit 1)', () => {
  it.each([
    [['report', '999', '--store', store, '-o', join(dir, 'r.html')]],
    [['runs', 'show', '999', '--store', store]],
  ])('%j', async (args) => {
    await fails(args, 1, 'error PP8004: no run with id 999');
  });
});
