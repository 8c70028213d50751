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
 * O(k × 400 × n): 34 s on the UI thread at 5,000 notes before). Circles added with an id can be moved (`set`) and
 * removed (`delete`) in O(circles of one cell), so a graph view keeps one grid across saved notes instead of
 * building one over every node per save (#11).
 */
export class CircleGrid {
  private readonly cells = new Map<number, Circle[]>();
  private readonly byId = new Map<string, Circle>();
  private maxR = 0;
  private readonly cell: number;
  private count = 0;
  /** Bounds of every circle added so far (not shrunk by removals: an outer bound), model px. */
  private x2 = Number.NEGATIVE_INFINITY;
  private y1 = Number.POSITIVE_INFINITY;
  private y2 = Number.NEGATIVE_INFINITY;
  /** `cell`: the cell size in model px. */
  constructor(circles: Iterable<Circle> = [], cell = 64) {
    this.cell = cell;
    for (const c of circles) this.add(c);
  }
  /** One number per cell (i, j within ±2^20 cells: ±67 M px at the default cell size). */
  private key(i: number, j: number): number {
    return (i + 1048576) * 2097152 + (j + 1048576);
  }
  private keyOf(c: Circle): number {
    return this.key(Math.floor(c.x / this.cell), Math.floor(c.y / this.cell));
  }
  /** Circles held. */
  get size(): number {
    return this.count;
  }
  /** Adds a circle (anonymous: it stays until the grid goes). */
  add(c: Circle): void {
    const k = this.keyOf(c);
    const list = this.cells.get(k);
    if (list) list.push(c);
    else this.cells.set(k, [c]);
    if (c.r > this.maxR) this.maxR = c.r;
    this.count++;
    this.x2 = Math.max(this.x2, c.x + c.r);
    this.y1 = Math.min(this.y1, c.y - c.r);
    this.y2 = Math.max(this.y2, c.y + c.r);
  }
  /** Puts the circle of `id` at `c` (replacing the one it had). */
  set(id: string, c: Circle): void {
    this.delete(id);
    const own = { x: c.x, y: c.y, r: c.r };
    this.byId.set(id, own);
    this.add(own);
  }
  /** Removes the circle of `id` (none: nothing happens). */
  delete(id: string): void {
    const c = this.byId.get(id);
    if (!c) return;
    this.byId.delete(id);
    const k = this.keyOf(c);
    const list = this.cells.get(k);
    const at = list ? list.indexOf(c) : -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (!list.length) this.cells.delete(k);
    this.count--;
  }
  /** Whether `id` has a circle. */
  has(id: string): boolean {
    return this.byId.has(id);
  }
  /** A spot right of every circle held, or null when the grid is empty. */
  rightOf(): { x: number; y: number } | null {
    return this.count ? { x: this.x2 + 40, y: (this.y1 + this.y2) / 2 } : null;
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

/**
 * The nearest free spot for a circle of radius `r` at `at` that overlaps a circle of `grid` (it grew: its note got
 * more links after it was placed): spots on a golden-angle spiral around `at`, about 2 px apart, up to `reach`
 * model px away, the first that comes within `gap` px of no circle. Null when there is none within reach. At most
 * ≈ 1.4 × (reach / 1.5)² spots are tried (≈ 1,000 at the default reach).
 */
export function nearestFree(
  r: number,
  at: { x: number; y: number },
  grid: CircleGrid,
  gap = 4,
  reach = 40,
): { x: number; y: number } | null {
  const spots = Math.ceil(1.4 * (reach / 1.5) ** 2);
  for (let k = 1; k <= spots; k++) {
    const radius = 1.5 * Math.sqrt(k / 1.4);
    const a = k * 2.399963;
    const x = at.x + radius * Math.cos(a);
    const y = at.y + radius * Math.sin(a);
    if (!grid.overlaps(x, y, r, gap)) return { x, y };
  }
  return null;
}
