// The runtime's public value names are the codegen contract (src/runtime/README.md): this list
// changes only on purpose, together with the README.
import { expect, it } from 'vitest';
import * as runtime from '../../../src/runtime/index.js';

it('exports exactly the documented runtime API', () => {
  expect(Object.keys(runtime).sort()).toEqual(
    `BOOL_NA BarClock BarState BoolSeries DrawingCounter EPSILON EventLog Feed Fixnan FloatSeries MathSum NA
     PineArray PineContext PineMap PineMatrix PineRandom PineRuntimeError PlotRecorder RefSeries Session
     SessionResolver TimeframeChange Zone ZoneResolver arrayAbs arrayAvg arrayCovariance arrayMax arrayMedian
     arrayMin arrayMode arrayPercentileLinear arrayPercentileNearestRank arrayPercentrank arrayRange
     arrayStandardize arrayStdev arraySum arrayVariance calendar capacityFor color decimalsOf div divConstIntV5
     eq formatTime fromSeconds ge gt inSeconds inferTimeframe isNa isNaValue le lt math matrixAvg matrixDet
     matrixDiff matrixEigenvalues matrixInv matrixIsAntidiagonal matrixIsAntisymmetric matrixIsBinary matrixIsDiagonal matrixIsIdentity matrixIsStochastic matrixIsSymmetric matrixIsTriangular matrixIsZero matrixKron matrixMedian matrixMode matrixPinv matrixSort matrixMax matrixMin matrixMult matrixPow matrixRank matrixSum matrixTrace mod ne
     nextPeriodStart nz parseOhlcvCsv parseTimeframe periodStart resolveZone roundHalfAway roundToMintick
     resampleFeed runBars runtimeError Security splitCsvLine str symbolInfo ta timeframeFlags timestampParts timestampString toInt
     both either sourceValue PineStrategy computeSummary resolveSettings runStrategyBars tradeListCsv tradeRows`
      .split(/\s+/)
      .sort(),
  );
});
