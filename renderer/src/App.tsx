/**
 * The app frame: left sidebar (search, file tree, tags), centre (tabs + editor), graph, right sidebar (backlinks,
 * outgoing links, unlinked mentions, learning panel). Holds the app state: open tabs, the vault's file list, graph
 * and tags (reloaded on `vault-changed`), the index status, the learning overlay and the error alerts.
 */
import { createRef, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import type { FileEntry, GraphData, LearningPlan, TagInfo, VaultInfo } from '../../electron/shared/api.ts';
import { api, errorCode } from './client.ts';
import { setInitialStatus, useVaultEvents } from './backend/vault-events.ts';
import { parentFolder, titleOf } from './paths.ts';
import { runCommand, setAppContext, useCommands, type Command } from './commands/registry.ts';
import type { AppContext, OpenOptions } from './commands/context.ts';
import { hasTarget } from './navigation/reveal.ts';
import { useCommandShortcuts } from './commands/useCommandShortcuts.ts';
import './commands/index.ts';
import './workspace/index.ts';
import { useViews, viewKind } from './workspace/views.ts';
import * as W from './workspace/tabs.ts';
import { CommandPalette } from './palette/CommandPalette.tsx';
import { QuickSwitcher, type SwitcherNote } from './palette/QuickSwitcher.tsx';
import { useRecentNotes } from './workspace/recent.ts';
import { Editor, VIEW_TAB, isViewTab, type EditorHandle } from './components/Editor.tsx';
import { FileTree } from './components/FileTree.tsx';
import { setGraphAppState } from './graph/app-state.ts';
import { GRAPH_VIEW } from './graph/register.tsx';
import { BacklinksPane } from './components/BacklinksPane.tsx';
import { OutgoingPane } from './components/OutgoingPane.tsx';
import { MentionsPane } from './components/MentionsPane.tsx';
import { TagsPane } from './components/TagsPane.tsx';
import { SearchPane } from './components/SearchPane.tsx';
import { Alerts, type AlertItem } from './components/Alerts.tsx';
import { OutlinePane } from './components/OutlinePane.tsx';
import { PropertiesPane } from './components/PropertiesPane.tsx';
import { LearningPanel } from './learning/LearningPanel.tsx';
import type { LearningOverlay } from './learning/types.ts';

/**
 * The note the first screen opens: a home note if there is one (a root note named home/index/readme/start/首页/目录,
 * else a root note tagged `home` or `moc`, a "map of content"), else the most linked note.
 */
function pickStartNote(files: FileEntry[], graph: GraphData | null): string | null {
  const notes = files.filter((f) => f.kind === 'note').map((f) => f.path);
  const home =
    notes.find((p) => /^(home|index|readme|start|首页|目录)\.md$/i.test(p)) ??
    graph?.nodes.find((n) => n.kind === 'note' && !n.id.includes('/') && n.tags.some((t) => /^(home|moc)$/i.test(t)))
      ?.id;
  if (home) return home;
  if (graph && graph.edges.length) {
    const deg = new Map<string, number>();
    for (const e of graph.edges) deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
    let best: string | null = null;
    for (const p of notes) if (best === null || (deg.get(p) ?? 0) > (deg.get(best) ?? 0)) best = p;
    return best;
  }
  return notes.sort()[0] ?? null;
}

export function App() {
  const [info, setInfo] = useState<VaultInfo | null>(null);
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [graph, setGraph] = useState<GraphData | null>(null);
  const [tags, setTags] = useState<TagInfo[]>([]);
  const [ws, setWs] = useState<W.Workspace>(W.emptyWorkspace);
  const wsRef = useRef(ws);
  wsRef.current = ws;
  /** What the focused tab shows (a note path or a view tab id), or null. */
  const active = W.activeId(ws);
  const [reveal, setReveal] = useState<({ path: string; seq: number } & OpenOptions) | null>(null);
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  const [query, setQuery] = useState('');
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<LearningOverlay>({ plan: null, progress: {} });
  const [newNoteSignal, setNewNoteSignal] = useState(0);
  /** The editors of the two panes (stable for the app's life). */
  const [editorRefs] = useState(() => [createRef<EditorHandle>(), createRef<EditorHandle>()]);
  const editorRef = {
    get current(): EditorHandle | null {
      return editorRefs[wsRef.current.activePane]?.current ?? null;
    },
  };
  const flushAll = useCallback(async () => {
    await Promise.all(editorRefs.map((r) => r.current?.flush()));
  }, [editorRefs]);
  const searchRef = useRef<HTMLInputElement>(null);
  const started = useRef(false);
  const seq = useRef(0);

  const showError = useCallback((e: unknown) => {
    const code = errorCode(e);
    const message = e instanceof Error ? e.message : String(e);
    setAlerts((a) => [
      ...a,
      { id: ++seq.current, message: code && !message.includes(code) ? `${message} (${code})` : message },
    ]);
  }, []);

  // Events from the backend: one store (backend/vault-events.ts); `version` keys every fetch.
  const { status, version, lastChange: change, progress } = useVaultEvents();
  useEffect(() => {
    if (progress) setOverlay((o) => ({ ...o, progress }));
  }, [progress]);

  useEffect(() => {
    api.indexStatus().then(setInitialStatus, showError);
    api.progress().then(
      (progress) => setOverlay((o) => ({ ...o, progress })),
      () => undefined,
    );
  }, [showError]);

  // The vault's files, graph and tags; again after every change.
  useEffect(() => {
    let live = true;
    api.vaultInfo().then(
      (i) => {
        if (live) {
          setInfo(i);
          document.title = `${i.name} — Concept Atlas`;
        }
      },
      () => undefined,
    );
    Promise.all([
      api.listFiles(),
      // the whole graph: the graph view filters by tag itself (renderer/src/graph/)
      api.graph({ includeUnresolved: true }),
      api.tags(),
    ]).then(
      ([f, g, t]) => {
        if (!live) return;
        if (g.nodes.length && !performance.getEntriesByName('atlas-graph-data').length)
          performance.mark('atlas-graph-data');
        setFiles(f);
        setGraph(g);
        setTags(t);
        if (!started.current && f.length > 0) {
          started.current = true;
          const start = pickStartNote(f, g);
          // The graph view tab opens beside the first note, in the background (the graph is one click away).
          if (start) {
            setWs((w) => {
              if (w.panes[0].tabs.length) return w;
              const withGraph = W.open(W.open(w, start), VIEW_TAB + GRAPH_VIEW, { newTab: true });
              return W.activate(withGraph, withGraph.panes[0].tabs[0].key);
            });
          }
        }
      },
      (e) => {
        if (live) showError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [version, showError]);

  // Tabs of deleted files close (the editor keeps unsaved text of a deleted file only until the tab closes).
  useEffect(() => {
    if (!change || change.deleted.length === 0) return;
    const gone = new Set(change.deleted);
    setWs((w) => W.forget(w, (p) => gone.has(p)));
  }, [change]);

  /**
   * The one way to open a note: `openNote(path, { line | heading | block | search, mode, newTab })` (or a bare line
   * number) opens it (navigating the focused tab, or in a new tab) and scrolls to the target with a brief highlight,
   * in the editing or the reading view.
   */
  const openNote = useCallback((path: string, target?: OpenOptions | number) => {
    const o: OpenOptions = typeof target === 'number' ? { line: target } : (target ?? {});
    setWs((w) => W.open(w, path, { newTab: o.newTab }));
    if (hasTarget(o) || o.mode) setReveal({ ...o, path, seq: ++seq.current });
  }, []);

  /** Closes the tab of pane `pane` showing `path` (default: the focused pane's active tab). */
  const closeTab = useCallback(
    async (path: string, pane = wsRef.current.activePane) => {
      await editorRefs[pane]?.current?.flush(path);
      const tab = wsRef.current.panes[pane]?.tabs.find((t) => W.current(t) === path);
      if (tab) setWs((w) => W.close(w, tab.key));
    },
    [editorRefs],
  );

  async function createAndOpen(path: string) {
    try {
      // The backend may normalise the name (e.g. append `.md`): open what it created.
      const created = await api.createNote(path, '');
      // Line 1 also puts the keyboard focus in the editor, so the new note can be typed into at once (Obsidian).
      openNote(created.path, 1);
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  const followLink = useCallback(
    async (fromPath: string, target: string, opts?: OpenOptions) => {
      try {
        // `[[#heading]]` points into the note itself.
        const resolved = target.trim() === '' ? fromPath : await api.resolveLink(fromPath, target);
        if (resolved) {
          openNote(resolved, opts);
          return;
        }
        // Obsidian's default for a new note from an unresolved link: the vault root, named as the link target.
        const path = `${target}.md`;
        // The backend may normalise the name (e.g. append `.md`): open what it created.
        const created = await api.createNote(path, '');
        // Line 1 also puts the keyboard focus in the editor, so the new note can be typed into at once (Obsidian).
        openNote(created.path, 1);
      } catch (e) {
        showError(e);
      }
    },
    [openNote, showError],
  );

  async function createFolder(path: string) {
    try {
      await api.createFolder(path);
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  async function rename(from: string, to: string) {
    try {
      await flushAll();
      const r = await api.renamePath(from, to);
      setWs((w) => W.remap(w, r.from, r.to));
      // honest rename (issue 10): notes whose links could not be rewritten are named, never silently skipped
      if (r.failed.length) {
        showError(
          new Error(
            `Renamed to ${r.to}, but links in ${r.failed.length} note(s) could not be updated: ` +
              r.failed.map((f) => `${f.path} (${f.reason})`).join('; '),
          ),
        );
      }
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  async function remove(path: string) {
    try {
      await flushAll();
      await api.deletePath(path);
      // Like closing a tab: a neighbouring tab becomes active rather than an empty editor.
      setWs((w) => W.forget(w, (p) => p === path || p.startsWith(`${path}/`)));
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  const [picker, setPicker] = useState<'palette' | 'switcher' | null>(null);
  const leftPanel = usePanelRef();
  const rightPanel = usePanelRef();
  const togglePanel = (p: typeof leftPanel) => {
    const h = p.current;
    if (!h) return;
    if (h.isCollapsed()) h.expand();
    else h.collapse();
  };
  const activeNote = isViewTab(active) ? null : active;
  const openView = useCallback((kind: string) => {
    const id = VIEW_TAB + kind;
    setWs((w) => W.open(w, id, { newTab: true }));
  }, []);
  const appCtx: AppContext = {
    activePath: activeNote,
    openNote: (path, opts) => openNote(path, opts),
    openView,
    showError,
  };
  setAppContext(appCtx);
  useCommandShortcuts();
  // The app's own commands (the names follow Obsidian's command palette where it has the same action).
  const appCommands: Command[] = [
    {
      id: 'app:command-palette',
      name: 'Open command palette',
      shortcut: ['Mod+Shift+P', 'Mod+P'],
      hidden: true,
      run: () => setPicker('palette'),
    },
    {
      id: 'editor:save',
      name: 'Save current note',
      shortcut: 'Mod+S',
      enabled: () => !!activeNote,
      run: () => editorRef.current?.saveNow(),
    },
    { id: 'file:new-note', name: 'Create new note', shortcut: 'Mod+N', run: () => setNewNoteSignal((n) => n + 1) },
    {
      id: 'workspace:close-tab',
      name: 'Close current tab',
      shortcut: 'Mod+W',
      enabled: () => !!active,
      run: () => {
        if (active) void closeTab(active);
      },
    },
    // History of the focused tab (Obsidian: Navigate back/forward, Ctrl/Cmd+Alt+←/→; Alt+←/→ as in browsers).
    {
      id: 'history:back',
      name: 'Navigate back',
      shortcut: ['Mod+Alt+ArrowLeft', 'Alt+ArrowLeft'],
      enabled: () => W.canGo(wsRef.current, -1),
      run: () => setWs((w) => W.go(w, -1)),
    },
    {
      id: 'history:forward',
      name: 'Navigate forward',
      shortcut: ['Mod+Alt+ArrowRight', 'Alt+ArrowRight'],
      enabled: () => W.canGo(wsRef.current, 1),
      run: () => setWs((w) => W.go(w, 1)),
    },
    { id: 'workspace:toggle-left-sidebar', name: 'Toggle left sidebar', run: () => togglePanel(leftPanel) },
    { id: 'workspace:toggle-right-sidebar', name: 'Toggle right sidebar', run: () => togglePanel(rightPanel) },
    { id: 'workspace:split-vertical', name: 'Split right', shortcut: 'Mod+\\', run: () => setWs(W.split) },
    {
      id: 'workspace:unsplit',
      name: 'Close split',
      enabled: () => wsRef.current.panes.length > 1,
      run: () => setWs(W.unsplit),
    },
    {
      id: 'workspace:focus-other-pane',
      name: 'Focus other pane',
      enabled: () => wsRef.current.panes.length > 1,
      run: () => setWs((w) => W.focusPane(w, 1 - w.activePane)),
    },
    // Obsidian: Ctrl/Cmd+E toggles the Reading view of the active tab.
    {
      id: 'editor:toggle-reading',
      name: 'Toggle reading view',
      shortcut: 'Mod+E',
      enabled: () => !!activeNote,
      run: () => editorRef.current?.toggleReading(),
    },
    {
      id: 'search:open',
      name: 'Search in all notes',
      shortcut: 'Mod+Shift+F',
      run: () => {
        searchRef.current?.focus();
        searchRef.current?.select();
      },
    },
    { id: 'switcher:open', name: 'Open quick switcher', shortcut: 'Mod+O', run: () => setPicker('switcher') },
  ];
  useCommands(appCommands);
  // Mouse buttons 4 and 5 (MouseEvent.button 3 and 4) go back and forward, as in Obsidian and browsers.
  useEffect(() => {
    const onUp = (e: MouseEvent) => {
      if (e.button !== 3 && e.button !== 4) return;
      e.preventDefault();
      runCommand(e.button === 3 ? 'history:back' : 'history:forward');
    };
    window.addEventListener('mouseup', onUp);
    return () => window.removeEventListener('mouseup', onUp);
  }, []);

  const viewTab = useMemo(
    () => ({
      title: (kind: string) => viewKind(kind)?.title ?? kind,
      render: (kind: string, visible: boolean) => {
        const v = viewKind(kind);
        const ctx = { activePath: null, openNote: (p: string, o?: OpenOptions) => openNote(p, o), openView, showError };
        return v ? (
          v.render({ app: ctx, currentPath: null, refreshKey: version, visible })
        ) : (
          <p className="empty">Unknown view {kind}.</p>
        );
      },
    }),
    [openNote, openView, showError, version],
  );

  const recent = useRecentNotes(info?.root ?? null, activeNote);
  const switcherNotes = useMemo((): SwitcherNote[] => {
    const aliases = new Map((graph?.nodes ?? []).map((n) => [n.id, n.aliases ?? []]));
    return files
      .filter((f) => f.kind === 'note')
      .map((f) => ({ path: f.path, title: titleOf(f.path), aliases: aliases.get(f.path) ?? [] }));
  }, [files, graph]);

  const noteTitles = useMemo(() => switcherNotes.map((n) => n.title), [switcherNotes]);
  const titles = useMemo(() => {
    const aliases = new Map((graph?.nodes ?? []).map((n) => [n.id, n.aliases ?? []]));
    return files
      .filter((f) => f.kind === 'note')
      .map((f) => ({ title: titleOf(f.path), aliases: aliases.get(f.path) ?? [] }));
  }, [files, graph]);
  const onPlanChange = useCallback((plan: LearningPlan | null) => setOverlay((o) => ({ ...o, plan })), []);
  const onTag = useCallback((tag: string) => {
    setQuery(`tag:${tag}`);
    setTagFilter(tag);
  }, []);
  // The graph views (renderer/src/graph/) read the vault graph, the overlay and the tags from here.
  const tagNames = useMemo(() => {
    const out: string[] = [];
    const walk = (ts: TagInfo[]) =>
      ts.forEach((t) => {
        out.push(t.tag);
        walk(t.children);
      });
    walk(tags);
    return out;
  }, [tags]);
  setGraphAppState({
    data: graph,
    overlay,
    tags: tagNames,
    tagFilter,
    activeNote,
    onClearTagFilter: () => {
      setTagFilter(null);
      setQuery('');
    },
    onCreateNote: (target) => void followLink(activeNote ?? '', target),
  });
  // every index pass ends with an `idle` or `error` status (AtlasIndex.tracked), so `indexing` means work in progress
  const indexing = status?.state === 'indexing';

  const views = useViews();
  const rightViews = views.filter((v) => v.area === 'right');
  const layout = useDefaultLayout({ id: 'atlas-layout', storage: localStorage });
  const paneLayout = useDefaultLayout({ id: 'atlas-panes', storage: localStorage });
  const [collapsed, setCollapsed] = useState({ left: false, right: false });

  const editorPane = (pi: number) => {
    const pane = ws.panes[pi];
    const tabIds = pane.tabs.map(W.current);
    const act = W.activeTab(pane);
    const keyOf = (path: string) => pane.tabs.find((t) => W.current(t) === path)?.key;
    return (
      <div
        className={`editor-pane${ws.panes.length > 1 && pi === ws.activePane ? ' focused' : ''}`}
        onFocusCapture={() => setWs((w) => W.focusPane(w, pi))}
        onMouseDownCapture={() => setWs((w) => W.focusPane(w, pi))}
      >
        <Editor
          ref={editorRefs[pi]}
          tabs={tabIds}
          active={act ? W.current(act) : null}
          reveal={pi === ws.activePane ? reveal : null}
          change={change}
          titles={titles}
          onActivate={(path) => {
            const k = keyOf(path);
            if (k !== undefined) setWs((w) => W.activate(w, k));
          }}
          onClose={(path) => void closeTab(path, pi)}
          onFollowLink={(from, target, opts) => void followLink(from, target, opts)}
          onError={showError}
          viewTab={viewTab}
        />
      </div>
    );
  };

  return (
    <div className="app">
      <header className="topbar">
        <button
          type="button"
          className="icon"
          aria-label="Toggle left sidebar"
          aria-pressed={!collapsed.left}
          title="Toggle left sidebar"
          onClick={() => runCommand('workspace:toggle-left-sidebar')}
        >
          ◧
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Back"
          title="Navigate back (Ctrl+Alt+←)"
          disabled={!W.canGo(ws, -1)}
          onClick={() => runCommand('history:back')}
        >
          ←
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Forward"
          title="Navigate forward (Ctrl+Alt+→)"
          disabled={!W.canGo(ws, 1)}
          onClick={() => runCommand('history:forward')}
        >
          →
        </button>
        <strong className="vault-name" title={info?.root}>
          {info?.name ?? 'Concept Atlas'}
        </strong>
        {info ? <span className="muted nowrap">{info.noteCount} notes</span> : null}
        {indexing ? (
          <span className="indexing">
            <progress
              aria-label="Indexing"
              max={status!.total || undefined}
              value={status!.total ? status!.done : undefined}
            />
            <span className="muted nowrap">
              Indexing {status!.done}/{status!.total}
            </span>
          </span>
        ) : null}
        {status?.state === 'error' ? <span className="error-text">Index error: {status.message}</span> : null}
        <span className="spacer" />
        {activeNote ? (
          <span className="muted crumb" title={activeNote}>
            {parentFolder(activeNote) || '/'}
          </span>
        ) : null}
        <button
          type="button"
          onClick={() => runCommand('app:command-palette')}
          title="Command palette (Ctrl+Shift+P)"
          aria-label="Command palette"
        >
          ⌘
        </button>
        <button
          type="button"
          onClick={() => runCommand('workspace:split-vertical')}
          title="Split right (Ctrl+\\)"
          aria-label="Split right"
        >
          Split
        </button>
        <button type="button" onClick={() => runCommand('graph:open')} title="Graph view (Ctrl+G)">
          Graph
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Toggle right sidebar"
          aria-pressed={!collapsed.right}
          title="Toggle right sidebar"
          onClick={() => runCommand('workspace:toggle-right-sidebar')}
        >
          ◨
        </button>
      </header>
      <Group
        id="atlas-layout"
        className="workspace"
        orientation="horizontal"
        defaultLayout={layout.defaultLayout}
        onLayoutChanged={layout.onLayoutChanged}
      >
        <Panel
          id="left"
          panelRef={leftPanel}
          collapsible
          collapsedSize={0}
          minSize={170}
          defaultSize={250}
          groupResizeBehavior="preserve-pixel-size"
          onResize={(sz) => setCollapsed((c) => (c.left === sz.inPixels < 1 ? c : { ...c, left: sz.inPixels < 1 }))}
        >
          <aside className="sidebar left" aria-label="Left sidebar" hidden={collapsed.left}>
            <SearchPane
              query={query}
              onQuery={(q) => {
                setQuery(q);
                if (!q.startsWith('tag:')) setTagFilter(null);
              }}
              onOpen={(p, o) => openNote(p, o ?? { search: query })}
              inputRef={searchRef}
            />
            <FileTree
              files={files}
              currentPath={activeNote}
              newNoteSignal={newNoteSignal}
              onOpen={(p, newTab) => openNote(p, { newTab })}
              onCreateNote={createAndOpen}
              onCreateFolder={createFolder}
              onRename={rename}
              onDelete={remove}
            />
            <TagsPane tags={tags} onTag={onTag} />
          </aside>
        </Panel>
        <Separator className="resize-handle" aria-label="Resize left sidebar" />
        <Panel id="centre" minSize={280}>
          <main className="centre">
            {ws.panes.length > 1 ? (
              <Group
                id="atlas-panes"
                orientation="horizontal"
                defaultLayout={paneLayout.defaultLayout}
                onLayoutChanged={paneLayout.onLayoutChanged}
              >
                <Panel id="pane-0" minSize={200}>
                  {editorPane(0)}
                </Panel>
                <Separator className="resize-handle" aria-label="Resize split" />
                <Panel id="pane-1" minSize={200}>
                  {editorPane(1)}
                </Panel>
              </Group>
            ) : (
              editorPane(0)
            )}
          </main>
        </Panel>
        <Separator className="resize-handle" aria-label="Resize right sidebar" />
        <Panel
          id="right"
          panelRef={rightPanel}
          collapsible
          collapsedSize={0}
          minSize={200}
          defaultSize={280}
          groupResizeBehavior="preserve-pixel-size"
          onResize={(sz) => setCollapsed((c) => (c.right === sz.inPixels < 1 ? c : { ...c, right: sz.inPixels < 1 }))}
        >
          <aside className="sidebar right" aria-label="Right sidebar" hidden={collapsed.right}>
            {rightViews.map((v) => (
              <section key={v.kind} aria-label={v.title} className="pane sidebar-view">
                {v.render({ app: appCtx, currentPath: activeNote, refreshKey: version, visible: !collapsed.right })}
              </section>
            ))}
            <PropertiesPane
              path={activeNote}
              textOf={(p) => editorRef.current?.textOf(p) ?? null}
              change={(p, c) => editorRef.current?.change(p, c) ?? false}
              titles={noteTitles}
              onFollowLink={(from, t) => void followLink(from, t)}
            />
            <OutlinePane path={activeNote} refreshKey={version} onOpen={(p, line) => openNote(p, { line })} />
            <BacklinksPane path={activeNote} onOpen={openNote} />
            <OutgoingPane path={activeNote} onOpen={openNote} onCreate={(from, t) => void followLink(from, t)} />
            <MentionsPane path={activeNote} onOpen={openNote} onError={showError} />
            <LearningPanel currentPath={activeNote} onOpenNote={(p) => openNote(p)} onPlanChange={onPlanChange} />
          </aside>
        </Panel>
      </Group>
      {picker === 'palette' ? <CommandPalette onClose={() => setPicker(null)} /> : null}
      {picker === 'switcher' ? (
        <QuickSwitcher
          notes={switcherNotes}
          recent={recent}
          onClose={() => setPicker(null)}
          onOpen={(p, newTab) => openNote(p, { newTab })}
          onCreate={(name) => void createAndOpen(/\.md$/i.test(name) ? name : `${name}.md`).catch(() => undefined)}
        />
      ) : null}
      <Alerts alerts={alerts} onDismiss={(id) => setAlerts((a) => a.filter((x) => x.id !== id))} />
    </div>
  );
}
