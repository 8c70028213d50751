/**
 * The graph of the vault: nodes (notes, attachments, unresolved targets), edges (links), and the graph filter.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Paths are vault-relative with `/` separators; lines are 1-based; durations ms.
 */

import type { LinkKind } from './link.ts';

export interface GraphNode {
  /** Vault path for notes and attachments; `unresolved:<raw target>` for unresolved targets. */
  id: string;
  label: string;
  kind: 'note' | 'attachment' | 'unresolved';
  tags: string[];
  /** Aliases of a note (for `[[` completion by alias), absent for other kinds. */
  aliases?: string[];
  level?: number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: LinkKind;
  /** Frontmatter key for property links (`prerequisites`, `related`, …), else null. */
  relation: string | null;
}

export interface GraphData { nodes: GraphNode[]; edges: GraphEdge[] }

export interface GraphFilter {
  /** Only notes with this tag (or nested below it). */
  tag?: string;
  /** Only notes under this folder. */
  folder?: string;
  includeAttachments?: boolean;
  includeUnresolved?: boolean;
}
