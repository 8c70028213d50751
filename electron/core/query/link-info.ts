/**
 * The outgoing-link shape of a stored link row: what `VaultQuery.outgoing` answers and what the vault export lists for
 * every link (the export adds the row's `source`). One mapping, so the two never drift apart.
 */
import type { OutgoingLinkInfo } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** A link row as the store returns it. */
export type StoredLink = ReturnType<GraphStore['outgoing']>[number];

/** The row's link facts (raw text, kind, target, heading/block, alias, 1-based line, relation, resolution). */
export function outgoingLinkInfo(l: StoredLink): OutgoingLinkInfo {
  return {
    raw: l.raw,
    kind: l.kind,
    target: l.target,
    heading: l.heading,
    block: l.block,
    alias: l.alias,
    line: l.line,
    relation: l.relation,
    resolvedBy: l.resolvedBy,
  };
}
