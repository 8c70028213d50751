/**
 * The vault's hubs for the Welcome screen: the notes with the most incoming links. Bounded cost on a large vault:
 * one pass over the edges, the link counts sorted as numbers, and only the notes tied at the cut-off compared by
 * title (precomputed, with one `Intl.Collator`); before this a 10,000-note vault's sort called `titleOf` and
 * `localeCompare` in every comparison (a 40 ms task each time the graph was fetched again during indexing).
 */
import type { GraphData } from '../../../electron/shared/api.ts';
import { titleOf } from '../paths.ts';

const collator = new Intl.Collator();

/**
 * The `limit` notes with the most incoming links (resolved note → note edges, self-links not counted), most first;
 * ties by title (`Intl.Collator` order). Shape: `{ path, links }[]`, at most `limit` entries; [] for no graph.
 */
export function hubNotes(graph: GraphData | null, limit: number): { path: string; links: number }[] {
  if (!graph || limit <= 0) return [];
  const notes = new Set<string>();
  for (const n of graph.nodes) if (n.kind === 'note') notes.add(n.id);
  const deg = new Map<string, number>();
  for (const e of graph.edges)
    if (e.source !== e.target && notes.has(e.target)) deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  if (deg.size === 0) return [];
  // the cut-off: the `limit`-th largest count; every note above it is in, the ties at it are decided by title
  const counts = Float64Array.from(deg.values()).sort();
  const cut = counts[Math.max(0, counts.length - limit)];
  const picked: { path: string; links: number; title: string }[] = [];
  for (const [path, links] of deg) if (links >= cut) picked.push({ path, links, title: titleOf(path) });
  picked.sort((a, b) => b.links - a.links || collator.compare(a.title, b.title));
  return picked.slice(0, limit).map(({ path, links }) => ({ path, links }));
}
