import { defineCodes } from './define.js';

export const codegenCodes = defineCodes({
  unsupported: { code: 'PP3001', severity: 'error', title: 'not supported by the code generator' },
  nonLiteralSetting: { code: 'PP3002', severity: 'warning', title: 'strategy() setting is not a literal' },
  format: { code: 'PP3003', severity: 'error', title: 'generated code could not be formatted' },
  missingData: { code: 'PP3004', severity: 'error', title: 'needs data the chart feed does not hold' },
});
