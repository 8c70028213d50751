/**
 * What the graph views need from the app frame that the workspace's `ViewProps` do not carry: the vault graph the
 * app already loads, the learning overlay, the tags, the tag picked in the tags pane and the last note shown (the
 * graph tab's "current note" while the tab itself is active). App sets it on every render (`setGraphAppState`);
 * the views read it with `useGraphAppState`.
 */
import { useSyncExternalStore } from 'react';
import type { GraphData } from '../../../electron/shared/api.ts';
import type { LearningOverlay } from '../learning/types.ts';

export interface GraphAppState {
  data: GraphData | null;
  overlay: LearningOverlay;
  tags: string[];
  tagFilter: string | null;
  /** The note of the active tab, or null while a view tab (e.g. the graph) is active. */
  activeNote: string | null;
  onClearTagFilter(): void;
  /** Opens (creating when missing) the note an unresolved link target names. */
  onCreateNote(target: string): void;
}

let state: GraphAppState = {
  data: null,
  overlay: { plan: null, progress: {} },
  tags: [],
  tagFilter: null,
  activeNote: null,
  onClearTagFilter: () => undefined,
  onCreateNote: () => undefined,
};
/** The last note that was active: the graph's current note. */
let lastNote: string | null = null;
/** Whether the graph view tab is the shown one (for the "Graph view" toggle command). */
let graphShown = false;
const listeners = new Set<() => void>();
let snapshot: GraphAppState & { currentPath: string | null } = { ...state, currentPath: lastNote };

export function setGraphAppState(next: GraphAppState): void {
  if (next.activeNote) lastNote = next.activeNote;
  const changed =
    next.data !== state.data ||
    next.overlay !== state.overlay ||
    next.tags !== state.tags ||
    next.tagFilter !== state.tagFilter ||
    snapshot.currentPath !== lastNote;
  state = next;
  if (!changed) return;
  snapshot = { ...state, currentPath: lastNote };
  // Notify after the app's render, not during it.
  queueMicrotask(() => {
    for (const l of listeners) l();
  });
}

export function useGraphAppState(): GraphAppState & { currentPath: string | null } {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

export function lastActiveNote(): string | null {
  return lastNote;
}

export function setGraphShown(shown: boolean): void {
  graphShown = shown;
}

export function isGraphShown(): boolean {
  return graphShown;
}
