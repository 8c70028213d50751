/**
 * Readable labels for a small graph view (the local graph in the ~264 px sidebar): labels drawn at a fixed size on
 * screen whatever the zoom, and only as many as fit without overlapping.
 *
 * - Size: each node's `lfs` (font size), `ltw` (text max width), `lmy`/`lmx` (label margins), `low` (label outline) and `lsz` (dot size) data are set in model px so that, at the current
 *   zoom, the label is {@link LABEL_PX} px on screen ({@link CURRENT_PX} for the current note) and at most
 *   {@link MAX_LABEL_PX} px wide (graphStyle's `screenLabels` option reads them).
 * - Emphasis: nodes two or more links away from the current note, and the edges between them, get the class `far`
 *   (drawn fainter), so the current note's own neighbourhood stands out at depth 2 and 3.
 * - Which: the current note's label always; then its direct neighbours' by link count, each only if its box (below
 *   the node, as drawn) overlaps no label already placed; every other node (depth ≥ 2) is unlabelled. The rest get the
 *   class `nolabel` (no text); hover shows the hovered node's and its neighbours' labels (style.ts).
 * Recomputed one frame after the viewport, positions or elements change (cost: O(labels²) box tests, ≤ 305 nodes on
 * the sample vault's depth 3).
 */
import type cytoscape from 'cytoscape';

/** Label size on screen, px. */
export const LABEL_PX = 11;
/** The current note's label size on screen, px. */
export const CURRENT_PX = 13;
/** Widest label on screen, px (longer ones end in an ellipsis). */
export const MAX_LABEL_PX = 120;
/** Smallest dot on screen, px. */
const MIN_DOT_PX = 4.5;
/** Labels stay this far inside the view's edges, px. */
const EDGE = 3;
/** Gap kept between label boxes, px. */
const GAP = 2;

export interface LabelBox {
  id: string;
  /** Screen px: the box's left, top, width, height. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The ids of `boxes` (in priority order, first = most wanted) whose boxes overlap none of the boxes picked before
 * them (with `gap` px between); the first box is always picked.
 */
export function pickLabels(boxes: LabelBox[], gap = GAP): Set<string> {
  const placed: LabelBox[] = [];
  const out = new Set<string>();
  for (const b of boxes) {
    const hit = placed.some(
      (p) => b.x < p.x + p.w + gap && p.x < b.x + b.w + gap && b.y < p.y + p.h + gap && p.y < b.y + b.h + gap,
    );
    if (hit) continue;
    placed.push(b);
    out.add(b.id);
  }
  return out;
}

/** The views whose label choice is scheduled but not yet made (a frame not yet run). */
const pending = new WeakSet<cytoscape.Core>();

/** Marks `cy`'s labels as waiting for their next pick (`on`) or picked (also for global-labels.ts). */
export function setLabelsPending(cy: cytoscape.Core, on: boolean): void {
  if (on) pending.add(cy);
  else pending.delete(cy);
}

/**
 * True while `cy`'s labels wait for their next pick (the viewport, positions or elements changed and the frame that
 * picks them has not run): what a test reads before it measures label boxes.
 */
export function labelsPending(cy: cytoscape.Core): boolean {
  return pending.has(cy);
}

let measureCtx: CanvasRenderingContext2D | null = null;
/** Width of `text` in px drawn in `font` (a CSS font shorthand). */
function textWidth(text: string, font: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * 6;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

/**
 * Keeps `cy`'s labels at screen size and decluttered (see the module comment), around the node `current()` returns.
 * Returns a function that detaches it.
 */
export function attachScreenLabels(cy: cytoscape.Core, current: () => string | null): () => void {
  let frame = 0;
  let applying = false;
  const update = () => {
    frame = 0;
    pending.delete(cy);
    if (cy.destroyed() || cy.width() === 0) return;
    applying = true;
    const z = cy.zoom();
    const cur = current();
    const curNode = cur ? cy.getElementById(cur) : cy.collection();
    const near = curNode.nonempty() ? curNode.neighborhood('node') : cy.collection();
    const family = String(cy.nodes().first().style('font-family') || 'sans-serif');
    const boxes: LabelBox[] = [];
    const shift = new Map<string, number>();
    const candidates = [
      ...(curNode.nonempty() ? [curNode[0] as cytoscape.NodeSingular] : []),
      ...near
        .filter((n) => n.visible())
        .sort(
          (a, b) =>
            (b as cytoscape.NodeSingular).degree(false) - (a as cytoscape.NodeSingular).degree(false) ||
            a.id().localeCompare(b.id()),
        )
        .toArray(),
    ] as cytoscape.NodeSingular[];
    for (const n of candidates) {
      const px = n.id() === cur ? CURRENT_PX : LABEL_PX;
      const text = String(n.data('display') ?? '');
      // As Cytoscape draws it: the text, its outline (2 px a side) and a little padding.
      const w = Math.min(MAX_LABEL_PX, textWidth(text, `${n.id() === cur ? 'bold ' : ''}${px}px ${family}`)) + 8;
      const r = n.renderedPosition();
      const radius = (n.height() * z) / 2;
      // Kept inside the view: a label cut by the edge is moved in (at most half its width), else left out.
      const x = r.x - w / 2;
      const inside = Math.min(Math.max(x, EDGE), cy.width() - EDGE - w);
      const h = px * 1.3 + 4;
      if (Math.abs(inside - x) > w / 2 || r.y + radius + h > cy.height()) continue;
      shift.set(n.id(), inside - x);
      boxes.push({ id: n.id(), x: inside, y: r.y + radius, w, h });
    }
    const shown = pickLabels(boxes);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const px = n.id() === cur ? CURRENT_PX : LABEL_PX;
        const fs = px / z;
        const lmx = (shift.get(n.id()) ?? 0) / z;
        if (
          Math.abs(((n.data('lfs') as number | undefined) ?? 0) - fs) > 1e-3 * fs ||
          Math.abs(((n.data('lmx') as number | undefined) ?? 0) - lmx) > 0.01
        ) {
          // Dots at least MIN_DOT_PX on screen, no larger than the layout keeps free around them.
          const drawn = 8 + ((n.data('size') as number) - 8) * (22 / 32);
          const lsz = Math.max(drawn, Math.min(MIN_DOT_PX / z, (n.data('size') as number) + 10));
          n.data({ lfs: fs, ltw: MAX_LABEL_PX / z, lmy: 2 / z, low: 2 / z, lmx, lsz });
        }
        const hide = !shown.has(n.id());
        if (hide !== n.hasClass('nolabel')) n.toggleClass('nolabel', hide);
        const far = curNode.nonempty() && n.id() !== cur && !near.contains(n);
        if (far !== n.hasClass('far')) n.toggleClass('far', far);
      });
      cy.edges().forEach((e) => {
        const far = e.source().hasClass('far') && e.target().hasClass('far');
        if (far !== e.hasClass('far')) e.toggleClass('far', far);
      });
    });
    applying = false;
  };
  const schedule = () => {
    if (applying || frame) return;
    pending.add(cy);
    frame = requestAnimationFrame(update);
  };
  const events = 'viewport add remove position';
  cy.on(events, schedule);
  cy.on('data', 'node', schedule);
  cy.on('class', 'node', schedule);
  schedule();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    pending.delete(cy);
    if (!cy.destroyed()) {
      cy.off(events, schedule);
      cy.off('data', 'node', schedule);
      cy.off('class', 'node', schedule);
    }
  };
}

/**
 * Zooms and pans `cy` so that `centre` is at the middle of the view and every node of `nodes` is inside it, `pad`
 * screen px from the edges (labels below the lowest nodes included: one label height more at the bottom), at most at
 * `maxZoom`.
 */
export function fitAround(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeCollection,
  centre: cytoscape.NodeSingular,
  pad: number,
  maxZoom: number,
): void {
  const c = centre.position();
  let dx = 1;
  let dy = 1;
  nodes.forEach((n) => {
    const p = n.position();
    const r = n.width() / 2;
    dx = Math.max(dx, Math.abs(p.x - c.x) + r);
    dy = Math.max(dy, Math.abs(p.y - c.y) + r);
  });
  const halfW = cy.width() / 2 - pad;
  const halfH = cy.height() / 2 - pad - LABEL_PX * 1.5;
  const z = Math.min(maxZoom, Math.max(cy.minZoom(), Math.min(halfW / dx, halfH / dy)));
  cy.viewport({ zoom: z, pan: { x: cy.width() / 2 - c.x * z, y: cy.height() / 2 - c.y * z } });
}
