/**
 * A read-only view of the graph views for end-to-end tests and the benchmark, so they assert on state instead of
 * guessing pixels: `window.__atlasGraphs.<name>.snapshot()` (name `global`, `local` or `map`). `window.__atlasGraph`
 * stays the Cytoscape instance of the graph tab's shown view (global or map), for older specs.
 */
import type cytoscape from 'cytoscape';
import { labelsPending } from './screen-labels.ts';

export interface GraphSnapshot {
  nodes: {
    id: string;
    label: string;
    x: number;
    y: number;
    renderedX: number;
    renderedY: number;
    size: number;
    classes: string[];
    visible: boolean;
    color: string;
    opacity: number;
    /**
     * With `snapshot({ labels: true })`: the drawn label's font size on screen (px; 0 when no label is drawn) and its
     * box in rendered px (null when none).
     */
    labelPx?: number;
    labelBox?: { x1: number; y1: number; x2: number; y2: number } | null;
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    type: string;
    classes: string[];
    visible: boolean;
    color: string;
  }[];
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
  /** The view's screen-size labels (local graph) wait for their next pick: label boxes are not final yet. */
  labelsPending: boolean;
}

export interface GraphHookState {
  /** `webgl` or `canvas`. */
  renderer: string;
  /** Layouts finished in the worker since the view was created. */
  layoutRuns: number;
  /** True once the view shows laid-out nodes. */
  ready: boolean;
  /** A layout is running in the worker. */
  layoutPending: boolean;
  /** Time of the last incremental update (elements → drawn elements, filters and decorations included), ms. */
  lastApplyMs: number;
  /** Time to turn the last graph data into elements (elements.ts), ms. */
  lastElementsMs: number;
  /** Nodes added / removed by the last update. */
  lastApply: { added: number; removed: number; edgesAdded: number; edgesRemoved: number };
  /**
   * How the last update found what to change: `delta` from the graph delta alone (element-delta.ts), `diff` by
   * diffing all elements (element-diff.ts), `cy` against what Cytoscape holds (a first or superseded sync).
   */
  lastPath: 'delta' | 'diff' | 'cy';
  /** Updates finished that changed the drawn graph (each sets lastApplyMs): a benchmark waits for the next one. */
  applies: number;
  /** The last update's steps, ms: diff, Cytoscape changes, placement, filters, decorations, chain (sum ≈ lastApplyMs). */
  lastApplyParts: Record<string, number>;
  /**
   * The canvas renderer's drawing in slices (progressive-draw.ts): whether the last frame showed an incomplete
   * picture, frames drawn in slices and pictures completed; null on the WebGL renderer.
   */
  progressive?: { partial: boolean; slicedFrames: number; pictures: number } | null;
  /** The canvas renderer's indexed hit tests (hit-index.ts): index builds and queries; null on the WebGL renderer. */
  hits?: { builds: number; queries: number } | null;
  /** The keyed drawing-order sort (z-order.ts): full sorts and merges of a few changed elements; null if not installed. */
  zsort?: { full: number; merged: number } | null;
}

export interface GraphHook extends GraphHookState {
  /** The view's state; `labels` adds each node's drawn label size and box (costly on large graphs). */
  snapshot(opts?: { labels?: boolean }): GraphSnapshot;
}

declare global {
  interface Window {
    __atlasGraph?: cytoscape.Core;
    __atlasGraphs?: Record<string, GraphHook>;
  }
}

export function snapshotOf(cy: cytoscape.Core, opts: { labels?: boolean } = {}): GraphSnapshot {
  const labelOf = (n: cytoscape.NodeSingular) => {
    const px = (n.numericStyle('font-size') as number) * cy.zoom();
    // Cytoscape leaves out a label smaller on screen than its min-zoomed-font-size
    const drawn =
      n.visible() && String(n.style('label') ?? '') !== '' && px >= (n.numericStyle('min-zoomed-font-size') as number);
    if (!drawn) return { labelPx: 0, labelBox: null };
    const b = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
    return {
      labelPx: px,
      labelBox: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
    };
  };
  return {
    nodes: cy.nodes().map((n) => {
      const p = n.position();
      const r = n.renderedPosition();
      return {
        ...(opts.labels ? labelOf(n) : {}),
        id: n.id(),
        label: n.data('label') as string,
        x: p.x,
        y: p.y,
        renderedX: r.x,
        renderedY: r.y,
        size: n.data('size') as number,
        classes: n.classes(),
        visible: n.visible(),
        color: n.style('background-color') as string,
        opacity: Number(n.style('opacity')),
      };
    }),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      type: e.data('type') as string,
      classes: e.classes(),
      visible: e.visible(),
      color: e.style('line-color') as string,
    })),
    zoom: cy.zoom(),
    pan: cy.pan(),
    width: cy.width(),
    height: cy.height(),
    labelsPending: labelsPending(cy),
  };
}

const cores: Record<string, cytoscape.Core> = {};

/** `window.__atlasGraph`: the learning map while it is open, else the global graph. */
function pointLegacyHook(): void {
  const cy = cores.map ?? cores.global;
  if (cy) window.__atlasGraph = cy;
  else delete window.__atlasGraph;
}

export function registerGraphHook(name: string, cy: cytoscape.Core, state: GraphHookState): () => void {
  window.__atlasGraphs ??= {};
  const hooks = window.__atlasGraphs;
  cores[name] = cy;
  pointLegacyHook();
  const hook: GraphHook = Object.defineProperties({} as GraphHook, {
    renderer: { get: () => state.renderer, enumerable: true },
    layoutRuns: { get: () => state.layoutRuns, enumerable: true },
    ready: { get: () => state.ready, enumerable: true },
    layoutPending: { get: () => state.layoutPending, enumerable: true },
    lastApplyMs: { get: () => state.lastApplyMs, enumerable: true },
    lastElementsMs: { get: () => state.lastElementsMs, enumerable: true },
    lastApply: { get: () => ({ ...state.lastApply }), enumerable: true },
    lastPath: { get: () => state.lastPath, enumerable: true },
    lastApplyParts: { get: () => ({ ...state.lastApplyParts }), enumerable: true },
    applies: { get: () => state.applies, enumerable: true },
    progressive: { get: () => (state.progressive ? { ...state.progressive } : null), enumerable: true },
    hits: { get: () => (state.hits ? { ...state.hits } : null), enumerable: true },
    zsort: { get: () => (state.zsort ? { ...state.zsort } : null), enumerable: true },
    snapshot: { value: (opts?: { labels?: boolean }) => snapshotOf(cy, opts) },
  });
  hooks[name] = hook;
  return () => {
    if (hooks[name] === hook) delete hooks[name];
    if (cores[name] === cy) delete cores[name];
    pointLegacyHook();
  };
}
