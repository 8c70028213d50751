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

/** A free spot for a node of radius `r` near `neighbours` (or near `fallback` when it has none). */
export function placeNear(
  id: string,
  r: number,
  neighbours: { x: number; y: number }[],
  others: Circle[],
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
  const a0 = hashAngle(id);
  const step = Math.max(2 * r + gap, 8);
  const start = neighbours.length ? distance * 0.6 : 0;
  for (let k = 0; k < 400; k++) {
    const radius = start + step * Math.sqrt(k) * 0.9;
    const a = a0 + k * 2.399963; // golden angle: an even spread of candidate spots
    const x = cx + radius * Math.cos(a);
    const y = cy + radius * Math.sin(a);
    if (!others.some((o) => Math.hypot(o.x - x, o.y - y) < o.r + r + gap)) return { x, y };
  }
  return { x: cx + (start + step * 20) * Math.cos(a0), y: cy + (start + step * 20) * Math.sin(a0) };
}
