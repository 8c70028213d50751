/**
 * Cytoscape's `ele.boundingBox()` without garbage on its cached path. Its canvas renderer asks each drawn element's
 * box up to five times per frame (`drawCachedElement` and its element and label texture boxes), and each call, even
 * when the cached box is valid, allocated a memoised dirty check, an array of the rounded end positions and an
 * iterator to hash them (collection/bounds.mjs `boundingBox`, `getBoundingBoxPosKey`, 3.34): on a 10,000-note graph
 * (80,000 edges) some 2 GB of garbage over a load, a pan and a hover (sampling heap profile with `--alloc`,
 * tests/e2e/profile-graph.ts), and the major GCs that follow are the longest tasks of the view. Here, a call without
 * options on one element whose cached box is valid — a box exists, its style is clean, and the hash of its rounded
 * positions is the one it was computed at (the same hash, computed without allocating) — returns that box as
 * Cytoscape's own code does; any other call goes to Cytoscape's.
 */
import type cytoscape from 'cytoscape';

interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}
interface Priv {
  group: 'nodes' | 'edges';
  position: { x: number; y: number };
  source?: { _private: Priv } | null;
  target?: { _private: Priv } | null;
  bbCache: Bounds | null;
  bbCachePosKey: number | null;
  styleDirty?: boolean;
}
interface CollectionProto {
  boundingBox?(this: ArrayLike<{ _private: Priv }>, options?: unknown): Bounds;
  __atlasFastBoundingBox?: true;
}

/** Cytoscape's hash of ints (util/hash.mjs `hashIntsArray`: sdbm, seed 9261), one step. */
const step = (hash: number, v: number) => (hash * 65599 + v) | 0;
const SEED = 9261;

/**
 * The key Cytoscape stores with a cached box (`getBoundingBoxPosKey`): the hash of the rounded position of a node, or
 * of an edge's two ends. Null when an edge's end is missing.
 */
export function positionKey(p: Priv): number | null {
  if (p.group === 'edges') {
    const s = p.source?._private.position;
    const t = p.target?._private.position;
    if (!s || !t) return null;
    return step(step(step(step(SEED, Math.round(s.x)), Math.round(s.y)), Math.round(t.x)), Math.round(t.y));
  }
  return step(step(SEED, Math.round(p.position.x)), Math.round(p.position.y));
}

const noninf = (x: number) => (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY ? 0 : x);

/**
 * Patches the prototype of `cy`'s collections (once per page: every instance shares it) with the allocation-free
 * cached path. Does nothing when collections have no `boundingBox` (another Cytoscape version).
 */
export function installFastBoundingBox(cy: cytoscape.Core): void {
  const proto = Object.getPrototypeOf(cy.collection()) as CollectionProto;
  const original = proto.boundingBox;
  if (!original || proto.__atlasFastBoundingBox) return;
  proto.boundingBox = function boundingBox(options) {
    if (options === undefined && this.length === 1) {
      const p = this[0]._private;
      const bb = p.bbCache;
      if (bb != null && !p.styleDirty && p.bbCachePosKey === positionKey(p)) {
        // as Cytoscape's: the cached box (default options) with infinities made 0
        bb.x1 = noninf(bb.x1);
        bb.y1 = noninf(bb.y1);
        bb.x2 = noninf(bb.x2);
        bb.y2 = noninf(bb.y2);
        bb.w = noninf(bb.x2 - bb.x1);
        bb.h = noninf(bb.y2 - bb.y1);
        return bb;
      }
    }
    return original.call(this, options);
  };
  proto.__atlasFastBoundingBox = true;
}
