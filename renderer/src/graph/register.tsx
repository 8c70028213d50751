/**
 * Registers the graph view (#11) with the workspace and the command registry: the main-area tab "Graph view"
 * (kind `graph`), the right-sidebar pane "Local graph" (kind `local-graph`) and the commands "Open graph view" (Ctrl/Cmd+G; again goes back to the last note, as the old graph
 * toggle did) and "Open local graph" (focuses the local graph in the right sidebar).
 */
import { useEffect } from 'react';
import { registerCommand } from '../commands/registry.ts';
import { registerView, type ViewProps } from '../workspace/views.ts';
import { isGraphShown, lastActiveNote, setGraphShown, useGraphAppState } from './app-state.ts';
import { GraphTab } from './GraphTab.tsx';
import { LocalGraph } from './LocalGraph.tsx';

/** The workspace view kind of the graph tab. */
export const GRAPH_VIEW = 'graph';

function GraphViewTab(props: ViewProps) {
  const s = useGraphAppState();
  useEffect(() => {
    setGraphShown(props.visible);
  }, [props.visible]);
  useEffect(() => () => setGraphShown(false), []);
  return (
    <GraphTab
      data={s.data}
      currentPath={s.currentPath}
      overlay={s.overlay}
      active={props.visible}
      tagFilter={s.tagFilter}
      tags={s.tags}
      onClearTagFilter={s.onClearTagFilter}
      onOpenNote={(p) => openFromGraph(props, p)}
      onCreateNote={s.onCreateNote}
      onError={(e) => props.app.showError(e)}
    />
  );
}

/**
 * A node clicked in the graph tab opens its note in the tab of the last note shown (as Obsidian opens it in the most
 * recent editor), so the graph tab stays open.
 */
function openFromGraph(props: ViewProps, path: string) {
  const last = lastActiveNote();
  if (last && last !== path) props.app.openNote(last, { newTab: true });
  props.app.openNote(path, last ? {} : { newTab: true });
}

function LocalGraphPane(props: ViewProps) {
  const s = useGraphAppState();
  return (
    <LocalGraph
      currentPath={props.currentPath ?? s.currentPath}
      vault={s.data}
      overlay={s.overlay}
      onOpenNote={(p) => props.app.openNote(p)}
      onCreateNote={s.onCreateNote}
      onOpenGraphView={() => props.app.openView(GRAPH_VIEW)}
      onError={(e) => props.app.showError(e)}
    />
  );
}

registerView({ kind: GRAPH_VIEW, title: 'Graph view', area: 'main', render: (p) => <GraphViewTab {...p} /> });
registerView({ kind: 'local-graph', title: 'Local graph', area: 'right', render: (p) => <LocalGraphPane {...p} /> });

registerCommand({
  id: 'graph:open',
  name: 'Open graph view',
  shortcut: 'Mod+G',
  run: (app) => {
    const back = lastActiveNote();
    if (isGraphShown() && back) app.openNote(back);
    else app.openView(GRAPH_VIEW);
  },
});

registerCommand({
  id: 'graph:open-local',
  name: 'Open local graph',
  run: () => {
    document.querySelector<HTMLElement>('[data-testid="graph-canvas-local"]')?.focus();
  },
});
