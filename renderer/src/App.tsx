/**
 * The app frame: composes the shell (renderer/src/shell/) — top bar, left sidebar (search, file tree, tags), the
 * main area's panes of tabs, right sidebar (views, note panes, learning panel), dialogs — and holds the state they
 * share: the workspace (tabs, panes, scroll requests), the search query and picked tag, the learning overlay, which
 * picker is open and which sidebars are collapsed. Each piece lives in its own module; App only wires them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileEntry, GraphData, LearningPlan } from '../../electron/shared/api.ts';
import { api } from './client.ts';
import { getSnapshot, setInitialStatus, useProgress } from './backend/vault-events.ts';
import { runCommand, setAppContext } from './commands/registry.ts';
import { onSearchRequest } from './navigation/search-request.ts';
import type { AppContext } from './commands/context.ts';
import { useCommandShortcuts } from './commands/useCommandShortcuts.ts';
import './commands/index.ts';
import './workspace/index.ts';
import { usePanelRef } from 'react-resizable-panels';
import * as W from './workspace/tabs.ts';
import { isViewTab, VIEW_TAB } from './workspace/view-tab.ts';
import { useRecentNotes } from './workspace/recent.ts';
import { GRAPH_VIEW } from './graph/register.tsx';
import type { LearningOverlay } from './learning/types.ts';
import { useAlerts } from './shell/alerts.ts';
import { useAppCommands } from './shell/app-commands.ts';
import { DialogsHost, type Picker } from './shell/DialogsHost.tsx';
import { EditorPane } from './shell/EditorPane.tsx';
import { useFileActions } from './shell/file-actions.ts';
import { useGraphAppState } from './shell/graph-state.ts';
import { LeftSidebar } from './shell/LeftSidebar.tsx';
import { useNoteNames } from './shell/note-names.ts';
import { RightSidebar } from './shell/RightSidebar.tsx';
import { type FirstFiles, useKeptWorkspace } from './shell/kept-workspace.ts';
import { TopBar } from './shell/TopBar.tsx';
import { VaultBanner } from './shell/VaultBanner.tsx';
import { useVaultData } from './shell/vault-data.ts';
import { useViewTabRenderer } from './shell/view-tabs.tsx';
import { useWorkspaceState } from './shell/workspace-state.ts';
import { WelcomeScreen } from './workspace/WelcomeScreen.tsx';
import { type Collapsed, WorkspaceLayout } from './shell/WorkspaceLayout.tsx';

export function App() {
  const alerts = useAlerts();
  const { showError } = alerts;
  const workspace = useWorkspaceState();
  const { ws, setWs, openNote, openView } = workspace;
  /** What the focused tab shows (a note path or a view tab id), or null. */
  const active = W.activeId(ws);
  const activeNote = isViewTab(active) ? null : active;

  // Events from the backend: one store (backend/vault-events.ts). Not the index status: its progress events (many
  // per second during a cold index) re-render only the top bar.
  const progress = useProgress();
  const [overlay, setOverlay] = useState<LearningOverlay>({ plan: null, progress: {} });
  useEffect(() => {
    if (progress) setOverlay((o) => ({ ...o, progress }));
  }, [progress]);
  useEffect(() => {
    if (getSnapshot().status === null) api.indexStatus().then(setInitialStatus, showError);
    api.progress().then(
      (p) => setOverlay((o) => ({ ...o, progress: p })),
      () => undefined,
    );
  }, [showError]);

  // The tabs kept from the last visit, else the home note with the graph view tab beside it (shell/kept-workspace.ts).
  const [firstFiles, setFirstFiles] = useState<FirstFiles | null>(null);
  const onFirstFiles = useCallback((f: FileEntry[], g: GraphData) => setFirstFiles({ files: f, graph: g }), []);
  const { info, files, graph, tags } = useVaultData(showError, onFirstFiles);
  useKeptWorkspace(info?.root ?? null, firstFiles, workspace);
  const names = useNoteNames(files, graph);
  const actions = useFileActions(workspace, showError);
  const { followLink } = actions;

  const [query, setQuery] = useState('');
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [newNoteSignal, setNewNoteSignal] = useState(0);
  const [picker, setPicker] = useState<Picker>(null);
  const [collapsed, setCollapsed] = useState<Collapsed>({ left: false, right: false });
  const leftPanel = usePanelRef();
  const rightPanel = usePanelRef();
  const searchInput = useRef<HTMLInputElement>(null);

  const appCtx: AppContext = {
    activePath: activeNote,
    openNote,
    openView,
    showError,
    flushAll: workspace.flushAll,
    unsavedNotes: workspace.unsavedNotes,
  };
  setAppContext(appCtx);
  useCommandShortcuts();
  useAppCommands({
    workspace,
    activeNote,
    openPicker: setPicker,
    requestNewNote: () => setNewNoteSignal((n) => n + 1),
    leftPanel,
    rightPanel,
    searchInput,
  });

  const viewTab = useViewTabRenderer({ openNote, openView, showError });
  const recent = useRecentNotes(info?.root ?? null, activeNote);
  const onPlanChange = useCallback((plan: LearningPlan | null) => setOverlay((o) => ({ ...o, plan })), []);
  const onTag = useCallback((tag: string) => {
    setQuery(`tag:${tag}`);
    setTagFilter(tag);
  }, []);
  // A tag clicked in the reading view or Live Preview opens Search with `tag:#tag` (navigation/search-request.ts).
  useEffect(
    () =>
      onSearchRequest((q) => {
        setQuery(q);
        runCommand('search:open');
      }),
    [],
  );
  useGraphAppState({
    graph,
    overlay,
    tags,
    tagFilter,
    activeNote,
    onClearTagFilter: () => {
      setTagFilter(null);
      setQuery('');
    },
    onCreateNote: (target) => void followLink(activeNote ?? '', target),
  });

  const pane = (i: number) => (
    <EditorPane
      key={i}
      index={i}
      workspace={workspace}
      editorRef={workspace.editorRefs[i]}
      titles={names.completions}
      viewTab={viewTab}
      empty={
        i === 0 ? (
          <WelcomeScreen info={info} files={files} graph={graph} recent={recent} onOpen={(p) => openNote(p)} />
        ) : undefined
      }
      followLink={(from, target, opts) => void followLink(from, target, opts)}
      showError={showError}
    />
  );

  return (
    <div className="app">
      <VaultBanner />
      <TopBar
        info={info}
        canGoBack={W.canGo(ws, -1)}
        canGoForward={W.canGo(ws, 1)}
        activeNote={activeNote}
        collapsed={collapsed}
      />
      <WorkspaceLayout
        leftPanel={leftPanel}
        rightPanel={rightPanel}
        onCollapsed={(side, on) => setCollapsed((c) => (c[side] === on ? c : { ...c, [side]: on }))}
        left={
          <LeftSidebar
            hidden={collapsed.left}
            query={query}
            onQuery={(q) => {
              setQuery(q);
              if (!q.startsWith('tag:')) setTagFilter(null);
            }}
            searchInput={searchInput}
            onTag={onTag}
            files={files}
            tags={tags}
            activeNote={activeNote}
            newNoteSignal={newNoteSignal}
            openNote={openNote}
            vaultRoot={info?.root ?? null}
            revealInGraph={workspace.revealInGraph}
            actions={actions}
          />
        }
        panes={ws.panes.map((_, i) => pane(i))}
        right={
          <RightSidebar
            hidden={collapsed.right}
            app={appCtx}
            activeNote={activeNote}
            activeEditor={workspace.activeEditor}
            noteTitles={names.titles}
            openNote={openNote}
            followLink={(from, t) => void followLink(from, t)}
            showError={showError}
            onPlanChange={onPlanChange}
          />
        }
      />
      <DialogsHost
        picker={picker}
        onClosePicker={() => setPicker(null)}
        switcherNotes={names.notes}
        recent={recent}
        openNote={openNote}
        createNote={(name) =>
          void actions.createAndOpen(/\.md$/i.test(name) ? name : `${name}.md`).catch(() => undefined)
        }
        alerts={alerts}
      />
    </div>
  );
}
