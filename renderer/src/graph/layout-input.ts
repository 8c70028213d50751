/**
 * What the layout worker gets from a drawn graph view (node sizes, label widths, positions, edges), and putting its
 * positions back.
 */
import type cytoscape from 'cytoscape';
import type { LayoutInput } from './layout.ts';

/** A label's approximate width in px at `fontSize` (CJK characters a full em, others 0.58 em), at most `max`. */
export function labelWidth(label: string, fontSize: number, max = 150): number {
  let w = 0;
  for (const ch of label) w += ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.58;
  return Math.min(w + 8, max);
}

/** The nodes and edges of `cy` as the layout worker takes them (labels at most `maxLabel` px wide). */
export function layoutGraphOf(
  cy: cytoscape.Core,
  fontSize: number,
  maxLabel?: number,
): Pick<LayoutInput, 'nodes' | 'edges'> {
  const nodes = cy.nodes().map((n) => ({
    id: n.id(),
    size: n.data('size') as number,
    labelWidth: labelWidth(n.data('display') as string, fontSize, maxLabel),
    ...n.position(),
  }));
  const edges = cy.edges().map((e) => [e.source().id(), e.target().id()] as [string, string]);
  return { nodes, edges };
}

/** Moves the nodes of `cy` to `positions` (ids no longer drawn are skipped), in one batch. */
export function applyPositions(cy: cytoscape.Core, positions: Map<string, { x: number; y: number }>): void {
  cy.batch(() => {
    for (const [id, pos] of positions) {
      const n = cy.getElementById(id);
      if (n.nonempty()) n.position(pos);
    }
  });
}
