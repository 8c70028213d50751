/**
 * The workspace the app frame shows: panes of tabs with their history (workspace/tabs.ts), the editors of the two
 * panes, and the scroll request of the last `openNote`. The one way to open a note is `openNote` here.
 */
import {
  createRef,
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type RefObject,
  type SetStateAction,
} from 'react';
import type { OpenOptions } from '../commands/context.ts';
import type { EditorHandle } from '../components/Editor.tsx';
import { hasTarget, type RevealRequest } from '../navigation/reveal.ts';
import { useLastChange } from '../backend/vault-events.ts';
import * as W from '../workspace/tabs.ts';
import { isViewTab, VIEW_TAB } from '../workspace/view-tab.ts';
import { GRAPH_VIEW } from '../graph/register.tsx';

export interface WorkspaceState {
  ws: W.Workspace;
  setWs: Dispatch<SetStateAction<W.Workspace>>;
  /** The workspace of the last render (for callbacks that must not re-create on every change). */
  current(): W.Workspace;
  reveal: RevealRequest | null;
  /** The editors of the panes (stable for the app's life), by pane index. */
  editorRefs: readonly RefObject<EditorHandle | null>[];
  /** The editor of the focused pane, or null. */
  activeEditor(): EditorHandle | null;
  /** Saves every pane's unsaved edits and waits for the writes. */
  flushAll(): Promise<void>;
  /** A note or folder was renamed: the editors carry its tabs' Reading view over to the new path. */
  moved(from: string, to: string): void;
  /** Notes with unsaved edits in any pane (vault paths, no duplicates). */
  unsavedNotes(): string[];
  /**
   * Opens `path` (navigating the focused tab, or in a new tab) and scrolls to the target (a line number, or
   * `{ line | heading | block | search }`) with a brief highlight, in the editing or the reading view.
   */
  openNote(path: string, target?: OpenOptions | number): void;
  /** Opens (or focuses) a main-area tab of a registered view kind (workspace/views.ts). */
  openView(kind: string): void;
  /**
   * Back (`-1`) or forward (`+1`) in the focused tab's history; the note shown returns to where the pane left it
   * (its cursor and scroll, or the Reading view's scroll).
   */
  go(dir: -1 | 1): void;
  /** Closes the tab of pane `pane` showing `path` (default: the focused pane), after saving its edits. */
  closeTab(path: string, pane?: number): Promise<void>;
  /**
   * "Reveal in graph" (file tree): opens the note, then the graph view once the note was shown, so the graph takes
   * it as its current note (graph/app-state.ts follows the last active note).
   */
  revealInGraph(path: string): void;
}

export function useWorkspaceState(): WorkspaceState {
  const [ws, setWs] = useState<W.Workspace>(W.emptyWorkspace);
  const wsRef = useRef(ws);
  wsRef.current = ws;
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const seq = useRef(0);
  const [editorRefs] = useState(() => [createRef<EditorHandle>(), createRef<EditorHandle>()]);

  const current = useCallback(() => wsRef.current, []);
  const activeEditor = useCallback(() => editorRefs[wsRef.current.activePane]?.current ?? null, [editorRefs]);
  const flushAll = useCallback(async () => {
    await Promise.all(editorRefs.map((r) => r.current?.flush()));
  }, [editorRefs]);
  const moved = useCallback(
    (from: string, to: string) => {
      for (const r of editorRefs) r.current?.moved(from, to);
    },
    [editorRefs],
  );
  const unsavedNotes = useCallback(
    () => [...new Set(editorRefs.flatMap((r) => r.current?.unsaved() ?? []))],
    [editorRefs],
  );

  const openNote = useCallback((path: string, target?: OpenOptions | number) => {
    const o: OpenOptions = typeof target === 'number' ? { line: target } : (target ?? {});
    setWs((w) => {
      if (!o.split) return W.open(w, path, { newTab: o.newTab });
      // "Open to the right": the other pane (a new split shows the note, its tab navigated to it).
      if (w.panes.length > 1) return W.open(w, path, { pane: 1 - w.activePane, newTab: true });
      return W.open(W.split(w), path, { pane: 1 });
    });
    if (hasTarget(o) || o.mode) setReveal({ ...o, path, seq: ++seq.current });
  }, []);

  const openView = useCallback((kind: string) => {
    setWs((w) => W.open(w, VIEW_TAB + kind, { newTab: true }));
  }, []);

  const go = useCallback((dir: -1 | 1) => {
    const next = W.go(wsRef.current, dir);
    if (next === wsRef.current) return;
    // taken at once: a second press before the next render goes on from here (key repeat, mouse buttons)
    wsRef.current = next;
    setWs((w) => W.go(w, dir));
    const id = W.activeId(next);
    if (id && !isViewTab(id)) setReveal({ path: id, restore: true, seq: ++seq.current });
  }, []);

  const closeTab = useCallback(
    async (path: string, pane = wsRef.current.activePane) => {
      await editorRefs[pane]?.current?.flush(path);
      const tab = wsRef.current.panes[pane]?.tabs.find((t) => W.current(t) === path);
      if (tab) setWs((w) => W.close(w, tab.key));
    },
    [editorRefs],
  );

  // Tabs of deleted files close (the editor keeps unsaved text of a deleted file only until the tab closes).
  const change = useLastChange();
  useEffect(() => {
    if (!change || change.deleted.length === 0) return;
    const gone = new Set(change.deleted);
    setWs((w) => W.forget(w, (p) => gone.has(p)));
  }, [change]);

  const [graphReveal, setGraphReveal] = useState<string | null>(null);
  const revealInGraph = useCallback(
    (path: string) => {
      openNote(path);
      setGraphReveal(path);
    },
    [openNote],
  );
  const activeId = W.activeId(ws);
  useEffect(() => {
    if (graphReveal === null || activeId !== graphReveal) return;
    setGraphReveal(null);
    setWs((w) => W.open(w, VIEW_TAB + GRAPH_VIEW, { newTab: true }));
  }, [graphReveal, activeId]);

  return {
    ws,
    setWs,
    current,
    reveal,
    editorRefs,
    activeEditor,
    flushAll,
    moved,
    unsavedNotes,
    openNote,
    openView,
    go,
    closeTab,
    revealInGraph,
  };
}
