// Expected strings marked "TV log" are TradingView's own output, recorded by PyneSys/pynecore in
// tests/t01_lib/t05_string/data/test_001_str.txt, test_010_str_format.txt and
// test_011_str_format_time.txt (log lines of scripts running the reference manual's examples).
// Those marked "PyneCore" come from its documented TradingView measurements
// (tests/t01_lib/t05_string/test_013_str_number_digits.py).
import { describe, expect, it } from 'vitest';
import { resolveZone, str, timestampString } from '../../../src/runtime/index.js';

describe('str.tostring', () => {
  it('prints values as TradingView does (TV log)', () => {
    expect(str.tostring(123)).toBe('123');
    expect(str.tostring(12.3)).toBe('12.3');
    expect(str.tostring('abc')).toBe('abc');
    expect(str.tostring(true)).toBe('true');
    expect(str.tostring(123, '#.00')).toBe('123.00');
    expect(str.tostring(-123, '00000.00')).toBe('-00123.00');
  });

  it('uses shortest digits, a 10-decimal default and half-up rounding (PyneCore)', () => {
    expect(str.tostring(1 / 3)).toBe('0.3333333333');
    expect(str.tostring(0.1 + 0.2, '#.################')).toBe('0.3');
    expect(str.tostring(123456789.12345679, '#.##########')).toBe('123456789.12345679');
    expect(str.tostring(2.675, '#.##')).toBe('2.68');
    expect(str.tostring(-0.25, '#.#')).toBe('-0.3');
    expect(str.tostring(2.5, '#')).toBe('3');
    expect(str.tostring(0.5, '#.#')).toBe('0.5');
    expect(str.tostring(0.5, '#.0')).toBe('.5');
    expect(str.tostring(0.05, '#.0')).toBe('.1');
    expect(str.tostring(0, '#.##')).toBe('0');
    expect(str.tostring(0, '#.0')).toBe('.0');
    expect(str.tostring(1e21, '#.##')).toBe('1000000000000000000000');
    expect(str.tostring(null)).toBe('NaN');
    expect(str.tostring(NaN)).toBe('NaN');
  });

  it('supports grouping, format.mintick, format.percent and format.volume', () => {
    expect(str.tostring(1234567.891, '#,###.##')).toBe('1,234,567.89');
    expect(str.tostring(1234.5678, str.format.mintick, 0.01)).toBe('1234.57'); // PyneCore
    expect(str.tostring(0.25, str.format.percent)).toBe('25%'); // PyneCore
    expect(str.tostring(1_222_333, str.format.volume)).toBe('1.22M');
    expect(str.tostring(NaN, str.format.percent)).toBe('NaN%'); // PyneCore (TradingView's chart formatter)
  });
});

describe('str.format', () => {
  it("reproduces the reference manual's examples (TV log)", () => {
    expect(str.strFormat('{0}', [1.23456789])).toBe('1.235');
    expect(str.strFormat('{0,number,#.#}', [1.34])).toBe('1.3');
    expect(str.strFormat('{0,number,integer}', [1.34])).toBe('1');
    expect(str.strFormat('{0,number,currency}', [1.34])).toBe('$1.34');
    expect(str.strFormat('{0,number,percent}', [0.5])).toBe('50%');
    expect(str.strFormat('Number {0} is not {1} to {2}', [1, 'equal', 4])).toBe('Number 1 is not equal to 4');
    // The space before a custom pattern is a literal prefix; keyword styles are trimmed.
    expect(str.strFormat('{0} != {0, number, #.#}', [1.34])).toBe('1.34 !=  1.3');
    expect(
      str.strFormat(
        '{0, number, integer} is equal to 1, but {1, number, integer} is equal to 2',
        [1.34, 1.52],
      ),
    ).toBe('1 is equal to 1, but 2 is equal to 2');
    expect(str.strFormat('The cash turnover amounted to {0, number, currency}', [1340000])).toBe(
      'The cash turnover amounted to $1,340,000.00',
    );
    expect(str.strFormat('Expected return is {0, number, percent} - {1, number, percent}', [0.1, 0.2])).toBe(
      'Expected return is 10% - 20%',
    );
  });

  it('rounds half-even on the exact binary value (PyneCore)', () => {
    expect(str.strFormat('{0,number,#.##}', [2.675])).toBe('2.67'); // 2.67499999…
    expect(str.strFormat('{0,number,#}', [0.5])).toBe('0');
    expect(str.strFormat('{0,number,#}', [2.5])).toBe('2');
    expect(str.strFormat('{0,number,#.#}', [0.75])).toBe('0.8');
    expect(str.strFormat('{0,number,#.#}', [0.05])).toBe('0.1'); // 0.05000000000000000277…
    expect(str.strFormat('{0,number,#.####################}', [1 / 3])).toBe('0.3333333333333333');
    expect(str.strFormat("it''s '{0}' {0}", [7])).toBe("it's {0} 7");
  });
});

describe('str.format quoting (PyneCore test_014_str_format_quotes)', () => {
  it.each([
    ["'{'", '{'],
    ["'{0}'", '{0}'],
    ["'{'0'}'", '{0}'],
    ["a'{'b'}'c", 'a{b}c'],
    ["''", "'"],
    ["'{'''}'", "{'}"],
    ["'{0}'{0}'{0}'", '{0}1{0}'],
    ["{0} 'unterminated {0}", '1 unterminated {0}'],
    ["x'", 'x'],
    ["'it''s'", "it's"],
    ['{1}', '{1}'],
    ['{0,NUMBER,#.#}', '1'],
    ['{0,number,#.# }', '1 '],
  ])('%s', (pattern, expected) => {
    expect(str.strFormat(pattern, [1])).toBe(expected);
  });
});

describe('str.format_time', () => {
  const t = timestampString('2025-01-01 01:23:45-05:00');
  it('formats in a zone (TV log)', () => {
    expect(str.format_time(t, 'yyyy-MM-dd HH:mm', resolveZone('UTC-4'))).toBe('2025-01-01 02:23');
    expect(str.format_time(t, 'HH:mm:ss', resolveZone('UTC'))).toBe('06:23:45');
    expect(str.format_time(t, 'yyyy/MM/dd', resolveZone('UTC+1'))).toBe('2025/01/01');
    expect(str.format_time(t, 'dd-MM-yyyy HH:mm', resolveZone('UTC-8'))).toBe('31-12-2024 22:23');
    // Default format in the exchange zone (the log's chart ran with timezone UTC-5).
    expect(str.format_time(t, undefined, resolveZone('UTC-5'))).toBe('2025-01-01T01:23:45-0500');
    // SimpleDateFormat quoting: 'at' is literal text, '' inside quotes is a quote.
    expect(str.format_time(t, "EEE, d MMM yyyy 'at' h:mm a", resolveZone('UTC'))).toBe(
      'Wed, 1 Jan 2025 at 6:23 AM',
    );
    expect(str.format_time(t, "h 'o''clock'", resolveZone('UTC'))).toBe("6 o'clock");
  });
});

describe('other str.* (TV log unless noted)', () => {
  it('searches, slices and converts', () => {
    expect(str.contains('Hello World!', '!')).toBe(true);
    expect(str.endswith('Hello World!', '?')).toBe(false);
    expect(str.length('Hello World!')).toBe(12);
    expect(str.lower('Hello World!')).toBe('hello world!');
    expect(str.match('Hello World!', '[\\w]+')).toBe('Hello');
    expect(str.pos('Hello World!', 'World')).toBe(6);
    expect(str.repeat('Hello ', 3)).toBe('Hello Hello Hello ');
    expect(str.replace('Hello World!', 'World', 'Pyne')).toBe('Hello Pyne!');
    expect(str.replace_all('Hello World! Hello World!', 'World', 'Pyne')).toBe('Hello Pyne! Hello Pyne!');
    expect(str.split('Hello World!', ' ').toArray()).toEqual(['Hello', 'World!']);
    expect(str.strFormat('{0}', [str.split('Hello World!', ' ')])).toBe('[Hello, World!]');
    expect(str.substring('Hello World!', 6, 11)).toBe('World');
    expect(str.tonumber('12.3')).toBe(12.3);
    expect(str.tonumber('abc')).toBeNaN();
    expect(str.trim('  Hello World!  ')).toBe('Hello World!');
    expect(str.upper('Hello World!')).toBe('HELLO WORLD!');
  });

  it('replaces the nth overlapping occurrence (PyneCore measurements)', () => {
    expect(str.replace('aXbXcXd', 'X', '-', 2)).toBe('aXbXc-d');
    expect(str.replace('aXbXcXd', 'X', '-', 3)).toBe('aXbXcXd');
    expect(str.replace('aaaa', 'aa', '-', 1)).toBe('a-a');
    expect(str.split('abc', '').toArray()).toEqual(['a', 'b', 'c']);
  });
});
