/** `atlas export`: the whole index as one JSON value in the `VaultExport` shape (notes and links in path/line order). */
import type { VaultExport } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { outgoingLinkInfo } from './link-info.ts';

export function exportVault(store: GraphStore): VaultExport {
  return {
    notes: store.allNotes().map((n) => ({
      path: n.path,
      title: n.title,
      aliases: n.aliases,
      tags: n.tags,
      headings: n.headings,
      blocks: n.blocks,
      properties: n.properties,
    })),
    files: [...store.fileStats().values()]
      .filter((f) => f.kind !== 'folder')
      .map((f) => ({ path: f.path }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    links: store.links().map((l) => ({ source: l.source, ...outgoingLinkInfo(l) })),
    problems: store.problems().map((p) => ({ path: p.path, kind: p.kind, message: p.message })),
  };
}
