/**
 * The app frame: left sidebar (search, file tree, tags), centre (tabs + editor), graph, right sidebar (backlinks,
 * outgoing links, unlinked mentions, learning panel). Holds the app state: open tabs, the vault's file list, graph
 * and tags (reloaded on `vault-changed`), the index status, the learning overlay and the error alerts.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileEntry, GraphData, IndexStatus, LearningPlan, TagInfo, VaultInfo } from '../../electron/shared/api.ts';
import { api, errorCode, on } from './client.ts';
import { parentFolder, titleOf } from './paths.ts';
import { runCommand, setAppContext, useCommands, type Command } from './commands/registry.ts';
import type { AppContext, OpenOptions } from './commands/context.ts';
import { hasTarget } from './navigation/reveal.ts';
import { useCommandShortcuts } from './commands/useCommandShortcuts.ts';
import './commands/index.ts';
import './workspace/index.ts';
import { viewKind } from './workspace/views.ts';
import { CommandPalette } from './palette/CommandPalette.tsx';
import { Editor, VIEW_TAB, isViewTab, type EditorHandle } from './components/Editor.tsx';
import { FileTree } from './components/FileTree.tsx';
import { GraphView } from './components/GraphView.tsx';
import { BacklinksPane } from './components/BacklinksPane.tsx';
import { OutgoingPane } from './components/OutgoingPane.tsx';
import { MentionsPane } from './components/MentionsPane.tsx';
import { TagsPane } from './components/TagsPane.tsx';
import { SearchPane } from './components/SearchPane.tsx';
import { Alerts, type AlertItem } from './components/Alerts.tsx';
import { LearningPanel } from './learning/LearningPanel.tsx';
import type { LearningOverlay } from './learning/types.ts';

/** Remaps an open tab's path after `from` (a file or folder) moved to `to`. */
function remap(path: string, from: string, to: string): string {
  if (path === from) return to;
  return path.startsWith(`${from}/`) ? to + path.slice(from.length) : path;
}

/**
 * The note the first screen opens: a home note if there is one (a root note named home/index/readme/start/首页/目录,
 * else a root note tagged `home` or `moc`, a "map of content"), else the most linked note.
 */
function pickStartNote(files: FileEntry[], graph: GraphData | null): string | null {
  const notes = files.filter((f) => f.kind === 'note').map((f) => f.path);
  const home = notes.find((p) => /^(home|index|readme|start|首页|目录)\.md$/i.test(p))
    ?? graph?.nodes.find((n) => n.kind === 'note' && !n.id.includes('/') && n.tags.some((t) => /^(home|moc)$/i.test(t)))?.id;
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
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [graph, setGraph] = useState<GraphData | null>(null);
  const [tags, setTags] = useState<TagInfo[]>([]);
  const [refreshKey, setRefreshKey] = useState(0);
  const [change, setChange] = useState<{ changed: string[]; deleted: string[]; seq: number } | null>(null);
  const [tabs, setTabs] = useState<string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [reveal, setReveal] = useState<({ path: string; seq: number } & OpenOptions) | null>(null);
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  const [showGraph, setShowGraph] = useState(true);
  const [query, setQuery] = useState('');
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<LearningOverlay>({ plan: null, progress: {} });
  const [newNoteSignal, setNewNoteSignal] = useState(0);
  const editorRef = useRef<EditorHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const started = useRef(false);
  const seq = useRef(0);

  const showError = useCallback((e: unknown) => {
    const code = errorCode(e);
    const message = e instanceof Error ? e.message : String(e);
    setAlerts((a) => [...a, { id: ++seq.current, message: code && !message.includes(code) ? `${message} (${code})` : message }]);
  }, []);

  // Events from the backend. vault-changed comes in bursts; coalesce the reloads.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = { changed: new Set<string>(), deleted: new Set<string>() };
    const offs = [
      on('vault-changed', (p) => {
        p.changed.forEach((x) => pending.changed.add(x));
        p.deleted.forEach((x) => pending.deleted.add(x));
        const everything = p.changed.length === 0 && p.deleted.length === 0;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const c = everything ? { changed: [], deleted: [] } : { changed: [...pending.changed], deleted: [...pending.deleted] };
          pending = { changed: new Set(), deleted: new Set() };
          setChange({ ...c, seq: ++seq.current });
          setRefreshKey((k) => k + 1);
        }, 100);
      }),
      on('index-status', (s) => {
        setStatus((prev) => {
          if (prev?.state === 'indexing' && s.state !== 'indexing') setRefreshKey((k) => k + 1);
          return s;
        });
      }),
      on('progress-changed', (progress) => setOverlay((o) => ({ ...o, progress }))),
    ];
    return () => { clearTimeout(timer); offs.forEach((off) => off()); };
  }, []);

  useEffect(() => {
    api.indexStatus().then(setStatus, showError);
    api.progress().then((progress) => setOverlay((o) => ({ ...o, progress })), () => undefined);
  }, [showError]);

  // The vault's files, graph and tags; again after every change.
  useEffect(() => {
    let live = true;
    api.vaultInfo().then((i) => { if (live) { setInfo(i); document.title = `${i.name} — Concept Atlas`; } }, () => undefined);
    Promise.all([
      api.listFiles(),
      api.graph(tagFilter ? { tag: tagFilter, includeUnresolved: true } : { includeUnresolved: true }),
      api.tags(),
    ]).then(([f, g, t]) => {
      if (!live) return;
      if (g.nodes.length && !performance.getEntriesByName('atlas-graph-data').length) performance.mark('atlas-graph-data');
      setFiles(f);
      setGraph(g);
      setTags(t);
      if (!started.current && f.length > 0) {
        started.current = true;
        const start = pickStartNote(f, g);
        if (start) { setTabs((ts) => (ts.length ? ts : [start])); setActive((a) => a ?? start); }
      }
    }, (e) => { if (live) showError(e); });
    return () => { live = false; };
  }, [refreshKey, tagFilter, showError]);

  // Tabs of deleted files close (the editor keeps unsaved text of a deleted file only until the tab closes).
  useEffect(() => {
    if (!change || change.deleted.length === 0) return;
    const gone = new Set(change.deleted);
    setTabs((ts) => ts.filter((t) => !gone.has(t)));
    setActive((a) => (a && gone.has(a) ? null : a));
  }, [change]);

  /**
   * The one way to open a note: `openNote(path, { line | heading | block | search, mode })` (or a bare line number)
   * opens it and scrolls to the target with a brief highlight, in the editing or the reading view.
   */
  const openNote = useCallback((path: string, target?: OpenOptions | number) => {
    const o: OpenOptions = typeof target === 'number' ? { line: target } : target ?? {};
    setTabs((ts) => (ts.includes(path) ? ts : [...ts, path]));
    setActive(path);
    if (hasTarget(o) || o.mode) setReveal({ ...o, path, seq: ++seq.current });
  }, []);

  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  const closeTab = useCallback(async (path: string) => {
    await editorRef.current?.flush(path);
    const ts = tabsRef.current;
    const i = ts.indexOf(path);
    const next = ts.filter((t) => t !== path);
    setTabs(next);
    setActive((a) => (a === path ? next[Math.min(i, next.length - 1)] ?? null : a));
  }, []);

  async function createAndOpen(path: string) {
    try {
      // The backend may normalise the name (e.g. append `.md`): open what it created.
      const created = await api.createNote(path, '');
      // Line 1 also puts the keyboard focus in the editor, so the new note can be typed into at once (Obsidian).
      openNote(created.path, 1);
      setRefreshKey((k) => k + 1);
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  const followLink = useCallback(async (fromPath: string, target: string, opts?: OpenOptions) => {
    try {
      // `[[#heading]]` points into the note itself.
      const resolved = target.trim() === '' ? fromPath : await api.resolveLink(fromPath, target);
      if (resolved) { openNote(resolved, opts); return; }
      // Obsidian's default for a new note from an unresolved link: the vault root, named as the link target.
      const path = `${target}.md`;
      // The backend may normalise the name (e.g. append `.md`): open what it created.
      const created = await api.createNote(path, '');
      // Line 1 also puts the keyboard focus in the editor, so the new note can be typed into at once (Obsidian).
      openNote(created.path, 1);
      setRefreshKey((k) => k + 1);
    } catch (e) {
      showError(e);
    }
  }, [openNote, showError]);

  async function createFolder(path: string) {
    try { await api.createFolder(path); setRefreshKey((k) => k + 1); } catch (e) { showError(e); throw e; }
  }

  async function rename(from: string, to: string) {
    try {
      await editorRef.current?.flush();
      const r = await api.renamePath(from, to);
      setTabs((ts) => [...new Set(ts.map((t) => remap(t, r.from, r.to)))]);
      setActive((a) => (a ? remap(a, r.from, r.to) : a));
      setRefreshKey((k) => k + 1);
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  async function remove(path: string) {
    try {
      await editorRef.current?.flush();
      await api.deletePath(path);
      const left = tabsRef.current.filter((t) => remap(t, path, '\u0000') === t);
      setTabs(left);
      // Like closing a tab: the last remaining tab becomes active rather than an empty editor.
      setActive((a) => (a && remap(a, path, '\u0000') !== a ? left[left.length - 1] ?? null : a));
      setRefreshKey((k) => k + 1);
    } catch (e) {
      showError(e);
      throw e;
    }
  }

  const [picker, setPicker] = useState<'palette' | null>(null);
  const activeNote = isViewTab(active) ? null : active;
  const openView = useCallback((kind: string) => {
    const id = VIEW_TAB + kind;
    setTabs((ts) => (ts.includes(id) ? ts : [...ts, id]));
    setActive(id);
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
    { id: 'app:command-palette', name: 'Open command palette', shortcut: ['Mod+Shift+P', 'Mod+P'], hidden: true, run: () => setPicker('palette') },
    { id: 'editor:save', name: 'Save current note', shortcut: 'Mod+S', enabled: () => !!activeNote, run: () => editorRef.current?.saveNow() },
    { id: 'file:new-note', name: 'Create new note', shortcut: 'Mod+N', run: () => setNewNoteSignal((n) => n + 1) },
    { id: 'workspace:close-tab', name: 'Close current tab', shortcut: 'Mod+W', enabled: () => !!active, run: () => { if (active) void closeTab(active); } },
    { id: 'graph:toggle', name: 'Toggle graph', shortcut: 'Mod+G', run: () => setShowGraph((v) => !v) },
    // Obsidian: Ctrl/Cmd+E toggles the Reading view of the active tab.
    { id: 'editor:toggle-reading', name: 'Toggle reading view', shortcut: 'Mod+E', enabled: () => !!activeNote, run: () => editorRef.current?.toggleReading() },
    { id: 'search:open', name: 'Search in all notes', shortcut: 'Mod+Shift+F', run: () => { searchRef.current?.focus(); searchRef.current?.select(); } },
    { id: 'switcher:open', name: 'Open quick switcher', shortcut: 'Mod+O', run: () => searchRef.current?.focus() },
  ];
  useCommands(appCommands);

  const viewTab = useMemo(() => ({
    title: (kind: string) => viewKind(kind)?.title ?? kind,
    render: (kind: string, visible: boolean) => {
      const v = viewKind(kind);
      const ctx = { activePath: null, openNote: (p: string, o?: OpenOptions) => openNote(p, o), openView, showError };
      return v ? v.render({ app: ctx, currentPath: null, refreshKey, visible }) : <p className="empty">Unknown view {kind}.</p>;
    },
  }), [openNote, openView, showError, refreshKey]);

  const titles = useMemo(() => {
    const aliases = new Map((graph?.nodes ?? []).map((n) => [n.id, n.aliases ?? []]));
    return files.filter((f) => f.kind === 'note').map((f) => ({ title: titleOf(f.path), aliases: aliases.get(f.path) ?? [] }));
  }, [files, graph]);
  const onPlanChange = useCallback((plan: LearningPlan | null) => setOverlay((o) => ({ ...o, plan })), []);
  const onTag = useCallback((tag: string) => { setQuery(`tag:${tag}`); setTagFilter(tag); }, []);
  // every index pass ends with an `idle` or `error` status (AtlasIndex.tracked), so `indexing` means work in progress
  const indexing = status?.state === 'indexing';

  return (
    <div className={`app${showGraph ? '' : ' no-graph'}`}>
      <header className="topbar">
        <strong className="vault-name" title={info?.root}>{info?.name ?? 'Concept Atlas'}</strong>
        {info ? <span className="muted">{info.noteCount} notes</span> : null}
        {indexing ? (
          <span className="indexing">
            <progress aria-label="Indexing" max={status!.total || undefined} value={status!.total ? status!.done : undefined} />
            <span className="muted">Indexing {status!.done}/{status!.total}</span>
          </span>
        ) : null}
        {status?.state === 'error' ? <span className="error-text">Index error: {status.message}</span> : null}
        <span className="spacer" />
        <button onClick={() => runCommand('app:command-palette')} title="Command palette (Ctrl+Shift+P)" aria-label="Command palette">⌘ Commands</button>
        {activeNote ? <span className="muted crumb" title={activeNote}>{parentFolder(activeNote) || '/'}</span> : null}
        <button aria-pressed={showGraph} onClick={() => runCommand('graph:toggle')} title="Toggle graph (Ctrl+G)">Graph</button>
      </header>
      <aside className="sidebar left" aria-label="Left sidebar">
        <SearchPane query={query} onQuery={(q) => { setQuery(q); if (!q.startsWith('tag:')) setTagFilter(null); }} onOpen={(p) => openNote(p, { search: query })} inputRef={searchRef} />
        <FileTree
          files={files}
          currentPath={activeNote}
          newNoteSignal={newNoteSignal}
          onOpen={(p) => openNote(p)}
          onCreateNote={createAndOpen}
          onCreateFolder={createFolder}
          onRename={rename}
          onDelete={remove}
        />
        <TagsPane tags={tags} onTag={onTag} />
      </aside>
      <main className="centre">
        <Editor
          ref={editorRef}
          tabs={tabs}
          active={active}
          reveal={reveal}
          change={change}
          titles={titles}
          onActivate={setActive}
          onClose={(p) => void closeTab(p)}
          onFollowLink={(from, target, opts) => void followLink(from, target, opts)}
          onError={showError}
          viewTab={viewTab}
        />
      </main>
      <GraphView
        data={graph}
        currentPath={activeNote}
        overlay={overlay}
        visible={showGraph}
        refreshKey={refreshKey}
        tagFilter={tagFilter}
        onClearTagFilter={() => { setTagFilter(null); setQuery(''); }}
        onOpenNote={(p) => openNote(p)}
        onCreateNote={(target) => void followLink(activeNote ?? '', target)}
        onError={showError}
      />
      <aside className="sidebar right" aria-label="Right sidebar">
        <BacklinksPane path={activeNote} refreshKey={refreshKey} onOpen={openNote} />
        <OutgoingPane path={activeNote} refreshKey={refreshKey} onOpen={openNote} onCreate={(from, t) => void followLink(from, t)} />
        <MentionsPane path={activeNote} refreshKey={refreshKey} onOpen={openNote} onError={showError} />
        <LearningPanel currentPath={activeNote} onOpenNote={(p) => openNote(p)} onPlanChange={onPlanChange} />
      </aside>
      {picker === 'palette' ? <CommandPalette onClose={() => setPicker(null)} /> : null}
      <Alerts alerts={alerts} onDismiss={(id) => setAlerts((a) => a.filter((x) => x.id !== id))} />
    </div>
  );
}
