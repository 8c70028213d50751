/**
 * Cytoscape's style triggers once per element per style application, not once per property. When an element's style
 * is applied (`Style.apply` → `applyContextStyle`, style/apply.mjs, 3.34), every property that changes runs
 * `checkTriggers`, which for a property that affects the geometry dirties the element's bounding box and emits a
 * `bounds` event (an event object, the element's emitter and the core's listeners walked), and for the properties of
 * edges and their endpoints collects the connected or parallel edges into a new collection and dirties each. A new
 * element's first application changes some 30 properties, so a 10,000-note graph (91,000 elements) emitted about two
 * million `bounds` events while it loaded: ≈ 700 MB of the 4 GB its kept-positions load allocated (sampling heap
 * profile, `node tests/e2e/profile-graph.ts --alloc`), and major GC pauses of 300 ms and more.
 *
 * While `applyContextStyle` runs for an element, this records which triggers fired (the same per-property checks,
 * `triggersZOrder`, `triggersBounds`, `triggersBoundsOfConnectedEdges`, `triggersBoundsOfParallelEdges`) and runs each
 * fired one once when the element's properties are all applied: the same caches dirtied, the same notifications and
 * events, each once. `dirtyStyleCache` (the element's and its connected edges' cached style reads; a new collection of
 * the edges per call) likewise: the element's own cache is cleared per property, as Cytoscape does, its edges' once at
 * the end. Triggers outside an application (bypasses, transitions) are untouched.
 */
import type cytoscape from 'cytoscape';

type Check = ((from: unknown, to: unknown, ele: unknown) => boolean) | undefined;

interface PropertyDef {
  triggersZOrder?: Check;
  triggersBounds?: Check;
  triggersBoundsOfConnectedEdges?: Check;
  triggersBoundsOfParallelEdges?: Check;
}

interface Ele {
  _private: { styleCache: unknown };
  removed(): boolean;
  dirtyStyleCache(): void;
  dirtyCompoundBoundsCache(): void;
  dirtyBoundingBoxCache(): void;
  connectedEdges(): { dirtyBoundingBoxCache(): void };
  parallelEdges(): { dirtyBoundingBoxCache(): void };
  cy(): { notify(event: string, eles?: unknown): void };
}

interface StyleProto {
  properties: Record<string, PropertyDef | undefined>;
  applyContextStyle?(meta: unknown, cxtStyle: unknown, ele: Ele): unknown;
  checkTriggers?(ele: Ele, name: string, from: unknown, to: unknown): void;
  __atlasBatchedTriggers?: true;
}

/** The triggers that fired for the element whose style is being applied. */
interface Fired {
  ele: Ele;
  /** A property was applied (its style cache and its edges' are to be dirtied). */
  styled: boolean;
  zOrder: boolean;
  bounds: boolean;
  connected: boolean;
  parallel: boolean;
}

/** The application in progress (applications do not nest: each runs to its end without yielding). */
let current: Fired | null = null;

function fire(f: Fired): void {
  const ele = f.ele;
  if (f.styled) ele.dirtyStyleCache();
  if (ele.removed()) return;
  if (f.zOrder) ele.cy().notify('zorder', ele);
  if (f.bounds) {
    ele.dirtyCompoundBoundsCache();
    ele.dirtyBoundingBoxCache();
  }
  // as a collection: the same caches dirtied and events emitted per edge, the renderer notified once
  if (f.connected) ele.connectedEdges().dirtyBoundingBoxCache();
  if (f.parallel) ele.parallelEdges().dirtyBoundingBoxCache();
}

/**
 * Patches the prototype of `cy`'s Style (once per page: every instance shares it) so an element's style triggers run
 * once per application. Does nothing when the Style lacks `applyContextStyle` or `checkTriggers` (another Cytoscape
 * version).
 */
export function installBatchedStyleTriggers(cy: cytoscape.Core): void {
  const proto = Object.getPrototypeOf(cy.style()) as StyleProto;
  const apply = proto.applyContextStyle;
  const check = proto.checkTriggers;
  if (!apply || !check || proto.__atlasBatchedTriggers) return;
  proto.applyContextStyle = function (this: StyleProto, meta, cxtStyle, ele) {
    if (current) return apply.call(this, meta, cxtStyle, ele);
    const fired: Fired = { ele, styled: false, zOrder: false, bounds: false, connected: false, parallel: false };
    current = fired;
    try {
      return apply.call(this, meta, cxtStyle, ele);
    } finally {
      current = null;
      fire(fired);
    }
  };
  proto.checkTriggers = function (this: StyleProto, ele, name, from, to) {
    const f = current;
    if (!f || f.ele !== ele) return check.call(this, ele, name, from, to);
    // the element's own cache at once (a later property's mapper may read it); its edges' once, at the end
    ele._private.styleCache = null;
    f.styled = true;
    const prop = this.properties[name];
    if (!prop || ele.removed()) return;
    if (!f.zOrder && prop.triggersZOrder?.(from, to, ele)) f.zOrder = true;
    if (!f.bounds && prop.triggersBounds?.(from, to, ele)) f.bounds = true;
    if (!f.connected && prop.triggersBoundsOfConnectedEdges?.(from, to, ele)) f.connected = true;
    if (!f.parallel && prop.triggersBoundsOfParallelEdges?.(from, to, ele)) f.parallel = true;
  };
  proto.__atlasBatchedTriggers = true;
}
