/**
 * Cytoscape's canvas edge drawing without garbage per edge per frame. Its `drawEdge`, `drawArrowhead`,
 * `drawArrowShape` and `drawEdgePath` (renderer/canvas/drawing-edges.mjs, 3.34.4) allocate on every call: six
 * closures and their context per edge, a style name per arrowhead (`prefix + '-arrow-shape'` …, four arrowheads per
 * edge even when it has none), a translation object and a string hash per arrow, the path cache key
 * `pts.join('$')` (every coordinate printed) and two `setLineDash([])` arrays per edge. On a 10,000-note graph
 * (80,000 edges) that was ≈ 1.1 GB of the 3.1 GB a kept-positions load allocated (sampling heap profile,
 * `node tests/e2e/profile-graph.ts --alloc`), and more on every pan, zoom and hover.
 *
 * These are the same functions drawing the same strokes and fills in the same order (unit test: the recorded canvas
 * calls, each stroke and fill with the path it draws, equal Cytoscape's own for bezier, haystack, dashed, dotted and
 * arrowed edges, a cached path and a moved one), written without those allocations: straight-line code for the
 * closures, style names kept per arrow prefix, the arrow paths kept by shape name, the edge path's cache checked
 * against a kept copy of its points, one empty dash array. A straight or haystack edge (two points) is stroked on the
 * context without a cached `Path2D`: one per edge was ≈ 590 bytes of V8 heap plus Blink's, all marked by each major
 * GC (heap snapshot of a 2,000-note kept load: 16,200 `Path2D`, 9.5 MB). Installed only on the Cytoscape version
 * they copy ({@link EDGE_DRAWING_VERSION}).
 */
import cytoscape from 'cytoscape';

/** The Cytoscape version whose drawing these functions copy; another version keeps its own. */
export const EDGE_DRAWING_VERSION = '3.34.4';

/** A canvas 2D context or a Path2D (Cytoscape draws shapes into either). */
type Ctx = CanvasRenderingContext2D & Path2D;
type Pstyle = { value: unknown; pfValue: number; units?: string; strValue?: string };

interface Edge {
  _private: { rscratch: Record<string, unknown> & EdgeScratch };
  pstyle(name: string): Pstyle;
  visible(): boolean;
}

interface EdgeScratch {
  badLine?: boolean;
  allpts?: number[] | null;
  edgeType?: string;
  isRound?: boolean;
  pathCache?: Path2D;
  pathCacheKey?: string;
  /** The points `pathCache` was made from (this module's key). */
  atlasPathPts?: number[];
  arrowStartX: number;
  arrowStartY: number;
  srcArrowAngle: number;
  midX: number;
  midY: number;
  midtgtArrowAngle: number;
  midsrcArrowAngle: number;
  arrowEndX: number;
  arrowEndY: number;
  tgtArrowAngle: number;
}

interface ArrowShape {
  draw(context: Ctx, size: number, angle: number, translation: { x: number; y: number }, edgeWidth: number): void;
}

/** The canvas renderer's methods these use (renderer/canvas/*.mjs). */
export interface EdgeRenderer {
  usePaths(): boolean;
  getArrowWidth(edgeWidth: number, scale: number): number;
  arrowShapes: Record<string, ArrowShape>;
  colorFillStyle(context: Ctx, r: number, g: number, b: number, a: number): void;
  colorStrokeStyle(context: Ctx, r: number, g: number, b: number, a: number): void;
  eleStrokeStyle(context: Ctx, edge: Edge, opacity: number): void;
  drawEdgeTrianglePath(edge: Edge, context: Ctx, pts: number[]): void;
  drawEdgePath(edge: Edge, context: Ctx, pts: number[], type: unknown): void;
  drawEdgeOverlay(context: Ctx, edge: Edge): void;
  drawEdgeUnderlay(context: Ctx, edge: Edge): void;
  drawElementText(context: Ctx, edge: Edge, shift: null, drawLabel: boolean): void;
  drawArrowheads(context: Ctx, edge: Edge, opacity: number): void;
  drawArrowhead(context: Ctx, edge: Edge, prefix: string, x: number, y: number, angle: number, opacity?: number): void;
  drawArrowShape(
    edge: Edge,
    context: Ctx,
    fill: unknown,
    edgeWidth: number,
    shape: string,
    shapeWidth: number,
    x: number,
    y: number,
    angle: number,
  ): void;
  drawEdge(
    context: Ctx,
    edge: Edge,
    shiftToOriginWithBb?: { x1: number; y1: number },
    drawLabel?: boolean,
    shouldDrawOverlay?: boolean,
    shouldDrawOpacity?: boolean,
  ): void;
  /** Arrow paths by shape name (this module's cache; Cytoscape's is `arrowPathCache`, by hash). */
  atlasArrowPaths?: Map<string, Path2D>;
}

/** The global `isNaN` (it converts first: `undefined` is not a number), which Cytoscape's checks use. */
function isNotANumber(v: unknown): boolean {
  return Number.isNaN(Number(v));
}

/** An edge's line (`drawLine` in Cytoscape's drawEdge). */
function drawLine(
  r: EdgeRenderer,
  context: Ctx,
  edge: Edge,
  curveStyle: unknown,
  edgeWidth: number,
  lineCap: CanvasLineCap,
  lineStyle: unknown,
  strokeOpacity: number,
): void {
  const pts = edge._private.rscratch.allpts as number[];
  if (curveStyle === 'straight-triangle') {
    r.eleStrokeStyle(context, edge, strokeOpacity);
    r.drawEdgeTrianglePath(edge, context, pts);
  } else {
    context.lineWidth = edgeWidth;
    context.lineCap = lineCap;
    r.eleStrokeStyle(context, edge, strokeOpacity);
    r.drawEdgePath(edge, context, pts, lineStyle);
    context.lineCap = 'butt'; // reset for other drawing functions
  }
}

/** An edge's outline (`drawLineOutline` in Cytoscape's drawEdge). */
function drawLineOutline(
  r: EdgeRenderer,
  context: Ctx,
  edge: Edge,
  curveStyle: unknown,
  edgeWidth: number,
  lineCap: CanvasLineCap,
  lineStyle: unknown,
  outlineWidth: number,
  outlineColor: number[],
  strokeOpacity: number,
): void {
  context.lineWidth = edgeWidth + outlineWidth;
  context.lineCap = lineCap;
  if (!(outlineWidth > 0)) {
    context.lineCap = 'butt';
    return;
  }
  r.colorStrokeStyle(context, outlineColor[0]!, outlineColor[1]!, outlineColor[2]!, strokeOpacity);
  const pts = edge._private.rscratch.allpts as number[];
  if (curveStyle === 'straight-triangle') r.drawEdgeTrianglePath(edge, context, pts);
  else {
    r.drawEdgePath(edge, context, pts, lineStyle);
    context.lineCap = 'butt';
  }
}

function drawEdge(
  this: EdgeRenderer,
  context: Ctx,
  edge: Edge,
  shiftToOriginWithBb?: { x1: number; y1: number },
  drawLabel = true,
  shouldDrawOverlay = true,
  shouldDrawOpacity = true,
): void {
  const rs = edge._private.rscratch;
  if (shouldDrawOpacity && !edge.visible()) return;
  // if bezier ctrl pts can not be calculated, then die
  if (rs.badLine || rs.allpts == null || isNotANumber(rs.allpts[0])) return;
  const bb = shiftToOriginWithBb;
  if (bb) context.translate(-bb.x1, -bb.y1);
  const opacity = shouldDrawOpacity ? (edge.pstyle('opacity').value as number) : 1;
  const lineOpacity = shouldDrawOpacity ? (edge.pstyle('line-opacity').value as number) : 1;
  const curveStyle = edge.pstyle('curve-style').value;
  const lineStyle = edge.pstyle('line-style').value;
  const edgeWidth = edge.pstyle('width').pfValue;
  const lineCap = edge.pstyle('line-cap').value as CanvasLineCap;
  const outlineWidth = edge.pstyle('line-outline-width').value as number;
  const outlineColor = edge.pstyle('line-outline-color').value as number[];
  const effectiveLineOpacity = opacity * lineOpacity;
  const effectiveArrowOpacity = opacity * lineOpacity;
  context.lineJoin = 'round';
  if (edge.pstyle('ghost').value === 'yes') {
    const gx = edge.pstyle('ghost-offset-x').pfValue;
    const gy = edge.pstyle('ghost-offset-y').pfValue;
    const ghostOpacity = effectiveLineOpacity * (edge.pstyle('ghost-opacity').value as number);
    context.translate(gx, gy);
    drawLine(this, context, edge, curveStyle, edgeWidth, lineCap, lineStyle, ghostOpacity);
    this.drawArrowheads(context, edge, ghostOpacity);
    context.translate(-gx, -gy);
  } else {
    drawLineOutline(
      this,
      context,
      edge,
      curveStyle,
      edgeWidth,
      lineCap,
      lineStyle,
      outlineWidth,
      outlineColor,
      effectiveLineOpacity,
    );
  }
  if (shouldDrawOverlay) this.drawEdgeUnderlay(context, edge);
  drawLine(this, context, edge, curveStyle, edgeWidth, lineCap, lineStyle, effectiveLineOpacity);
  this.drawArrowheads(context, edge, effectiveArrowOpacity);
  if (shouldDrawOverlay) this.drawEdgeOverlay(context, edge);
  this.drawElementText(context, edge, null, drawLabel);
  if (bb) context.translate(bb.x1, bb.y1);
}

interface ArrowNames {
  shape: string;
  fill: string;
  width: string;
  color: string;
}
const ARROW_NAMES = new Map<string, ArrowNames>(
  ['source', 'target', 'mid-source', 'mid-target'].map((p) => [
    p,
    { shape: `${p}-arrow-shape`, fill: `${p}-arrow-fill`, width: `${p}-arrow-width`, color: `${p}-arrow-color` },
  ]),
);
function arrowNames(prefix: string): ArrowNames {
  return (
    ARROW_NAMES.get(prefix) ?? {
      shape: `${prefix}-arrow-shape`,
      fill: `${prefix}-arrow-fill`,
      width: `${prefix}-arrow-width`,
      color: `${prefix}-arrow-color`,
    }
  );
}

function drawArrowhead(
  this: EdgeRenderer,
  context: Ctx,
  edge: Edge,
  prefix: string,
  x: number,
  y: number,
  angle: number,
  opacity?: number,
): void {
  if (isNotANumber(x) || x == null || isNotANumber(y) || y == null || isNotANumber(angle) || angle == null) return;
  const names = arrowNames(prefix);
  const arrowShape = edge.pstyle(names.shape).value as string;
  if (arrowShape === 'none') return;
  const arrowFill = edge.pstyle(names.fill).value;
  const arrowClearFill = arrowFill === 'hollow' ? 'both' : 'filled';
  const edgeWidth = edge.pstyle('width').pfValue;
  const pArrowWidth = edge.pstyle(names.width);
  let arrowWidth = pArrowWidth.value === 'match-line' ? edgeWidth : pArrowWidth.pfValue;
  if (pArrowWidth.units === '%') arrowWidth *= edgeWidth;
  const edgeOpacity = edge.pstyle('opacity').value as number;
  const alpha = opacity === undefined ? edgeOpacity : opacity;
  const gco = context.globalCompositeOperation;
  if (alpha !== 1 || arrowFill === 'hollow') {
    // then extra clear is needed
    context.globalCompositeOperation = 'destination-out';
    this.colorFillStyle(context, 255, 255, 255, 1);
    this.colorStrokeStyle(context, 255, 255, 255, 1);
    this.drawArrowShape(edge, context, arrowClearFill, edgeWidth, arrowShape, arrowWidth, x, y, angle);
    context.globalCompositeOperation = gco;
  } // otherwise, the opaque arrow clears it for free
  const color = edge.pstyle(names.color).value as number[];
  this.colorFillStyle(context, color[0]!, color[1]!, color[2]!, alpha);
  this.colorStrokeStyle(context, color[0]!, color[1]!, color[2]!, alpha);
  this.drawArrowShape(edge, context, arrowFill, edgeWidth, arrowShape, arrowWidth, x, y, angle);
}

function drawArrowShape(
  this: EdgeRenderer,
  edge: Edge,
  context: Ctx,
  fill: unknown,
  edgeWidth: number,
  shape: string,
  shapeWidth: number,
  x: number,
  y: number,
  angle: number,
): void {
  // biome-ignore lint/correctness/useHookAtTopLevel: Cytoscape's renderer method, not a React hook
  const usePaths = this.usePaths() && shape !== 'triangle-cross';
  const scale = edge.pstyle('arrow-scale').value as number;
  const size = this.getArrowWidth(edgeWidth, scale);
  const shapeImpl = this.arrowShapes[shape]!;
  let path: Path2D | undefined;
  if (usePaths) {
    this.atlasArrowPaths ??= new Map();
    path = this.atlasArrowPaths.get(shape);
    if (!path) {
      const made = new Path2D() as Ctx;
      made.beginPath?.();
      // stored in the path cache with values easily manipulated later
      shapeImpl.draw(made, 1, 0, { x: 0, y: 0 }, 1);
      made.closePath?.();
      this.atlasArrowPaths.set(shape, made);
      path = made;
    }
    // set transform to arrow position/orientation
    context.translate(x, y);
    context.rotate(angle);
    context.scale(size, size);
  } else {
    context.beginPath?.();
    shapeImpl.draw(context, size, angle, { x, y }, edgeWidth);
    context.closePath?.();
  }
  if (fill === 'filled' || fill === 'both') {
    if (path) context.fill(path);
    else context.fill();
  }
  if (fill === 'hollow' || fill === 'both') {
    context.lineWidth = shapeWidth / (usePaths ? size : 1);
    context.lineJoin = 'miter';
    if (path) context.stroke(path);
    else context.stroke();
  }
  if (usePaths) {
    // reset transform by applying inverse
    context.scale(1 / size, 1 / size);
    context.rotate(-angle);
    context.translate(-x, -y);
  }
}

/** No dash (one array for every call; canvas copies what it is given). */
const SOLID: number[] = [];
const DOTTED = [1, 1];

/** Whether `kept` holds the same coordinates as `pts` (Cytoscape's key: `pts.join('$')` equal). */
function samePoints(kept: number[] | undefined, pts: number[]): boolean {
  if (!kept || kept.length !== pts.length) return false;
  for (let i = 0; i < pts.length; i++) if (kept[i] !== pts[i]) return false;
  return true;
}

function drawEdgePath(this: EdgeRenderer, edge: Edge, context: Ctx, pts: number[], type: unknown): void {
  const rs = edge._private.rscratch;
  const canvasCxt = context;
  let target: Ctx = context;
  let path: Path2D | undefined;
  let pathCacheHit = false;
  // biome-ignore lint/correctness/useHookAtTopLevel: Cytoscape's renderer method, not a React hook
  const usePaths = this.usePaths();
  const lineDashPattern = edge.pstyle('line-dash-pattern').pfValue as unknown as number[];
  const lineDashOffset = edge.pstyle('line-dash-offset').pfValue;
  // A straight line is stroked as it is: a cached Path2D per edge (Cytoscape's `pathCache`) saves nothing for two
  // points, and each is a Blink object the major GC marks (≈ 80k at 10,000 notes; heap snapshot, round 12).
  const line = !rs.badLine && pts.length === 4 && (rs.edgeType === 'straight' || rs.edgeType === 'haystack');
  if (line) {
    // a path kept from before (the edge was curved, or drawn by Cytoscape's own function) is let go once
    if (rs.pathCache) rs.pathCache = rs.atlasPathPts = undefined;
  } else if (usePaths) {
    if (rs.pathCache && samePoints(rs.atlasPathPts, pts)) {
      path = rs.pathCache;
      pathCacheHit = true;
    } else {
      path = new Path2D();
      rs.atlasPathPts = pts.slice();
      rs.pathCache = path;
    }
    target = path as Ctx;
  }
  if (canvasCxt.setLineDash) {
    if (type === 'dotted') canvasCxt.setLineDash(DOTTED);
    else if (type === 'dashed') {
      canvasCxt.setLineDash(lineDashPattern);
      canvasCxt.lineDashOffset = lineDashOffset;
    } else if (type === 'solid') canvasCxt.setLineDash(SOLID);
  }
  if (!pathCacheHit && !rs.badLine) {
    target.beginPath?.();
    target.moveTo(pts[0]!, pts[1]!);
    switch (rs.edgeType) {
      case 'bezier':
      case 'self':
      case 'compound':
      case 'multibezier':
        for (let i = 2; i + 3 < pts.length; i += 4)
          target.quadraticCurveTo(pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!);
        break;
      case 'straight':
      case 'haystack':
        for (let i = 2; i + 1 < pts.length; i += 2) target.lineTo(pts[i]!, pts[i + 1]!);
        break;
    }
  }
  if (path) canvasCxt.stroke(path);
  else canvasCxt.stroke();
  // reset any line dashes
  if (canvasCxt.setLineDash) canvasCxt.setLineDash(SOLID);
}

/**
 * Replaces the edge drawing methods of `cy`'s canvas renderer with the garbage-free copies (nothing when the renderer
 * is not the canvas one or Cytoscape is not {@link EDGE_DRAWING_VERSION}).
 */
export function installLeanEdgeDrawing(cy: cytoscape.Core): void {
  const version = (cytoscape as unknown as { version?: string }).version;
  const r = (cy as unknown as { renderer(): EdgeRenderer | undefined }).renderer();
  if (version !== EDGE_DRAWING_VERSION || !r || typeof r.drawEdgePath !== 'function') return;
  installOn(r);
}

/** Installs the copies on renderer `r` (tests call it on a renderer made without a page). */
export function installOn(r: EdgeRenderer): void {
  const ownPath = r.drawEdgePath;
  r.drawEdge = drawEdge;
  r.drawArrowhead = drawArrowhead;
  r.drawArrowShape = drawArrowShape;
  r.drawEdgePath = function (edge, context, pts, type) {
    // segments (round corners use a private helper of Cytoscape's) stay with its own function and its own key
    if (edge._private.rscratch.edgeType === 'segments') {
      edge._private.rscratch.atlasPathPts = undefined;
      ownPath.call(this, edge, context, pts, type);
      return;
    }
    drawEdgePath.call(this, edge, context, pts, type);
  };
}
