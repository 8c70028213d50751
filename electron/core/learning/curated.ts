/**
 * Curated paths: notes with `type: path` whose body links, in order, are the sequence to follow.
 */
import type { LearningGraph } from './graph.ts';

export interface CuratedStep {
  /** Node id of the step's note, or -1 when the link is unresolved. */
  id: number;
  raw: string;
  /** The note's title, or the link target as written when unresolved. */
  title: string;
}

export interface CuratedResult {
  id: number;
  steps: CuratedStep[];
}

/**
 * Every curated path, ordered by level (none last), then title. Steps are the path note's body links (wiki, markdown, and embeds of notes;
 * not frontmatter property links) by line, in the order the index lists them within a line, de-duplicated by target;
 * links to the path note itself, to a heading of it (`[[#…]]`) and to attachments are skipped.
 */
export function computeCuratedPaths(g: LearningGraph): CuratedResult[] {
  const pathIds: number[] = [];
  for (let n = 0; n < g.nodes.length; n++) if (g.nodes[n].type === 'path') pathIds.push(n);
  if (pathIds.length === 0) return [];
  const bySource = new Map<number, number[]>();
  for (const n of pathIds) bySource.set(n, []);
  for (let i = 0; i < g.links.length; i++) bySource.get(g.links[i].source)?.push(i);

  const results: CuratedResult[] = [];
  for (const n of pathIds) {
    const linkIdx = bySource.get(n)!.sort((a, b) => g.links[a].line - g.links[b].line || a - b);
    const seen = new Set<string>();
    const steps: CuratedStep[] = [];
    for (const li of linkIdx) {
      const l = g.links[li];
      if (l.kind === 'property' || l.targetText === '' || l.target === n) continue;
      if (l.target < 0 && (l.targetPath !== null || l.kind === 'embed')) continue; // an attachment, not a concept
      const key = l.target >= 0 ? `n:${l.target}` : `u:${l.targetText.normalize('NFC').toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push({ id: l.target, raw: l.raw, title: l.target >= 0 ? g.nodes[l.target].title : l.targetText });
    }
    results.push({ id: n, steps });
  }
  return results.sort((a, b) => g.rank[a.id] - g.rank[b.id]);
}
