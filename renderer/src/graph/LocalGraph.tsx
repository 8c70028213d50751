/**
 * The local graph of the current note in the right sidebar (the workspace's region "Local graph"): the notes within depth 1–3, from
 * `api.neighbourhood` (a main-process query: the renderer never loads the whole vault for it), with Obsidian's
 * toggles for incoming, outgoing and neighbour links. Double-click a node to add its own neighbours in place. Labels
 * are legible at the pane's size (screen-labels.ts). Below the graph, collapsed: its legend (region "Local graph
 * legend") and the searchable "Graph nodes" list of the drawn nodes.
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { GraphData } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import type { LearningOverlay } from '../learning/types.ts';
import { DOUBLE_CLICK_MS } from './cy-instance.ts';
import { folderGroups } from './folder-groups.ts';
import { GraphCanvas, type GraphNodeRef } from './GraphCanvas.tsx';
import { GraphLegend, type LegendUse } from './GraphLegend.tsx';
import { GraphNodesList } from './GraphNodesList.tsx';
import { legendUse } from './legend-use.ts';
import { useGraphTheme } from './style.ts';
import { updateSettings, useGraphSettings } from './view-state.ts';

export interface LocalGraphProps {
  currentPath: string | null;
  /** The whole vault's graph (for the folder colours, the same as the graph tab's); null while it loads. */
  vault: GraphData | null;
  overlay: LearningOverlay;
  onOpenNote(path: string): void;
  onCreateNote(target: string): void;
  onOpenGraphView(): void;
  onError(e: unknown): void;
}

/** The local graph's link length relative to the global graph's setting. */
const LOCAL_LINK_SCALE = 1.4;

function merge(a: GraphData, b: GraphData): GraphData {
  const ids = new Set(a.nodes.map((n) => n.id));
  const key = (e: GraphData['edges'][number]) => `${e.source}\u0000${e.target}\u0000${e.kind}\u0000${e.relation ?? ''}`;
  const edges = new Set(a.edges.map(key));
  return {
    nodes: [...a.nodes, ...b.nodes.filter((n) => !ids.has(n.id))],
    edges: [...a.edges, ...b.edges.filter((e) => !edges.has(key(e)))],
  };
}

/** Stops following a click's note (its timer cleared). */
function cancelClick(clicked: { current: { id: string; timer: number } | null }): void {
  if (clicked.current) window.clearTimeout(clicked.current.timer);
  clicked.current = null;
}

export function LocalGraph(props: LocalGraphProps) {
  const { settings: stored } = useGraphSettings();
  const folders = stored.folderColours ? folderGroups(props.vault) : null;
  // Folder colours as in the graph tab; links 1.4× longer than the global graph's, so the few labels of a small
  // pane's graph have room between its nodes once it is fitted.
  const settings = useMemo(
    () => ({
      ...stored,
      groups: folders?.length ? [...stored.groups, ...folders] : stored.groups,
      forces: { ...stored.forces, linkDistance: stored.forces.linkDistance * LOCAL_LINK_SCALE },
    }),
    [stored, folders],
  );
  const l = settings.local;
  // The note the graph is drawn around: the current note, except that a note opened by a click in this graph is
  // followed only once the double-click window (DOUBLE_CLICK_MS) has passed, so that a double-click's second click
  // hits the same node and expands it in place; after a double-click the graph stays on the note it was exploring
  // until another note is opened.
  const [path, setPath] = useState(props.currentPath);
  const latest = useRef(props.currentPath);
  latest.current = props.currentPath;
  const clicked = useRef<{ id: string; timer: number } | null>(null);
  const cancelFollow = () => cancelClick(clicked);
  useEffect(() => {
    if (clicked.current?.id === props.currentPath) return;
    cancelClick(clicked);
    setPath(props.currentPath);
  }, [props.currentPath]);
  useEffect(() => () => cancelClick(clicked), []);
  // Nodes expanded by double-click, for the note they were expanded in (another note starts unexpanded).
  const [expandedIn, setExpandedIn] = useState<{ path: string | null; ids: string[] }>({ path, ids: [] });
  const expanded = expandedIn.path === path ? expandedIn.ids : [];
  const setExpanded = (update: (ids: string[]) => string[]) => setExpandedIn({ path, ids: update(expanded) });

  // Through the query cache (backend/query.ts): fetched again for every index version.
  const opts = { incoming: l.incoming, outgoing: l.outgoing, neighbourLinks: l.neighbourLinks };
  const query = useApiQuery(
    path ? ['neighbourhood', path, l.depth, opts, expanded] : null,
    async () => {
      const [base, ...more] = await Promise.all([
        api.neighbourhood(path ?? '', l.depth, opts),
        ...expanded.map((p) => api.neighbourhood(p, 1, opts)),
      ]);
      return more.reduce(merge, base);
    },
    // the previous neighbourhood stays drawn while an expansion or another depth loads
    { keepPrevious: true },
  );
  const data: GraphData | null = query.data;
  const reportError = useEffectEvent((e: Error) => props.onError(e));
  const error = query.error;
  useEffect(() => {
    if (error) reportError(error);
  }, [error]);

  // What the legend and the "Graph nodes" list below the graph show (the drawn nodes, their colours and edges).
  const [shown, setShown] = useState<{ use: LegendUse; shown: GraphNodeRef[] } | null>(null);
  const theme = useGraphTheme();

  const setLocal = (patch: Partial<typeof l>) => updateSettings({ local: { ...l, ...patch } });
  const open = (n: GraphNodeRef) => {
    if (n.kind === 'unresolved') props.onCreateNote(n.label);
    else if (n.kind === 'note' || n.kind === 'attachment') {
      cancelFollow();
      const timer = window.setTimeout(() => {
        clicked.current = null;
        setPath(latest.current);
      }, DOUBLE_CLICK_MS);
      clicked.current = { id: n.id, timer };
      props.onOpenNote(n.id);
    }
  };
  return (
    <div className="local-graph">
      <div className="local-graph-bar">
        <h2>Local graph</h2>
        <span className="muted graph-count">
          {data?.nodes.length === 1 ? '1 node' : `${data?.nodes.length ?? 0} nodes`}
        </span>
        <button
          type="button"
          className="small"
          onClick={props.onOpenGraphView}
          title="Open the whole vault's graph (Ctrl+G)"
        >
          Open graph view
        </button>
      </div>
      <div className="local-graph-controls">
        <label>
          Depth{' '}
          <input
            type="range"
            aria-label="Depth"
            min={1}
            max={3}
            step={1}
            value={l.depth}
            onChange={(e) => setLocal({ depth: Number(e.target.value) })}
          />{' '}
          {l.depth}
        </label>
        <label>
          <input type="checkbox" checked={l.incoming} onChange={(e) => setLocal({ incoming: e.target.checked })} />{' '}
          Incoming
        </label>
        <label>
          <input type="checkbox" checked={l.outgoing} onChange={(e) => setLocal({ outgoing: e.target.checked })} />{' '}
          Outgoing
        </label>
        <label>
          <input
            type="checkbox"
            checked={l.neighbourLinks}
            onChange={(e) => setLocal({ neighbourLinks: e.target.checked })}
          />{' '}
          Neighbour links
        </label>
      </div>
      {path ? (
        <GraphCanvas
          name="local"
          label="Local graph of the current note"
          data={data}
          settings={settings}
          currentPath={path}
          overlay={props.overlay}
          active
          mode="force"
          fontSize={12}
          refitOnCurrent
          screenLabels
          onOpen={open}
          onExpand={(id) => {
            cancelFollow();
            setExpanded((x) => (x.includes(id) ? x : [...x, id]));
          }}
          onShown={(els, hidden) => setShown(legendUse(els, hidden, props.overlay, path, settings.groups))}
        />
      ) : (
        <p className="muted">Open a note to see its local graph.</p>
      )}
      {path && shown ? (
        <details className="local-graph-more">
          <summary>Legend and nodes ({shown.shown.length})</summary>
          <GraphLegend use={shown.use} theme={theme} label="Local graph legend" />
          <GraphNodesList nodes={shown.shown} onOpen={open} />
        </details>
      ) : null}
    </div>
  );
}
