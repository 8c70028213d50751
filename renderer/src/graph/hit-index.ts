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
 * runs unchanged on the elements whose box is within its largest threshold of the pointer (an edge's: 8 rendered px
 * for a mouse, 24 for a touch; BRp.findNearestElements) — of the edges, those whose line passes that near (a long edge's box covers much of the graph) — in its
 * z-order, so the answer is the same as over all elements. The index is built over Cytoscape's element
 * pool from positions and sizes only (no bounding-box computation), at the first hit test after an element was
 * added, removed, moved or resized by its data (one pass over the elements), so dragging a node rebuilds it once, at
 * the drop; a change of the drawing order (a hover's z-index) does not rebuild it: the elements near the pointer are
 * put in z-order and tested for `interactive()` (style-read.ts) on each query.
 *
 * Labels are not in the boxes: the graph's labels do not take events (`text-events` is Cytoscape's default, no).
 * Uses Cytoscape internals of its canvas renderer (3.34: `findNearestElements`, `getCachedZSortedEles`,
 * `mutableElements`), not in its typings; the WebGL renderer picks on the GPU and is left alone.
 */
import Flatbush from 'flatbush';
import type cytoscape from 'cytoscape';
import { type StyledEle, StyleReader } from './style-read.ts';
import { inZOrder } from './z-order.ts';

/** Graphs with more elements than this use the index (below, Cytoscape's linear test is a few ms). */
export const HIT_INDEX_ABOVE = 1000;
/** Model px added around a node's outer size (a border or size a class adds without a data change). */
export const NODE_PAD = 8;
/** Model px added around an edge's box (its width and arrowheads). */
export const EDGE_PAD = 16;
/** The largest distance, rendered px, at which Cytoscape counts a hit: an edge's, under a touch and a mouse. */
const TOUCH_THRESHOLD_PX = 24;
const MOUSE_THRESHOLD_PX = 8;

type Ele = StyledEle & {
  _private: {
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

/**
 * Whether the segment between `edge`'s two ends' centres passes within `r` model px of (`x`, `y`). A straight or
 * haystack edge (the graph's edges, style.ts) is drawn on that segment (haystack with Cytoscape's default radius 0,
 * straight between the ends' borders), so farther than its width, arrowheads and the hit threshold it cannot be hit.
 */
function nearLine(edge: Ele, x: number, y: number, r: number): boolean {
  const s = edge._private.source!._private.position;
  const t = edge._private.target!._private.position;
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x) * dx + (y - s.y) * dy) / len2));
  const px = s.x + k * dx - x;
  const py = s.y + k * dy - y;
  return px * px + py * py <= r * r;
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
    const all = (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue }).mutableElements();
    if (all.length <= HIT_INDEX_ABOVE) return linear.call(r, x, y, interactiveOnly, isTouch);
    if (dirty || !built) {
      // the element pool, so a box's number is its element's pool index (z-order.ts)
      const from = all.toArray() as Ele[];
      built = { from, index: build(from) };
      dirty = false;
      state.builds++;
    }
    state.queries++;
    const d = (isTouch ? TOUCH_THRESHOLD_PX : MOUSE_THRESHOLD_PX) / cy.zoom();
    const hits = built.index ? built.index.search(x - d, y - d, x + d, y + d) : [];
    const from = built.from;
    const read = new StyleReader(cy);
    // an edge's box holds every point between its ends: keep only the edges whose line passes near the pointer
    const near = (i: number) =>
      from[i]._private.group === 'nodes' || !read.straight(from[i]) || nearLine(from[i], x, y, d + EDGE_PAD);
    const kept = hits.filter((i) => near(i) && (!interactiveOnly || read.interactive(from[i])));
    // Cytoscape's own test over the elements near the pointer, in z-order
    const candidates = inZOrder(
      read,
      kept.map((i) => from[i]),
      kept,
    ) as ZSorted;
    candidates.interactive = candidates;
    const zsorted = r.getCachedZSortedEles;
    r.getCachedZSortedEles = () => candidates;
    try {
      return linear.call(r, x, y, interactiveOnly, isTouch);
    } finally {
      r.getCachedZSortedEles = zsorted;
    }
  };
  return state;
}
