/**
 * What the file tree remembers per vault, in localStorage under `atlas.tree:<vault root>`: the expanded folders and
 * the sort order (Obsidian keeps both in the workspace of each vault). Folders start collapsed in a vault never
 * opened before. Unreadable or foreign values fall back to the defaults; a full storage keeps them in memory only.
 */
import { isSortOrder, type SortOrder } from './tree-model.ts';

export interface TreePrefs {
  expanded: string[];
  sort: SortOrder;
}

/** Most expanded folders kept (bounded storage; the most recently expanded are kept). */
export const MAX_EXPANDED = 5000;

const key = (root: string) => `atlas.tree:${root}`;

export function loadTreePrefs(root: string): TreePrefs {
  try {
    const v = JSON.parse(localStorage.getItem(key(root)) ?? 'null') as Partial<TreePrefs> | null;
    return {
      expanded: Array.isArray(v?.expanded)
        ? v.expanded.filter((x): x is string => typeof x === 'string').slice(-MAX_EXPANDED)
        : [],
      sort: isSortOrder(v?.sort) ? v.sort : 'name-asc',
    };
  } catch {
    return { expanded: [], sort: 'name-asc' };
  }
}

export function saveTreePrefs(root: string, prefs: TreePrefs): void {
  try {
    localStorage.setItem(key(root), JSON.stringify({ ...prefs, expanded: prefs.expanded.slice(-MAX_EXPANDED) }));
  } catch {
    /* storage full or unavailable: remembered for this session only */
  }
}
