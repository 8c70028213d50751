/**
 * Cytoscape's drawing order of a large graph, sorted in time that stays small. Its canvas renderer keeps the
 * elements sorted by z-order (`getCachedZSortedEles`) and sorts them again after every addition, removal or change of
 * a z-index — a hover sets one (style.ts: `node.hover`, `edge.hover-edge`). Its comparator (`zIndexSort`) reads three
 * style values and the pool index of both elements on each of the n·log n comparisons: at 5,000 notes (45,000
 * elements) one sort was a 333 ms task (CPU profile of a kept-positions load, tests/e2e/profile-graph.ts).
 *
 * Above {@link KEYED_SORT_ABOVE} elements this module sorts instead by keys read once per element — the same keys in
 * the same order as `zIndexSort` (compound depth, nodes above edges unless `z-index-compare: manual`, z-index, order
 * of addition), so the order is identical — and keeps the rest of Cytoscape's method as it is (the interactive
 * elements, the drag layers).
 * Uses Cytoscape internals of its renderers (3.34: `getCachedZSortedEles`, `cachedZSortedEles`,
 * `updateCachedGrabbedEles`, `poolIndex`, `zDepth`), not in its typings.
 */
import type cytoscape from 'cytoscape';

/** Graphs with more elements than this are sorted by precomputed keys. */
export const KEYED_SORT_ABOVE = 1000;

type Ele = cytoscape.SingularElementReturnValue & {
  poolIndex(): number;
  zDepth(): number;
  interactive(): boolean;
  pstyle(name: string): { value: unknown };
};
type ZSorted = Ele[] & { interactive?: Ele[] };

interface RendererInternals {
  cachedZSortedEles: ZSorted | null;
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
  updateCachedGrabbedEles(): void;
}

const MAX_INT = Number.MAX_SAFE_INTEGER;

/** `zIndexSort`'s first key: the compound depth. */
function depthOf(e: Ele, compounds: boolean): number {
  const v = e.pstyle('z-compound-depth').value as string;
  if (v === 'auto') return compounds ? e.zDepth() : 0;
  if (v === 'bottom') return -1;
  if (v === 'top') return MAX_INT;
  return 0;
}

/**
 * The elements of `cy` in Cytoscape's z-order (`zIndexSort`: compound depth, then nodes above edges under
 * `z-index-compare: auto`, then z-index, then order of addition), each key read once.
 */
export function zSorted(cy: cytoscape.Core): ZSorted {
  const eles = (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue })
    .mutableElements()
    .toArray() as Ele[];
  const n = eles.length;
  const compounds = (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  const depth = new Float64Array(n);
  const kind = new Uint8Array(n);
  const z = new Float64Array(n);
  const pool = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const e = eles[i];
    depth[i] = depthOf(e, compounds);
    kind[i] = e.pstyle('z-index-compare').value === 'auto' && e.isNode() ? 1 : 0;
    z[i] = e.pstyle('z-index').value as number;
    pool[i] = e.poolIndex();
    order[i] = i;
  }
  order.sort((a, b) => depth[a] - depth[b] || kind[a] - kind[b] || z[a] - z[b] || pool[a] - pool[b]);
  const out: ZSorted = new Array(n);
  for (let i = 0; i < n; i++) out[i] = eles[order[i]];
  return out;
}

/** Makes `cy`'s renderer sort large graphs by {@link zSorted} (see the file comment). */
export function installKeyedZSort(cy: cytoscape.Core): void {
  const r = (cy as unknown as { renderer(): RendererInternals | undefined }).renderer();
  if (!r || typeof r.getCachedZSortedEles !== 'function' || typeof r.updateCachedGrabbedEles !== 'function') return;
  const own = r.getCachedZSortedEles;
  r.getCachedZSortedEles = function getCachedZSortedEles(forceRecalc) {
    if (!forceRecalc && r.cachedZSortedEles) return r.cachedZSortedEles;
    const all = (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue }).mutableElements();
    if (all.length <= KEYED_SORT_ABOVE) return own.call(r, forceRecalc);
    const eles = zSorted(cy);
    eles.interactive = eles.filter((e) => e.interactive());
    r.cachedZSortedEles = eles;
    r.updateCachedGrabbedEles();
    return eles;
  };
}
