/**
 * Drawing a large graph without one long UI-thread task per picture (issue #11: no task over 200 ms).
 *
 * Cytoscape's canvas renderer draws its node layer (nodes and edges) either from its layered textures
 * (`lyrTxrCache`, drawing-elements.mjs `drawLayeredElements`) or, when they are not ready, by drawing every element
 * in that frame. They are never ready after an element change (nor for 250 ms after one), the first call builds all of
 * them in one go, and queueing a level visits every element (boundingBox per element): so the first picture after a
 * load, after the edges are added, a hover or a restyle was one task drawing all elements: ~0.9 s at 1,000 notes
 * (quiet), seconds at 5,000 (CPU profiles, tests/e2e/profile-graph.ts: drawCachedElement, drawImage, drawEdgePath,
 * boundingBox, strokeText, getLayers).
 *
 * Above {@link PROGRESSIVE_ABOVE} elements this module draws the node layer instead, without the layered textures:
 * the elements are drawn (as Cytoscape draws them: `drawCachedElement`, in z-order, with the element texture caches)
 * into an offscreen picture in slices of {@link DRAW_BUDGET_MS} per frame. The screen shows the last complete picture
 * meanwhile, moved and scaled to the current viewport (as Cytoscape's texture-on-viewport does), or before the first
 * complete one the slices drawn so far. While the viewport keeps moving (panBy, zoom, the app's keys, a fit) no slice
 * is drawn and the last picture follows the viewport; drawing resumes once it holds still for a frame. A frame
 * with nothing new is one drawImage. The texture Cytoscape makes when a pointer pan or wheel zoom starts is the last
 * complete picture (not a full draw).
 *
 * Uses Cytoscape internals of its canvas renderer (3.34: `drawLayeredElements`, `drawCachedElement`,
 * `onUpdateEleCalcs`, `redrawHint`, `redraw`, `data.contexts`, `NODE`, `TEXTURE_BUFFER`, `textureMult`), not in its
 * typings; a renderer without them (WebGL) is left alone.
 */
import type cytoscape from 'cytoscape';

/** Node layers with more elements than this are drawn in slices when Cytoscape would draw them all at once. */
export const PROGRESSIVE_ABOVE = 400;
/** Drawing time per frame while a picture is drawn in slices, ms. */
export const DRAW_BUDGET_MS = 30;

type Ctx = CanvasRenderingContext2D;
type Ele = cytoscape.SingularElementReturnValue & {
  _private: { rscratch: { inDragLayer?: boolean } };
};

interface CanvasRendererInternals {
  webgl?: boolean;
  NODE: number;
  TEXTURE_BUFFER: number;
  textureMult: number;
  data: {
    contexts: Ctx[];
    bufferContexts: Ctx[];
  };
  drawLayeredElements(context: Ctx, eles: Ele[], pxRatio: number, extent: unknown): void;
  drawCachedElement(context: Ctx, ele: Ele, pxRatio: number, extent: unknown): void;
  onUpdateEleCalcs(fn: (willDraw: boolean, eles: Ele[]) => void): void;
  redrawHint(group: 'eles' | 'drag', on: boolean): void;
  redraw(): void;
}

/** A picture of the node layer for one viewport. */
interface Picture {
  canvas: HTMLCanvasElement;
  ctx: Ctx;
  zoom: number;
  pan: { x: number; y: number };
  pxRatio: number;
}

/** The state {@link installProgressiveDraw} keeps, for tests and the first-frame mark. */
export interface ProgressiveState {
  /** The last frame showed a partial or an out-of-date picture (a complete one is on its way). */
  partial: boolean;
  /** Frames drawn in slices so far, and pictures completed that way. */
  slicedFrames: number;
  pictures: number;
}

const states = new WeakMap<cytoscape.Core, ProgressiveState>();

/** The progressive-drawing state of `cy`, or null when it draws every frame in full (WebGL, or not installed). */
export function progressiveState(cy: cytoscape.Core): ProgressiveState | null {
  return states.get(cy) ?? null;
}

function newPicture(w: number, h: number): Picture {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  return { canvas, ctx: canvas.getContext('2d') as Ctx, zoom: 1, pan: { x: 0, y: 0 }, pxRatio: 1 };
}

/** Draws `p` on `ctx` (identity transform) moved and scaled from its viewport to `zoom`/`pan`. */
function blit(ctx: Ctx, p: Picture, zoom: number, pan: { x: number; y: number }, pxRatio: number, scale = 1): void {
  // a view drawn while hidden (a background tab) has a 0-px canvas: drawImage would throw, and there is nothing to see
  if (p.canvas.width === 0 || p.canvas.height === 0 || ctx.canvas.width === 0 || ctx.canvas.height === 0) return;
  const s = zoom / p.zoom;
  const k = pxRatio / p.pxRatio;
  ctx.save();
  ctx.setTransform(
    s * k * scale,
    0,
    0,
    s * k * scale,
    (pan.x - s * p.pan.x) * pxRatio * scale,
    (pan.y - s * p.pan.y) * pxRatio * scale,
  );
  ctx.drawImage(p.canvas, 0, 0);
  ctx.restore();
}

/**
 * Makes `cy`'s canvas renderer draw large node layers in slices (see the file comment). Does nothing for the WebGL
 * renderer. Returns the state (also {@link progressiveState}).
 */
export function installProgressiveDraw(cy: cytoscape.Core): ProgressiveState | null {
  const r = (cy as unknown as { renderer(): CanvasRendererInternals | undefined }).renderer();
  if (!r || r.webgl || typeof r.drawLayeredElements !== 'function') return null;
  const state: ProgressiveState = { partial: false, slicedFrames: 0, pictures: 0 };
  states.set(cy, state);
  /** Bumped when an element outside the drag layer changes how it is drawn (style, position, data). */
  let version = 0;
  r.onUpdateEleCalcs((_willDraw, eles) => {
    for (let i = 0; i < eles.length; i++) {
      const e = eles[i];
      if (!e._private.rscratch.inDragLayer && !e.grabbed()) {
        version++;
        return;
      }
    }
  });
  /** The last complete picture, what it shows, and the one being drawn. */
  let shown: (Picture & { eles: Ele[]; version: number }) | null = null;
  let work: Picture | null = null;
  let workEles: Ele[] | null = null;
  let workVersion = -1;
  let next = 0;
  let lastVp = '';
  let again = false;
  const fullDraw = (context: Ctx, eles: Ele[], pxRatio: number, extent: unknown) => {
    for (let i = 0; i < eles.length; i++) r.drawCachedElement(context, eles[i], pxRatio, extent);
  };
  const requestFrame = () => {
    if (again) return;
    again = true;
    // after this render: it clears the redraw request and the node layer's hint when it returns
    queueMicrotask(() => {
      again = false;
      r.redrawHint('eles', true);
      r.redraw();
    });
  };
  const layered = r.drawLayeredElements;
  r.drawLayeredElements = function drawLayeredElements(context, eles, pxRatio, extent) {
    if (eles.length <= PROGRESSIVE_ABOVE) {
      // Cytoscape's own way: its layered textures when ready, else every element now
      layered.call(r, context, eles, pxRatio, extent);
      state.partial = false;
      return;
    }
    const zoom = cy.zoom();
    const pan = cy.pan();
    /** The complete picture of these elements as they are now, if any. */
    const cur = shown && shown.eles === eles && shown.version === version ? shown : null;
    const showsView = (p: Picture) => p.zoom === zoom && p.pan.x === pan.x && p.pan.y === pan.y;
    if (context !== r.data.contexts[r.NODE]) {
      // The texture of a pointer pan or zoom (the viewport at textureMult resolution): the last complete picture,
      // moved to this viewport; any other forced context (an image export) is drawn in full.
      if (context === r.data.bufferContexts[r.TEXTURE_BUFFER] && shown)
        blit(context, shown, zoom, pan, shown.pxRatio, r.textureMult);
      else fullDraw(context, eles, pxRatio, extent);
      return;
    }
    const { width, height } = context.canvas;
    const vp = `${zoom} ${pan.x} ${pan.y} ${pxRatio} ${width} ${height}`;
    const moved = vp !== lastVp;
    lastVp = vp;
    if (
      cur &&
      showsView(cur) &&
      cur.pxRatio === pxRatio &&
      cur.canvas.width === width &&
      cur.canvas.height === height
    ) {
      blit(context, cur, zoom, pan, pxRatio);
      state.partial = false;
      return;
    }
    if (moved || !work || workEles !== eles || workVersion !== version) {
      // a new picture for this viewport and these elements
      if (!work || work.canvas.width !== width || work.canvas.height !== height) work = newPicture(width, height);
      else {
        work.ctx.setTransform(1, 0, 0, 1, 0, 0);
        work.ctx.clearRect(0, 0, width, height);
      }
      work.zoom = zoom;
      work.pan = { x: pan.x, y: pan.y };
      work.pxRatio = pxRatio;
      workEles = eles;
      workVersion = version;
      next = 0;
    }
    // While the viewport moves, the last picture follows it and no slice is drawn (it would be thrown away).
    if (!(moved && shown)) {
      const t0 = performance.now();
      work.ctx.setTransform(context.getTransform());
      while (next < eles.length) {
        r.drawCachedElement(work.ctx, eles[next++], pxRatio, extent);
        if ((next & 15) === 0 && performance.now() - t0 >= DRAW_BUDGET_MS) break;
      }
      state.slicedFrames++;
    }
    const ctx = context;
    if (next >= eles.length) {
      const done = work;
      work = shown && shown.canvas.width === width && shown.canvas.height === height ? shown : null;
      shown = Object.assign(done, { eles, version });
      workEles = null;
      state.pictures++;
      blit(ctx, shown, zoom, pan, pxRatio);
      state.partial = false;
      return;
    }
    if (shown) blit(ctx, shown, zoom, pan, pxRatio);
    else blit(ctx, work, zoom, pan, pxRatio);
    state.partial = true;
    requestFrame();
  };
  return state;
}
