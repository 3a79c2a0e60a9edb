// TradingView's own log output for `math.*` calls, recorded by PyneSys/pynecore in
// tests/t01_lib/t04_math/data/test_001_math.txt and test_003_math_random.txt (the scripts log each
// value through str.format, so these also check the formatter's rounding).
import { describe, expect, it } from 'vitest';
import { math, str, symbolInfo } from '../../../src/runtime/index.js';

const f10 = (x: number): string => str.strFormat('{0,number,#.##########}', [x]);

describe('math.* against TradingView logs', () => {
  it('prints the reference values', () => {
    expect(str.strFormat('{0}', [math.abs(-1)])).toBe('1');
    expect(f10(math.acos(0.5))).toBe('1.0471975512');
    expect(f10(math.asin(0.5))).toBe('0.5235987756');
    expect(f10(math.atan(0.5))).toBe('0.463647609');
    expect(str.strFormat('{0}', [math.avg(1, 2, 3)])).toBe('2');
    expect(str.strFormat('{0}', [math.ceil(1.5)])).toBe('2');
    expect(f10(math.cos(0.5))).toBe('0.8775825619');
    expect(f10(math.exp(0.5))).toBe('1.6487212707');
    expect(str.strFormat('{0}', [math.floor(1.5)])).toBe('1');
    expect(f10(math.log(2.718281828459045))).toBe('1');
    expect(f10(math.log10(100))).toBe('2');
    expect(str.strFormat('{0}', [math.max(1, 2, 3)])).toBe('3');
    expect(str.strFormat('{0}', [math.min(1, 2, 3)])).toBe('1');
    expect(f10(math.pow(2, 3))).toBe('8');
    expect(str.strFormat('{0,number,#.################}', [new math.PineRandom().next(0, 10, 1337)])).toBe(
      '6.5992978474482165',
    );
    expect(f10(math.round(1.5))).toBe('2');
    expect(f10(math.round(1.56789, 2))).toBe('1.57');
    // The log's symbol quotes to 4 decimals (mintick 0.0001).
    expect(f10(math.round_to_mintick(1.56789918, symbolInfo({ mintick: 0.0001 })))).toBe('1.5679');
    expect([math.sign(-1.5), math.sign(1.5), math.sign(0)].map(f10)).toEqual(['-1', '1', '0']);
    expect(f10(math.sin(0.5))).toBe('0.4794255386');
    expect(f10(math.sqrt(4))).toBe('2');
    expect(f10(math.sqrt(-4))).toBe('NaN');
    expect(f10(math.tan(0.5))).toBe('0.5463024898');
    expect(f10(math.todegrees(0.5))).toBe('28.6478897565');
    expect(f10(math.toradians(30))).toBe('0.5235987756');
  });

  it('math.random(0, 1, 42): two call sites, each its own generator, one draw per bar', () => {
    const siteA = new math.PineRandom();
    const siteB = new math.PineRandom();
    const logged = [
      '0.727563680032868',
      '0.683223471759845',
      '0.30871945533266',
      '0.277078490074137',
      '0.665548951794574',
      '0.903372264672178',
    ];
    for (const expected of logged) {
      expect(str.strFormat('{0,number,#.###############}', [siteA.next(0, 1, 42)])).toBe(expected);
      expect(str.strFormat('{0,number,#.###############}', [siteB.next(0, 1, 42)])).toBe(expected);
    }
  });
});
