// Reads vitest's JSON report and prints the "N passed, N failed" line CI looks for.
// A run that never reached vitest (typecheck or lint failed) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, statusText] = process.argv.slice(2);
const status = Number(statusText);
if (!reportPath || !existsSync(reportPath)) {
  console.log(`0 passed, ${status === 0 ? 0 : 1} failed`);
} else {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  if (status !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
}
