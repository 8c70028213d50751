/**
 * edge-drawing.ts: the garbage-free copies of Cytoscape's canvas edge drawing make the same canvas and path calls, in
 * the same order and with the same arguments, as Cytoscape's own: haystack, bezier with arrowheads (opaque and
 * faded, filled and hollow), dashed and dotted lines, an outline, a ghost, a segments edge, a shifted origin; a second
 * frame (cached paths reused) and a moved edge (its path made again). Cytoscape's canvas renderer runs here without a
 * page: its prototype (`cytoscape('renderer', 'canvas')`) on a headless graph's elements, with recording stand-ins
 * for the canvas context and `Path2D` (defined before Cytoscape loads, so it draws with paths as in a browser).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

type Call = [string, ...unknown[]];
let log: Call[] = [];
let paths = 0;
const arg = (v: unknown): unknown => (v instanceof RecordingPath ? `path#${v.id}` : Array.isArray(v) ? [...v] : v);

class RecordingPath {
  readonly id = ++paths;
  constructor() {
    log.push(['new Path2D', this.id]);
  }
}
for (const m of ['moveTo', 'lineTo', 'quadraticCurveTo', 'bezierCurveTo', 'arc', 'arcTo', 'closePath', 'rect'])
  (RecordingPath.prototype as unknown as Record<string, unknown>)[m] = function (this: RecordingPath, ...a: unknown[]) {
    log.push([`path#${this.id}.${m}`, ...a.map(arg)]);
  };
(globalThis as unknown as { Path2D: unknown }).Path2D = RecordingPath;

/** A canvas 2D context that records every method call and property write. */
function recordingContext(): CanvasRenderingContext2D {
  const state: Record<string, unknown> = { globalCompositeOperation: 'source-over', lineWidth: 1 };
  return new Proxy(state, {
    get(t, k) {
      if (typeof k !== 'string') return undefined;
      if (k in t) return t[k];
      return (...a: unknown[]) => {
        log.push([k, ...a.map(arg)]);
      };
    },
    set(t, k, v) {
      t[k as string] = v;
      log.push([`${String(k)}=`, arg(v)]);
      return true;
    },
    has(t, k) {
      return k in t || k === 'setLineDash' || k === 'beginPath' || k === 'closePath';
    },
  }) as unknown as CanvasRenderingContext2D;
}

const { default: cytoscape } = await import('cytoscape');
const { installOn, EDGE_DRAWING_VERSION } = await import('../../renderer/src/graph/edge-drawing.ts');

type Renderer = Record<string, unknown> & { drawEdge(...a: unknown[]): void };
function renderer(): Renderer {
  const CR = (cytoscape as unknown as (type: string, name: string) => { prototype: object })('renderer', 'canvas');
  const r = Object.create(CR.prototype) as Renderer & { registerArrowShapes(): void };
  r.pathsEnabled = true;
  r.registerArrowShapes();
  // labels, overlays and underlays are other functions' work: recorded as calls
  for (const m of ['drawElementText', 'drawEdgeOverlay', 'drawEdgeUnderlay'])
    r[m] = (_c: unknown, e: { id(): string }) => {
      log.push([m, e.id()]);
    };
  return r;
}

const style: cytoscape.StylesheetJson = [
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8899aa', 'curve-style': 'haystack' } },
  {
    selector: 'edge.prereq',
    style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#c33', width: 2 },
  },
  { selector: 'edge.faded', style: { opacity: 0.3, 'source-arrow-shape': 'tee', 'source-arrow-fill': 'hollow' } },
  { selector: 'edge.dashed', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3], 'line-dash-offset': 2 } },
  { selector: 'edge.dotted', style: { 'line-style': 'dotted', 'mid-target-arrow-shape': 'vee' } },
  { selector: 'edge.outlined', style: { 'line-outline-width': 2, 'line-outline-color': '#fff' } },
  {
    selector: 'edge.ghost',
    style: { ghost: 'yes', 'ghost-offset-x': 2, 'ghost-offset-y': 3, 'ghost-opacity': 0.5, 'line-cap': 'round' },
  },
  { selector: 'edge.segments', style: { 'curve-style': 'segments' } },
];

type Scratch = Record<string, unknown>;
const EDGES: [string, string, number[], Scratch][] = [
  ['plain', 'haystack', [0, 0, 40, 30], {}],
  ['prereq', 'bezier', [0, 0, 20, -10, 40, 30], { arrowEndX: 40, arrowEndY: 30, tgtArrowAngle: 0.6 }],
  [
    'prereq faded',
    'bezier',
    [5, 5, 25, -10, 45, 35],
    { arrowStartX: 5, arrowStartY: 5, srcArrowAngle: -2.5, arrowEndX: 45, arrowEndY: 35, tgtArrowAngle: 0.7 },
  ],
  ['dashed', 'straight', [0, 0, 10, 80], {}],
  ['dotted', 'straight', [0, 0, 50, 50], { midX: 25, midY: 25, midtgtArrowAngle: 0.8 }],
  ['outlined', 'haystack', [1, 2, 3, 4], {}],
  ['ghost prereq', 'bezier', [0, 0, 10, 10, 20, 0], { arrowEndX: 20, arrowEndY: 0, tgtArrowAngle: 1 }],
  ['segments', 'segments', [0, 0, 10, 0, 10, 10], { isRound: false }],
];

/** Draws every edge twice (the second frame reuses cached paths), then moves each and draws again. */
function draw(patch: boolean): Call[] {
  log = [];
  paths = 0;
  const cy = cytoscape({ headless: true, styleEnabled: true, style });
  cy.add([
    { data: { id: 'a' }, position: { x: 0, y: 0 } },
    { data: { id: 'b' }, position: { x: 40, y: 30 } },
  ]);
  const edges = EDGES.map(([classes, edgeType, allpts, extra], i) => {
    const e = cy.add({ data: { id: `e${i}`, source: 'a', target: 'b' }, classes });
    // a headless graph has no renderer to fill the scratch: the geometry is given
    (e as unknown as { _private: { rscratch: Scratch } })._private.rscratch = {
      edgeType,
      allpts,
      badLine: false,
      midX: NaN,
      midY: NaN,
      ...extra,
    };
    return e;
  });
  const r = renderer();
  if (patch) installOn(r as never);
  const ctx = recordingContext();
  try {
    frames(r, ctx, edges);
  } finally {
    cy.destroy();
  }
  return log;
}

function frames(r: Renderer, ctx: CanvasRenderingContext2D, edges: cytoscape.EdgeSingular[]): void {
  for (let frame = 0; frame < 3; frame++) {
    if (frame === 2)
      for (const e of edges) {
        const rs = (e as unknown as { _private: { rscratch: { allpts: number[] } } })._private.rscratch;
        rs.allpts = rs.allpts.map((v, k) => (k === 0 ? v + 7 : v));
      }
    for (const [i, e] of edges.entries()) {
      log.push(['edge', e.id(), frame]);
      r.drawEdge(ctx, e, i === 3 ? { x1: 10, y1: 20 } : undefined);
    }
  }
}

const PATH_OPS = new Set([
  'moveTo',
  'lineTo',
  'quadraticCurveTo',
  'bezierCurveTo',
  'arc',
  'arcTo',
  'closePath',
  'rect',
]);

/**
 * The log as what it draws: path building (on a Path2D or on the context's current path) folded into the stroke,
 * fill or clip that uses it, which is logged with its path's operations; every other call (styles, transforms, dashes,
 * labels) as it is. Two logs equal this way draw the same picture, with or without a cached Path2D.
 */
function drawn(calls: Call[]): Call[] {
  const paths = new Map<string, unknown[][]>();
  let current: unknown[][] = [];
  const out: Call[] = [];
  for (const [name, ...a] of calls) {
    const m = /^(path#\d+)\.(\w+)$/.exec(name);
    if (name === 'new Path2D') paths.set(`path#${a[0]}`, []);
    else if (m) paths.get(m[1]!)!.push([m[2], ...a]);
    else if (name === 'beginPath') current = [];
    else if (PATH_OPS.has(name)) current.push([name, ...a]);
    else if (name === 'stroke' || name === 'fill' || name === 'clip') {
      const p = typeof a[0] === 'string' && a[0].startsWith('path#') ? paths.get(a[0]) : current;
      out.push([name, JSON.stringify(p), ...a.filter((x) => !(typeof x === 'string' && x.startsWith('path#')))]);
    } else out.push([name, ...a]);
  }
  return out;
}

test('lean edge drawing: the same strokes and fills as Cytoscape’s own, straight lines without a Path2D', () => {
  assert.equal(
    (cytoscape as unknown as { version: string }).version,
    EDGE_DRAWING_VERSION,
    'the installed Cytoscape is the version the copies follow (update edge-drawing.ts with it)',
  );
  const own = draw(false);
  const lean = draw(true);
  assert.ok(own.filter((c) => c[0] === 'new Path2D').length >= 10, 'paths were made (cached and remade)');
  assert.ok(
    own.some((c) => c[0] === 'fill' && typeof c[1] === 'string' && own.some((d) => d[0] === 'rotate')),
    'arrowheads were drawn',
  );
  assert.ok(
    own.some((c) => c[0] === 'setLineDash' && JSON.stringify(c[1]) === '[6,3]'),
    'a dashed line was drawn',
  );
  assert.deepEqual(drawn(lean), drawn(own));
  const made = (calls: Call[]) => calls.filter((c) => c[0] === 'new Path2D').length;
  // 3 frames of 2 straight or haystack edges drawn (a third, outlined, haystack too): Cytoscape made paths for them
  assert.ok(made(lean) < made(own), `fewer Path2D made: ${made(lean)} < ${made(own)}`);
});
