/**
 * Cytoscape's drawing order of a large graph, sorted in time that stays small. Its canvas renderer keeps the
 * elements sorted by z-order (`getCachedZSortedEles`) and sorts them again after every addition, removal or change of
 * a z-index — a hover sets one (style.ts: `node.hover`, `edge.hover-edge`). Its comparator (`zIndexSort`) reads three
 * style values and the pool index of both elements on each of the n·log n comparisons: at 5,000 notes (45,000
 * elements) one sort was a 333 ms task (CPU profile of a kept-positions load, tests/e2e/profile-graph.ts).
 *
 * Above {@link KEYED_SORT_ABOVE} elements this module sorts instead by keys read once per element — the same keys in
 * the same order as `zIndexSort` (compound depth, nodes above edges unless `z-index-compare: manual`, z-index, pool
 * index), so the order is identical — with the interactive elements read without Cytoscape's per-element style
 * caches, and keeps the rest of Cytoscape's method as it is (the drag layers).
 * Uses Cytoscape internals of its renderers (3.34: `getCachedZSortedEles`, `cachedZSortedEles`,
 * `updateCachedGrabbedEles`, `zDepth`, `mutableElements`), not in its typings.
 */
import type cytoscape from 'cytoscape';

/** Graphs with more elements than this are sorted by precomputed keys. */
export const KEYED_SORT_ABOVE = 1000;

/** A parsed style property as Cytoscape keeps it (`_private.style[name]`, style/parse.mjs). */
interface Parsed {
  value: unknown;
  pfValue?: number;
  strValue?: string;
}
interface Private {
  group: 'nodes' | 'edges';
  styleDirty: boolean;
  style: Record<string, Parsed | undefined>;
  source?: Ele;
  target?: Ele;
}
type Ele = cytoscape.SingularElementReturnValue & {
  _private: Private;
  zDepth(): number;
  interactive(): boolean;
  pstyle(name: string): Parsed;
};
type ZSorted = Ele[] & { interactive?: Ele[] };

interface RendererInternals {
  cachedZSortedEles: ZSorted | null;
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
  updateCachedGrabbedEles(): void;
}

const MAX_INT = Number.MAX_SAFE_INTEGER;

/** The style properties read here. */
const PROPS = ['z-compound-depth', 'z-index-compare', 'z-index', 'events', 'visibility', 'display', 'width', 'height'];
type Prop = (typeof PROPS)[number];

/**
 * Reads elements' parsed style values as `ele.pstyle(name)` does (an element's own value, else the style's default;
 * a dirty style applied first), without a call per value through Cytoscape's collection methods.
 */
class StyleReader {
  private readonly defaults: Record<Prop, Parsed>;
  constructor(cy: cytoscape.Core) {
    const style = cy.style() as unknown as { getDefaultProperty(name: string): Parsed };
    this.defaults = Object.fromEntries(PROPS.map((n) => [n, style.getDefaultProperty(n)]));
  }
  /** The element's parsed styles, applied now if they were dirty (Cytoscape's `parsedStyle`). */
  clean(e: Ele): Private {
    const p = e._private;
    if (p.styleDirty) e.pstyle('display');
    return p;
  }
  get(p: Private, name: Prop): Parsed {
    return p.style[name] ?? this.defaults[name];
  }
  /** A width or height as `ele.width()` gives it for an element that is not a compound parent. */
  dim(e: Ele, p: Private, name: 'width' | 'height'): number {
    const d = this.get(p, name);
    if (d.strValue === 'label') return name === 'width' ? e.width() : e.height();
    return d.pfValue ?? 0;
  }
  /** Cytoscape's `eleTakesUpSpace` (collection/style.mjs): displayed and of a non-zero size. */
  takesUpSpace(e: Ele): boolean {
    const p = this.clean(e);
    if (this.get(p, 'display').value !== 'element' || this.dim(e, p, 'width') === 0) return false;
    return p.group === 'nodes' ? this.dim(e, p, 'height') !== 0 : true;
  }
  /**
   * Cytoscape's `ele.interactive()` for a graph without compound nodes (collection/style.mjs: events on, visible and
   * taking up space; an edge also needs both ends to take up space). Its own method fills a per-element cache keyed
   * by a 32-bit string hash in a sparse array: for 45,000 elements that was 140 ms of one task after a load (CPU
   * profile, tests/e2e/profile-graph.ts, 10,000 notes).
   */
  interactive(e: Ele, p: Private): boolean {
    if (this.get(p, 'events').value !== 'yes' || this.get(p, 'visibility').value !== 'visible') return false;
    if (!this.takesUpSpace(e)) return false;
    if (p.group === 'nodes') return true;
    const src = p.source as Ele;
    const tgt = p.target as Ele;
    return this.takesUpSpace(src) && (src === tgt || this.takesUpSpace(tgt));
  }
}

/**
 * The elements of `cy` in Cytoscape's z-order (`zIndexSort`: compound depth, then nodes above edges under
 * `z-index-compare: auto`, then z-index, then pool index), each key read once, with the interactive ones
 * (`interactive()`, in the same order) as the renderer keeps them (`getCachedZSortedEles().interactive`), found when
 * first read.
 * The pool index is the element's position in Cytoscape's element pool (`mutableElements()`: a collection keeps each
 * element's index equal to its place, also after a removal, collection/index.mjs `unmergeAt`), so it is not read.
 */
export function zSorted(cy: cytoscape.Core): ZSorted {
  const eles = (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue })
    .mutableElements()
    .toArray() as Ele[];
  const n = eles.length;
  const compounds = (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  const read = new StyleReader(cy);
  const depth = new Float64Array(n);
  const kind = new Uint8Array(n);
  const z = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const e = eles[i];
    const p = read.clean(e);
    const d = read.get(p, 'z-compound-depth').value;
    depth[i] = d === 'auto' ? (compounds ? e.zDepth() : 0) : d === 'bottom' ? -1 : d === 'top' ? MAX_INT : 0;
    kind[i] = read.get(p, 'z-index-compare').value === 'auto' && p.group === 'nodes' ? 1 : 0;
    z[i] = read.get(p, 'z-index').value as number;
    order[i] = i;
  }
  order.sort((a, b) => depth[a] - depth[b] || kind[a] - kind[b] || z[a] - z[b] || a - b);
  const out: ZSorted = new Array(n);
  for (let i = 0; i < n; i++) out[i] = eles[order[i]];
  // Only pointer hits and box selection read the interactive elements, the drawing never: they are found on the first
  // read (the first pointer move over the graph), not in the task that draws the first picture after a load.
  Object.defineProperty(out, 'interactive', {
    configurable: true,
    enumerable: true,
    get() {
      const interactive = out.filter((e) => (compounds ? e.interactive() : read.interactive(e, e._private)));
      Object.defineProperty(out, 'interactive', { value: interactive, writable: true, enumerable: true });
      return interactive;
    },
  });
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
    r.cachedZSortedEles = eles;
    r.updateCachedGrabbedEles();
    return eles;
  };
}
