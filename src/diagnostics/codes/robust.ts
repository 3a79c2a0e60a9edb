import { defineCodes } from './define.js';

/**
 * Diagnostic codes of the robustness tools (PP7 range: optimise; PP75xx kept for src/robust).
 */
export const robustCodes = defineCodes({
  invalidBootstrap: { code: 'PP7501', severity: 'error', title: 'invalid stationary bootstrap input' },
  invalidPboMatrix: { code: 'PP7502', severity: 'error', title: 'invalid performance matrix for PBO' },
  pboRowsDropped: { code: 'PP7503', severity: 'info', title: 'PBO dropped rows to make equal blocks' },
  invalidMonteCarlo: { code: 'PP7504', severity: 'error', title: 'invalid trade Monte Carlo input' },
  invalidPlateau: {
    code: 'PP7505',
    severity: 'error',
    title: 'invalid parameter grid for the plateau score',
  },
});
