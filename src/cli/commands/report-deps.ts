import { storeCodes } from '../../diagnostics/codes/store.js';
import type { ReportInput } from '../../report/index.js';
import { RunStore } from '../../store/index.js';
import { reportInputFromStore } from '../report-input.js';
import type { ReportCommandDeps } from './report.js';

export { timeframeLabel } from '../report-input.js';

/**
 * A stored run as a report input (see reportInputFromStore: every run kind has its sections).
 * Undefined for an unknown run or a missing store; throws when the store cannot be read.
 */
export async function loadStoredRun(id: number, storePath: string): Promise<ReportInput | undefined> {
  const opened = RunStore.open(storePath, { create: false });
  if (!opened.ok) {
    if (opened.diagnostics.some((d) => d.code === storeCodes.storeMissing.code)) return undefined;
    throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
  }
  try {
    return await reportInputFromStore(opened.store, id);
  } finally {
    opened.store.close();
  }
}

/** The CLI's wiring of `pineport report`: runs come from the SQLite run store. */
export function reportDeps(): ReportCommandDeps {
  return { loadRun: loadStoredRun };
}
