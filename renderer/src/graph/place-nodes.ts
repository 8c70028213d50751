/**
 * Placing nodes that arrive in a laid-out graph view: one by one next to their placed neighbours (placement.ts), or,
 * when many arrive, at their neighbours' centroid as the start of a full layout.
 */
import type cytoscape from 'cytoscape';
import { CircleGrid, placeNear, type Circle } from './placement.ts';

/**
 * Places `nodes` one by one next to their already placed neighbours, overlapping no other node. `others`: the other
 * nodes' circles when the caller has them as plain data (default: read from Cytoscape, a pass over every node); a
 * `CircleGrid` given is used as it is and gets the placed nodes' circles by id (the caller keeps it for the next
 * save, so one saved note costs no pass over the graph).
 */
export function placeNodes(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeSingular[],
  linkDistance: number,
  others?: Circle[] | CircleGrid,
): void {
  const newIds = new Set(nodes.map((n) => n.id()));
  let grid: CircleGrid;
  if (others instanceof CircleGrid) {
    grid = others;
    for (const id of newIds) grid.delete(id);
  } else
    grid = new CircleGrid(
      others ??
        cy
          .nodes()
          .filter((n) => !newIds.has(n.id()))
          .map((n) => ({ ...(n as cytoscape.NodeSingular).position(), r: (n.data('size') as number) / 2 })),
    );
  // The fallback spot (right of the drawn nodes) from their circles: Cytoscape's boundingBox() would measure every
  // node's label, a pass over the whole graph's text for one saved note.
  const fallback = grid.rightOf() ?? { x: 0, y: 0 };
  cy.batch(() => {
    for (const n of nodes) {
      const nbs = n
        .neighborhood('node')
        .filter((m) => !newIds.has(m.id()))
        .map((m) => (m as cytoscape.NodeSingular).position());
      const r = (n.data('size') as number) / 2;
      const pos = placeNear(n.id(), r, nbs, grid, fallback, linkDistance);
      n.position(pos);
      grid.set(n.id(), { ...pos, r });
      newIds.delete(n.id());
    }
  });
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
