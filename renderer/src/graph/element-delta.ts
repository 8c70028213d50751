/**
 * The drawn elements after a graph delta (#11: one saved note changes only its node and edges): the elements of the
 * new graph data computed from those of its base (graph-delta.ts, `DataChange`) and the change alone, with the
 * `ElementDiff` that brings Cytoscape there — the changed notes' nodes, their outgoing edges, the nodes that came or
 * went, and the neighbours whose degree (size, label scale) moved. The full path (toElements + diffElements,
 * element-diff.ts) stays for graphs fetched whole.
 */
import type cytoscape from 'cytoscape';
import type { GraphNode } from '../../../electron/shared/api.ts';
import { type ElementDiff, NODE_FIELDS } from './element-diff.ts';
import { edgeElement, type GraphElements, linkSourceOf, nodeElement } from './elements.ts';
import type { DataChange } from './graph-delta.ts';
import { groupIndex } from './groups.ts';
import type { GraphSettings } from './settings.ts';

/** What `elementsAfter` computed along with the elements: the diff from `base` and the nodes it touched. */
export interface ElementDelta {
  base: GraphElements;
  diff: ElementDiff;
  /** Ids of the nodes (still present) whose element or links changed: the only ones filters and decorations revisit. */
  touched: string[];
}

const diffs = new WeakMap<GraphElements, ElementDelta>();

/** The diff from `base` that `elementsAfter` computed along with `els`, or undefined (elements built whole). */
export function elementDiffOf(els: GraphElements): ElementDelta | undefined {
  return diffs.get(els);
}

/**
 * The elements of the graph data `change` made, from `prev` (the elements of `change.base` under the same
 * `settings`): equal to `toElements` of the new data up to element order. Cost: one pass over `prev`'s arrays and
 * maps (plain objects), element work only for the changed ones.
 */
export function elementsAfter(
  prev: GraphElements,
  change: DataChange,
  settings: Pick<GraphSettings, 'groups' | 'nodeSizeByLinks'>,
): GraphElements {
  const removedNodes = new Set(change.removedNodes);
  const byId = new Map(prev.byId);
  for (const id of removedNodes) byId.delete(id);
  for (const n of change.nodes) byId.set(n.id, n);
  const degree = new Map(prev.degree);
  const touched = new Set<string>(change.nodes.map((n) => n.id));
  const bump = (el: cytoscape.ElementDefinition, by: number) => {
    for (const id of [el.data.source as string, el.data.target as string]) {
      degree.set(id, (degree.get(id) ?? 0) + by);
      touched.add(id);
    }
  };
  // the changed notes' links and the edges of removed nodes go; the same link drawn again is kept as it is
  const gone = new Map<string, cytoscape.ElementDefinition>();
  const edges: cytoscape.ElementDefinition[] = [];
  for (const e of prev.edges) {
    if (
      change.sources.has(linkSourceOf(e)) ||
      removedNodes.has(e.data.source as string) ||
      removedNodes.has(e.data.target as string)
    )
      gone.set(e.data.id as string, e);
    else edges.push(e);
  }
  const addEdges: cytoscape.ElementDefinition[] = [];
  const seen = new Set<string>();
  for (const link of change.edges) {
    if (!byId.has(link.source) || !byId.has(link.target)) continue;
    const el = edgeElement(link);
    if (!el) continue;
    const id = el.data.id as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const was = gone.get(id);
    if (was && was.data.relation === el.data.relation) {
      gone.delete(id);
      edges.push(was);
    } else {
      edges.push(el);
      addEdges.push(el);
      bump(el, 1);
    }
  }
  for (const e of gone.values()) bump(e, -1);

  // node elements of the changed notes and of the neighbours whose degree moved
  const prevNodes = new Map<string, cytoscape.ElementDefinition>();
  for (const n of prev.nodes) prevNodes.set(n.data.id as string, n);
  const touchedNodes: GraphNode[] = [];
  for (const id of touched) {
    const n = byId.get(id);
    if (n) touchedNodes.push(n);
  }
  const groups = groupIndex(touchedNodes, settings.groups);
  const next = new Map<string, cytoscape.ElementDefinition>();
  const changed: ElementDiff['changed'] = [];
  const addNodes: cytoscape.ElementDefinition[] = [];
  for (const n of touchedNodes) {
    const el = nodeElement(n, degree.get(n.id) ?? 0, groups.get(n.id) ?? -1, settings.nodeSizeByLinks);
    const was = prevNodes.get(n.id);
    if (!was) {
      addNodes.push(el);
      continue;
    }
    if (NODE_FIELDS.every((f) => was.data[f] === el.data[f])) continue;
    next.set(n.id, el);
    const data: Record<string, unknown> = {};
    for (const f of NODE_FIELDS) data[f] = el.data[f];
    changed.push({ id: n.id, data });
  }
  const nodes: cytoscape.ElementDefinition[] = [];
  for (const n of prev.nodes) {
    const id = n.data.id as string;
    if (!removedNodes.has(id)) nodes.push(next.get(id) ?? n);
  }
  nodes.push(...addNodes);
  for (const id of removedNodes) degree.delete(id);

  // what Cytoscape is told: removing a node removes its edges
  const removedHere = [...removedNodes].filter((id) => prevNodes.has(id));
  const remove = [...removedHere];
  for (const [id, e] of gone)
    if (!removedNodes.has(e.data.source as string) && !removedNodes.has(e.data.target as string)) remove.push(id);
  const els: GraphElements = { nodes, edges, degree, byId };
  diffs.set(els, {
    base: prev,
    touched: touchedNodes.map((n) => n.id),
    diff: {
      remove,
      removedNodes: removedHere.length,
      removedEdges: gone.size,
      changed,
      addNodes,
      addEdges,
    },
  });
  return els;
}
