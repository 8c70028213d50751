/**
 * Cytoscape's drawing order of a large graph, sorted in time that stays small. Its canvas renderer keeps the
 * elements sorted by z-order (`getCachedZSortedEles`) and sorts them again after every addition, removal or change of
 * a z-index — a hover sets one (style.ts: `node.hover`, `edge.hover-edge`). Its comparator (`zIndexSort`) reads three
 * style values and the pool index of both elements on each of the n·log n comparisons: at 5,000 notes (45,000
 * elements) one sort was a 333 ms task (CPU profile of a kept-positions load, tests/e2e/profile-graph.ts), and with
 * its `interactive()` filter each hover of a 10,000-note graph (91,000 elements) cost tasks of 300–500 ms.
 *
 * Above {@link KEYED_SORT_ABOVE} elements this module sorts instead by keys read once per element — the same keys in
 * the same order as `zIndexSort` (compound depth, nodes above edges unless `z-index-compare: manual`, z-index, pool
 * index), so the order is identical. When since the last sort the renderer was told only that some elements'
 * z-order properties changed (its `notify('zorder', eles)`, sent as a restyle is applied for a change of z-index,
 * display, visibility, opacity or events: style/properties.mjs `triggersZOrder`) and nothing was added or removed,
 * only those elements get new keys and are merged into the last order: a hover re-sorts its neighbourhood, not the
 * graph. The interactive elements
 * (`.interactive`, read by pointer hits and box selection, never by drawing) are found when first read.
 * The drag layers are split as Cytoscape splits them, and only while something is in them: a pass over every element
 * after each grab and free (when Cytoscape asks) tells whether the drag layer is empty, and while it is, a sort does
 * not look at every element again.
 * Uses Cytoscape internals of its renderers (3.34: `getCachedZSortedEles`, `cachedZSortedEles`,
 * `updateCachedGrabbedEles`'s `drag`/`nondrag`, `notify`, `zDepth`, `poolIndex`, `mutableElements`, `_private.grabbed`,
 * `rscratch.inDragLayer`), not in its typings.
 */
import type cytoscape from 'cytoscape';
import { StyleReader, type StyledEle } from './style-read.ts';

/** Graphs with more elements than this are sorted by precomputed keys. */
export const KEYED_SORT_ABOVE = 1000;
/** Above this share of the elements changed, a full sort (the merge's bookkeeping is no longer cheaper). */
const MERGE_MAX_SHARE = 0.25;

type Ele = StyledEle;
type ZSorted = Ele[] & { interactive?: Ele[] };

interface RendererInternals {
  cachedZSortedEles: ZSorted | null;
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
  updateCachedGrabbedEles(): void;
  notify(eventName: string, eles?: cytoscape.CollectionReturnValue): void;
}

const MAX_INT = Number.MAX_SAFE_INTEGER;

/** Elements in z-order with their sort keys, position by position. */
interface Keyed {
  eles: Ele[];
  depth: Float64Array;
  kind: Uint8Array;
  z: Float64Array;
  pool: Float64Array;
}

function keyed(n: number): Keyed {
  return {
    eles: new Array(n),
    depth: new Float64Array(n),
    kind: new Uint8Array(n),
    z: new Float64Array(n),
    pool: new Float64Array(n),
  };
}

/** Writes `e`'s keys (`zIndexSort`'s, with `pool` its pool index) at position `i` of `k`. */
function setKeys(read: StyleReader, k: Keyed, i: number, e: Ele, pool: number): void {
  const p = read.clean(e);
  const d = read.get(p, 'z-compound-depth').value;
  k.eles[i] = e;
  k.depth[i] = d === 'auto' ? (read.compounds ? e.zDepth() : 0) : d === 'bottom' ? -1 : d === 'top' ? MAX_INT : 0;
  k.kind[i] = read.get(p, 'z-index-compare').value === 'auto' && p.group === 'nodes' ? 1 : 0;
  k.z[i] = read.get(p, 'z-index').value as number;
  k.pool[i] = pool;
}

/** `zIndexSort` on keys: negative when position `i` of `a` is drawn before position `j` of `b`. */
function compare(a: Keyed, i: number, b: Keyed, j: number): number {
  return a.depth[i] - b.depth[j] || a.kind[i] - b.kind[j] || a.z[i] - b.z[j] || a.pool[i] - b.pool[j];
}

/** Copies position `i` of `from` (element and keys) to position `w` of `to`. */
function copyAt(to: Keyed, w: number, from: Keyed, i: number): void {
  to.eles[w] = from.eles[i];
  to.depth[w] = from.depth[i];
  to.kind[w] = from.kind[i];
  to.z[w] = from.z[i];
  to.pool[w] = from.pool[i];
}

/** `k` reordered by `order` (positions of `k`). */
function permuted(k: Keyed, order: Uint32Array): Keyed {
  const out = keyed(order.length);
  for (let i = 0; i < order.length; i++) copyAt(out, i, k, order[i]);
  return out;
}

/** `eles` (with their pool indexes) sorted in z-order. */
function sortedKeyed(read: StyleReader, eles: readonly Ele[], pool: (i: number) => number): Keyed {
  const n = eles.length;
  const k = keyed(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    setKeys(read, k, i, eles[i], pool(i));
    order[i] = i;
  }
  order.sort((a, b) => compare(k, a, k, b));
  return permuted(k, order);
}

/**
 * All elements of `cy` in z-order. The pool index is the element's position in Cytoscape's element pool
 * (`mutableElements()`: a collection keeps each element's index equal to its place, also after a removal,
 * collection/index.mjs `unmergeAt`), so it is not looked up.
 */
function fullSort(cy: cytoscape.Core): Keyed {
  const eles = (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue })
    .mutableElements()
    .toArray() as Ele[];
  return sortedKeyed(new StyleReader(cy), eles, (i) => i);
}

/**
 * `prev` with the elements of `changed` (all in `prev`) taken out and merged back in at their new keys; null when
 * some changed element is not in `prev`. O(m log n) comparisons for m changed of n elements: each changed element's
 * place is found by binary search in `prev` (sorted), the runs between are block copies (a hover of a 91,000-element
 * graph compared and copied element by element, with a set lookup per element, took 20 ms).
 */
function merged(cy: cytoscape.Core, prev: Keyed, changed: Set<Ele>): Keyed | null {
  const n = prev.eles.length;
  const moved = [...changed];
  const c = sortedKeyed(new StyleReader(cy), moved, (i) => moved[i].poolIndex());
  const m = moved.length;
  // where the changed elements are in `prev` (by pool index: no element was added or removed since)
  const marks = new Uint8Array(n);
  for (let j = 0; j < m; j++) {
    const p = c.pool[j];
    if (!(p >= 0 && p < n)) return null;
    marks[p] = 1;
  }
  const removed = new Int32Array(m);
  let r = 0;
  for (let i = 0; i < n; i++)
    if (marks[prev.pool[i]]) {
      if (r === m) return null;
      removed[r++] = i;
    }
  if (r !== m) return null;
  // each changed element goes before the first element of `prev` with a greater key (`prev` is sorted; the stale
  // places of the changed elements in it are dropped, so they do not change where the others go)
  const at = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    let lo = j > 0 ? at[j - 1] : 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(c, j, prev, mid) < 0) hi = mid;
      else lo = mid + 1;
    }
    at[j] = lo;
  }
  const out = keyed(n);
  let w = 0;
  /** Copies `prev`'s positions [a, b) to `out` at `w`. */
  const run = (a: number, b: number) => {
    if (b <= a) return;
    out.depth.set(prev.depth.subarray(a, b), w);
    out.kind.set(prev.kind.subarray(a, b), w);
    out.z.set(prev.z.subarray(a, b), w);
    out.pool.set(prev.pool.subarray(a, b), w);
    const eles = out.eles;
    const from = prev.eles;
    for (let k = a; k < b; k++) eles[w++] = from[k];
  };
  let i = 0;
  let j = 0;
  r = 0;
  while (i < n || j < m) {
    const stop = Math.min(j < m ? at[j] : n, r < m ? removed[r] : n);
    run(i, stop);
    i = stop;
    if (j < m && at[j] === i) copyAt(out, w++, c, j++);
    else if (r < m && removed[r] === i) {
      i++;
      r++;
    }
  }
  return w === n ? out : null;
}

/** The array the renderer keeps: `k`'s elements, with `.interactive` (Cytoscape's `interactive()`) found when read. */
function rendererArray(cy: cytoscape.Core, k: Keyed): ZSorted {
  const out: ZSorted = k.eles.slice();
  Object.defineProperty(out, 'interactive', {
    configurable: true,
    enumerable: true,
    get() {
      const read = new StyleReader(cy);
      const interactive = out.filter((e) => read.interactive(e));
      Object.defineProperty(out, 'interactive', { value: interactive, writable: true, enumerable: true });
      return interactive;
    },
  });
  return out;
}

/** `eles` sorted in Cytoscape's z-order, `pool[i]` being the pool index of `eles[i]` (for pointer hits). */
export function inZOrder(read: StyleReader, eles: readonly Ele[], pool: readonly number[]): Ele[] {
  return sortedKeyed(read, eles, (i) => pool[i]).eles;
}

/**
 * Cytoscape's `updateCachedGrabbedEles` (extensions/renderer/base/coord-ele-math/z-ordering.mjs) with the
 * element state read directly: `eles.drag` (the drag layer, grabbed nodes last) and `eles.nondrag`, in z-order.
 */
function dragLayers(eles: ZSorted & { drag?: Ele[]; nondrag?: Ele[] }): void {
  const drag: Ele[] = [];
  const nondrag: Ele[] = [];
  const grabbed: Ele[] = [];
  for (let i = 0; i < eles.length; i++) {
    const e = eles[i];
    const p = e._private as typeof e._private & {
      grabbed?: boolean;
      children?: unknown[];
      rscratch: { inDragLayer?: boolean };
    };
    if (p.grabbed && !(p.group === 'nodes' && p.children && p.children.length !== 0)) grabbed.push(e);
    else if (p.rscratch.inDragLayer) drag.push(e);
    else nondrag.push(e);
  }
  for (const e of grabbed) drag.push(e);
  eles.drag = drag;
  eles.nondrag = nondrag;
}

/** State of {@link installKeyedZSort}, for tests: sorts of all elements, and merges of a few changed ones. */
export interface ZSortState {
  full: number;
  merged: number;
}

const states = new WeakMap<cytoscape.Core, ZSortState>();

/** The keyed sort's state of `cy`, or null when not installed. */
export function zSortState(cy: cytoscape.Core): ZSortState | null {
  return states.get(cy) ?? null;
}

/** Renderer events after which Cytoscape re-sorts (BaseRenderer `notify`; `move` only with compound nodes). */
const RESORT_EVENTS = new Set(['add', 'remove', 'load', 'zorder', 'mount', 'move']);

/** Makes `cy`'s renderer sort large graphs by keys, merging small changes (see the file comment). */
export function installKeyedZSort(cy: cytoscape.Core): void {
  const r = (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
  if (!r || typeof r.getCachedZSortedEles !== 'function' || typeof r.updateCachedGrabbedEles !== 'function') return;
  const own = r.getCachedZSortedEles;
  const state: ZSortState = { full: 0, merged: 0 };
  states.set(cy, state);
  /** The last order, the elements whose z-order properties changed since, and whether more than that changed. */
  let last: Keyed | null = null;
  const changed = new Set<Ele>();
  let full = true;
  // additions and removals also while the renderer's notifications are off (work-budget.ts `pauseRendering`)
  cy.on('add remove', () => {
    full = true;
  });
  /** The last drag-layer pass found nothing grabbed and nothing in the drag layer (see updateCachedGrabbedEles). */
  let dragEmpty = false;
  const layers = (eles: ZSorted & { drag?: Ele[]; nondrag?: Ele[] }) => {
    dragLayers(eles);
    dragEmpty = eles.drag!.length === 0;
  };
  const pool = () => (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue }).mutableElements();
  const hasCompounds = () => (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  const notify = r.notify;
  r.notify = function notifyKeyed(eventName, eles) {
    if (eventName === 'zorder' && eles != null && eles.length > 0) {
      // Cytoscape applies a restyle lazily, on the next read of one of its values (the next frame's first step), and
      // notifies each element whose z-order property changed then: these are the elements with new keys
      if (!full) {
        for (let i = 0; i < eles.length; i++) changed.add(eles[i] as unknown as Ele);
        if (changed.size > pool().length * MERGE_MAX_SHARE) full = true;
      }
    } else if (RESORT_EVENTS.has(eventName) && (eventName !== 'move' || hasCompounds())) full = true;
    if (full) changed.clear();
    notify.call(r, eventName, eles);
  };
  r.getCachedZSortedEles = function getCachedZSortedEles(forceRecalc) {
    if (!forceRecalc && r.cachedZSortedEles) return r.cachedZSortedEles;
    const all = pool();
    let next: Keyed | null = null;
    if (all.length > KEYED_SORT_ABOVE) {
      const mergeable =
        !forceRecalc &&
        !full &&
        last !== null &&
        last.eles.length === all.length &&
        changed.size > 0 &&
        changed.size <= all.length * MERGE_MAX_SHARE;
      next = mergeable && last ? merged(cy, last, changed) : null;
      if (next) state.merged++;
      else {
        next = fullSort(cy);
        state.full++;
      }
    }
    last = next;
    changed.clear();
    full = false;
    if (!next) return own.call(r, forceRecalc);
    const eles: ZSorted & { drag?: Ele[]; nondrag?: Ele[] } = rendererArray(cy, next);
    r.cachedZSortedEles = eles;
    if (dragEmpty) {
      // nothing grabbed nor in the drag layer since the last pass found none: every element is drawn below it
      eles.drag = [];
      eles.nondrag = eles;
    } else layers(eles);
    return eles;
  };
  // Cytoscape calls this after each change of the drag layer (a grab, a free: renderer/base/load-listeners.mjs
  // `addNodesToDrag`, `freeDraggedElements`); a pinch that drops the dragged elements only takes them out of it
  r.updateCachedGrabbedEles = function updateCachedGrabbedEles() {
    const eles = r.cachedZSortedEles;
    if (eles) layers(eles);
  };
}
