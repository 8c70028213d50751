/**
 * One Cytoscape graph view (the global graph, the local graph or the learning map).
 *
 * - Elements are synced incrementally: a changed graph (e.g. one saved note) adds, removes and updates only the
 *   nodes and edges that differ; nodes that stay keep their positions. New nodes settle by their neighbours
 *   (placement.ts); only a first view or a change of more than a third of the nodes runs a full layout, in the
 *   layout worker (layout.worker.ts: d3-force, or dagre for the map). Nothing is laid out on the UI thread.
 * - Loading a large graph never blocks the UI thread for long: elements are added in chunks of {@link ADD_CHUNK}
 *   with their style and label sizes computed per chunk and a yield to the event loop between chunks, and drawn once
 *   after the last chunk; large graphs draw at pixel ratio 1 with edges hidden and a texture while the viewport moves.
 * - With `keep` (the global graph), positions come from and go to the kept state (view-state.ts), so reopening
 *   draws at once and the picture is stable.
 * - Above {@link WEBGL_ABOVE} nodes Cytoscape's WebGL renderer is used where WebGL runs on a GPU (canvas otherwise,
 *   e.g. headless Chromium, whose WebGL is the SwiftShader software rasteriser); labels only above the label zoom.
 * - Hover highlights a node and its neighbours and fades the rest (up to {@link FADE_MAX} elements); click opens;
 *   double-click expands the node's neighbours in place (they are shown even when a filter hides them); keyboard:
 *   arrows move between neighbours, Enter opens (keyboard.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import type { GraphData } from '../../../electron/shared/api.ts';
import type { LearningOverlay } from '../learning/types.ts';
import { diffElements, NODE_FIELDS, type ElementDiff } from './element-diff.ts';
import { hiddenIds, toElements, type GraphElements } from './elements.ts';
import { isArrow, neighbourInDirection } from './keyboard.ts';
import { LayoutRunner } from './layout.ts';
import { placeNear, type Circle } from './placement.ts';
import type { GraphSettings } from './settings.ts';
import { hopKey, hopKeys, type PathHighlight } from './path-highlight.ts';
import { graphStyle, onThemeChange, readTheme } from './style.ts';
import { registerGraphHook, type GraphHookState } from './test-hook.ts';
import { keepPositions, keptPositions } from './view-state.ts';
import { LARGE, wantsWebgl } from './renderer-choice.ts';
import { inSlices, pauseRendering, TaskBudget } from './work-budget.ts';

export { LARGE, WEBGL_ABOVE, wantsWebgl } from './renderer-choice.ts';

/** Hover fades the rest of the graph only up to this many elements (restyling more costs a long frame). */
export const FADE_MAX = 8000;
/** A change adding more than this share of the nodes runs a full layout instead of placing nodes one by one. */
const RELAYOUT_SHARE = 0.34;
/** A sync adding more elements than this adds them in slices with drawing paused (the first load of a large vault). */
const ADD_CHUNK = 600;
/** Elements per slice of a large addition (a task runs slices until its time budget is spent). */
const SLICE = 100;
/** Mark name of the global graph's first frame with laid-out nodes. */
export const FIRST_FRAME_MARK = 'atlas-graph-first-frame';

export interface GraphNodeRef {
  id: string;
  kind: string;
  label: string;
}

export interface GraphCanvasProps {
  /** Test hook name: `global`, `local` or `map`. */
  name: string;
  /** Accessible name of the focusable canvas. */
  label: string;
  data: GraphData | null;
  settings: GraphSettings;
  currentPath: string | null;
  overlay: LearningOverlay;
  /** The view is on screen (hidden views keep their state but skip fitting). */
  active: boolean;
  mode: 'force' | 'map';
  /** Label size in px at zoom 1. */
  fontSize: number;
  /** Keep positions in the vault (global graph). */
  keep?: boolean;
  /** Apply the filters of the controls (global graph). */
  filters?: boolean;
  /** Zoom to fit the whole view whenever the current note changes (local graph, map). */
  refitOnCurrent?: boolean;
  /** Lowest zoom a fit may end at (learning map: readable labels); the view is then centred on the current note. */
  minFitZoom?: number;
  /** A chain of notes drawn on the graph (path-highlight.ts): highlighted, the rest faded, the view fitted to it. */
  highlight?: PathHighlight | null;
  onOpen(node: GraphNodeRef): void;
  /** Double-click: the view shows this node's neighbours (the local graph fetches more). */
  onExpand?(id: string): void;
  /** The nodes now shown (after filters), for the "Graph nodes" list and the legend. */
  onShown?(shown: GraphElements, hidden: Set<string>): void;
}

/**
 * What turns the elements Cytoscape holds into `els` (when the last sync did not finish, e.g. superseded by a newer
 * one): one pass over the drawn elements and one look-up per wanted element.
 */
function diffAgainstCy(cy: cytoscape.Core, els: GraphElements): ElementDiff {
  const want = new Set<string>();
  for (const n of els.nodes) want.add(n.data.id as string);
  for (const e of els.edges) want.add(e.data.id as string);
  const gone = cy.elements().filter((e) => !want.has(e.id()));
  const goneNodes = gone.nodes();
  const removedEdges = gone.edges().length + goneNodes.connectedEdges().filter((e) => !gone.contains(e)).length;
  const diff: ElementDiff = {
    remove: gone.map((e) => e.id()),
    removedNodes: goneNodes.length,
    removedEdges,
    changed: [],
    addNodes: [],
    addEdges: els.edges.filter((e) => cy.getElementById(e.data.id as string).empty()),
  };
  for (const n of els.nodes) {
    const have = cy.getElementById(n.data.id as string);
    if (have.empty()) diff.addNodes.push(n);
    else if (NODE_FIELDS.some((f) => have.data(f) !== n.data[f])) {
      const data: Record<string, unknown> = {};
      for (const f of NODE_FIELDS) data[f] = n.data[f];
      diff.changed.push({ id: n.data.id as string, data });
    }
  }
  return diff;
}

/** Computes the style and bounding boxes (label sizes, edge geometry) of freshly added elements now. */
function warmUp(added: cytoscape.CollectionReturnValue): void {
  added.forEach((e) => {
    e.numericStyle('width');
  });
  added.nodes().boundingBox();
  added.edges().boundingBox();
}

function labelWidth(label: string, fontSize: number): number {
  let w = 0;
  for (const ch of label) w += ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.58;
  return Math.min(w + 8, 150);
}

/**
 * Style options of a view: the learning map always shows its labels (it is fitted at a readable zoom); the local
 * graph fades labels at half the global threshold (it is small and fitted to its pane); tiny graphs show all labels.
 */
function styleOptions(p: GraphCanvasProps, nodeCount: number) {
  const settings =
    p.refitOnCurrent && p.mode === 'force' ? { ...p.settings, labelZoom: p.settings.labelZoom / 2 } : p.settings;
  return {
    theme: readTheme(),
    settings,
    fontSize: p.fontSize,
    alwaysLabels: nodeCount <= 40 || p.mode === 'map',
    dense: p.mode === 'force' && nodeCount > 40,
  };
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { data, settings, currentPath, overlay, active, mode } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const runner = useMemo(() => new LayoutRunner(), []);
  const propsRef = useRef(props);
  propsRef.current = props;
  const hook = useRef<GraphHookState>({
    renderer: 'canvas',
    layoutRuns: 0,
    ready: false,
    layoutPending: false,
    lastApplyMs: 0,
    lastElementsMs: 0,
    lastApply: { added: 0, removed: 0, edgesAdded: 0, edgesRemoved: 0 },
  });
  const [ready, setReady] = useState(false);
  const [revealed, setRevealed] = useState<Set<string>>(() => new Set());
  const [focusLabel, setFocusLabel] = useState('');
  const focusId = useRef<string | null>(null);
  const fitted = useRef(false);
  /** Ids of the nodes whose label carries a plan step number. */
  const numbered = useRef<string[]>([]);
  const lastSyncedCurrent = useRef<string | null>(null);
  /** The elements last applied in full (the next sync diffs against them); null while a sync runs. */
  const drawn = useRef<GraphElements | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the elements depend on the data and on just the settings that change them (groups, node size); other settings restyle in place
  const els = useMemo(() => {
    if (!data) return null;
    const t = performance.now();
    const e = toElements(data, settings);
    hook.current.lastElementsMs = performance.now() - t;
    return e;
  }, [data, settings.groups, settings.nodeSizeByLinks]);

  // The Cytoscape instance, created with the first data (the renderer is chosen by node count).
  const ensureCy = (nodeCount: number): cytoscape.Core => {
    if (cyRef.current) return cyRef.current;
    const webgl = wantsWebgl(nodeCount);
    hook.current.renderer = webgl ? 'webgl' : 'canvas';
    const cy = cytoscape({
      container: containerRef.current,
      style: graphStyle(styleOptions(propsRef.current, nodeCount)),
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: nodeCount > 300,
      hideEdgesOnViewport: nodeCount > LARGE,
      motionBlur: false,
      // Large graphs: one device pixel per CSS pixel (a quarter of the fill work on a 2× screen).
      ...(nodeCount > LARGE ? { pixelRatio: 1 } : {}),
      boxSelectionEnabled: false,
      selectionType: 'single',
      autounselectify: true,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    const unregister = registerGraphHook(propsRef.current.name, cy, hook.current);
    cy.one('destroy', unregister);
    const big = () => cy.elements().length > FADE_MAX;
    cy.on('mouseover', 'node', (e) => {
      const n = e.target as cytoscape.NodeSingular;
      cy.batch(() => {
        const nb = n.closedNeighborhood();
        if (!big()) cy.elements().not(nb).addClass('faded');
        n.addClass('hover');
        nb.nodes().not(n).addClass('hover-nb');
        n.connectedEdges().addClass('hover-edge');
      });
      if (containerRef.current) containerRef.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      cy.batch(() =>
        cy.elements('.faded, .hover, .hover-nb, .hover-edge').removeClass('faded hover hover-nb hover-edge'),
      );
      if (containerRef.current) containerRef.current.style.cursor = '';
    });
    cy.on('tap', 'node', (e) => {
      const n = e.target as cytoscape.NodeSingular;
      propsRef.current.onOpen({ id: n.id(), kind: n.data('kind') as string, label: n.data('label') as string });
    });
    cy.on('dbltap', 'node', (e) => {
      const n = e.target as cytoscape.NodeSingular;
      setRevealed((r) => new Set([...r, n.id(), ...n.neighborhood('node').map((m) => m.id())]));
      propsRef.current.onExpand?.(n.id());
    });
    cy.on('dragfree', 'node', () => {
      if (propsRef.current.keep) savePositions(cy);
    });
    return cy;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: mount/unmount of the Cytoscape instance per layout runner; restyle reads the latest props through propsRef
  useEffect(() => {
    const ro = new ResizeObserver(() => cyRef.current?.resize());
    ro.observe(containerRef.current!);
    // The Theme setting or, under "Adapt to system", the system's scheme: repaint at once (style.ts).
    const offTheme = onThemeChange(() => restyle());
    return () => {
      ro.disconnect();
      offTheme();
      runner.dispose();
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, [runner]);

  function restyle() {
    const cy = cyRef.current;
    if (!cy) return;
    const p = propsRef.current;
    cy.style(graphStyle(styleOptions(p, cy.nodes().length)));
  }

  /** Keeps the positions of `nodes` (default: all). */
  function savePositions(cy: cytoscape.Core, nodes: cytoscape.NodeSingular[] | cytoscape.NodeCollection = cy.nodes()) {
    const kept = { ...keptPositions() };
    nodes.forEach((n) => {
      const p = n.position();
      kept[n.id()] = [p.x, p.y];
    });
    keepPositions(kept);
  }

  async function fullLayout(cy: cytoscape.Core, fromPositions: boolean) {
    const p = propsRef.current;
    const nodes = cy.nodes().map((n) => ({
      id: n.id(),
      size: n.data('size') as number,
      labelWidth: labelWidth(n.data('display') as string, p.fontSize),
      ...n.position(),
    }));
    const edges = cy.edges().map((e) => [e.source().id(), e.target().id()] as [string, string]);
    performance.mark(`atlas-graph-layout-start-${p.name}`);
    hook.current.layoutPending = true;
    const res = await runner
      .run({ mode: p.mode, nodes, edges, forces: p.settings.forces, fromPositions })
      .catch((e: unknown) => {
        console.error(e);
        return null;
      });
    if (!res || cy.destroyed()) return;
    hook.current.layoutPending = false;
    cy.batch(() => {
      for (const [id, pos] of res.positions) {
        const n = cy.getElementById(id);
        if (n.nonempty()) n.position(pos);
      }
    });
    hook.current.layoutRuns++;
    performance.measure(`atlas-graph-layout-${p.name}`, `atlas-graph-layout-start-${p.name}`);
    if (p.keep) savePositions(cy);
    markReady(cy);
    fitView(cy, true);
  }

  function markReady(cy: cytoscape.Core) {
    if (hook.current.ready) return;
    hook.current.ready = true;
    setReady(true);
  }

  // The global graph's first frame on screen (laid-out nodes in a shown tab): the mark the benchmark reads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: marks once, when the view is both ready and shown
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !ready || !active || props.name !== 'global') return;
    if (performance.getEntriesByName(FIRST_FRAME_MARK).length) return;
    const mark = () => {
      if (!performance.getEntriesByName(FIRST_FRAME_MARK).length) performance.mark(FIRST_FRAME_MARK);
    };
    // The WebGL path emits no 'render' event: the frame after the next one has drawn.
    if (hook.current.renderer === 'webgl') requestAnimationFrame(() => requestAnimationFrame(mark));
    else cy.one('render', mark);
    cy.forceRender();
  }, [ready, active]);

  /** Fits the shown elements (or, with `first` false, centres on the current note), within readable zooms. */
  function fitView(cy: cytoscape.Core, first: boolean) {
    const p = propsRef.current;
    if (!p.active) {
      fitted.current = false;
      return;
    }
    cy.resize();
    if (cy.width() === 0) {
      fitted.current = false;
      return;
    }
    const shown = cy.elements(':visible');
    if (shown.empty()) return;
    const cur = p.currentPath ? cy.getElementById(p.currentPath) : null;
    if (first || p.refitOnCurrent) {
      cy.fit(shown, 24);
      const maxZoom = p.mode === 'map' ? 1.3 : 1.5;
      if (cy.zoom() > maxZoom) {
        cy.zoom(maxZoom);
        cy.center(shown);
      }
      if (p.minFitZoom && cy.zoom() < p.minFitZoom) {
        cy.zoom(p.minFitZoom);
        if (cur?.nonempty() && cur.visible()) cy.center(cur);
        else
          cy.center(
            shown
              .nodes()
              .sort((a, b) => (a as cytoscape.NodeSingular).position().y - (b as cytoscape.NodeSingular).position().y)
              .slice(0, 6),
          );
      }
      fitted.current = true;
    } else if (cur?.nonempty() && cur.visible()) {
      cy.center(cur);
    }
  }

  /** Resolves once the view is shown (at once when it is). */
  const activeWaiters = useRef<(() => void)[]>([]);
  const whenActive = (): Promise<void> =>
    propsRef.current.active ? Promise.resolve() : new Promise((r) => activeWaiters.current.push(r));
  useEffect(() => {
    if (!active) return;
    const ws = activeWaiters.current;
    activeWaiters.current = [];
    for (const w of ws) w();
  }, [active]);

  // Sync elements into Cytoscape: a diff, applied in chunks that yield to the event loop (see syncElements).
  const syncSeq = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a sync runs when the elements change; syncElements reads the other props through propsRef
  useEffect(() => {
    if (!els) return;
    const seq = ++syncSeq.current;
    void syncElements(els, () => seq !== syncSeq.current);
  }, [els]);

  /**
   * Brings the drawn elements to `els`: removes what is gone, updates changed node data, adds what is new. Large
   * additions (the first load of a big vault) are added {@link ADD_CHUNK} elements at a time, each chunk's style and
   * bounding boxes computed at once, with a yield to the event loop between chunks and rendering paused until the
   * last one, so no task grows with the vault. A newer sync supersedes this one (`stale`); it resumes from whatever
   * was already added, since it diffs against the drawn elements.
   */
  async function syncElements(els: GraphElements, stale: () => boolean) {
    const t0 = performance.now();
    const cy = ensureCy(els.nodes.length);
    const p = propsRef.current;
    const kept = p.keep ? keptPositions() : {};
    const firstSync = !hook.current.ready;
    // Against the elements last applied in full (plain objects: cheap), else against what Cytoscape holds.
    const prev = drawn.current;
    drawn.current = null;
    const diff = prev ? diffElements(prev, els) : diffAgainstCy(cy, els);
    cy.batch(() => {
      for (const id of diff.remove) cy.getElementById(id).remove();
      for (const { id, data } of diff.changed) {
        const have = cy.getElementById(id);
        if (have.empty()) continue;
        const d = have.data();
        have.data({ ...data, display: d.display === d.label ? data.label : d.display });
      }
    });
    const freshNodes: cytoscape.ElementDefinition[] = diff.addNodes.map((n) => {
      const k = kept[n.data.id as string];
      return k ? { ...n, position: { x: k[0], y: k[1] } } : { ...n, data: { ...n.data, unplaced: true } };
    });
    const unplaced: cytoscape.NodeSingular[] = [];
    const chunked = freshNodes.length + diff.addEdges.length > ADD_CHUNK;
    // A large first load with kept positions is drawn as it arrives, hubs first, once the view is shown: nothing is
    // built while the tab is hidden, and the first draw (textures, labels, edge geometry) is spread over frames.
    const progressive =
      chunked && firstSync && p.keep === true && freshNodes.length > 0 && freshNodes.every((n) => n.position);
    if (progressive) {
      await whenActive();
      if (stale() || cy.destroyed()) return;
      freshNodes.sort((a, b) => (b.data.size as number) - (a.data.size as number));
    } else if (chunked) pauseRendering(cy, true);
    let paused = chunked && !progressive;
    try {
      const budget = new TaskBudget();
      for (const list of [freshNodes, diff.addEdges]) {
        if (progressive && list === diff.addEdges && list.length) {
          // The nodes were drawn as they came (their textures made over many frames); the edges (lines, no
          // textures) are added with drawing paused and drawn once.
          pauseRendering(cy, true);
          paused = true;
        }
        const done = await inSlices(
          list,
          SLICE,
          (part) => {
            if (part[0].group === 'edges') {
              // A newer sync may have removed an end meanwhile.
              part = part.filter(
                (e) =>
                  cy.getElementById(e.data.source as string).nonempty() &&
                  cy.getElementById(e.data.target as string).nonempty(),
              );
            }
            const added = cy.add(part);
            added.forEach((e) => {
              if (e.isNode() && e.data('unplaced')) {
                unplaced.push(e);
                e.removeData('unplaced');
              }
            });
            // Large additions: style and bounding boxes (label sizes, edge geometry) now, slice by slice, rather
            // than all in the first frame.
            if (chunked) warmUp(added);
          },
          () => stale() || cy.destroyed(),
          budget,
        );
        if (!done) return;
      }
    } finally {
      if (paused && !cy.destroyed()) pauseRendering(cy, false);
    }
    const { removedNodes, removedEdges } = diff;
    const freshEdges = diff.addEdges;
    if (!firstSync && freshNodes.length + freshEdges.length + removedNodes + removedEdges + diff.changed.length === 0) {
      // The same graph again (e.g. re-fetched after an unrelated change): nothing to apply.
      drawn.current = els;
      applyHidden();
      decorate();
      applyHighlight(false);
      return;
    }
    drawn.current = els;
    hook.current.lastApply = {
      added: unplaced.length,
      removed: removedNodes,
      edgesAdded: freshEdges.length,
      edgesRemoved: removedEdges,
    };
    const total = cy.nodes().length;
    if (total === 0) {
      hook.current.lastApplyMs = performance.now() - t0;
      return;
    }
    const noteChanged = lastSyncedCurrent.current !== p.currentPath;
    lastSyncedCurrent.current = p.currentPath;
    if (p.mode === 'map' || (p.refitOnCurrent && noteChanged && unplaced.length + removedNodes > 0)) {
      // The map (dagre is cheap and deterministic), and the local graph of a newly opened note: laid out afresh.
      void fullLayout(cy, false);
    } else if (unplaced.length === 0) {
      // Every node had a kept position: draw at once, no layout.
      if (firstSync) {
        markReady(cy);
        fitView(cy, true);
      }
    } else if (unplaced.length === total) {
      void fullLayout(cy, false);
    } else if (unplaced.length > RELAYOUT_SHARE * total) {
      // Many new nodes: start each at its placed neighbours' centroid, then let the layout settle all from there.
      cy.batch(() => {
        for (const n of unplaced) {
          const nbs = n.neighborhood('node').map((m) => (m as cytoscape.NodeSingular).position());
          const c = nbs.length
            ? { x: nbs.reduce((a, q) => a + q.x, 0) / nbs.length, y: nbs.reduce((a, q) => a + q.y, 0) / nbs.length }
            : { x: 0, y: 0 };
          n.position({ x: c.x + (Math.random() - 0.5) * 40, y: c.y + (Math.random() - 0.5) * 40 });
        }
      });
      void fullLayout(cy, true);
    } else {
      placeNodes(cy, unplaced);
      if (p.keep) savePositions(cy, unplaced);
      if (firstSync) {
        markReady(cy);
        fitView(cy, true);
      } else if (p.refitOnCurrent) fitView(cy, true);
    }
    if (chunked) cy.forceRender();
    applyHidden();
    decorate();
    applyHighlight(false);
    hook.current.lastApplyMs = performance.now() - t0;
  }

  function placeNodes(cy: cytoscape.Core, nodes: cytoscape.NodeSingular[]) {
    const newIds = new Set(nodes.map((n) => n.id()));
    const others: Circle[] = cy
      .nodes()
      .filter((n) => !newIds.has(n.id()))
      .map((n) => ({ ...(n as cytoscape.NodeSingular).position(), r: (n.data('size') as number) / 2 }));
    // The fallback spot (right of the drawn nodes) from their circles: Cytoscape's boundingBox() would measure every
    // node's label, a pass over the whole graph's text for one saved note.
    let x2 = Number.NEGATIVE_INFINITY;
    let y1 = Number.POSITIVE_INFINITY;
    let y2 = Number.NEGATIVE_INFINITY;
    for (const c of others) {
      x2 = Math.max(x2, c.x + c.r);
      y1 = Math.min(y1, c.y - c.r);
      y2 = Math.max(y2, c.y + c.r);
    }
    const fallback = others.length ? { x: x2 + 40, y: (y1 + y2) / 2 } : { x: 0, y: 0 };
    cy.batch(() => {
      for (const n of nodes) {
        const nbs = n
          .neighborhood('node')
          .filter((m) => !newIds.has(m.id()))
          .map((m) => (m as cytoscape.NodeSingular).position());
        const r = (n.data('size') as number) / 2;
        const pos = placeNear(n.id(), r, nbs, others, fallback, propsRef.current.settings.forces.linkDistance);
        n.position(pos);
        others.push({ ...pos, r });
        newIds.delete(n.id());
      }
    });
  }

  // Filters → the `filtered` class (only on changed nodes).
  function applyHidden() {
    const cy = cyRef.current;
    const p = propsRef.current;
    if (!cy || !els) return;
    const hidden = p.filters ? hiddenIds(els, p.settings, p.currentPath) : new Set<string>();
    for (const id of revealed) hidden.delete(id);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const h = hidden.has(n.id());
        if (h !== n.hasClass('filtered')) n.toggleClass('filtered', h);
      });
    });
    p.onShown?.(els, hidden);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter pass runs only when a filter input changes; it reads everything else through propsRef
  useEffect(applyHidden, [
    settings.filter,
    settings.tag,
    settings.folder,
    settings.orphans,
    settings.unresolved,
    revealed,
    currentPath,
  ]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restyle on the display settings only; restyle reads them through propsRef
  useEffect(restyle, [settings.arrows, settings.labelZoom, settings.linkThickness, settings.groups, props.fontSize]);

  // A change of forces lays the graph out again from where it is.
  const forcesKey = JSON.stringify(settings.forces);
  const lastForces = useRef(forcesKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout only when the forces change (compared by value through forcesKey), not when the mode or layout function is recreated
  useEffect(() => {
    if (lastForces.current === forcesKey) return;
    lastForces.current = forcesKey;
    const cy = cyRef.current;
    if (cy && cy.nodes().nonempty() && mode === 'force') void fullLayout(cy, true);
  }, [forcesKey]);

  function decorate() {
    const cy = cyRef.current;
    if (!cy) return;
    const { plan, progress } = propsRef.current.overlay;
    const current = propsRef.current.currentPath;
    cy.batch(() => {
      cy.elements('.current, .neighbour, .current-edge, .learned, .learning, .plan, .plan-edge').removeClass(
        'current neighbour current-edge learned learning plan plan-edge',
      );
      for (const [path, state] of Object.entries(progress)) cy.getElementById(path).addClass(state);
      // Only the nodes numbered by the last plan get their plain label back (no pass over the whole graph).
      for (const id of numbered.current) {
        const n = cy.getElementById(id);
        if (n.nonempty()) n.data('display', n.data('label'));
      }
      numbered.current = [];
      if (plan) {
        const steps = plan.steps.map((s) => s.path);
        const inPlan = new Set(steps);
        steps.forEach((path, i) => {
          const n = cy.getElementById(path);
          if (n.empty()) return;
          n.addClass('plan');
          n.data('display', `${i + 1}. ${n.data('label')}`);
          numbered.current.push(path);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: decorations follow the overlay and the current note; decorate reads them through propsRef
  useEffect(decorate, [overlay, currentPath]);

  // The current note: centred (global) or the view refitted (local, map); a newly shown view fits first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the current note, the tab's visibility or readiness change; the fit itself reads refs
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !active || !hook.current.ready) return;
    fitView(cy, !fitted.current);
  }, [currentPath, active, ready]);

  /**
   * The highlighted chain (props.highlight): its nodes `path-node`, the edges between consecutive nodes `path-edge`,
   * everything else `path-faded`; with `fit`, the view is fitted to the chain (shown on screen only).
   */
  function applyHighlight(fit: boolean) {
    const cy = cyRef.current;
    if (!cy) return;
    const h = propsRef.current.highlight;
    const ids = new Set(h?.nodes ?? []);
    const hops = hopKeys(h?.nodes ?? []);
    cy.batch(() => {
      cy.elements('.path-node, .path-edge, .path-faded').removeClass('path-node path-edge path-faded');
      if (!h) return;
      cy.nodes().forEach((n) => {
        n.addClass(ids.has(n.id()) ? 'path-node' : 'path-faded');
      });
      cy.edges().forEach((e) => {
        e.addClass(hops.has(hopKey(e.source().id(), e.target().id())) ? 'path-edge' : 'path-faded');
      });
    });
    if (!h || !fit || !propsRef.current.active || !hook.current.ready) return;
    const on = cy.elements('.path-node, .path-edge');
    if (on.empty()) return;
    cy.resize();
    cy.fit(on, 60);
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center(on);
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chain is drawn and fitted when it changes or the view shows; applyHighlight reads the rest through refs
  useEffect(() => applyHighlight(true), [props.highlight, active, ready]);

  function onKeyDown(e: React.KeyboardEvent) {
    const cy = cyRef.current;
    if (!cy) return;
    const focused = focusId.current ? cy.getElementById(focusId.current) : null;
    const setFocus = (n: cytoscape.NodeSingular) => {
      cy.nodes('.kbd-focus').removeClass('kbd-focus');
      n.addClass('kbd-focus');
      focusId.current = n.id();
      const links = n.connectedEdges().length;
      setFocusLabel(`${n.data('label')}, ${links} link${links === 1 ? '' : 's'}`);
      const r = n.renderedPosition();
      if (r.x < 0 || r.y < 0 || r.x > cy.width() || r.y > cy.height()) cy.center(n);
    };
    if (isArrow(e.key) || e.key === 'Home') {
      e.preventDefault();
      if (!focused || focused.empty() || e.key === 'Home') {
        const start = propsRef.current.currentPath ? cy.getElementById(propsRef.current.currentPath) : cy.collection();
        const n = start.nonempty() ? start : cy.nodes(':visible').first();
        if (n.nonempty()) setFocus(n as cytoscape.NodeSingular);
        return;
      }
      const next = neighbourInDirection(focused as cytoscape.NodeSingular, e.key);
      if (next) setFocus(next);
    } else if (e.key === 'Enter' && focused?.nonempty()) {
      e.preventDefault();
      propsRef.current.onOpen({
        id: focused.id(),
        kind: focused.data('kind') as string,
        label: focused.data('label') as string,
      });
    } else if (e.key === 'Escape') {
      cy.nodes('.kbd-focus').removeClass('kbd-focus');
      focusId.current = null;
      setFocusLabel('');
    }
  }

  return (
    <div className="graph-canvas-wrap">
      <div
        className="graph-canvas"
        ref={containerRef}
        data-testid={`graph-canvas-${props.name}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas is a keyboard-driven composite widget (arrows move between linked notes, Enter opens), so it needs one Tab stop
        tabIndex={0}
        role="application"
        aria-roledescription="graph"
        aria-label={props.label}
        aria-describedby={`graph-help-${props.name}`}
        onKeyDown={onKeyDown}
        onBlur={() => {
          cyRef.current?.nodes('.kbd-focus').removeClass('kbd-focus');
        }}
      />
      <span id={`graph-help-${props.name}`} className="sr-only">
        Arrow keys move between linked notes, Enter opens the note, Home goes to the current note.
      </span>
      <span className="sr-only" aria-live="polite">
        {focusLabel}
      </span>
      {!ready && data && data.nodes.length > 0 ? (
        <p className="graph-status muted">Laying out {data.nodes.length} notes…</p>
      ) : null}
      {data && data.nodes.length === 0 ? <p className="graph-status muted">No notes to show.</p> : null}
    </div>
  );
}
