/**
 * Pointer hit tests of a large graph in time that does not grow with the graph. Cytoscape's canvas renderer finds
 * the element under the pointer (`findNearestElements`, on every mouse move over the graph, on mouse down and on
 * mouse up) by testing every element in z-order, with a bounding box per element: at 5,000 notes (45,000 elements)
 * that was 0.4–1 s per call (CPU profile of the benchmark's background drag, tests/e2e/profile-graph.ts: frames of
 * 805 and 1,003 ms as the drag started, 432 ms at mouse up), so hovering the graph or starting a pan froze the window.
 *
 * Above {@link HIT_INDEX_ABOVE} elements this module puts a static spatial index (flatbush, an R-tree packed by
 * Hilbert order) of rough boxes in model coordinates in front of Cytoscape's own test: a node's box is its position ±
 * half its outer size plus {@link NODE_PAD}; an edge's is the box of its two ends' centres plus {@link EDGE_PAD} and
 * the ends' radii (a straight or haystack edge and its arrows lie inside it). Cytoscape's `findNearestElements` then
 * runs unchanged on the elements whose box is within 24 rendered px of the pointer (its largest threshold, touch
 * edges), in its z-order, so the answer is the same as over all elements. The index is built from positions and
 * sizes only (no bounding-box computation), at the first hit test after an element was added, removed, moved or
 * resized by its data (one pass over the elements), so dragging a node rebuilds it once, at the drop.
 *
 * Labels are not in the boxes: the graph's labels do not take events (`text-events` is Cytoscape's default, no).
 * Uses Cytoscape internals of its canvas renderer (3.34: `findNearestElements`, `getCachedZSortedEles`), not in its
 * typings; the WebGL renderer picks on the GPU and is left alone.
 */
import Flatbush from 'flatbush';
import type cytoscape from 'cytoscape';

/** Graphs with more elements than this use the index (below, Cytoscape's linear test is a few ms). */
export const HIT_INDEX_ABOVE = 1000;
/** Model px added around a node's outer size (a border or size a class adds without a data change). */
export const NODE_PAD = 8;
/** Model px added around an edge's box (its width and arrowheads). */
export const EDGE_PAD = 16;
/** The largest distance, rendered px, at which Cytoscape counts a hit (an edge under a touch). */
const THRESHOLD_PX = 24;

type Ele = cytoscape.SingularElementReturnValue & {
  _private: {
    group: 'nodes' | 'edges';
    position: { x: number; y: number };
    source?: Ele;
    target?: Ele;
  };
};
type ZSorted = Ele[] & { interactive: Ele[] };

interface RendererInternals {
  webgl?: boolean;
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): Ele[];
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
}

/** What the index was built from, and the index. */
interface Built {
  from: Ele[];
  index: Flatbush | null;
}

function build(list: Ele[]): Flatbush | null {
  if (list.length === 0) return null;
  const index = new Flatbush(list.length);
  // each node's half outer size, read once (an edge reads both of its ends')
  const radius = new Map<Ele, number>();
  const radiusOf = (n: Ele) => {
    let r = radius.get(n);
    if (r === undefined) {
      r = Math.max(n.outerWidth(), n.outerHeight()) / 2;
      radius.set(n, r);
    }
    return r;
  };
  for (const e of list) {
    const p = e._private;
    if (p.group === 'nodes') {
      const r = radiusOf(e) + NODE_PAD;
      index.add(p.position.x - r, p.position.y - r, p.position.x + r, p.position.y + r);
    } else {
      const s = p.source!._private.position;
      const t = p.target!._private.position;
      const r = Math.max(radiusOf(p.source!), radiusOf(p.target!)) + EDGE_PAD;
      index.add(Math.min(s.x, t.x) - r, Math.min(s.y, t.y) - r, Math.max(s.x, t.x) + r, Math.max(s.y, t.y) + r);
    }
  }
  index.finish();
  return index;
}

/** State of {@link installHitIndex}, for tests: how often the index was built and used. */
export interface HitIndexState {
  builds: number;
  queries: number;
}

const states = new WeakMap<cytoscape.Core, HitIndexState>();

/** The hit-index state of `cy`, or null when Cytoscape tests every element (WebGL, or not installed). */
export function hitIndexState(cy: cytoscape.Core): HitIndexState | null {
  return states.get(cy) ?? null;
}

/**
 * Makes `cy`'s canvas renderer test pointer hits through a spatial index when the graph has more than
 * {@link HIT_INDEX_ABOVE} elements (see the file comment). Returns the state, or null for the WebGL renderer.
 */
export function installHitIndex(cy: cytoscape.Core): HitIndexState | null {
  const r = (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
  if (!r || r.webgl || typeof r.findNearestElements !== 'function') return null;
  const state: HitIndexState = { builds: 0, queries: 0 };
  states.set(cy, state);
  let dirty = true;
  const touch = () => {
    dirty = true;
  };
  // `data`: a size change by a delta; a class changes a node's size by a border at most (NODE_PAD)
  cy.on('add remove position data', touch);
  let built: Built | null = null;
  const linear = r.findNearestElements;
  r.findNearestElements = function findNearestElements(x, y, interactiveOnly, isTouch) {
    const zsorted = r.getCachedZSortedEles;
    const all = zsorted.call(r);
    const list = interactiveOnly ? all.interactive : all;
    if (all.length <= HIT_INDEX_ABOVE) return linear.call(r, x, y, interactiveOnly, isTouch);
    if (dirty || !built || built.from !== list) {
      built = { from: list, index: build(list) };
      dirty = false;
      state.builds++;
    }
    state.queries++;
    const d = THRESHOLD_PX / cy.zoom();
    const hits = built.index ? built.index.search(x - d, y - d, x + d, y + d) : [];
    hits.sort((a, b) => a - b);
    const near = hits.map((i) => list[i]) as ZSorted;
    near.interactive = near;
    // Cytoscape's own test over the elements near the pointer, in z-order
    r.getCachedZSortedEles = () => near;
    try {
      return linear.call(r, x, y, interactiveOnly, isTouch);
    } finally {
      r.getCachedZSortedEles = zsorted;
    }
  };
  return state;
}
