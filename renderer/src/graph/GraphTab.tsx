/**
 * The graph view tab of the main area (Obsidian's Graph view, full width): the whole vault's graph, or the
 * "Learning map" (map.ts, laid out with dagre, fitted to the plan's nodes at a readable zoom). Beside the canvas:
 * "Graph controls", "Graph legend" and the searchable "Graph nodes" list. Data: the vault graph from the app
 * (`data`), re-fetched here only when the Attachments or Tags toggles need more than it has.
 */
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { GraphData } from '../../../electron/shared/api.ts';
import { useGraphData } from './graph-data.ts';
import type { LearningOverlay } from '../learning/types.ts';
import type { GraphElements } from './elements.ts';
import { GraphCanvas, type GraphNodeRef } from './GraphCanvas.tsx';
import { GraphControls } from './GraphControls.tsx';
import { GraphLegend, type LegendUse } from './GraphLegend.tsx';
import { GraphNodesList } from './GraphNodesList.tsx';
import { folderGroups } from './folder-groups.ts';
import { legendUse } from './legend-use.ts';
import { setPathHighlight, usePathHighlight } from './path-highlight.ts';
import { mapSubgraph } from './map.ts';
import { useRetentionGroups } from '../review/retention.ts';
import { useGraphTheme } from './style.ts';
import type { GraphGroup } from './settings.ts';
import { updateSettings, useGraphSettings } from './view-state.ts';

const NO_GROUPS: GraphGroup[] = [];

export interface GraphTabProps {
  /** The vault graph with unresolved targets (no attachments, no tags). */
  data: GraphData | null;
  currentPath: string | null;
  overlay: LearningOverlay;
  /** The tab is the shown one. */
  active: boolean;
  /** A tag picked in the tags pane: becomes the tag filter. */
  tagFilter: string | null;
  tags: string[];
  onClearTagFilter(): void;
  onOpenNote(path: string): void;
  /** Creates (and opens) the note an unresolved node stands for; `target` is the link target as written. */
  onCreateNote(target: string): void;
  onError(e: unknown): void;
}

export function GraphTab(props: GraphTabProps) {
  const { settings, ready } = useGraphSettings();
  const [mapMode, setMapMode] = useState(false);
  const [legend, setLegend] = useState<{ use: LegendUse; shown: GraphNodeRef[] } | null>(null);
  const needsExtra = settings.attachments || settings.tags;

  useEffect(() => {
    if (props.tagFilter !== null) updateSettings({ tag: props.tagFilter });
  }, [props.tagFilter]);

  // Attachments and tags as nodes: a graph of their own, kept up to date by deltas as the vault graph (graph-data.ts).
  const include = { includeUnresolved: true, includeAttachments: settings.attachments, includeTags: settings.tags };
  const extraQuery = useGraphData(needsExtra ? include : null);
  const extra: GraphData | null = extraQuery.data;
  const reportError = useEffectEvent((e: Error) => props.onError(e));
  const extraError = extraQuery.error;
  useEffect(() => {
    if (extraError) reportError(extraError);
  }, [extraError]);

  // The retention heat-map (practice, #15): its groups replace the user's while on, and learning colours step aside.
  const heat = useRetentionGroups(settings.colourBy === 'retention');
  // Folder colours (folder-groups.ts) after the user's groups, from the whole vault's graph.
  const folders = settings.folderColours ? folderGroups(props.data) : NO_GROUPS;
  const shown = useMemo(
    () =>
      heat
        ? { ...settings, groups: heat }
        : folders.length
          ? { ...settings, groups: [...settings.groups, ...folders] }
          : settings,
    [settings, heat, folders],
  );
  const overlay = useMemo(() => (heat ? { ...props.overlay, progress: {} } : props.overlay), [heat, props.overlay]);

  // A chain from the connection view is drawn on the vault graph (not the learning map).
  const highlight = usePathHighlight();
  useEffect(() => {
    if (highlight) setMapMode(false);
  }, [highlight]);

  const data = ready ? (needsExtra ? extra : props.data) : null;
  const map = useMemo(
    () => (mapMode && props.data ? mapSubgraph(props.data, props.overlay.plan, props.currentPath) : null),
    [mapMode, props.data, props.overlay.plan, props.currentPath],
  );
  // The theme's colours for the legend, repainted at every change of the Theme setting.
  const theme = useGraphTheme();

  const open = (n: GraphNodeRef) => {
    if (n.kind === 'unresolved') props.onCreateNote(n.label);
    else if (n.kind === 'tag') updateSettings({ tag: n.label.replace(/^#/, ''), controlsOpen: true });
    else props.onOpenNote(n.id);
  };
  const onShown = (els: GraphElements, hidden: Set<string>) =>
    setLegend(legendUse(els, hidden, overlay, props.currentPath, shown.groups));
  const count = legend?.shown.length ?? 0;

  return (
    <section aria-label="Graph" className="graph-tab" hidden={!props.active}>
      <div className="graph-toolbar">
        <button
          type="button"
          aria-pressed={mapMode}
          onClick={() => setMapMode((v) => !v)}
          title="Each concept below its prerequisites"
        >
          Learning map
        </button>
        {map ? (
          <span className="muted graph-scope">
            {map.scope === 'plan'
              ? 'the plan'
              : map.scope === 'closure'
                ? 'prerequisites of the current note'
                : 'all prerequisites'}
          </span>
        ) : null}
        {settings.tag ? (
          <button
            type="button"
            className="chip"
            onClick={() => {
              updateSettings({ tag: '' });
              props.onClearTagFilter();
            }}
            aria-label={`Clear tag filter ${settings.tag}`}
          >
            #{settings.tag} ×
          </button>
        ) : null}
        {highlight && !mapMode ? (
          <span className="graph-path-chip">
            <span className="muted">Path:</span> {highlight.label}{' '}
            <button type="button" className="small" onClick={() => setPathHighlight(null)}>
              Clear path
            </button>
          </span>
        ) : null}
        <span className="muted graph-count">{count === 1 ? '1 node' : `${count} nodes`}</span>
      </div>
      <div className="graph-body">
        <div className="graph-main" hidden={mapMode}>
          <GraphCanvas
            name="global"
            label="Graph of the vault"
            data={data}
            settings={shown}
            currentPath={props.currentPath}
            overlay={overlay}
            active={props.active && !mapMode}
            mode="force"
            fontSize={11}
            keep
            filters
            globalLabels
            highlight={highlight}
            onOpen={open}
            onShown={mapMode ? undefined : onShown}
          />
        </div>
        {map ? (
          <div className="graph-main">
            <GraphCanvas
              name="map"
              label="Learning map"
              data={map.data}
              settings={shown}
              currentPath={props.currentPath}
              overlay={overlay}
              active={props.active}
              mode="map"
              fontSize={13}
              refitOnCurrent
              minFitZoom={0.85}
              onOpen={open}
              onShown={onShown}
            />
          </div>
        ) : null}
        <aside className="graph-side" aria-label="Graph side panel">
          <GraphControls settings={settings} tags={props.tags} />
          {legend ? <GraphLegend use={{ ...legend.use, path: !!highlight && !mapMode }} theme={theme} /> : null}
          <details className="graph-nodes-details">
            <summary>Nodes ({count})</summary>
            <GraphNodesList nodes={legend?.shown ?? []} onOpen={open} />
          </details>
        </aside>
      </div>
    </section>
  );
}
