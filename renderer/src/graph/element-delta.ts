/**
 * The drawn elements after a graph delta (#11: one saved note changes only its node and edges): the elements of the
 * new graph data computed from those of its base (graph-delta.ts, `DataChange`) and the change alone, with the
 * `ElementDiff` that brings Cytoscape there — the changed notes' nodes, their outgoing edges, the nodes that came or
 * went, and the neighbours whose degree (size, label scale) moved. The element maps are changed in place (the base
 * is spent, `isSpent`), so one saved note costs O(changed notes' edges), not a pass over the graph. The full path
 * (toElements + diffElements, element-diff.ts) stays for graphs fetched whole.
 */
import type cytoscape from 'cytoscape';
import { type ElementDiff, NODE_FIELDS } from './element-diff.ts';
import { addIncident, edgeElement, type GraphElements, linkSourceOf, nodeElement } from './elements.ts';
import type { DataChange } from './graph-delta.ts';
import { groupIndex } from './groups.ts';
import type { GraphSettings } from './settings.ts';
import type { GraphNode } from '../../../electron/shared/api.ts';

/** What `elementsAfter` computed along with the elements: the diff from `base` and the nodes it touched. */
export interface ElementDelta {
  base: GraphElements;
  diff: ElementDiff;
  /** Ids of the nodes (still present) whose element or links changed: the only ones filters and decorations revisit. */
  touched: string[];
  /** Ids of the nodes removed. */
  removedNodes: string[];
}

const diffs = new WeakMap<GraphElements, ElementDelta>();
const spent = new WeakSet<GraphElements>();

/** The diff from `base` that `elementsAfter` computed along with `els`, or undefined (elements built whole). */
export function elementDiffOf(els: GraphElements): ElementDelta | undefined {
  return diffs.get(els);
}

/** True when `elementsAfter` moved `els` on: its maps hold newer elements (diff against Cytoscape instead). */
export function isSpent(els: GraphElements): boolean {
  return spent.has(els);
}

/**
 * The elements of the graph data `change` made, from `prev` (the elements of `change.base` under the same
 * `settings`): equal to `toElements` of the new data up to element order. `prev`'s maps are changed in place and
 * shared by the result; `prev` is spent from then on. Cost: the changed notes, their edges and their neighbours'
 * elements. Throws when `prev` is already spent (a programming error: its maps are not those of `change.base`).
 */
export function elementsAfter(
  prev: GraphElements,
  change: DataChange,
  settings: Pick<GraphSettings, 'groups' | 'nodeSizeByLinks'>,
): GraphElements {
  if (spent.has(prev)) throw new Error('elementsAfter: these elements were already moved on by a delta');
  spent.add(prev);
  const { nodes, edges, degree, byId, incident } = prev;
  const removedNodes = new Set(change.removedNodes);
  for (const id of removedNodes) byId.delete(id);
  for (const n of change.nodes) byId.set(n.id, n);
  const touched = new Set<string>(change.nodes.map((n) => n.id));
  // the changed notes' links and the edges of removed nodes go; the same link drawn again is kept as it is
  const gone = new Map<string, cytoscape.ElementDefinition>();
  for (const src of change.sources)
    for (const id of incident.get(src) ?? []) {
      const e = edges.get(id);
      if (e && linkSourceOf(e) === src) gone.set(id, e);
    }
  for (const node of removedNodes)
    for (const id of incident.get(node) ?? []) {
      const e = edges.get(id);
      if (e) gone.set(id, e);
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
    if (was && was.data.relation === el.data.relation) gone.delete(id);
    else if (was || !edges.has(id)) addEdges.push(el);
  }
  const bump = (el: cytoscape.ElementDefinition, by: number) => {
    for (const id of [el.data.source as string, el.data.target as string]) {
      degree.set(id, (degree.get(id) ?? 0) + by);
      touched.add(id);
    }
  };
  for (const [id, e] of gone) {
    edges.delete(id);
    incident.get(e.data.source as string)?.delete(id);
    incident.get(e.data.target as string)?.delete(id);
    bump(e, -1);
  }
  for (const el of addEdges) {
    const id = el.data.id as string;
    edges.set(id, el);
    addIncident(incident, id, el.data.source as string, el.data.target as string);
    bump(el, 1);
  }

  // what Cytoscape is told: removing a node removes its edges
  const removedHere: string[] = [];
  for (const id of removedNodes)
    if (nodes.delete(id)) {
      removedHere.push(id);
      degree.delete(id);
      incident.delete(id);
    }
  const remove = [...removedHere];
  for (const [id, e] of gone)
    if (!removedNodes.has(e.data.source as string) && !removedNodes.has(e.data.target as string)) remove.push(id);

  // node elements of the changed notes and of the neighbours whose degree moved
  const touchedNodes: GraphNode[] = [];
  for (const id of touched) {
    const n = byId.get(id);
    if (n) touchedNodes.push(n);
  }
  const groups = groupIndex(touchedNodes, settings.groups);
  const changed: ElementDiff['changed'] = [];
  const addNodes: cytoscape.ElementDefinition[] = [];
  for (const n of touchedNodes) {
    const el = nodeElement(n, degree.get(n.id) ?? 0, groups.get(n.id) ?? -1, settings.nodeSizeByLinks);
    const was = nodes.get(n.id);
    if (!was) {
      nodes.set(n.id, el);
      addNodes.push(el);
      continue;
    }
    if (NODE_FIELDS.every((f) => was.data[f] === el.data[f])) continue;
    nodes.set(n.id, el);
    const data: Record<string, unknown> = {};
    for (const f of NODE_FIELDS) data[f] = el.data[f];
    changed.push({ id: n.id, data });
  }
  const els: GraphElements = { nodes, edges, degree, byId, incident };
  diffs.set(els, {
    base: prev,
    touched: touchedNodes.map((n) => n.id),
    removedNodes: removedHere,
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
