/**
 * `openVault`: the core composed for one vault — the index engine (`AtlasIndex`: sync, update, watch, rebuild), the
 * queries that read it (`VaultQuery`) and the learning engine over those queries (`LearningEngine`). Used by the
 * services (electron/services) and the `atlas` CLI; neither composes the core by hand.
 */
import { check } from './check.ts';
import { AtlasIndex, type AtlasIndexOptions } from './index/atlas-index.ts';
import { createLearningService, type LearningEngine } from './learning/service.ts';
import type { CheckReport } from './model.ts';
import { VaultQuery } from './query/vault-query.ts';

export interface Vault {
  /** The index engine: call `sync()` before relying on the queries. */
  index: AtlasIndex;
  query: VaultQuery;
  learning: LearningEngine;
  /** The whole health report (see electron/core/check.ts). */
  check(): CheckReport;
  /** Closes the index (stops its watchers). */
  close(): void;
}

/**
 * Opens the index of `opts.vaultRoot` (creating or rebuilding its database as needed) without indexing. Throws
 * `VaultError` when the vault does not exist or is not a folder.
 */
export async function openVault(opts: AtlasIndexOptions): Promise<Vault> {
  const index = await AtlasIndex.open(opts);
  const query = new VaultQuery(index);
  const learning = createLearningService(query);
  return { index, query, learning, check: () => check(query, learning), close: () => index.close() };
}
