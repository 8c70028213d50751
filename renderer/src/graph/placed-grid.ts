/**
 * The placed nodes' circles a graph view keeps across saved notes (#11: one saved note changes only its node and
 * edges), so placing a new note next to its neighbours (place-nodes.ts) costs no pass over the graph: built once
 * from the kept positions, then brought up to date from each graph delta (the removed and touched nodes), each
 * placed node and each dropped one. Anything that moves many nodes (a layout, a sync not made by a delta) drops it;
 * the next placement builds it again.
 */
import type cytoscape from 'cytoscape';
import type { GraphPositions } from '../../../electron/shared/api.ts';
import type { GraphElements } from './elements.ts';
import { CircleGrid } from './placement.ts';

const radiusOf = (el: cytoscape.ElementDefinition) => (el.data.size as number) / 2;

export class PlacedGrid {
  private grid: CircleGrid | null = null;

  /** Forgets the circles (positions moved wholesale: a layout, a sync that was not a delta). */
  reset(): void {
    this.grid = null;
  }

  /** The grid of `els`' nodes at their kept positions (nodes without one left out): built by one pass when none is held. */
  of(els: GraphElements, kept: GraphPositions): CircleGrid {
    if (this.grid) return this.grid;
    const grid = new CircleGrid();
    for (const [id, el] of els.nodes) {
      const k = kept[id];
      if (k) grid.set(id, { x: k[0], y: k[1], r: radiusOf(el) });
    }
    this.grid = grid;
    return grid;
  }

  /**
   * After a graph delta was drawn: the circles of `removed` go, those of `touched` (resized, or added with a kept
   * position) are set from `kept` and `els`. O(removed + touched); nothing when no grid is held.
   */
  afterDelta(els: GraphElements, kept: GraphPositions, removed: readonly string[], touched: readonly string[]): void {
    const grid = this.grid;
    if (!grid) return;
    for (const id of removed) grid.delete(id);
    for (const id of touched) {
      const k = kept[id];
      const el = els.nodes.get(id);
      if (k && el) grid.set(id, { x: k[0], y: k[1], r: radiusOf(el) });
      else grid.delete(id);
    }
  }

  /** A node was dropped at a new place by the user. */
  moved(node: cytoscape.NodeSingular): void {
    const p = node.position();
    this.grid?.set(node.id(), { x: p.x, y: p.y, r: (node.data('size') as number) / 2 });
  }
}
