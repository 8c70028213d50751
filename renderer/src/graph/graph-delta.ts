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

/** How graph data was made from another by a delta: what the drawn elements need to follow it. */
export interface DataChange {
  base: GraphData;
  /** Ids of the nodes gone (removed and left without an edge). */
  removedNodes: string[];
  /** Nodes added or put in place of one with their id. */
  nodes: GraphNode[];
  /** Notes whose outgoing edges were replaced by `edges`. */
  sources: ReadonlySet<string>;
  edges: GraphEdge[];
}

const derived = new WeakMap<GraphData, DataChange>();

/** How `data` was made by `applyGraphDelta`, or undefined (fetched whole, or built otherwise). */
export function derivationOf(data: GraphData): DataChange | undefined {
  return derived.get(data);
}

/** True when the delta changes nothing. */
export function isEmptyDelta(d: GraphDelta): boolean {
  return !d.nodes.length && !d.removed.length && !d.sources.length && !d.edges.length;
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
  const removedNodes: string[] = [];
  const changed: GraphNode[] = [];
  for (const n of data.nodes) {
    if (removed.has(n.id) || (n.kind !== 'note' && loose.has(n.id) && !linked.has(n.id))) {
      removedNodes.push(n.id);
      continue;
    }
    have.add(n.id);
    const f = fresh.get(n.id);
    if (f && f.kind === 'note') {
      nodes.push(f);
      changed.push(f);
    } else nodes.push(n);
  }
  for (const n of delta.nodes)
    if (!have.has(n.id) && !removed.has(n.id)) {
      have.add(n.id);
      nodes.push(n);
      changed.push(n);
    }
  const out = { nodes, edges };
  derived.set(out, { base: data, removedNodes, nodes: changed, sources, edges: delta.edges });
  return out;
}
