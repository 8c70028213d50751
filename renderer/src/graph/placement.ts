/**
 * Where a node that arrives in a laid-out graph goes: next to its placed neighbours (their centroid, offset by a
 * stable angle from its id), moved outwards along a spiral until it overlaps no other node. No other node moves,
 * so a new note settles near its neighbours without reshuffling the picture.
 */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

function hashAngle(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 4294967296) * 2 * Math.PI;
}

/**
 * Circles in a uniform grid of cells, so that "does this spot overlap a circle" looks at the few circles near the
 * spot instead of all of them (placing k nodes in a graph of n costs O(k × 400 candidates × nearby circles), not
 * O(k × 400 × n): 34 s on the UI thread at 5,000 notes before).
 */
export class CircleGrid {
  private readonly cells = new Map<string, Circle[]>();
  private maxR = 0;
  private readonly cell: number;
  /** `cell`: the cell size in model px. */
  constructor(circles: Iterable<Circle> = [], cell = 64) {
    this.cell = cell;
    for (const c of circles) this.add(c);
  }
  private key(i: number, j: number): string {
    return `${i},${j}`;
  }
  add(c: Circle): void {
    const k = this.key(Math.floor(c.x / this.cell), Math.floor(c.y / this.cell));
    const list = this.cells.get(k);
    if (list) list.push(c);
    else this.cells.set(k, [c]);
    if (c.r > this.maxR) this.maxR = c.r;
  }
  /** Whether a circle of radius `r` at (x, y) comes within `gap` of a stored circle. */
  overlaps(x: number, y: number, r: number, gap: number): boolean {
    const reach = this.maxR + r + gap;
    const i0 = Math.floor((x - reach) / this.cell);
    const i1 = Math.floor((x + reach) / this.cell);
    const j0 = Math.floor((y - reach) / this.cell);
    const j1 = Math.floor((y + reach) / this.cell);
    for (let i = i0; i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const list = this.cells.get(this.key(i, j));
        if (!list) continue;
        for (const o of list) if (Math.hypot(o.x - x, o.y - y) < o.r + r + gap) return true;
      }
    return false;
  }
}

/** A free spot for a node of radius `r` near `neighbours` (or near `fallback` when it has none). */
export function placeNear(
  id: string,
  r: number,
  neighbours: { x: number; y: number }[],
  others: Circle[] | CircleGrid,
  fallback: { x: number; y: number },
  distance: number,
  gap = 6,
): { x: number; y: number } {
  let cx = fallback.x;
  let cy = fallback.y;
  if (neighbours.length) {
    cx = neighbours.reduce((s, p) => s + p.x, 0) / neighbours.length;
    cy = neighbours.reduce((s, p) => s + p.y, 0) / neighbours.length;
  }
  const grid = others instanceof CircleGrid ? others : new CircleGrid(others);
  const a0 = hashAngle(id);
  const step = Math.max(2 * r + gap, 8);
  const start = neighbours.length ? distance * 0.6 : 0;
  for (let k = 0; k < 400; k++) {
    const radius = start + step * Math.sqrt(k) * 0.9;
    const a = a0 + k * 2.399963; // golden angle: an even spread of candidate spots
    const x = cx + radius * Math.cos(a);
    const y = cy + radius * Math.sin(a);
    if (!grid.overlaps(x, y, r, gap)) return { x, y };
  }
  return { x: cx + (start + step * 20) * Math.cos(a0), y: cy + (start + step * 20) * Math.sin(a0) };
}
