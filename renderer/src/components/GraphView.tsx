/**
 * The graph region: the vault's notes and links in Cytoscape.
 *
 * - Whole vault (`data` from `api.graph()`) or "Local graph" (`api.neighbourhood(current, LOCAL_DEPTH)`: the notes
 *   linked to or from the current note, Obsidian's local graph at its default depth of 1).
 * - Layouts: fcose (force-directed; `quality: 'draft'` above {@link DRAFT_ABOVE} nodes) or "Learning map": dagre with
 *   rankDir TB over prerequisite edges only, so each concept sits below its prerequisites.
 * - Prerequisite edges (`relation === 'prerequisites'`) are drawn reversed — from the prerequisite to the note that
 *   needs it, arrow on the dependent — so arrows follow the learning order; plain links are thin with no arrow.
 * - Learning overlay: learned/learning nodes coloured; the current plan numbered in order with bold edges.
 * - Speed on 5,000 nodes: labels hidden when zoomed out (`min-zoomed-font-size`), texture on viewport changes, edges
 *   hidden while panning, haystack edges for plain links.
 * For end-to-end tests the Cytoscape instance is `window.__atlasGraph`; the first frame with nodes is marked with
 * `performance.mark('atlas-graph-first-frame')`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import type { GraphData } from '../../../electron/shared/api.ts';
import type { LearningOverlay } from '../learning/types.ts';
import { api } from '../client.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);

declare global {
  interface Window {
    __atlasGraph?: cytoscape.Core;
  }
}

/** Above this many nodes fcose runs in draft quality (spectral placement only). */
export const DRAFT_ABOVE = 1000;
/** Mark name of the first rendered frame with nodes. */
export const FIRST_FRAME_MARK = 'atlas-graph-first-frame';

export interface GraphViewProps {
  /** The whole vault's graph (possibly filtered by tag). */
  data: GraphData | null;
  currentPath: string | null;
  overlay: LearningOverlay;
  visible: boolean;
  /** Bumped when the vault changed, so the local graph reloads. */
  refreshKey: number;
  tagFilter: string | null;
  onClearTagFilter(): void;
  onOpenNote(path: string): void;
  /** Creates (and opens) the note an unresolved node stands for; `target` is the link target as written. */
  onCreateNote(target: string): void;
  onError(e: unknown): void;
}

/** Links followed from the current note in "Local graph" (Obsidian's default depth). */
const LOCAL_DEPTH = 1;
const PREREQ = 'prerequisites';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function graphStyle(): cytoscape.StylesheetJson {
  const fg = cssVar('--fg', '#222');
  const muted = cssVar('--muted', '#888');
  const accent = cssVar('--accent', '#7c5cff');
  const border = cssVar('--border', '#ccc');
  const node = cssVar('--node', '#8a8f98');
  const prereq = cssVar('--prereq', '#d9822b');
  return [
    {
      selector: 'node',
      style: {
        'background-color': node, label: 'data(display)', color: fg, 'font-size': 10, 'min-zoomed-font-size': 7,
        'text-valign': 'bottom', 'text-margin-y': 3, width: 'data(size)', height: 'data(size)',
        'text-wrap': 'ellipsis', 'text-max-width': '120px',
      },
    },
    { selector: 'node[kind = "attachment"]', style: { shape: 'round-rectangle', 'background-color': muted } },
    {
      selector: 'node[kind = "unresolved"]',
      style: {
        'background-opacity': 0.15, 'border-width': 1, 'border-style': 'dashed', 'border-color': muted, color: muted,
      },
    },
    { selector: 'node.learning', style: { 'background-color': '#d29922' } },
    { selector: 'node.learned', style: { 'background-color': '#2da44e' } },
    {
      selector: 'node.plan',
      style: { 'border-width': 3, 'border-color': prereq, 'font-weight': 'bold', 'font-size': 11, 'min-zoomed-font-size': 0 },
    },
    {
      selector: 'node.current',
      style: {
        'background-color': accent, 'border-width': 4, 'border-color': accent, 'border-opacity': 0.4,
        'font-weight': 'bold', 'font-size': 12, 'min-zoomed-font-size': 0, 'z-index': 10,
      },
    },
    { selector: 'node.neighbour', style: { 'min-zoomed-font-size': 0 } },
    { selector: 'edge', style: { width: 0.7, 'line-color': border, 'curve-style': 'haystack', 'haystack-radius': 0 } },
    { selector: 'edge[kind = "property"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge[?prereq]',
      style: {
        width: 1.6, 'line-color': prereq, 'line-style': 'solid', 'curve-style': 'bezier',
        'target-arrow-shape': 'triangle', 'target-arrow-color': prereq, 'arrow-scale': 0.9,
      },
    },
    { selector: 'edge.plan-edge', style: { width: 4, 'z-index': 5 } },
    { selector: 'edge.current-edge', style: { 'line-color': accent, 'target-arrow-color': accent, width: 1.6 } },
    { selector: '.off-map', style: { display: 'none' } },
  ];
}

/** Cytoscape elements of a graph; prerequisite edges reversed (prerequisite → dependent). */
function toElements(data: GraphData): cytoscape.ElementDefinition[] {
  const degree = new Map<string, number>();
  const seen = new Set<string>();
  const edges: cytoscape.ElementDefinition[] = [];
  const ids = new Set(data.nodes.map((n) => n.id));
  for (const e of data.edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    const prereq = e.relation === PREREQ;
    const [source, target] = prereq ? [e.target, e.source] : [e.source, e.target];
    const id = `${source}\u0000${target}\u0000${prereq ? 'p' : 'l'}`;
    if (seen.has(id)) continue;
    seen.add(id);
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
    edges.push({ group: 'edges', data: { id, source, target, kind: e.kind, relation: e.relation, prereq } });
  }
  const big = data.nodes.length > DRAFT_ABOVE;
  const nodes: cytoscape.ElementDefinition[] = data.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id, label: n.label, display: n.label, kind: n.kind,
      size: big ? Math.min(20, 6 + 2 * Math.sqrt(degree.get(n.id) ?? 0)) : Math.min(36, 10 + 3 * Math.sqrt(degree.get(n.id) ?? 0)),
    },
  }));
  return [...nodes, ...edges];
}

function layoutOptions(cy: cytoscape.Core, mode: 'fcose' | 'map', incremental: boolean): cytoscape.LayoutOptions {
  const n = cy.nodes().length;
  if (mode === 'map') {
    // Nodes are as wide as their labels (up to text-max-width, 120 px) plus 40 px between them, and ranks 70 px
    // apart: with label-less node sizes, labels such as "1. Go language" and "2. process and thread" overlapped.
    return {
      name: 'dagre', rankDir: 'TB', nodeSep: 40, rankSep: 70, nodeDimensionsIncludeLabels: true, animate: false, fit: true,
    } as unknown as cytoscape.LayoutOptions;
  }
  return {
    name: 'fcose',
    quality: incremental ? 'proof' : n > DRAFT_ABOVE ? 'draft' : 'default',
    randomize: !incremental,
    animate: false,
    fit: !incremental,
    nodeDimensionsIncludeLabels: false,
    numIter: n > DRAFT_ABOVE ? 600 : 2500,
    // Draft (spectral) cost on 5,000 nodes: fewer samples, a looser power-iteration tolerance and no tiling of
    // isolated nodes roughly halve it (measured headless: ~6.6 s → ~3 s on a loaded 2-core machine).
    ...(n > DRAFT_ABOVE ? { sampleSize: 10, piTol: 0.001, tile: false } : {}),
    // Big graphs spread wider, so the fitted view is zoomed out far enough that labels (and their cost) drop out.
    idealEdgeLength: n > DRAFT_ABOVE ? 150 : 60,
    nodeSeparation: n > DRAFT_ABOVE ? 150 : 75,
    nodeRepulsion: 6000,
    packComponents: false,
  } as unknown as cytoscape.LayoutOptions;
}

export function GraphView(props: GraphViewProps) {
  const { data, currentPath, overlay, visible, refreshKey } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const [local, setLocal] = useState(false);
  const [mapLayout, setMapLayout] = useState(false);
  const [localData, setLocalData] = useState<GraphData | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const shape = useRef<{ key: string }>({ key: '' });
  const marked = useRef(false);

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current,
      style: graphStyle(),
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      motionBlur: false,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    cyRef.current = cy;
    window.__atlasGraph = cy;
    cy.on('tap', 'node', (e) => {
      const n = e.target as cytoscape.NodeSingular;
      // An unresolved node opens like its link would: the note is created (Obsidian does the same).
      if (n.data('kind') === 'unresolved') propsRef.current.onCreateNote(n.data('label') as string);
      else propsRef.current.onOpenNote(n.id());
    });
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => cy.style(graphStyle());
    mq.addEventListener('change', onScheme);
    const ro = new ResizeObserver(() => cy.resize());
    ro.observe(containerRef.current!);
    return () => {
      mq.removeEventListener('change', onScheme);
      ro.disconnect();
      cy.destroy();
      cyRef.current = null;
      if (window.__atlasGraph === cy) delete window.__atlasGraph;
    };
  }, []);

  // Local graph data.
  useEffect(() => {
    if (!local || !currentPath) { setLocalData(null); return; }
    let live = true;
    api.neighbourhood(currentPath, LOCAL_DEPTH).then(
      (d) => { if (live) setLocalData(d); },
      (e) => { if (live) propsRef.current.onError(e); },
    );
    return () => { live = false; };
  }, [local, currentPath, refreshKey]);

  const shown = local && currentPath ? localData : data;
  const elements = useMemo(() => (shown ? toElements(shown) : null), [shown]);

  // Put the elements in, keeping positions of nodes that stay; lay out again when the shape of the view changed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !elements) return;
    const mode = mapLayout ? 'map' : 'fcose';
    const key = `${local}|${mode}|${props.tagFilter ?? ''}`;
    const want = new Set(elements.map((e) => e.data.id as string));
    let added = 0;
    cy.batch(() => {
      cy.elements().filter((e) => !want.has(e.id())).remove();
      const fresh = elements.filter((e) => cy.getElementById(e.data.id as string).empty());
      added = fresh.filter((e) => e.group === 'nodes').length;
      const addedEls = cy.add(fresh);
      // New nodes start next to a neighbour, so an incremental layout (or none, on big graphs) keeps the picture.
      addedEls.nodes().forEach((n) => {
        const nb = n.neighborhood('node').filter((m) => !addedEls.contains(m));
        const p = nb.nonempty() ? (nb.first() as cytoscape.NodeSingular).position() : { x: 0, y: 0 };
        n.position({ x: p.x + Math.random() * 40 - 20, y: p.y + Math.random() * 40 - 20 });
      });
      for (const e of elements) {
        if (e.group === 'nodes') {
          const n = cy.getElementById(e.data.id as string);
          if (n.data('label') !== e.data.label) n.data({ label: e.data.label, display: e.data.label });
          n.data('size', e.data.size);
        }
      }
      cy.nodes().removeClass('off-map');
      cy.edges().removeClass('off-map');
      if (mode === 'map') {
        const prereqEdges = cy.edges('[?prereq]');
        cy.edges('[!prereq]').addClass('off-map');
        cy.nodes().filter((n) => n.connectedEdges('[?prereq]').empty()).addClass('off-map');
        void prereqEdges;
      }
    });
    // A full layout when the view changed shape, or when many nodes arrived at once (e.g. indexing finished);
    // a few new nodes on a small graph get an incremental one, on a big graph none (they sit by a neighbour).
    // decorations first: plan numbers lengthen labels, and the learning map sizes nodes by their labels
    applyDecorations();
    const relayout = shape.current.key !== key || added > Math.max(50, 0.2 * cy.nodes().length);
    shape.current.key = key;
    if (relayout || (added > 0 && cy.nodes().length <= DRAFT_ABOVE)) {
      const eles = mode === 'map' ? cy.elements().not('.off-map') : cy.elements();
      if (eles.nonempty()) {
        const layout = eles.layout(layoutOptions(cy, mode, !relayout));
        // A fit on a handful of nodes zooms in far; keep labels at a readable size.
        if (relayout) layout.one('layoutstop', () => { if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(eles); } });
        // A big learning map is a wide, flat band of dots when fitted whole: zoom to the current note so its
        // prerequisites and dependents are readable ("Fit" still shows all of it).
        if (relayout && mode === 'map') {
          layout.one('layoutstop', () => {
            const cur = cy.getElementById(propsRef.current.currentPath ?? '');
            if (cy.zoom() < 0.5 && cur.nonempty() && cur.visible()) { cy.zoom(0.8); cy.center(cur); }
          });
        }
        performance.mark('atlas-graph-layout-start');
        layout.one('layoutstop', () => performance.measure('atlas-graph-layout', 'atlas-graph-layout-start'));
        layout.run();
      }
    }
    if (!marked.current && cy.nodes().nonempty()) {
      marked.current = true;
      cy.one('render', () => { performance.mark(FIRST_FRAME_MARK); });
      // Cytoscape renders on the next animation frame; make sure one is requested even if nothing else changes.
      cy.forceRender();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements, mapLayout]);

  function applyDecorations() {
    const cy = cyRef.current;
    if (!cy) return;
    const { plan, progress } = propsRef.current.overlay;
    const current = propsRef.current.currentPath;
    cy.batch(() => {
      cy.elements('.current, .neighbour, .current-edge, .learned, .learning, .plan, .plan-edge')
        .removeClass('current neighbour current-edge learned learning plan plan-edge');
      for (const [path, state] of Object.entries(progress)) cy.getElementById(path).addClass(state);
      cy.nodes('.plan-was').forEach((n) => { n.data('display', n.data('label')); n.removeClass('plan-was'); });
      if (plan) {
        const steps = plan.steps.map((s) => s.path);
        const inPlan = new Set(steps);
        steps.forEach((p, i) => {
          const n = cy.getElementById(p);
          if (n.empty()) return;
          n.addClass('plan plan-was');
          n.data('display', `${i + 1}. ${n.data('label')}`);
        });
        cy.edges('[?prereq]').forEach((e) => {
          if (inPlan.has(e.source().id()) && inPlan.has(e.target().id())) e.addClass('plan-edge');
        });
      }
      if (current) {
        const n = cy.getElementById(current);
        n.addClass('current');
        n.neighborhood('node').addClass('neighbour');
        n.connectedEdges().addClass('current-edge');
      }
    });
  }

  useEffect(() => {
    applyDecorations();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [overlay, currentPath]);

  // Centre on the current note (without changing the zoom). A graph small enough to fit whole at a readable zoom
  // is fitted instead, so centring never pushes most of it out of view; the local graph is always fitted (it is
  // the current note's neighbourhood; centring a big one pushed half of it out of the pane).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !currentPath || !visible) return;
    // The canvas size is stale after the pane was hidden (Ctrl+G): measure first, or the view lands off-centre.
    cy.resize();
    const n = cy.getElementById(currentPath);
    if (n.empty() || !n.visible()) return;
    const shownEles = cy.elements(':visible');
    const bb = shownEles.boundingBox();
    const fits = Math.min((cy.width() - 40) / Math.max(bb.w, 1), (cy.height() - 40) / Math.max(bb.h, 1)) >= 0.6;
    if (fits || local) {
      cy.fit(shownEles, 20);
      if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(shownEles); }
    } else {
      cy.center(n);
    }
  }, [currentPath, visible, elements, local]);

  useEffect(() => {
    if (visible) cyRef.current?.resize();
  }, [visible]);

  // In the learning map only notes joined by a prerequisite edge are shown (the rest are `.off-map`): count those.
  const count = useMemo(() => {
    if (!elements) return 0;
    const nodes = elements.filter((e) => e.group === 'nodes');
    if (!mapLayout) return nodes.length;
    const onMap = new Set<string>();
    for (const e of elements) if (e.group === 'edges' && e.data.prereq) onMap.add(e.data.source as string).add(e.data.target as string);
    return nodes.filter((n) => onMap.has(n.data.id as string)).length;
  }, [elements, mapLayout]);
  return (
    <section aria-label="Graph" className="graph-region" hidden={!visible}>
      <div className="graph-toolbar">
        <button aria-pressed={local} onClick={() => setLocal((v) => !v)} disabled={!currentPath && !local}>Local graph</button>
        <button aria-pressed={mapLayout} onClick={() => setMapLayout((v) => !v)}>Learning map</button>
        <button onClick={() => cyRef.current?.fit(undefined, 20)}>Fit</button>
        {props.tagFilter ? (
          <button className="chip" onClick={props.onClearTagFilter} aria-label={`Clear tag filter ${props.tagFilter}`}>
            #{props.tagFilter} ×
          </button>
        ) : null}
        <span className="muted graph-count">{count} nodes</span>
      </div>
      <div className="graph-canvas" ref={containerRef} data-testid="graph-canvas" />
    </section>
  );
}
