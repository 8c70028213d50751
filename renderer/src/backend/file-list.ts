/**
 * The vault's file list (`listFiles`), one query for every pane that shows it (the app frame, the learning panel, the
 * connection view): fetched once per index version, and once an index pass has listed its files (`listingTick`,
 * vault-events.ts). Panes asking under their own keys fetched the same 1 MB list (10,000
 * notes) twice at start-up.
 */
import type { FileEntry } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { type QueryState, useApiQuery } from './query.ts';
import { useListingTick } from './vault-events.ts';

/** The file list (kept while the next one loads); `enabled` false asks for nothing (data null). */
export function useFileList(enabled = true): QueryState<FileEntry[]> {
  const tick = useListingTick();
  return useApiQuery(enabled ? ['listFiles', tick] : null, () => api.listFiles(), { keepPrevious: true });
}
