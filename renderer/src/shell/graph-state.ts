/**
 * Hands the graph views (renderer/src/graph/, their `useGraphAppState`) what the app frame holds: the vault graph,
 * the learning overlay, the tag names, the tag picked in the tags pane and the active note.
 */
import { useMemo } from 'react';
import type { GraphData, TagInfo } from '../../../electron/shared/api.ts';
import { setGraphAppState } from '../graph/app-state.ts';
import type { LearningOverlay } from '../learning/types.ts';

export interface GraphStateInput {
  graph: GraphData | null;
  overlay: LearningOverlay;
  tags: TagInfo[];
  tagFilter: string | null;
  activeNote: string | null;
  onClearTagFilter(): void;
  onCreateNote(target: string): void;
}

/** Every tag of the tree, parents before children (`a`, `a/b`, …). */
function tagNamesOf(tags: TagInfo[]): string[] {
  const out: string[] = [];
  const walk = (ts: TagInfo[]) => {
    for (const t of ts) {
      out.push(t.tag);
      walk(t.children);
    }
  };
  walk(tags);
  return out;
}

export function useGraphAppState(s: GraphStateInput): void {
  const tagNames = useMemo(() => tagNamesOf(s.tags), [s.tags]);
  // set on every render, as the graph views expect (graph/app-state.ts compares before notifying)
  setGraphAppState({
    data: s.graph,
    overlay: s.overlay,
    tags: tagNames,
    tagFilter: s.tagFilter,
    activeNote: s.activeNote,
    onClearTagFilter: s.onClearTagFilter,
    onCreateNote: s.onCreateNote,
  });
}
