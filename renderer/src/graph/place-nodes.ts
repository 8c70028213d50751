/**
 * Placing nodes that arrive in a laid-out graph view: one by one next to their placed neighbours (placement.ts), or,
 * when many arrive, at their neighbours' centroid as the start of a full layout.
 */
import type cytoscape from 'cytoscape';
import type { GraphPositions } from '../../../electron/shared/api.ts';
import { CircleGrid, placeNear, type Circle } from './placement.ts';

/**
 * Places `nodes` one by one next to their already placed neighbours, overlapping no other node. `circles`: the other
 * nodes' circles when the caller has them as plain data (default: read from Cytoscape, a pass over every node).
 */
export function placeNodes(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeSingular[],
  linkDistance: number,
  circles?: Circle[],
): void {
  const newIds = new Set(nodes.map((n) => n.id()));
  const others: Circle[] =
    circles ??
    cy
      .nodes()
      .filter((n) => !newIds.has(n.id()))
      .map((n) => ({ ...(n as cytoscape.NodeSingular).position(), r: (n.data('size') as number) / 2 }));
  // The fallback spot (right of the drawn nodes) from their circles: Cytoscape's boundingBox() would measure every
  // node's label, a pass over the whole graph's text for one saved note.
  let x2 = Number.NEGATIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const c of others) {
    x2 = Math.max(x2, c.x + c.r);
    y1 = Math.min(y1, c.y - c.r);
    y2 = Math.max(y2, c.y + c.r);
  }
  const fallback = others.length ? { x: x2 + 40, y: (y1 + y2) / 2 } : { x: 0, y: 0 };
  const grid = new CircleGrid(others);
  cy.batch(() => {
    for (const n of nodes) {
      const nbs = n
        .neighborhood('node')
        .filter((m) => !newIds.has(m.id()))
        .map((m) => (m as cytoscape.NodeSingular).position());
      const r = (n.data('size') as number) / 2;
      const pos = placeNear(n.id(), r, nbs, grid, fallback, linkDistance);
      n.position(pos);
      grid.add({ ...pos, r });
      newIds.delete(n.id());
    }
  });
}

/** The circles of the nodes of `els` other than `except`, at their kept positions (nodes without one left out). */
export function circlesOf(
  els: { nodes: cytoscape.ElementDefinition[] },
  kept: GraphPositions,
  except: cytoscape.NodeSingular[],
): Circle[] {
  const skip = new Set(except.map((n) => n.id()));
  const out: Circle[] = [];
  for (const n of els.nodes) {
    const id = n.data.id as string;
    const k = kept[id];
    if (k && !skip.has(id)) out.push({ x: k[0], y: k[1], r: (n.data.size as number) / 2 });
  }
  return out;
}

/** Starts each of `nodes` at its neighbours' centroid (±20 px at random), the origin when it has none. */
export function seedAtCentroids(cy: cytoscape.Core, nodes: cytoscape.NodeSingular[]): void {
  cy.batch(() => {
    for (const n of nodes) {
      const nbs = n.neighborhood('node').map((m) => (m as cytoscape.NodeSingular).position());
      const c = nbs.length
        ? { x: nbs.reduce((a, q) => a + q.x, 0) / nbs.length, y: nbs.reduce((a, q) => a + q.y, 0) / nbs.length }
        : { x: 0, y: 0 };
      n.position({ x: c.x + (Math.random() - 0.5) * 40, y: c.y + (Math.random() - 0.5) * 40 });
    }
  });
}
