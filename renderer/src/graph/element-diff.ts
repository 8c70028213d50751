/**
 * The difference between two element sets of a graph view (elements.ts), computed on plain objects so that one
 * saved note costs a pass over two arrays and Map look-ups, not a Cytoscape call per element: what to remove, which
 * nodes' data changed (label, size, group, kind, label scale), what to add.
 */
import type cytoscape from 'cytoscape';
import type { GraphElements } from './elements.ts';

/** Node data fields whose change restyles a drawn node. */
export const NODE_FIELDS = ['label', 'size', 'group', 'kind', 'fontScale'] as const;

export interface ElementDiff {
  /** Ids of nodes and edges to remove (removing a node removes its edges too). */
  remove: string[];
  /** Removed node count and removed edge count (edges of removed nodes included). */
  removedNodes: number;
  removedEdges: number;
  /** Nodes whose data changed: id → the new values of {@link NODE_FIELDS}. */
  changed: { id: string; data: Record<string, unknown> }[];
  addNodes: cytoscape.ElementDefinition[];
  addEdges: cytoscape.ElementDefinition[];
}

/** What turns the drawn `prev` into `next` (neither spent, element-delta.ts). Cost: O(nodes + edges) of both, no allocation per unchanged element. */
export function diffElements(prev: GraphElements, next: GraphElements): ElementDiff {
  const prevNodes = prev.nodes;
  const nextNodeIds = new Set<string>();
  const changed: ElementDiff['changed'] = [];
  const addNodes: cytoscape.ElementDefinition[] = [];
  for (const n of next.nodes.values()) {
    const id = n.data.id as string;
    nextNodeIds.add(id);
    const was = prevNodes.get(id);
    if (!was) addNodes.push(n);
    else if (NODE_FIELDS.some((f) => was.data[f] !== n.data[f])) {
      const data: Record<string, unknown> = {};
      for (const f of NODE_FIELDS) data[f] = n.data[f];
      changed.push({ id, data });
    }
  }
  const remove: string[] = [];
  for (const id of prevNodes.keys()) if (!nextNodeIds.has(id)) remove.push(id);
  const removedNodeIds = new Set(remove);
  const removedNodes = remove.length;
  let removedEdges = 0;
  for (const [id, e] of prev.edges) {
    if (next.edges.has(id)) continue;
    removedEdges++;
    // An edge of a removed node goes with it.
    if (!removedNodeIds.has(e.data.source as string) && !removedNodeIds.has(e.data.target as string)) remove.push(id);
  }
  const addEdges: cytoscape.ElementDefinition[] = [];
  for (const [id, e] of next.edges) if (!prev.edges.has(id)) addEdges.push(e);
  return { remove, removedNodes, removedEdges, changed, addNodes, addEdges };
}
