/**
 * Automatic groups, one per top-level folder (Graph controls › Groups › "Colour by folder", on by default): a vault
 * organised by area (the sample vault's basics, concurrency, network …) shows its areas as coloured clusters, as
 * Obsidian users get by adding a `path:` group per folder by hand. They come after the user's own groups, so a user
 * group wins; the legend lists each as "Folder: <name>". Colours are given in the folders' name order from
 * {@link FOLDER_PALETTE}, computed once per vault graph (both the global and the local graph use the same list).
 */
import type { GraphData } from '../../../electron/shared/api.ts';
import type { GraphGroup } from './settings.ts';

/**
 * Sixteen qualitative colours (from Tableau 20), mid-lightness so they read on the light and the dark background,
 * none of them the plain note's grey. More folders than colours reuse them in order.
 */
export const FOLDER_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#a0cbe8',
  '#d37295',
  '#8cd17d',
  '#499894',
  '#ffbe7d',
  '#d4a6c8',
  '#f1ce63',
];

/** At most this many folder groups (the largest folders). */
const MAX_FOLDERS = 24;

const cache = new WeakMap<GraphData, GraphGroup[]>();
/** The list last returned: a re-fetched graph with the same folders gets this very array back. */
let last: GraphGroup[] = [];

function sameGroups(a: readonly GraphGroup[], b: readonly GraphGroup[]): boolean {
  return a.length === b.length && a.every((g, i) => g.query === b[i].query && g.color === b[i].color);
}

/**
 * One group per top-level folder with notes, in name order; [] for a vault with fewer than two such folders. The
 * same folders give the same array (identity), so the graph views' restyle, keyed on their groups, does not run
 * for every saved note: a restyle recomputes every element's style (1–5 s on 1,000–5,000 notes).
 */
export function folderGroups(data: GraphData | null): GraphGroup[] {
  if (!data) return [];
  const hit = cache.get(data);
  if (hit) return hit;
  const count = new Map<string, number>();
  for (const n of data.nodes) {
    if (n.kind !== 'note') continue;
    const slash = n.id.indexOf('/');
    if (slash > 0) {
      const f = n.id.slice(0, slash);
      count.set(f, (count.get(f) ?? 0) + 1);
    }
  }
  const folders = [...count]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FOLDERS)
    .map(([f]) => f)
    .sort((a, b) => a.localeCompare(b));
  const groups =
    folders.length < 2
      ? []
      : folders.map((f, i) => ({
          query: `path:${f}`,
          color: FOLDER_PALETTE[i % FOLDER_PALETTE.length],
          label: `Folder: ${f}`,
        }));
  const stable = sameGroups(groups, last) ? last : groups;
  last = stable;
  cache.set(data, stable);
  return stable;
}
