// TradingView's log output of the array.* walkthrough recorded by PyneSys/pynecore in
// tests/t01_lib/t06_array/data/test_002_array_functions.txt, replayed step by step. Each log line
// is `str.format("<label>: {0}", value)`, so printing goes through the same formatter.
import { expect, it } from 'vitest';
import {
  PineArray,
  arrayAbs,
  arrayAvg,
  arrayCovariance,
  arrayMax,
  arrayMedian,
  arrayMin,
  arrayMode,
  arrayPercentileLinear,
  arrayPercentileNearestRank,
  arrayPercentrank,
  arrayRange,
  arrayStandardize,
  arrayStdev,
  arraySum,
  arrayVariance,
  str,
} from '../../../src/runtime/index.js';

const log = (pattern: string, ...args: str.FormatArg[]): string => str.strFormat(pattern, args);

it('replays the TradingView array log line by line', () => {
  const out: string[] = [];
  let a = PineArray.from(-1, -2, -3, -4, -5);
  out.push(log('array.abs(a): {0}', arrayAbs(a)));
  out.push(log('array.avg(a): {0}', arrayAvg(a)));
  a = PineArray.from(1, 2, 4, 5, 6);
  out.push(log('array.binary_search(a, 4): {0}', a.binary_search(4)));
  out.push(log('array.binary_search(a, 3): {0}', a.binary_search(3)));
  out.push(log('array.binary_search_leftmost(a, 3): {0}', a.binary_search_leftmost(3)));
  out.push(log('array.binary_search_rightmost(a, 3): {0}', a.binary_search_rightmost(3)));
  const b = PineArray.from(7, 8, 9, 10);
  out.push(log('array.concat(a, b): {0}; a: {1}; b: {2}', a.concat(b), a, b));
  const c = a.copy();
  out.push(log('c: {0}', c));
  out.push(log('array.covariance(a, b): {0,number,#.###############}', arrayCovariance(a, c)));
  out.push(
    log('array.covariance(a, b, biased=false): {0,number,#.###############}', arrayCovariance(a, c, false)),
  );
  a.insert(0, 0);
  c.fill(0, 1, 3);
  out.push(log('c: {0}', c));
  out.push(log('array.first(a): {0}', a.first()));
  out.push(log('array.includes(a, 4): {0}', a.includes(4)));
  out.push(log('array.indexof(a, 4): {0}', a.indexof(4)));
  out.push(log("array.join(a, '', ''): {0}", a.join(', '))); // '' prints one quote
  out.push(log('array.last(a): {0}', a.last()));
  out.push(log('array.lastindexof(a, 4): {0}', a.lastindexof(4)));
  out.push(log('array.max(a): {0}', arrayMax(a)));
  out.push(log('array.min(a): {0}', arrayMin(a)));
  out.push(log('array.median(a): {0}', arrayMedian(a)));
  out.push(log('array.mode(a): {0}', arrayMode(a)));
  out.push(log('array.percentrank(a, 4): {0}', arrayPercentrank(a, 4)));
  for (const p of [0.5, 50, 70])
    out.push(log(`array.percentile_linear_interpolation(a, ${p}): {0}`, arrayPercentileLinear(a, p)));
  for (const p of [0.5, 50, 70])
    out.push(log(`array.percentile_nearest_rank(a, ${p}): {0}`, arrayPercentileNearestRank(a, p)));
  out.push(log('array.range(a): {0}', arrayRange(a)));
  a.remove(4);
  out.push(log('array.remove(a, 4): {0}', a));
  c.reverse();
  out.push(log('array.reverse(c): {0}', c));
  out.push(log('array.shift(a): {0}', a.shift()));
  out.push(log('array.size(a): {0}', a.size()));
  const sa = a.slice(1, 3);
  out.push(log('array.slice(a, 1, 3): {0}', sa));
  out.push(log('array.size(sa): {0}', sa.size()));
  sa.set(1, 11);
  out.push(log('array.set(sa, 1, 11): {0}; a: {1}', sa, a));
  a.sort('descending');
  out.push(log('array.sort(a, order.descending): {0}', a));
  a.sort('ascending');
  out.push(log('array.sort(a, order.ascending): {0}', a));
  out.push(log('array.sort_indices(c): {0}', c.sort_indices()));
  out.push(log('array.sort_indices(c, order.descending): {0}', c.sort_indices('descending')));
  out.push(log('array.standardize(a): {0}', arrayStandardize(a)));
  out.push(log('array.standardize(a): {0}', arrayStandardize(PineArray.fromFloats(1.1, 2.2, 3.3, 4.4, 5.5))));
  out.push(log('array.stdev(a): {0,number,#.#############}', arrayStdev(a)));
  out.push(log('array.stdev(a, biased=false): {0,number,#.#############}', arrayStdev(a, false)));
  out.push(log('array.sum(a): {0}', arraySum(a)));
  a.unshift(0);
  out.push(log('array.unshift(a, 0): {0}', a));
  out.push(log('array.variance(a): {0,number,#.#############}', arrayVariance(a)));
  out.push(log('array.variance(a, biased=false): {0,number,#.#############}', arrayVariance(a, false)));

  expect(out).toEqual([
    'array.abs(a): [1, 2, 3, 4, 5]',
    'array.avg(a): -3',
    'array.binary_search(a, 4): 2',
    'array.binary_search(a, 3): -1',
    'array.binary_search_leftmost(a, 3): 1',
    'array.binary_search_rightmost(a, 3): 2',
    'array.concat(a, b): [1, 2, 4, 5, 6, 7, 8, 9, 10]; a: [1, 2, 4, 5, 6, 7, 8, 9, 10]; b: [7, 8, 9, 10]',
    'c: [1, 2, 4, 5, 6, 7, 8, 9, 10]',
    'array.covariance(a, b): 8.39506172839506',
    'array.covariance(a, b, biased=false): 9.444444444444443',
    'c: [1, 0, 0, 5, 6, 7, 8, 9, 10]',
    'array.first(a): 0',
    'array.includes(a, 4): true',
    'array.indexof(a, 4): 3',
    "array.join(a, ', '): 0, 1, 2, 4, 5, 6, 7, 8, 9, 10",
    'array.last(a): 10',
    'array.lastindexof(a, 4): 3',
    'array.max(a): 10',
    'array.min(a): 0',
    'array.median(a): 5.5',
    'array.mode(a): 0',
    'array.percentrank(a, 4): 44.444',
    'array.percentile_linear_interpolation(a, 0.5): 0',
    'array.percentile_linear_interpolation(a, 50): 5.5',
    'array.percentile_linear_interpolation(a, 70): 7.5',
    'array.percentile_nearest_rank(a, 0.5): 0',
    'array.percentile_nearest_rank(a, 50): 5',
    'array.percentile_nearest_rank(a, 70): 7',
    'array.range(a): 10',
    'array.remove(a, 4): [0, 1, 2, 4, 6, 7, 8, 9, 10]',
    'array.reverse(c): [10, 9, 8, 7, 6, 5, 0, 0, 1]',
    'array.shift(a): 0',
    'array.size(a): 8',
    'array.slice(a, 1, 3): [2, 4]',
    'array.size(sa): 2',
    'array.set(sa, 1, 11): [2, 11]; a: [1, 2, 11, 6, 7, 8, 9, 10]',
    'array.sort(a, order.descending): [11, 10, 9, 8, 7, 6, 2, 1]',
    'array.sort(a, order.ascending): [1, 2, 6, 7, 8, 9, 10, 11]',
    'array.sort_indices(c): [6, 7, 8, 5, 4, 3, 2, 1, 0]',
    'array.sort_indices(c, order.descending): [0, 1, 2, 3, 4, 5, 8, 7, 6]',
    'array.standardize(a): [-1.7002089231955175, -1.4045204148136883, -0.22176638128637186, 0.07392212709545729, 0.3696106354772864, 0.6652991438591156, 0.9609876522409447, 1.2566761606227739]',
    'array.standardize(a): [-1.414213562373095, -0.7071067811865472, 0.0, 0.7071067811865478, 1.4142135623730951]',
    'array.stdev(a): 3.3819373146172',
    'array.stdev(a, biased=false): 3.6154430670982',
    'array.sum(a): 54',
    'array.unshift(a, 0): [0, 1, 2, 6, 7, 8, 9, 10, 11]',
    'array.variance(a): 14.6666666666667',
    'array.variance(a, biased=false): 16.5',
  ]);
});

it('skips na elements like TradingView (log: PyneCore test_005_array_na_functions.txt)', () => {
  const a = PineArray.fromFloats(1, NaN, 3, NaN, 5);
  const m = PineArray.fromFloats(4, NaN, 4, 7, NaN);
  const c1 = PineArray.fromFloats(1, NaN, 3, 5);
  const c2 = PineArray.fromFloats(2, 4, NaN, 6);
  const s = PineArray.fromFloats(NaN, 6, NaN);
  const z = PineArray.fromFloats(NaN, NaN);
  const f12 = '{0,number,#.############}';
  expect([
    log('avg: {0}', arrayAvg(a)),
    log('sum: {0}', arraySum(a)),
    log('min: {0}', arrayMin(a)),
    log('max: {0}', arrayMax(a)),
    log('range: {0}', arrayRange(a)),
    log('median: {0}', arrayMedian(a)),
    log(`variance: ${f12}`, arrayVariance(a)),
    log(`variance_unbiased: ${f12}`, arrayVariance(a, false)),
    log(`stdev: ${f12}`, arrayStdev(a)),
    log(`stdev_unbiased: ${f12}`, arrayStdev(a, false)),
    log('mode: {0}', arrayMode(m)),
    log(`cov: ${f12}`, arrayCovariance(c1, c2)),
    log(`cov_unbiased: ${f12}`, arrayCovariance(c1, c2, false)),
    log('s_avg: {0}', arrayAvg(s)),
    log('s_stdev: {0}', arrayStdev(s)),
    log('s_variance: {0}', arrayVariance(s)),
    log('z_avg: {0}', arrayAvg(z)),
    log('z_sum: {0}', arraySum(z)),
    log('z_min: {0}', arrayMin(z)),
  ]).toEqual([
    'avg: 3',
    'sum: 9',
    'min: 1',
    'max: 5',
    'range: 4',
    'median: 3',
    'variance: 2.666666666667',
    'variance_unbiased: 4',
    'stdev: 1.632993161855',
    'stdev_unbiased: 2',
    'mode: 4',
    'cov: 4',
    'cov_unbiased: 8',
    's_avg: 6',
    's_stdev: 0',
    's_variance: 0',
    'z_avg: NaN',
    'z_sum: NaN',
    'z_min: NaN',
  ]);
});

it('prints typed arrays and accepts negative set indices (log: PyneCore test_001_array_basic.txt)', () => {
  const ab = PineArray.create(5, false);
  const af = PineArray.create(5, 0, true);
  const ai = PineArray.create(5, 0);
  const as = PineArray.create(5, 's');
  ab.set(0, true);
  af.set(0, 1);
  af.set(-2, 2);
  ai.set(0, 1);
  ai.set(-2, 2);
  as.set(0, 's0');
  as.set(-2, 's2');
  expect([log('ab: {0}', ab), log('af: {0}', af), log('ai: {0}', ai), log('as_: {0}', as)]).toEqual([
    'ab: [true, false, false, false, false]',
    'af: [1.0, 0.0, 0.0, 2.0, 0.0]',
    'ai: [1, 0, 0, 2, 0]',
    'as_: [s0, s, s, s2, s]',
  ]);
});
