/**
 * The tag tree: each tag with the number of notes carrying it or a tag nested below it (`lang/go` counts under
 * `lang`). Tags compare case-insensitively, as in Obsidian; a tag is shown in the spelling first seen.
 */
import type { TagInfo } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';

interface Node {
  tag: string;
  notes: Set<string>;
  children: Map<string, Node>;
}

function toInfo(n: Node): TagInfo {
  return { tag: n.tag, count: n.notes.size, children: sortNodes(n.children).map(toInfo) };
}

function sortNodes(m: Map<string, Node>): Node[] {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, n]) => n);
}

export function tagTree(store: GraphStore): TagInfo[] {
  const roots = new Map<string, Node>();
  for (const { path, tag } of store.tagPairs()) {
    const parts = tag.replace(/^#/, '').split('/').filter(Boolean);
    let level = roots;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i].normalize('NFC').toLowerCase();
      let node = level.get(key);
      if (!node) {
        node = { tag: parts.slice(0, i + 1).join('/'), notes: new Set(), children: new Map() };
        level.set(key, node);
      }
      node.notes.add(path);
      level = node.children;
    }
  }
  return sortNodes(roots).map(toInfo);
}
