/**
 * Readable, uncluttered labels for the global graph of up to {@link LARGE} nodes (larger graphs keep the zoom
 * threshold alone: their labels show only above the label zoom, with no per-frame work).
 *
 * - Who: in this order, each only if its box (below the node, as drawn) overlaps no label already placed: the
 *   current note; the hovered or keyboard-focused node; the hovered node's neighbours (when none is hovered, the
 *   current note's); the plan's and a highlighted chain's nodes; then every other node whose label is above the fade
 *   threshold (the stylesheet's `min-zoomed-font-size`), largest first. The rest get the class `nolabel` (no text).
 * - Size: the current and hovered notes' labels at least {@link FOCUS_PX} px on screen, the neighbours', the plan's
 *   and the chain's at least {@link NEAR_PX} px, whatever the zoom (data `gfs` font size, `gtw` text width, `gow`
 *   outline, in model px: graphStyle's `globalLabels` rules read them); other labels keep their size by link count.
 * - The current note gets a halo of {@link HALO_PX} screen px (data `gup`, an underlay: not part of the node's click
 *   area, so it never makes nodes overlap).
 * Recomputed one frame after the zoom, the positions, the elements or a node's classes (hover, current, filters)
 * change, never on a pan (the choice does not depend on it). Cost per pick: one pass over the nodes and a grid of
 * placed boxes (each box tested against the boxes of the ≤ 4 cells it covers).
 */
import type cytoscape from 'cytoscape';
import { LARGE } from './renderer-choice.ts';
import { setLabelsPending } from './screen-labels.ts';
import { denseFontRange } from './style.ts';

/** The current and hovered notes' labels on screen, px (at least). */
export const FOCUS_PX = 13;
/** Neighbour, plan and chain labels on screen, px (at least). */
export const NEAR_PX = 11;
/** Widest focus label on screen, px (longer ones end in an ellipsis). */
const MAX_FOCUS_W = 150;
/** The current note's halo on screen, px. */
const HALO_PX = 9;
/** Gap kept between label boxes, px (boxes are estimates: outline and line height are drawn a few px larger). */
const GAP = 4;
/** Grid cell of the placed boxes, px. */
const CELL = 96;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Placed label boxes in a uniform grid over the view (`width` × `height` screen px): `place` tests a box against the
 * boxes near it only. A box outside the view is never placed (its label would not be seen), so a box's cells are
 * always within the view's: bounded work whatever the coordinates (far-off, huge or non-finite ones included).
 */
class BoxGrid {
  private cells = new Map<string, Box[]>();
  private readonly width: number;
  private readonly height: number;
  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
  }
  private keys(b: Box): string[] | null {
    const { width, height } = this;
    if (!(b.x + b.w > 0 && b.x < width && b.y + b.h > 0 && b.y < height)) return null;
    const out: string[] = [];
    const i1 = Math.floor(Math.min(b.x + b.w, width) / CELL);
    const j1 = Math.floor(Math.min(b.y + b.h, height) / CELL);
    for (let i = Math.floor(Math.max(b.x, 0) / CELL); i <= i1; i++)
      for (let j = Math.floor(Math.max(b.y, 0) / CELL); j <= j1; j++) out.push(`${i},${j}`);
    return out;
  }
  /** Places `b` unless it lies outside the view or comes within GAP px of a placed box; true when placed. */
  place(b: Box): boolean {
    const keys = this.keys(b);
    if (!keys) return false;
    for (const k of keys)
      for (const p of this.cells.get(k) ?? [])
        if (b.x < p.x + p.w + GAP && p.x < b.x + b.w + GAP && b.y < p.y + p.h + GAP && p.y < b.y + b.h + GAP)
          return false;
    for (const k of keys) {
      const c = this.cells.get(k);
      if (c) c.push(b);
      else this.cells.set(k, [b]);
    }
    return true;
  }
}

/** `a` is within 0.1 % of `b`. */
const near1 = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-3 * b;

let measureCtx: CanvasRenderingContext2D | null = null;
/** Text widths at 10 px, by font weight and text (labels change rarely; the cache is bounded by the labels drawn). */
const widths = new Map<string, number>();
function widthAt10(text: string, bold: boolean, family: string): number {
  const key = `${bold ? 'b' : 'n'}${family}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    measureCtx ??= document.createElement('canvas').getContext('2d');
    if (measureCtx) {
      measureCtx.font = `${bold ? 'bold ' : ''}10px ${family}`;
      w = measureCtx.measureText(text).width;
    } else w = text.length * 5.5;
    if (widths.size > 20_000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

/**
 * Keeps the global graph's labels readable and apart (see the module comment) around the note `current()` returns.
 * Returns a function that detaches it.
 */
export function attachGlobalLabels(
  cy: cytoscape.Core,
  o: {
    current(): string | null;
    /** The view's label size at zoom 1 (graphStyle's `fontSize`), px. */
    fontSize(): number;
    /** The fade threshold: labels smaller on screen are not drawn (graphStyle's `min-zoomed-font-size`), px. */
    minPx(): number;
  },
): () => void {
  let frame = 0;
  let applying = false;
  let lastZoom = Number.NaN;
  let off = false;
  const update = () => {
    frame = 0;
    setLabelsPending(cy, false);
    if (cy.destroyed() || cy.width() === 0) return;
    applying = true;
    try {
      pick();
    } finally {
      applying = false;
    }
  };
  const pick = () => {
    const z = cy.zoom();
    lastZoom = z;
    const nodes = cy.nodes();
    if (nodes.length > LARGE) {
      // grown past the small-graph path: the zoom threshold alone, as for any large graph
      if (!off)
        cy.batch(() =>
          nodes.forEach((n) => {
            clear(n);
          }),
        );
      off = true;
      return;
    }
    off = false;
    const cur = o.current();
    const [lo, hi] = denseFontRange(o.fontSize());
    const minPx = o.minPx();
    /** The stylesheet's label size of `n` by its link count, model px. */
    const styleFontSize = (n: cytoscape.NodeSingular): number => {
      const size = Math.min(40, Math.max(8, (n.data('size') as number) ?? 8));
      return lo + ((size - 8) / 32) * (hi - lo);
    };
    const curNode = cur ? cy.getElementById(cur) : cy.collection();
    const hover = cy.nodes('.hover, .kbd-focus');
    const around = hover.nonempty() ? hover : curNode;
    const near = around.nonempty() ? around.neighborhood('node') : cy.collection();
    const family = String(nodes.first().style('font-family') || 'sans-serif');
    /** Screen px of each focus label. */
    const focus = new Map<string, number>();
    const order: cytoscape.NodeSingular[] = [];
    const add = (n: cytoscape.NodeSingular, atLeast: number) => {
      if (focus.has(n.id()) || !n.visible()) return;
      // drawn at its size by link count when that is larger (a hub's label): its box must be as large
      focus.set(n.id(), Math.max(atLeast, styleFontSize(n) * z));
      order.push(n);
    };
    curNode.forEach((n) => {
      add(n, FOCUS_PX);
    });
    hover.forEach((n) => {
      add(n, FOCUS_PX);
    });
    near
      .sort(
        (a, b) =>
          (b as cytoscape.NodeSingular).degree(false) - (a as cytoscape.NodeSingular).degree(false) ||
          a.id().localeCompare(b.id()),
      )
      .forEach((n) => {
        add(n as cytoscape.NodeSingular, NEAR_PX);
      });
    cy.nodes('.plan, .path-node').forEach((n) => {
      add(n, NEAR_PX);
    });
    // the others: labels above the fade threshold, largest first
    const rest: { n: cytoscape.NodeSingular; px: number }[] = [];
    nodes.forEach((n) => {
      if (focus.has(n.id()) || !n.visible()) return;
      const px = styleFontSize(n) * z;
      if (px >= minPx) rest.push({ n, px });
    });
    rest.sort((a, b) => b.px - a.px || a.n.id().localeCompare(b.n.id()));
    const grid = new BoxGrid(cy.width(), cy.height());
    const shown = new Set<string>();
    const boxOf = (n: cytoscape.NodeSingular, px: number, maxW: number) => {
      const bold = n.hasClass('current') || n.hasClass('hover') || n.hasClass('plan') || n.hasClass('path-node');
      const text = String(n.data('display') ?? '');
      const w = Math.min(maxW, (widthAt10(text, bold, family) * px) / 10) + 6;
      const r = n.renderedPosition();
      const radius = (n.outerHeight() * z) / 2;
      return { x: r.x - w / 2, y: r.y + radius, w, h: px * 1.3 + 6 };
    };
    for (const n of order) {
      const px = focus.get(n.id())!;
      if (grid.place(boxOf(n, px, MAX_FOCUS_W))) shown.add(n.id());
    }
    for (const { n, px } of rest) {
      const maxW = ((n.numericStyle('text-max-width') as number) || 240) * z;
      if (grid.place(boxOf(n, px, maxW))) shown.add(n.id());
    }
    cy.batch(() => {
      nodes.forEach((n) => {
        const px = focus.get(n.id());
        if (px !== undefined) {
          const fs = px / z;
          const tw = MAX_FOCUS_W / z;
          if (!near1(n.data('gfs'), fs) || !near1(n.data('gtw'), tw)) n.data({ gfs: fs, gtw: tw, gow: 2 / z });
        } else if (n.data('gfs') !== undefined) n.removeData('gfs gtw gow');
        const halo = n.id() === cur ? HALO_PX / z : undefined;
        if (halo === undefined ? n.data('gup') !== undefined : n.data('gup') !== halo) {
          if (halo === undefined) n.removeData('gup');
          else n.data('gup', halo);
        }
        const hide = !shown.has(n.id());
        if (hide !== n.hasClass('nolabel')) n.toggleClass('nolabel', hide);
      });
    });
  };
  const clear = (n: cytoscape.NodeSingular) => {
    if (n.data('gfs') !== undefined) n.removeData('gfs gtw gow');
    if (n.data('gup') !== undefined) n.removeData('gup');
    if (n.hasClass('nolabel')) n.removeClass('nolabel');
  };
  const schedule = () => {
    if (applying || frame) return;
    setLabelsPending(cy, true);
    frame = requestAnimationFrame(update);
  };
  const onViewport = () => {
    if (cy.zoom() !== lastZoom) schedule();
  };
  const events = 'add remove position';
  cy.on(events, schedule);
  cy.on('viewport', onViewport);
  cy.on('class', 'node', schedule);
  schedule();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    setLabelsPending(cy, false);
    if (!cy.destroyed()) {
      cy.off(events, schedule);
      cy.off('viewport', onViewport);
      cy.off('class', 'node', schedule);
    }
  };
}
