import { defineCodes } from './define.js';

/** Diagnostic codes of the run store (PP8001–PP8499; PP85xx onwards is the report's). */
export const storeCodes = defineCodes({
  storeUnreadable: { code: 'PP8001', severity: 'error', title: 'the run store cannot be opened' },
  storeTooNew: {
    code: 'PP8002',
    severity: 'error',
    title: 'the run store was written by a newer pineport',
  },
  storeMissing: { code: 'PP8003', severity: 'error', title: 'no run store at this path' },
  unknownRun: { code: 'PP8004', severity: 'error', title: 'no run with this id' },
});
