import { defineCodes } from './define.js';

export const parseCodes = defineCodes({
  unexpectedCharacter: { code: 'PP1001', severity: 'error', title: 'unexpected character' },
  unterminatedString: { code: 'PP1002', severity: 'error', title: 'unterminated string' },
  badIndentation: { code: 'PP1003', severity: 'error', title: 'bad indentation' },
  unexpectedToken: { code: 'PP1004', severity: 'error', title: 'unexpected token' },
  missingToken: { code: 'PP1005', severity: 'error', title: 'missing token' },
  badColorLiteral: { code: 'PP1006', severity: 'error', title: 'bad color literal' },
  invalidAssignmentTarget: { code: 'PP1007', severity: 'error', title: 'invalid assignment target' },
  missingVersion: { code: 'PP1008', severity: 'info', title: 'no //@version annotation' },
  unsupportedVersion: { code: 'PP1009', severity: 'warning', title: 'unsupported Pine version' },
  unbalancedBracket: { code: 'PP1010', severity: 'error', title: 'unbalanced bracket' },
  emptyBlock: { code: 'PP1011', severity: 'error', title: 'block has no statements' },
  unknownAnnotation: { code: 'PP1012', severity: 'warning', title: 'unknown compiler annotation' },
  mixedIndentation: { code: 'PP1013', severity: 'warning', title: 'tabs and spaces mixed in indentation' },
});
