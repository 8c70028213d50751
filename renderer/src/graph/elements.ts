/**
 * Graph data → Cytoscape element definitions, and the filters of the graph controls.
 * Prerequisite edges (`relation === 'prerequisites'`) are reversed — prerequisite → the note that needs it — so arrows
 * follow the learning order. Several links between the same two nodes of one type make one edge.
 */
import type cytoscape from 'cytoscape';
import type { GraphData, GraphEdge, GraphNode } from '../../../electron/shared/api.ts';
import { groupIndex, hasTag, inFolder } from './groups.ts';
import type { GraphSettings } from './settings.ts';
import { inSlices } from './work-budget.ts';

export const PREREQ = 'prerequisites';

/** Edge type drawn and explained in the legend. */
export type EdgeType = 'link' | 'embed' | 'prereq' | 'property' | 'tag';

export function edgeType(kind: string, relation: string | null): EdgeType {
  if (relation === PREREQ) return 'prereq';
  if (kind === 'property') return 'property';
  if (kind === 'embed') return 'embed';
  if (kind === 'tag') return 'tag';
  return 'link';
}

/**
 * The elements of a graph view, by id. After a graph delta they are brought up to date in place (element-delta.ts:
 * one saved note costs O(changed), not a copy of every map), so an element set that a delta moved on from is spent
 * (`isSpent`): its maps hold the newer elements.
 */
export interface GraphElements {
  nodes: Map<string, cytoscape.ElementDefinition>;
  edges: Map<string, cytoscape.ElementDefinition>;
  /** Links per node id (both directions). */
  degree: Map<string, number>;
  byId: Map<string, GraphNode>;
  /** Ids of the edges at each node (either end). */
  incident: Map<string, Set<string>>;
}

/** Adds edge `id` to the incidence sets of `source` and `target`. */
export function addIncident(incident: Map<string, Set<string>>, id: string, source: string, target: string): void {
  for (const end of [source, target]) {
    const set = incident.get(end);
    if (set) set.add(id);
    else incident.set(end, new Set([id]));
  }
}

/** Node diameter in px at zoom 1. */
export function nodeSize(degree: number, byLinks: boolean): number {
  return byLinks ? Math.round(Math.min(40, 8 + 3.2 * Math.sqrt(degree))) : 12;
}

/**
 * The edge element of a link (prerequisites reversed), or null for a link to itself. Its id, one per pair and type,
 * names the link's source note: the element's target for prerequisites, else its source.
 */
export function edgeElement(e: GraphEdge): cytoscape.ElementDefinition | null {
  if (e.source === e.target) return null;
  const type = edgeType(e.kind, e.relation);
  const [source, target] = type === 'prereq' ? [e.target, e.source] : [e.source, e.target];
  const id = `${source}\u0000${target}\u0000${type}`;
  return { group: 'edges', data: { id, source, target, type, relation: e.relation, prereq: type === 'prereq' } };
}

/** The note whose link an edge element draws (see `edgeElement`). */
export function linkSourceOf(edge: cytoscape.ElementDefinition): string {
  return (edge.data.prereq ? edge.data.target : edge.data.source) as string;
}

/** The node element of `n` with `degree` links and group index `group` (-1: none). */
export function nodeElement(
  n: GraphNode,
  degree: number,
  group: number,
  byLinks: boolean,
): cytoscape.ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label,
      display: n.label,
      kind: n.kind,
      size: nodeSize(degree, byLinks),
      group,
      // Hubs get larger labels, so zooming out drops the labels of small nodes first (as Obsidian fades them).
      fontScale: Math.round(Math.min(2, 0.9 + 0.16 * Math.sqrt(degree)) * 100) / 100,
    },
  };
}

/**
 * The edges and incidence of a graph's elements, built a range of `data.edges` at a time; `finish` adds the nodes
 * (sizes by link count need every edge first).
 */
class ElementsBuilder {
  private readonly byId: Map<string, GraphNode>;
  private readonly degree = new Map<string, number>();
  private readonly incident = new Map<string, Set<string>>();
  private readonly edges = new Map<string, cytoscape.ElementDefinition>();
  private readonly data: GraphData;
  constructor(data: GraphData) {
    this.data = data;
    this.byId = new Map(data.nodes.map((n) => [n.id, n]));
  }
  /** Adds the edge elements of `part` (edges of `data`). */
  addEdges(part: readonly GraphEdge[]): void {
    const { byId, degree, incident, edges } = this;
    for (const e of part) {
      if (!byId.has(e.source) || !byId.has(e.target)) continue;
      const el = edgeElement(e);
      const id = el?.data.id as string;
      if (!el || edges.has(id)) continue;
      const { source, target } = el.data as { source: string; target: string };
      degree.set(source, (degree.get(source) ?? 0) + 1);
      degree.set(target, (degree.get(target) ?? 0) + 1);
      addIncident(incident, id, source, target);
      edges.set(id, el);
    }
  }
  finish(settings: Pick<GraphSettings, 'groups' | 'nodeSizeByLinks'>): GraphElements {
    const { byId, degree, incident, edges } = this;
    const groups = groupIndex(this.data.nodes, settings.groups);
    const nodes = new Map<string, cytoscape.ElementDefinition>();
    for (const n of this.data.nodes)
      nodes.set(n.id, nodeElement(n, degree.get(n.id) ?? 0, groups.get(n.id) ?? -1, settings.nodeSizeByLinks));
    return { nodes, edges, degree, byId, incident };
  }
}

/** Elements of `data` with sizes and group indexes from `settings`. */
export function toElements(
  data: GraphData,
  settings: Pick<GraphSettings, 'groups' | 'nodeSizeByLinks'>,
): GraphElements {
  const b = new ElementsBuilder(data);
  b.addEdges(data.edges);
  return b.finish(settings);
}

/** Above this many nodes and edges together a graph view builds its elements with {@link toElementsInSlices}. */
export const BUILD_IN_SLICES_ABOVE = 20_000;
/** Edges added between two checks of the task budget. */
const EDGE_STEP = 2000;

/**
 * {@link toElements} in slices that yield to the event loop once a task used its budget (work-budget.ts): a whole
 * 10,000-note graph (80,000 edges) built in one task was ≈ 440 ms of the kept-positions load (CPU profile,
 * tests/e2e/profile-graph.ts). Resolves to the same elements, or null when `stale()` became true at a yield.
 */
export async function toElementsInSlices(
  data: GraphData,
  settings: Pick<GraphSettings, 'groups' | 'nodeSizeByLinks'>,
  stale: () => boolean,
): Promise<GraphElements | null> {
  const b = new ElementsBuilder(data);
  if (!(await inSlices(data.edges, EDGE_STEP, (part) => b.addEdges(part), stale))) return null;
  return b.finish(settings);
}

/**
 * Ids of the nodes the filters hide: text ("Filter": in the title, path or an alias), tag, folder, and the "Orphans" and "Unresolved" toggles
 * (an orphan is a note with no link in or out). The current note is never hidden.
 */
export function hiddenIds(els: GraphElements, s: GraphSettings, currentPath: string | null): Set<string> {
  const hidden = new Set<string>();
  for (const n of els.byId.values()) if (isHidden(n, els, s, currentPath)) hidden.add(n.id);
  return hidden;
}

/** Whether the filters hide node `n` (see `hiddenIds`). */
export function isHidden(n: GraphNode, els: GraphElements, s: GraphSettings, currentPath: string | null): boolean {
  if (n.id === currentPath) return false;
  const text = s.filter.trim().toLowerCase();
  return (
    (!s.unresolved && n.kind === 'unresolved') ||
    (!s.orphans && n.kind === 'note' && !els.degree.get(n.id)) ||
    (text !== '' &&
      !n.label.toLowerCase().includes(text) &&
      !n.id.toLowerCase().includes(text) &&
      !n.aliases?.some((a) => a.toLowerCase().includes(text))) ||
    (s.tag.trim() !== '' && n.kind !== 'tag' && !hasTag(n.tags, s.tag)) ||
    (s.folder.trim() !== '' && !inFolder(n.id, s.folder))
  );
}
