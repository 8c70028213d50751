/**
 * `check`: the vault health report, composed once for the service (`AtlasApi.check`) and the CLI (`atlas check`):
 * the index's report (unresolved, ambiguous and broken-anchor links, problems, orphans) plus the prerequisite
 * report (cycles, missing prerequisites).
 */
import type { LearningService } from './learning/engine-types.ts';
import type { CheckReport } from './model.ts';
import type { VaultQuery } from './query/vault-query.ts';

/** Throws what the learning engine throws (e.g. `ProgressFileError` is not involved: progress is not read). */
export function check(
  query: Pick<VaultQuery, 'indexReport'>,
  learning: Pick<LearningService, 'prerequisiteReport'>,
): CheckReport {
  const pre = learning.prerequisiteReport();
  return { ...query.indexReport(), cycles: pre.cycles, missingPrerequisites: pre.missingPrerequisites };
}
