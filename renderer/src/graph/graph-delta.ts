/**
 * A graph delta (`GraphDelta`, electron/core/model/graph.ts; the API's `graphDelta`) applied to plain graph data:
 * the renderer's copy of the vault graph after one saved note, without fetching the whole graph again. The drawn
 * elements follow by `applyDeltaToElements` (element-delta.ts).
 */
import type { GraphData, GraphDelta, GraphEdge, GraphNode } from '../../../electron/shared/api.ts';

/** Key of an edge of the graph data: one per source, target, kind and relation (as `graph()` merges links). */
export function edgeKey(e: GraphEdge): string {
  return `${e.source}\u0000${e.target}\u0000${e.kind}\u0000${e.relation ?? ''}`;
}

/**
 * `data` with `delta` applied, as a new object (`data` is not changed). Steps in the order `GraphDelta` documents;
 * cost O(nodes + edges) of `data` in plain array passes (no per-element allocation for unchanged elements).
 */
export function applyGraphDelta(data: GraphData, delta: GraphDelta): GraphData {
  const sources = new Set(delta.sources);
  const removed = new Set(delta.removed);
  const fresh = new Map<string, GraphNode>();
  for (const n of delta.nodes) fresh.set(n.id, n);
  /** Non-note nodes that lost an edge: dropped below if no edge is left. */
  const loose = new Set<string>();
  const keys = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const e of data.edges) {
    if (sources.has(e.source) || removed.has(e.source) || removed.has(e.target)) {
      loose.add(e.target);
      continue;
    }
    keys.add(edgeKey(e));
    edges.push(e);
  }
  for (const e of delta.edges) {
    const k = edgeKey(e);
    if (keys.has(k)) continue;
    keys.add(k);
    edges.push(e);
  }
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(e.source);
    linked.add(e.target);
  }
  const nodes: GraphNode[] = [];
  const have = new Set<string>();
  for (const n of data.nodes) {
    if (removed.has(n.id)) continue;
    if (n.kind !== 'note' && loose.has(n.id) && !linked.has(n.id)) continue;
    have.add(n.id);
    const f = fresh.get(n.id);
    nodes.push(f && f.kind === 'note' ? f : n);
  }
  for (const n of delta.nodes) if (!have.has(n.id) && !removed.has(n.id)) nodes.push(n);
  return { nodes, edges };
}
