/**
 * Cytoscape's canvas colours without a new string per draw. Its renderer sets each element's fill and stroke as
 * `'rgba(' + r + ',' + g + ',' + b + ',' + a + ')'` (renderer/canvas/drawing-redraw.mjs `colorFillStyle`,
 * `colorStrokeStyle`, 3.34): one string per element per frame, ≈ 200 MB of garbage over a kept load, pan, zoom, drag
 * and hover of a 10,000-note graph (sampling heap profile with `--alloc`, tests/e2e/profile-graph.ts). A graph draws
 * with few colours and opacities, so the strings are kept: by colour, then by alpha, at most {@link MAX_ALPHAS}
 * alphas per colour and {@link MAX_COLOURS} colours (beyond, a string is made as before).
 */
import type cytoscape from 'cytoscape';

const MAX_COLOURS = 4096;
const MAX_ALPHAS = 64;

const byColour = new Map<number, Map<number, string>>();

/** Cytoscape's `rgba(…)` string of (r, g, b, a), the same characters, kept for the next call. */
export function rgbaString(r: number, g: number, b: number, a: number): string {
  const key = (r * 256 + g) * 256 + b;
  let alphas = byColour.get(key);
  if (!alphas) {
    if (byColour.size >= MAX_COLOURS || !Number.isInteger(r) || !Number.isInteger(g) || !Number.isInteger(b))
      return `rgba(${r},${g},${b},${a})`;
    alphas = new Map();
    byColour.set(key, alphas);
  }
  let s = alphas.get(a);
  if (s === undefined) {
    s = `rgba(${r},${g},${b},${a})`;
    if (alphas.size < MAX_ALPHAS) alphas.set(a, s);
  }
  return s;
}

interface CanvasColours {
  colorFillStyle?(context: CanvasRenderingContext2D, r: number, g: number, b: number, a: number): void;
  colorStrokeStyle?(context: CanvasRenderingContext2D, r: number, g: number, b: number, a: number): void;
}

/** Makes `cy`'s canvas renderer set colours from {@link rgbaString} (nothing when it has no such methods). */
export function installKeptColours(cy: cytoscape.Core): void {
  const r = (cy as unknown as { renderer(): CanvasColours | undefined }).renderer();
  if (!r || typeof r.colorFillStyle !== 'function' || typeof r.colorStrokeStyle !== 'function') return;
  r.colorFillStyle = (context, red, green, blue, a) => {
    context.fillStyle = rgbaString(red, green, blue, a);
  };
  r.colorStrokeStyle = (context, red, green, blue, a) => {
    context.strokeStyle = rgbaString(red, green, blue, a);
  };
}
