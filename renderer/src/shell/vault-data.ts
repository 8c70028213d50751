/**
 * The vault data the app frame shows: vault info, the file list, the whole graph and the tag tree, fetched through
 * the query cache (backend/query.ts), so again for every index version; the graph follows the index by deltas
 * (graph/graph-data.ts). `onFirstFiles` runs once, when the first
 * file list with a note arrives (the app opens its start note then).
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import type { FileEntry, GraphData, TagInfo, VaultInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import { useFileList } from '../backend/file-list.ts';
import { useListingTick } from '../backend/vault-events.ts';
import { prefetchGraph, useGraphData } from '../graph/graph-data.ts';

export interface VaultData {
  info: VaultInfo | null;
  files: FileEntry[];
  graph: GraphData | null;
  tags: TagInfo[];
}

const NO_FILES: FileEntry[] = [];
const NO_TAGS: TagInfo[] = [];
const WHOLE_GRAPH = { includeUnresolved: true };

/** Starts fetching the vault data that takes longest (the whole graph), before the first render (main.tsx). */
export function prefetchVaultData(): void {
  prefetchGraph(WHOLE_GRAPH);
}

export function useVaultData(
  showError: (e: unknown) => void,
  onFirstFiles: (files: FileEntry[], graph: GraphData) => void,
): VaultData {
  const info = useApiQuery(['vaultInfo'], () => api.vaultInfo()).data;
  // also once an index pass has listed its files (listingTick), before its notes are parsed; the list kept meanwhile
  const tick = useListingTick();
  const fileList = useFileList();
  const tagTree = useApiQuery(['tags', tick], () => api.tags(), { keepPrevious: true });
  // the whole graph, kept up to date by deltas (graph-data.ts); the graph view filters by tag itself
  const graphState = useGraphData(WHOLE_GRAPH);
  const graph = graphState.data;
  const name = info?.name;
  useEffect(() => {
    if (name) document.title = `${name} — Concept Atlas`;
  }, [name]);

  const started = useRef(false);
  const arrived = useEffectEvent((f: FileEntry[], g: GraphData) => {
    if (g.nodes.length && !performance.getEntriesByName('atlas-graph-data').length)
      performance.mark('atlas-graph-data');
    // a cold index lists attachments before the notes are parsed: wait for a note to start from
    if (started.current || !f.some((x) => x.kind === 'note')) return;
    started.current = true;
    onFirstFiles(f, g);
  });
  const files = fileList.data;
  useEffect(() => {
    if (files && graph) arrived(files, graph);
  }, [files, graph]);
  const reportError = useEffectEvent((e: Error) => showError(e));
  const error = fileList.error ?? tagTree.error ?? graphState.error;
  useEffect(() => {
    if (error) reportError(error);
  }, [error]);

  return { info, files: files ?? NO_FILES, graph, tags: tagTree.data ?? NO_TAGS };
}
