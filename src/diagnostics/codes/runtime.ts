import { defineCodes } from './define.js';

export const runtimeCodes = defineCodes({
  runtimeError: { code: 'PP5001', severity: 'error', title: 'the script stopped with a runtime error' },
});

/** Codes of the parity runner and other CLI-level checks. */
export const cliCodes = defineCodes({
  caseUnavailable: { code: 'PP9001', severity: 'error', title: 'parity case cannot run' },
});
