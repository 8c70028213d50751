/**
 * The difference between what a Cytoscape instance holds and the wanted elements, for a sync that starts when the
 * last one did not finish (superseded by a newer one), so there is no fully applied element set to diff against.
 */
import type cytoscape from 'cytoscape';
import { NODE_FIELDS, type ElementDiff } from './element-diff.ts';
import type { GraphElements } from './elements.ts';

/**
 * What turns the elements Cytoscape holds into `els`: one pass over the drawn elements and one look-up per wanted
 * element.
 */
export function diffAgainstCy(cy: cytoscape.Core, els: GraphElements): ElementDiff {
  // An empty instance (a view's first sync): everything is added, no look-ups (90,000 of them were ≈ 100 ms of a
  // 10,000-note first load, CPU profile of tests/e2e/profile-graph.ts)
  if (cy.elements().empty())
    return {
      remove: [],
      removedNodes: 0,
      removedEdges: 0,
      changed: [],
      addNodes: [...els.nodes.values()],
      addEdges: [...els.edges.values()],
    };
  const gone = cy.elements().filter((e) => !(e.isNode() ? els.nodes : els.edges).has(e.id()));
  const goneNodes = gone.nodes();
  const removedEdges = gone.edges().length + goneNodes.connectedEdges().filter((e) => !gone.contains(e)).length;
  const diff: ElementDiff = {
    remove: gone.map((e) => e.id()),
    removedNodes: goneNodes.length,
    removedEdges,
    changed: [],
    addNodes: [],
    addEdges: [...els.edges.values()].filter((e) => cy.getElementById(e.data.id as string).empty()),
  };
  for (const n of els.nodes.values()) {
    const have = cy.getElementById(n.data.id as string);
    if (have.empty()) diff.addNodes.push(n);
    else if (NODE_FIELDS.some((f) => have.data(f) !== n.data[f])) {
      const data: Record<string, unknown> = {};
      for (const f of NODE_FIELDS) data[f] = n.data[f];
      diff.changed.push({ id: n.data.id as string, data });
    }
  }
  return diff;
}
