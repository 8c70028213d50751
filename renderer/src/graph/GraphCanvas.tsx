/**
 * One Cytoscape graph view (the global graph, the local graph or the learning map).
 *
 * - Elements are synced incrementally: a changed graph (e.g. one saved note) adds, removes and updates only the
 *   nodes and edges that differ; nodes that stay keep their positions. New nodes settle by their neighbours
 *   (placement.ts); only a first view or a change of more than a third of the nodes runs a full layout, in the
 *   layout worker (layout.worker.ts: d3-force, or dagre for the map). Nothing is laid out on the UI thread.
 * - Loading a large graph never blocks the UI thread for long (apply-diff.ts): elements are added in slices with
 *   their style and label sizes computed per slice and a yield to the event loop between tasks, and drawn once after
 *   the last one; large graphs draw at pixel ratio 1 with edges hidden and a texture while the viewport moves
 *   (cy-instance.ts).
 * - With `keep` (the global graph), positions come from and go to the kept state (view-state.ts), so reopening
 *   draws at once and the picture is stable.
 * - Above WEBGL_ABOVE nodes (renderer-choice.ts) Cytoscape's WebGL renderer is used where WebGL runs on a GPU (canvas otherwise,
 *   e.g. headless Chromium, whose WebGL is the SwiftShader software rasteriser); labels only above the label zoom.
 * - Hover highlights a node and its neighbours and fades the rest (up to FADE_MAX elements); click opens at once
 *   (the view does not move to a note opened from it); double-click expands the node's neighbours in place (they are shown even when a filter hides them); keyboard:
 *   arrows move between neighbours, Enter opens (graph-keys.ts).
 * - Decorations (filters, learning overlay, current note, a highlighted chain): decorations.ts; fitting: fit-view.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type cytoscape from 'cytoscape';
import { ADD_CHUNK, applyDiff } from './apply-diff.ts';
import { markFirstFrame, nextDraw, useFirstFrameMark, useWhenActive } from './canvas-hooks.ts';
import type { GraphCanvasProps } from './canvas-props.ts';
import { clearHover, createCy } from './cy-instance.ts';
import { diffAgainstCy } from './cy-diff.ts';
import { applyFiltered, applyFilteredTo, decorate as decorateCy, decorateNodes, markChain } from './decorations.ts';
import type { GraphData } from '../../../electron/shared/api.ts';
import { elementDiffOf, elementsAfter, isSpent } from './element-delta.ts';
import { diffElements } from './element-diff.ts';
import { derivationOf } from './graph-delta.ts';
import {
  BUILD_IN_SLICES_ABOVE,
  hiddenIds,
  isHidden,
  toElements,
  toElementsInSlices,
  type GraphElements,
} from './elements.ts';
import { fitToChain, fitView as fitCy, resizeKeepingCentre } from './fit-view.ts';
import { handleGraphKey } from './graph-keys.ts';
import { LayoutRunner } from './layout.ts';
import { applyPositions, layoutGraphOf } from './layout-input.ts';
import { placeNodes, seedAtCentroids, separateGrown } from './place-nodes.ts';
import type { CircleGrid } from './placement.ts';
import { PlacedGrid } from './placed-grid.ts';
import { hitIndexState } from './hit-index.ts';
import { progressiveState } from './progressive-draw.ts';
import { zSortState } from './z-order.ts';
import { graphStyle, MAP_LABEL_PX, onThemeChange } from './style.ts';
import { followSize } from './follow-size.ts';
import { registerGraphHook, type GraphHookState } from './test-hook.ts';
import { keepPositionsOf, keptPositions } from './view-state.ts';
import { yieldToEventLoop } from './work-budget.ts';
import { styleOptions } from './view-style.ts';

export { FADE_MAX, FIRST_FRAME_MARK, type GraphCanvasProps, type GraphNodeRef } from './canvas-props.ts';
export { LARGE, WEBGL_ABOVE, wantsWebgl } from './renderer-choice.ts';

/** A change adding more than this share of the nodes runs a full layout instead of placing nodes one by one. */
const RELAYOUT_SHARE = 0.34;

/** Elements and the data and settings (groups, node size by links) they were built from. */
interface BuiltElements {
  data: GraphData;
  groups: unknown;
  bySize: boolean;
  els: GraphElements;
}

/** Quiet time after a filter change before the view fits what it shows, ms. */
const FILTER_REFIT_MS = 300;

export function GraphCanvas(props: GraphCanvasProps) {
  const { data, settings, currentPath, overlay, active, mode } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const runner = useMemo(() => new LayoutRunner(), []);
  /** The placed nodes' circles, kept across saved notes (global graph). */
  const placed = useMemo(() => new PlacedGrid(), []);
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
    lastPath: 'cy',
    lastApplyParts: {},
    applies: 0,
  });
  const [ready, setReady] = useState(false);
  const [revealed, setRevealed] = useState<Set<string>>(() => new Set());
  const [focusLabel, setFocusLabel] = useState('');
  const focusId = useRef<string | null>(null);
  /** The node last opened by a click in this view (the view is not re-centred on it). */
  const openedHere = useRef<string | null>(null);
  const fitted = useRef(false);
  /** Ids of the nodes whose label carries a plan step number. */
  const numbered = useRef<string[]>([]);
  const decorated = useRef(new Set<string>());
  /**
   * The current note the last full layout was made around (pinned at the origin in the local graph). Not the note of
   * the last sync: a note opened while the previous note's neighbourhood is still drawn (the query keeps it until the
   * new one loads) syncs first with the old elements, and that sync must not use up the new note's fresh layout.
   */
  const laidOutFor = useRef<string | null>(null);
  /** A highlighted chain is drawn (its classes are on the elements). */
  const chainMarked = useRef(false);
  /** The nodes the filters hide now (the `filtered` class), as last applied. */
  const hiddenNow = useRef<Set<string> | null>(null);
  /** The elements last applied in full (the next sync diffs against them); null while a sync runs. */
  const drawn = useRef<GraphElements | null>(null);
  /** The elements last built and what they were built from. */
  const built = useRef<BuiltElements | null>(null);
  /** A large graph's elements built in slices (toElementsInSlices), and what they were built from. */
  const [sliced, setSliced] = useState<BuiltElements | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the elements depend on the data and on just the settings that change them (groups, node size); other settings restyle in place
  const { els, buildInSlices } = useMemo(() => {
    if (!data) return { els: null, buildInSlices: null };
    const t = performance.now();
    // Data made by a delta from the data last built (graph-data.ts): only the changed elements (element-delta.ts).
    const change = derivationOf(data);
    const b = built.current;
    const same = (x: { groups: unknown; bySize: boolean }) =>
      x.groups === settings.groups && x.bySize === settings.nodeSizeByLinks;
    let e: GraphElements;
    if (change && b && b.data === change.base && same(b) && !isSpent(b.els)) e = elementsAfter(b.els, change, settings);
    else if (sliced && sliced.data === data && same(sliced)) e = sliced.els;
    else if (data.nodes.length + data.edges.length > BUILD_IN_SLICES_ABOVE)
      // built in slices by the effect below; the elements built last stay meanwhile
      return { els: b?.els ?? null, buildInSlices: data };
    else e = toElements(data, settings);
    built.current = { data, groups: settings.groups, bySize: settings.nodeSizeByLinks, els: e };
    if (e !== sliced?.els) hook.current.lastElementsMs = performance.now() - t;
    return { els: e, buildInSlices: null };
  }, [data, settings.groups, settings.nodeSizeByLinks, sliced]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one build per data and settings asked for; a newer one makes it stale
  useEffect(() => {
    if (!buildInSlices) return;
    let live = true;
    const t = performance.now();
    const from = { data: buildInSlices, groups: settings.groups, bySize: settings.nodeSizeByLinks };
    void toElementsInSlices(buildInSlices, settings, () => !live).then((e) => {
      if (!e || !live) return;
      hook.current.lastElementsMs = performance.now() - t;
      performance.measure('atlas-graph-elements-sliced', { start: t });
      setSliced({ ...from, els: e });
    });
    return () => {
      live = false;
    };
  }, [buildInSlices, settings.groups, settings.nodeSizeByLinks]);

  /** Brings the view's size-dependent settings to a node count (follow-size.ts); set with the instance. */
  const fitSize = useRef<(nodeCount: number) => void>(() => {});
  // The Cytoscape instance, created with the first data (the renderer is chosen by node count); a later sync's count
  // crossing a size threshold restyles it (follow-size.ts).
  const ensureCy = (nodeCount: number): cytoscape.Core => {
    if (cyRef.current) {
      fitSize.current(nodeCount);
      return cyRef.current;
    }
    const { cy, webgl } = createCy(
      containerRef.current,
      nodeCount,
      graphStyle(styleOptions(propsRef.current, nodeCount)),
      {
        onOpen: (node) => {
          // the note opened by a click is under the pointer already: the view does not move to it (a double-click's
          // second click must hit the same node)
          openedHere.current = node.id;
          propsRef.current.onOpen(node);
        },
        onExpand: (n) => {
          setRevealed((r) => new Set([...r, n.id(), ...n.neighborhood('node').map((m) => m.id())]));
          propsRef.current.onExpand?.(n.id());
        },
        onDragFree: (node) => {
          if (!propsRef.current.keep) return;
          savePositions([node]);
          placed.moved(node);
        },
      },
    );
    hook.current.renderer = webgl ? 'webgl' : 'canvas';
    hook.current.progressive = progressiveState(cy);
    hook.current.hits = hitIndexState(cy);
    hook.current.zsort = zSortState(cy);
    cyRef.current = cy;
    const unregister = registerGraphHook(propsRef.current.name, cy, hook.current);
    cy.one('destroy', unregister);
    fitSize.current = followSize(cy, nodeCount, webgl, () => propsRef.current);
    return cy;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: mount/unmount of the Cytoscape instance per layout runner; restyle reads the latest props through propsRef
  useEffect(() => {
    const ro = new ResizeObserver(() => {
      if (cyRef.current) resizeKeepingCentre(cyRef.current);
    });
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

  /** Keeps the positions of `nodes` (the kept positions of other nodes stay). */
  function savePositions(nodes: cytoscape.NodeSingular[] | cytoscape.NodeCollection) {
    keepPositionsOf(nodes.map((n) => ({ id: n.id(), ...n.position() })));
  }

  /** Moves the `grown` nodes that now overlap another out of its way (place-nodes.ts separateGrown) and keeps them. */
  function separate(cy: cytoscape.Core, grown: cytoscape.NodeSingular[], grid?: CircleGrid) {
    if (!grown.length) return;
    const moved = separateGrown(cy, grown, propsRef.current.settings.forces.linkDistance, grid);
    if (moved.length && propsRef.current.keep) savePositions(moved);
  }

  async function fullLayout(cy: cytoscape.Core, fromPositions: boolean) {
    const p = propsRef.current;
    // The map's labels are bold and up to MAP_LABEL_PX wide (style.ts): dagre keeps room for them.
    const { nodes, edges } =
      p.mode === 'map' ? layoutGraphOf(cy, p.fontSize * 1.1, MAP_LABEL_PX) : layoutGraphOf(cy, p.fontSize);
    performance.mark(`atlas-graph-layout-start-${p.name}`);
    hook.current.layoutPending = true;
    laidOutFor.current = p.currentPath;
    const res = await runner
      .run({
        mode: p.mode,
        nodes,
        edges,
        forces: p.settings.forces,
        fromPositions,
        pin: p.screenLabels ? p.currentPath : null,
      })
      .catch((e: unknown) => {
        console.error(e);
        return null;
      });
    if (!res || cy.destroyed()) return;
    hook.current.layoutPending = false;
    applyPositions(cy, res.positions);
    placed.reset();
    // Nodes that grew while the worker laid them out (their notes got links meanwhile), and nodes placed meanwhile
    // among the old positions, step out of their neighbours' way.
    const sent = new Map(nodes.map((n) => [n.id, n.size]));
    separate(
      cy,
      cy
        .nodes()
        .filter((n) => {
          const was = sent.get(n.id());
          return was === undefined || (n.data('size') as number) > was;
        })
        .map((n) => n as cytoscape.NodeSingular),
    );
    hook.current.layoutRuns++;
    performance.measure(`atlas-graph-layout-${p.name}`, `atlas-graph-layout-start-${p.name}`);
    if (p.keep) savePositions(cy.nodes());
    markReady();
    fitView(cy, true);
  }

  function markReady() {
    if (hook.current.ready) return;
    hook.current.ready = true;
    setReady(true);
  }

  useFirstFrameMark(
    () => cyRef.current,
    props.name === 'global',
    ready,
    active,
    () => hook.current.renderer === 'webgl',
  );

  /** Fits the shown elements (or, with `first` false, centres on the current note), within readable zooms. */
  function fitView(cy: cytoscape.Core, first: boolean, whole = false) {
    const f = fitCy(cy, propsRef.current, first, whole);
    if (f !== null) fitted.current = f;
  }

  const whenActive = useWhenActive(active, () => propsRef.current.active);

  // Sync elements into Cytoscape: a diff, applied in chunks that yield to the event loop (see syncElements).
  const syncSeq = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a sync runs when the elements change; syncElements reads the other props through propsRef
  useEffect(() => {
    if (!els) return;
    const seq = ++syncSeq.current;
    void syncElements(els, () => seq !== syncSeq.current);
  }, [els]);

  /**
   * Brings the drawn elements to `els`: removes what is gone, updates changed node data, adds what is new, in slices
   * that yield to the event loop (apply-diff.ts), so no task grows with the vault; then places the new nodes or lays
   * the graph out. A newer sync supersedes this one (`stale`); it resumes from whatever was already added, since it
   * diffs against the drawn elements.
   */
  async function syncElements(els: GraphElements, stale: () => boolean) {
    // Large elements built whole (toElements, in the render's task): Cytoscape's work starts in a task of its own
    if (!elementDiffOf(els) && els.nodes.size + els.edges.size > ADD_CHUNK) {
      await yieldToEventLoop();
      if (stale()) return;
    }
    const t0 = performance.now();
    const cy = ensureCy(els.nodes.size);
    const p = propsRef.current;
    const kept = p.keep ? keptPositions() : {};
    const firstSync = !hook.current.ready;
    // Against the elements last applied in full (plain objects: cheap), else against what Cytoscape holds.
    // A delta's own diff when it was computed from the drawn elements (element-delta.ts); elements a delta moved on
    // from (spent) are no base for a diff.
    const pre = elementDiffOf(els);
    const d = drawn.current;
    const prev = d && (pre?.base === d || !isSpent(d)) ? d : null;
    drawn.current = null;
    const path = !prev ? 'cy' : pre && pre.base === prev ? 'delta' : 'diff';
    const diff = path === 'cy' ? diffAgainstCy(cy, els) : path === 'delta' ? pre!.diff : diffElements(prev!, els);
    // After a delta only the nodes it touched can change their filters and decorations: no pass over the graph.
    const only = path === 'delta' ? pre!.touched : undefined;
    const parts: Record<string, number> = {};
    let tPart = performance.now();
    const part = (name: string) => {
      const now = performance.now();
      parts[name] = (parts[name] ?? 0) + now - tPart;
      tPart = now;
    };
    part('diff');
    let shownEarly = false;
    const applied = await applyDiff(cy, diff, {
      kept,
      firstSync,
      keep: p.keep === true,
      whenActive,
      stale,
      // A large first load with kept positions: the nodes' frame is the first frame; the edges follow.
      nodesShown: async () => {
        performance.measure('atlas-graph-nodes-added', { start: t0 });
        shownEarly = true;
        markReady();
        fitView(cy, true);
        await nextDraw(cy, hook.current.renderer === 'webgl');
        if (propsRef.current.name === 'global' && propsRef.current.active) markFirstFrame();
      },
    });
    part('cytoscape');
    if (!applied) return;
    performance.measure('atlas-graph-added', { start: t0 });
    // the placed circles follow a delta's few nodes; anything else builds them again when next needed
    if (path === 'delta' && p.keep) placed.afterDelta(els, kept, pre!.removedNodes, pre!.touched);
    else placed.reset();
    part('grid');
    const { unplaced, chunked } = applied;
    const { removedNodes, removedEdges } = diff;
    const freshEdges = diff.addEdges;
    if (
      !firstSync &&
      applied.addedNodes + unplaced.length + freshEdges.length + removedNodes + removedEdges + diff.changed.length === 0
    ) {
      // The same graph again (e.g. re-fetched after an unrelated change): nothing to apply (but the nodes that grew in
      // a sync superseded before it finished).
      separate(cy, applied.grown);
      drawn.current = els;
      applyHidden(only);
      decorate(only);
      applyHighlight(false);
      return;
    }
    drawn.current = els;
    hook.current.lastPath = path;
    hook.current.lastApply = {
      added: unplaced.length,
      removed: removedNodes,
      edgesAdded: freshEdges.length,
      edgesRemoved: removedEdges,
    };
    // Cytoscape now holds exactly `els` (cy.nodes() would filter every element: a pass over the graph per save)
    const total = els.nodes.size;
    if (total === 0) {
      hook.current.lastApplyMs = performance.now() - t0;
      return;
    }
    const noteChanged = laidOutFor.current !== p.currentPath;
    if (p.mode === 'map' || (p.refitOnCurrent && noteChanged && unplaced.length + removedNodes > 0)) {
      // The map (dagre is cheap and deterministic), and the local graph of a newly opened note: laid out afresh.
      void fullLayout(cy, false);
    } else if (unplaced.length === 0) {
      // Every node had a kept position: draw at once, no layout (a node that grew steps out of its neighbours' way).
      separate(cy, applied.grown, path === 'delta' && p.keep ? placed.of(els, kept) : undefined);
      if (firstSync && !shownEarly) {
        markReady();
        fitView(cy, true);
      }
    } else if (unplaced.length === total) {
      void fullLayout(cy, false);
    } else if (unplaced.length > RELAYOUT_SHARE * total) {
      // Many new nodes: start each at its placed neighbours' centroid, then let the layout settle all from there.
      seedAtCentroids(cy, unplaced);
      void fullLayout(cy, true);
    } else {
      // After a delta, the other nodes' circles kept across saves (placed-grid.ts) rather than read from every node
      const circles = only && p.keep ? placed.of(els, kept) : undefined;
      placeNodes(cy, unplaced, propsRef.current.settings.forces.linkDistance, circles);
      if (p.keep) savePositions(unplaced);
      separate(cy, applied.grown, circles);
      if (firstSync) {
        markReady();
        fitView(cy, true);
      } else if (p.refitOnCurrent) fitView(cy, true);
    }
    if (chunked) cy.forceRender();
    part('place');
    applyHidden(only);
    part('filters');
    decorate(only);
    part('decorations');
    applyHighlight(false);
    part('chain');
    hook.current.lastApplyParts = parts;
    hook.current.lastApplyMs = performance.now() - t0;
    hook.current.applies++;
  }

  // Filters → the `filtered` class (only on changed nodes; with `only`, only those nodes are looked at).
  function applyHidden(only?: readonly string[]) {
    const cy = cyRef.current;
    const p = propsRef.current;
    if (!cy || !els) return;
    const e = els;
    // a highlight computed before the filter would fade nodes it now shows (and keep a hidden node lit)
    if (!only) clearHover(cy);
    let hidden: Set<string>;
    if (only && hiddenNow.current) {
      // after a delta: the last hidden set, brought up to date for the touched nodes only
      hidden = new Set(hiddenNow.current);
      for (const id of only) {
        const n = e.byId.get(id);
        if (n && p.filters && !revealed.has(id) && isHidden(n, e, p.settings, p.currentPath)) hidden.add(id);
        else hidden.delete(id);
      }
      applyFilteredTo(cy, hidden, only);
    } else {
      hidden = p.filters ? hiddenIds(e, p.settings, p.currentPath) : new Set<string>();
      for (const id of revealed) hidden.delete(id);
      // nothing hidden before or now: no node carries `filtered` (no pass over the graph)
      if (hidden.size > 0 || (hiddenNow.current?.size ?? 0) > 0) applyFiltered(cy, hidden);
    }
    hiddenNow.current = hidden;
    // after a delta the legend and the "Graph nodes" list (a pass over the graph) follow in a task of their own,
    // after the graph has been drawn
    if (only)
      setTimeout(() => {
        if (hiddenNow.current === hidden) propsRef.current.onShown?.(e, hidden);
      }, 0);
    else p.onShown?.(e, hidden);
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
  // A filter changed by the user: the view fits what it shows now (six matching notes would otherwise sit in a
  // corner of the old view, most of them unlabelled); not on the first pass, nor while the view is hidden.
  const filterKey = [settings.filter, settings.tag, settings.folder, settings.orphans, settings.unresolved].join(
    '\u0000',
  );
  const lastFilterKey = useRef(filterKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when a filter input changes (compared by value through filterKey)
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return;
    lastFilterKey.current = filterKey;
    // once typing in the Filter box pauses: a refit per letter would zoom the view at every key
    const t = setTimeout(() => {
      const cy = cyRef.current;
      if (cy && propsRef.current.active) fitView(cy, true, true);
    }, FILTER_REFIT_MS);
    return () => clearTimeout(t);
  }, [filterKey]);

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

  /** The overlay and current note on every element, or with `only` on just those nodes (after a delta). */
  function decorate(only?: readonly string[]) {
    const cy = cyRef.current;
    if (!cy) return;
    const p = propsRef.current;
    if (only) decorateNodes(cy, p.overlay, p.currentPath, numbered, only, decorated);
    else decorateCy(cy, p.overlay, p.currentPath, numbered, decorated);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: decorations follow the overlay and the current note; decorate reads them through propsRef
  useEffect(() => decorate(), [overlay, currentPath]);

  // The current note: centred (global) or the view refitted (local, map); a newly shown view fits first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the current note, the tab's visibility or readiness change; the fit itself reads refs
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !active || !hook.current.ready) return;
    // a note opened by a click here stays where it was clicked (the local graph follows the click only after the
    // double-click window, LocalGraph.tsx, and then is fitted to the new note)
    if (
      !propsRef.current.refitOnCurrent &&
      fitted.current &&
      currentPath !== null &&
      currentPath === openedHere.current
    )
      return;
    openedHere.current = null;
    fitView(cy, !fitted.current);
  }, [currentPath, active, ready]);

  /**
   * The highlighted chain (props.highlight) drawn (decorations.ts); with `fit`, the view is fitted to it (shown on
   * screen only).
   */
  function applyHighlight(fit: boolean) {
    const cy = cyRef.current;
    if (!cy) return;
    const h = propsRef.current.highlight;
    // with no chain drawn before or now there is nothing to mark (no pass over the graph)
    if (!h && !chainMarked.current) return;
    markChain(cy, h);
    chainMarked.current = !!h;
    if (!h || !fit || !propsRef.current.active || !hook.current.ready) return;
    fitToChain(cy);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chain is drawn and fitted when it changes or the view shows; applyHighlight reads the rest through refs
  useEffect(() => applyHighlight(true), [props.highlight, active, ready]);

  function onKeyDown(e: React.KeyboardEvent) {
    const cy = cyRef.current;
    if (!cy) return;
    handleGraphKey(cy, e, {
      focusId,
      currentPath: propsRef.current.currentPath,
      setFocusLabel,
      onOpen: (n) => propsRef.current.onOpen(n),
    });
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
      {ready ? (
        <button
          type="button"
          className="small graph-fit"
          title="Fit the view to the graph (the learning map: to the plan, at a readable zoom)"
          onClick={() => {
            if (cyRef.current) fitView(cyRef.current, true, true);
          }}
        >
          Fit
        </button>
      ) : null}
      {!ready && data && data.nodes.length > 0 ? (
        <p className="graph-status muted">Laying out {data.nodes.length} notes…</p>
      ) : null}
      {data && data.nodes.length === 0 ? <p className="graph-status muted">No notes to show.</p> : null}
    </div>
  );
}
