/**
 * `check`: the vault health report, composed once for the service (`AtlasApi.check`) and the CLI (`atlas check`):
 * the index's report (unresolved, ambiguous and broken-anchor links, problems, orphans) plus the prerequisite
 * report (cycles, missing prerequisites), and the links only an alias resolves.
 */
import type { LearningService } from './learning/engine-types.ts';
import type { CheckReport } from './model.ts';
import type { VaultQuery } from './query/vault-query.ts';

/** Throws what the learning engine throws (e.g. `ProgressFileError` is not involved: progress is not read). */
export function check(
  query: Pick<VaultQuery, 'indexReport' | 'links'>,
  learning: Pick<LearningService, 'prerequisiteReport'>,
): CheckReport {
  const pre = learning.prerequisiteReport();
  const aliasLinks = query
    .links()
    .filter((l) => l.resolvedBy === 'alias' && l.target !== null)
    .map((l) => ({ source: l.source, raw: l.raw, line: l.line, target: l.target as string }));
  return { ...query.indexReport(), cycles: pre.cycles, missingPrerequisites: pre.missingPrerequisites, aliasLinks };
}
