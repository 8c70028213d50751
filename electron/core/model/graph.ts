/**
 * The graph of the vault: nodes (notes, attachments, unresolved targets), edges (links), and the graph filter.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Paths are vault-relative with `/` separators; lines are 1-based; durations ms.
 */

import type { LinkKind } from './link.ts';

export interface GraphNode {
  /**
   * Vault path for notes and attachments; `unresolved:<target key>` for unresolved targets; `tag:<tag>` for tags
   * shown as nodes (`GraphFilter.includeTags`).
   */
  id: string;
  label: string;
  kind: 'note' | 'attachment' | 'unresolved' | 'tag';
  /** Folder of a note or attachment (vault-relative, '' at the root), for folder groups and filters. */
  folder?: string;
  tags: string[];
  /** Aliases of a note (for `[[` completion by alias), absent for other kinds. */
  aliases?: string[];
  level?: number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** `tag`: a note → the tag node it carries (only with `GraphFilter.includeTags`). */
  kind: LinkKind | 'tag';
  /** Frontmatter key for property links (`prerequisites`, `related`, …), else null. */
  relation: string | null;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilter {
  /** Only notes with this tag (or nested below it). */
  tag?: string;
  /** Only notes under this folder. */
  folder?: string;
  includeAttachments?: boolean;
  includeUnresolved?: boolean;
  /** Tags as nodes (`tag:<tag>`), each note joined to its tags by a `tag` edge (Obsidian's "Tags" toggle). */
  includeTags?: boolean;
}

/**
 * What changed in the vault graph (`graph(filter)`) between two index versions, as `graphDelta` answers it. It turns
 * the graph of the old version into the new one by these steps, in order: drop every edge whose source is in
 * `sources`; drop the nodes in `removed` and their edges; put the note nodes of `nodes` in place of those with their
 * id (other kinds are added only when missing: an unresolved target keeps its first label); add `edges` (one per
 * source, target, kind and relation); drop the unresolved, attachment and tag nodes left without an edge.
 */
export interface GraphDelta {
  /** Current nodes of the changed notes, and the unresolved, attachment and tag targets of `edges`. */
  nodes: GraphNode[];
  /** Ids of nodes gone: deleted notes and attachments. */
  removed: string[];
  /** Notes whose outgoing edges `edges` replaces: the changed ones and those whose links now resolve differently. */
  sources: string[];
  /** Every outgoing edge of `sources` as `graph(filter)` draws it. */
  edges: GraphEdge[];
}

/**
 * The answer of `graphDelta(since, filter)`: the changes since index version `since`, or, when they are not known or
 * too many (a cold index, a rebuild, a version too old, a bulk change), the whole graph. `version`: the index version
 * the answer is of, the `since` of the next call.
 */
export type GraphUpdate =
  | { kind: 'delta'; since: number; version: number; delta: GraphDelta }
  | { kind: 'full'; version: number; graph: GraphData };

/** Which links a local graph follows (Obsidian's local graph toggles); each defaults to true. */
export interface LocalGraphOptions {
  /** Follow backlinks (notes linking to a note already in the view). */
  incoming?: boolean;
  /** Follow outgoing links. */
  outgoing?: boolean;
  /** Draw links between the notes found, not only the links through which they were found. */
  neighbourLinks?: boolean;
}

/** Node positions of the global graph, by node id: `[x, y]` in Cytoscape model coordinates (px at zoom 1). */
export type GraphPositions = Record<string, [number, number]>;

/**
 * The graph view's kept state for a vault, stored in the vault: `.atlas/graph.json` (the controls, as Obsidian keeps
 * its graph settings in `.obsidian/graph.json`) and `.atlas/graph-positions.json` (the positions). The settings are
 * the renderer's own JSON object (at most 64 KB), opaque to the backend.
 */
export interface GraphViewState {
  settings: Record<string, unknown> | null;
  positions: GraphPositions;
}
