/**
 * Graph groups (Obsidian's "Groups"): each colours the nodes its query matches; the first matching group wins.
 * Queries: `tag:#go` or `tag:go` (the tag or one nested below it), `path:runtime` or `folder:runtime` (under that
 * folder), `level:3` (the `level` property, as roadmap levels are read by the learning engine), or plain text
 * (contained in the title or path, case-insensitive).
 */
import type { GraphNode } from '../../../electron/shared/api.ts';
import type { GraphGroup } from './settings.ts';

export type NodeMatcher = (n: GraphNode) => boolean;

/** True when `tags` has `tag` or a tag nested below it (`lang` matches `lang/go`). */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const t = tag.replace(/^#/, '').toLowerCase();
  if (!t) return true;
  return tags.some((x) => {
    const l = x.toLowerCase();
    return l === t || l.startsWith(`${t}/`);
  });
}

/** True when `path` lies under `folder` ('' or '/' is the whole vault). */
export function inFolder(path: string, folder: string): boolean {
  const f = folder.trim().replace(/^\/+|\/+$/g, '');
  return !f || path.startsWith(`${f}/`);
}

/** The matcher of one group query, or null when the query is empty. */
export function matcherOf(query: string): NodeMatcher | null {
  const q = query.trim();
  if (!q) return null;
  const m = /^(tag|path|folder|level):\s*(.*)$/i.exec(q);
  if (!m) {
    const low = q.toLowerCase();
    return (n) => n.label.toLowerCase().includes(low) || n.id.toLowerCase().includes(low);
  }
  const [, key, value] = m;
  switch (key.toLowerCase()) {
    case 'tag':
      return (n) => n.tags.length > 0 && hasTag(n.tags, value);
    case 'path':
    case 'folder':
      return (n) => n.kind !== 'unresolved' && n.kind !== 'tag' && inFolder(n.id, value);
    default: {
      const level = Number(value);
      return (n) => n.level != null && n.level === level;
    }
  }
}

/** Index of the first group matching each node (by node id); nodes in no group are absent. */
export function groupIndex(nodes: readonly GraphNode[], groups: readonly GraphGroup[]): Map<string, number> {
  const matchers = groups.map((g) => {
    const ids = g.ids;
    return ids ? (n: GraphNode) => ids.has(n.id) : matcherOf(g.query);
  });
  const out = new Map<string, number>();
  for (const n of nodes) {
    const i = matchers.findIndex((m) => m !== null && m(n));
    if (i >= 0) out.set(n.id, i);
  }
  return out;
}
