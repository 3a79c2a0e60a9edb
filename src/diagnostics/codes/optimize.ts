import { defineCodes } from './define.js';

/** Diagnostic codes of the optimiser, walk-forward and study store (PP7001–PP7499). */
export const optimizeCodes = defineCodes({
  unboundedRange: { code: 'PP7001', severity: 'error', title: 'numeric input has no bounds to search' },
  invalidRange: { code: 'PP7002', severity: 'error', title: 'invalid search range' },
  unknownParameter: { code: 'PP7003', severity: 'error', title: 'search space names an unknown input' },
  invalidSpaceFile: { code: 'PP7004', severity: 'error', title: 'invalid search-space file' },
  invalidOptions: { code: 'PP7005', severity: 'error', title: 'invalid options subset' },
  emptySpace: { code: 'PP7006', severity: 'warning', title: 'nothing to optimise: every input is fixed' },
  largeGrid: { code: 'PP7010', severity: 'warning', title: 'grid has more than 10,000 points' },
  gridDefaultSteps: {
    code: 'PP7011',
    severity: 'info',
    title: 'float range without step divided into equal grid steps',
  },
  gridCategoricalOnly: {
    code: 'PP7012',
    severity: 'warning',
    title: 'sampler ignores a parameter kind and samples it at random',
  },
  samplerNeedsObjectives: {
    code: 'PP7013',
    severity: 'error',
    title: 'sampler does not support this number of objectives',
  },
  unknownSampler: { code: 'PP7014', severity: 'error', title: 'unknown sampler' },
  expressionSyntax: { code: 'PP7020', severity: 'error', title: 'objective expression syntax error' },
  unknownMetric: { code: 'PP7021', severity: 'error', title: 'unknown metric in an expression' },
  unknownFunction: { code: 'PP7022', severity: 'error', title: 'unknown function in an expression' },
  wrongArity: { code: 'PP7023', severity: 'error', title: 'wrong number of function arguments' },
  constraintNotComparison: {
    code: 'PP7024',
    severity: 'error',
    title: 'constraint is not a comparison',
  },
  objectiveIsComparison: {
    code: 'PP7025',
    severity: 'error',
    title: 'objective is a comparison',
  },
  storeCorrupt: { code: 'PP7030', severity: 'warning', title: 'study file has an unreadable line' },
  storeMismatch: {
    code: 'PP7031',
    severity: 'error',
    title: 'study file was written with different settings',
  },
  replayMismatch: {
    code: 'PP7032',
    severity: 'error',
    title: 'resumed study does not replay the stored trials',
  },
  noFeasibleTrial: { code: 'PP7040', severity: 'warning', title: 'no trial satisfies the constraints' },
  noCompleteTrial: { code: 'PP7041', severity: 'warning', title: 'every trial failed' },
  invalidDuration: { code: 'PP7050', severity: 'error', title: 'invalid walk-forward duration' },
  noWindows: { code: 'PP7051', severity: 'error', title: 'data too short for one walk-forward window' },
  robustnessUnavailable: {
    code: 'PP7060',
    severity: 'info',
    title: 'robustness statistic not computable',
  },
  invalidCliOption: { code: 'PP7070', severity: 'error', title: 'invalid optimise option' },
});
