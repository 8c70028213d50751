/**
 * Graph data → Cytoscape element definitions, and the filters of the graph controls.
 * Prerequisite edges (`relation === 'prerequisites'`) are reversed — prerequisite → the note that needs it — so arrows
 * follow the learning order. Several links between the same two nodes of one type make one edge.
 */
import type cytoscape from 'cytoscape';
import type { GraphData, GraphNode } from '../../../electron/shared/api.ts';
import { groupIndex, hasTag, inFolder } from './groups.ts';
import type { GraphSettings } from './settings.ts';

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

export interface GraphElements {
  nodes: cytoscape.ElementDefinition[];
  edges: cytoscape.ElementDefinition[];
  /** Links per node id (both directions). */
  degree: Map<string, number>;
  byId: Map<string, GraphNode>;
}

/** Node diameter in px at zoom 1. */
export function nodeSize(degree: number, byLinks: boolean): number {
  return byLinks ? Math.round(Math.min(40, 8 + 3.2 * Math.sqrt(degree))) : 12;
}

/** Elements of `data` with sizes and group indexes from `settings`. */
export function toElements(
  data: GraphData,
  settings: Pick<GraphSettings, 'groups' | 'nodeSizeByLinks'>,
): GraphElements {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const degree = new Map<string, number>();
  const seen = new Set<string>();
  const edges: cytoscape.ElementDefinition[] = [];
  for (const e of data.edges) {
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) continue;
    const type = edgeType(e.kind, e.relation);
    const [source, target] = type === 'prereq' ? [e.target, e.source] : [e.source, e.target];
    const id = `${source}\u0000${target}\u0000${type}`;
    if (seen.has(id)) continue;
    seen.add(id);
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
    edges.push({ group: 'edges', data: { id, source, target, type, relation: e.relation, prereq: type === 'prereq' } });
  }
  const groups = groupIndex(data.nodes, settings.groups);
  const nodes: cytoscape.ElementDefinition[] = data.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label,
      display: n.label,
      kind: n.kind,
      size: nodeSize(degree.get(n.id) ?? 0, settings.nodeSizeByLinks),
      group: groups.get(n.id) ?? -1,
      // Hubs get larger labels, so zooming out drops the labels of small nodes first (as Obsidian fades them).
      fontScale: Math.round(Math.min(2, 0.9 + 0.16 * Math.sqrt(degree.get(n.id) ?? 0)) * 100) / 100,
    },
  }));
  return { nodes, edges, degree, byId };
}

/**
 * Ids of the nodes the filters hide: text ("Filter"), tag, folder, and the "Orphans" and "Unresolved" toggles
 * (an orphan is a note with no link in or out). The current note is never hidden.
 */
export function hiddenIds(els: GraphElements, s: GraphSettings, currentPath: string | null): Set<string> {
  const hidden = new Set<string>();
  const text = s.filter.trim().toLowerCase();
  for (const n of els.byId.values()) {
    if (n.id === currentPath) continue;
    const hide =
      (!s.unresolved && n.kind === 'unresolved') ||
      (!s.orphans && n.kind === 'note' && !els.degree.get(n.id)) ||
      (text !== '' && !n.label.toLowerCase().includes(text) && !n.id.toLowerCase().includes(text)) ||
      (s.tag.trim() !== '' && n.kind !== 'tag' && !hasTag(n.tags, s.tag)) ||
      (s.folder.trim() !== '' && !inFolder(n.id, s.folder));
    if (hide) hidden.add(n.id);
  }
  return hidden;
}
