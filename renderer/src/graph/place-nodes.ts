/**
 * Placing nodes that arrive in a laid-out graph view: one by one next to their placed neighbours (placement.ts), or,
 * when many arrive, at their neighbours' centroid as the start of a full layout.
 */
import type cytoscape from 'cytoscape';
import { CircleGrid, nearestFree, placeNear, type Circle } from './placement.ts';

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

/** A grid of every node's circle of `cy`, by id (one pass over the nodes). */
function gridOf(cy: cytoscape.Core): CircleGrid {
  const grid = new CircleGrid();
  cy.nodes().forEach((n) => {
    grid.set(n.id(), { ...n.position(), r: (n.data('size') as number) / 2 });
  });
  return grid;
}

/**
 * Moves each of `nodes` whose circle (`size` / 2) now overlaps another node's (it grew: its note got links after it
 * was placed or laid out, e.g. while the vault was still being indexed) to the nearest free spot, at most 40 model px
 * away (placement.ts `nearestFree`), or else next to its neighbours as a new node goes; no other node moves. So nodes
 * never overlap at rest (#11) without a new layout. `grid`: every node's circle by id when the caller keeps one
 * (PlacedGrid), brought up to date here; else built from `cy` (one pass) if any of `nodes` is given. Returns the
 * nodes moved.
 */
export function separateGrown(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeSingular[],
  linkDistance: number,
  grid?: CircleGrid,
): cytoscape.NodeSingular[] {
  const live = nodes.filter((n) => !n.removed());
  if (!live.length) return [];
  const g = grid ?? gridOf(cy);
  const moved: cytoscape.NodeSingular[] = [];
  cy.batch(() => {
    for (const n of live) {
      const id = n.id();
      const r = (n.data('size') as number) / 2;
      const at = n.position();
      g.delete(id);
      let pos: { x: number; y: number } = at;
      if (g.overlaps(at.x, at.y, r, 0)) {
        const nbs = n.neighborhood('node').map((m) => (m as cytoscape.NodeSingular).position());
        pos = nearestFree(r, at, g) ?? placeNear(id, r, nbs, g, g.rightOf() ?? at, linkDistance);
        n.position(pos);
        moved.push(n);
      }
      g.set(id, { ...pos, r });
    }
  });
  return moved;
}
