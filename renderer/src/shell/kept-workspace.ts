/**
 * The first screen and the workspace kept across reloads (workspace/saved-workspace.ts): once the vault's root and
 * its first file list are known, the tabs open when the vault was last left come back (Obsidian reopens its last
 * workspace); with a `homeNote` setting that note is also opened and focused (as Obsidian's Homepage plugin does).
 * A vault with nothing kept opens its start note (shell/start-note.ts) with the graph view tab beside it, in the
 * background, or the Welcome screen. From then on every change of the tabs is kept.
 */
import { useEffect, useState } from 'react';
import type { FileEntry, GraphData } from '../../../electron/shared/api.ts';
import { whenSettingsLoaded } from '../settings/store.ts';
import { GRAPH_VIEW } from '../graph/register.tsx';
import * as W from '../workspace/tabs.ts';
import { loadWorkspace, saveWorkspace } from '../workspace/saved-workspace.ts';
import { isViewTab, VIEW_TAB, viewKindOf } from '../workspace/view-tab.ts';
import { viewKind } from '../workspace/views.ts';
import { pickStartNote } from './start-note.ts';
import { placesOf } from '../editor/view-places.ts';
import { getSnapshot } from '../backend/vault-events.ts';
import type { WorkspaceState } from './workspace-state.ts';

/** The vault's first file list with a note, and the graph then (shell/vault-data.ts `onFirstFiles`). */
export interface FirstFiles {
  files: FileEntry[];
  graph: GraphData;
}

/** `root`: the vault's root once known; `first`: its first file list once it arrived. */
export function useKeptWorkspace(
  root: string | null,
  first: FirstFiles | null,
  workspace: Pick<WorkspaceState, 'ws' | 'setWs'>,
): void {
  const { ws, setWs } = workspace;
  /** The root whose kept workspace was restored (or found empty): from then on its changes are kept. */
  const [restored, setRestored] = useState<string | null>(null);

  useEffect(() => {
    if (!root || !first || restored === root) return;
    let live = true;
    void whenSettingsLoaded().then(({ homeNote }) => {
      if (!live) return;
      const notes = new Set(first.files.filter((f) => f.kind === 'note').map((f) => f.path));
      // While a cold index still lists its notes (a new or rebuilt cache), a note missing from the first list may
      // only be unlisted yet: it is kept (if it was deleted, its tab says it cannot be opened).
      const listed = getSnapshot().status?.state !== 'indexing';
      const exists = (id: string) =>
        isViewTab(id) ? viewKind(viewKindOf(id))?.area === 'main' : !listed || notes.has(id) || notes.has(`${id}.md`);
      const kept = loadWorkspace(root, exists);
      // the restored tabs' notes come back where they were left, each pane's own (editor/view-places.ts)
      for (let i = 0; i < 2; i++) placesOf(i).load(root, kept?.panes[i]?.tabs.map(W.current) ?? []);
      const home = homeNote ? pickStartNote(first.files, first.graph, homeNote) : null;
      const start = kept ? home : pickStartNote(first.files, first.graph, homeNote);
      setWs((w) => {
        // the user opened something meanwhile: it joins the kept tabs, focused
        const opened = w.panes.some((p) => p.tabs.length) ? W.activeId(w) : null;
        if (kept) return opened || start ? W.open(kept, (opened ?? start) as string, { newTab: true }) : kept;
        if (opened) return w;
        if (!start) return w;
        const withGraph = W.open(W.open(w, start), VIEW_TAB + GRAPH_VIEW, { newTab: true });
        return W.activate(withGraph, withGraph.panes[0].tabs[0].key);
      });
      setRestored(root);
    });
    return () => {
      live = false;
    };
  }, [root, first, restored, setWs]);

  useEffect(() => {
    if (root && restored === root) {
      saveWorkspace(root, ws);
      placesOf(0).save();
      placesOf(1).save();
    }
  }, [root, restored, ws]);
}
