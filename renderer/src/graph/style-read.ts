/**
 * Reading Cytoscape's parsed style values of many elements fast, for the z-order sort (z-order.ts) and pointer hits
 * (hit-index.ts) of large graphs. `ele.pstyle(name)` and `ele.interactive()` go through collection methods and a
 * per-element cache keyed by a 32-bit string hash in a sparse array (`styleCache`, collection/style.mjs): filling it
 * for 45,000 elements was 140 ms of one task after a load (CPU profile, tests/e2e/profile-graph.ts, 10,000 notes).
 * Uses Cytoscape internals (3.34: `_private.style`, `_private.styleDirty`, `_private.source`/`target`,
 * `style().getDefaultProperty`), not in its typings.
 */
import type cytoscape from 'cytoscape';

/** A parsed style property as Cytoscape keeps it (`_private.style[name]`, style/parse.mjs). */
export interface Parsed {
  value: unknown;
  pfValue?: number;
  strValue?: string;
}
/** The part of an element's `_private` read here. */
export interface Private {
  group: 'nodes' | 'edges';
  styleDirty: boolean;
  style: Record<string, Parsed | undefined>;
  source?: StyledEle;
  target?: StyledEle;
}
/** An element with the internals read here. */
export type StyledEle = cytoscape.SingularElementReturnValue & {
  _private: Private;
  zDepth(): number;
  interactive(): boolean;
  poolIndex(): number;
  pstyle(name: string): Parsed;
};

/** The style properties read here. */
const PROPS = [
  'z-compound-depth',
  'z-index-compare',
  'z-index',
  'events',
  'visibility',
  'display',
  'width',
  'height',
  'curve-style',
];
export type Prop = (typeof PROPS)[number];

/**
 * Reads elements' parsed style values as `ele.pstyle(name)` does (an element's own value, else the style's default;
 * a dirty style applied first), without a call per value through Cytoscape's collection methods.
 */
export class StyleReader {
  private readonly defaults: Record<Prop, Parsed>;
  /** The graph has compound nodes (then `interactive` asks Cytoscape: parents count). */
  readonly compounds: boolean;
  constructor(cy: cytoscape.Core) {
    const style = cy.style() as unknown as { getDefaultProperty(name: string): Parsed };
    this.defaults = Object.fromEntries(PROPS.map((n) => [n, style.getDefaultProperty(n)]));
    this.compounds = (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  }
  /** The element's parsed styles, applied now if they were dirty (Cytoscape's `parsedStyle`). */
  clean(e: StyledEle): Private {
    const p = e._private;
    if (p.styleDirty) e.pstyle('display');
    return p;
  }
  get(p: Private, name: Prop): Parsed {
    return p.style[name] ?? this.defaults[name];
  }
  /** A width or height as `ele.width()` gives it for an element that is not a compound parent. */
  private dim(e: StyledEle, p: Private, name: 'width' | 'height'): number {
    const d = this.get(p, name);
    if (d.strValue === 'label') return name === 'width' ? e.width() : e.height();
    return d.pfValue ?? 0;
  }
  /** Cytoscape's `eleTakesUpSpace` (collection/style.mjs): displayed and of a non-zero size. */
  takesUpSpace(e: StyledEle): boolean {
    const p = this.clean(e);
    if (this.get(p, 'display').value !== 'element' || this.dim(e, p, 'width') === 0) return false;
    return p.group === 'nodes' ? this.dim(e, p, 'height') !== 0 : true;
  }
  /** An edge drawn on the segment between its ends' centres: straight or haystack, and not a loop. */
  straight(e: StyledEle): boolean {
    const p = this.clean(e);
    const c = this.get(p, 'curve-style').value;
    return (c === 'straight' || c === 'haystack') && p.source !== p.target;
  }
  /**
   * Cytoscape's `ele.interactive()` (collection/style.mjs): events on, visible and taking up space; an edge also
   * needs both ends to take up space. With compound nodes, Cytoscape's own method (parents count too).
   */
  interactive(e: StyledEle): boolean {
    if (this.compounds) return e.interactive();
    const p = this.clean(e);
    if (this.get(p, 'events').value !== 'yes' || this.get(p, 'visibility').value !== 'visible') return false;
    if (!this.takesUpSpace(e)) return false;
    if (p.group === 'nodes') return true;
    const src = p.source as StyledEle;
    const tgt = p.target as StyledEle;
    return this.takesUpSpace(src) && (src === tgt || this.takesUpSpace(tgt));
  }
}
