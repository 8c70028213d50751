/**
 * Keyboard navigation of a graph: from the focused node, an arrow key moves to the linked node lying most nearly in
 * that direction on screen (within 80° of it); Enter opens the focused node; Home focuses the current note.
 */
import type cytoscape from 'cytoscape';

const DIRS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

/** The neighbour of `from` best matching arrow `key`, or null. */
export function neighbourInDirection(from: cytoscape.NodeSingular, key: string): cytoscape.NodeSingular | null {
  const dir = DIRS[key];
  if (!dir) return null;
  const p = from.position();
  let best: cytoscape.NodeSingular | null = null;
  let bestScore = -Infinity;
  from.neighborhood('node').forEach((n) => {
    if (!n.visible()) return;
    const q = n.position();
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const d = Math.hypot(dx, dy) || 1;
    const cos = (dx * dir[0] + dy * dir[1]) / d;
    if (cos < Math.cos((80 * Math.PI) / 180)) return;
    const score = cos * 2 - d / 2000;
    if (score > bestScore) {
      bestScore = score;
      best = n;
    }
  });
  return best;
}

export function isArrow(key: string): boolean {
  return key in DIRS;
}
