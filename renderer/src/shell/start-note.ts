/** Which note the first screen opens (Obsidian opens the last workspace; a fresh vault gets its home note). */
import type { FileEntry, GraphData } from '../../../electron/shared/api.ts';

/**
 * The note the first screen opens: a home note if there is one (a root note named home/index/readme/start/首页/目录,
 * else a root note tagged `home` or `moc`, a "map of content"), else the most linked note, else the first by name;
 * null for a vault without notes.
 */
export function pickStartNote(files: FileEntry[], graph: GraphData | null): string | null {
  const notes = files.filter((f) => f.kind === 'note').map((f) => f.path);
  const home =
    notes.find((p) => /^(home|index|readme|start|首页|目录)\.md$/i.test(p)) ??
    graph?.nodes.find((n) => n.kind === 'note' && !n.id.includes('/') && n.tags.some((t) => /^(home|moc)$/i.test(t)))
      ?.id;
  if (home) return home;
  if (graph?.edges.length) {
    const deg = new Map<string, number>();
    for (const e of graph.edges) deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
    let best: string | null = null;
    for (const p of notes) if (best === null || (deg.get(p) ?? 0) > (deg.get(best) ?? 0)) best = p;
    return best;
  }
  return notes.sort()[0] ?? null;
}
