/**
 * "Next up": what can be learned now.
 */
import type { LearningGraph } from './graph.ts';

export interface NextUpResult {
  id: number;
  unlocks: number;
}

/**
 * Unlearned notes whose resolved prerequisites are all learned (a note with none qualifies; unresolved prerequisites
 * cannot be learned and do not block), excluding curated paths (`type: path`). When the vault has prerequisite links at
 * all, notes outside the prerequisite graph (neither listing nor listed as a prerequisite: overviews, maps of content,
 * journals) are left out too: they are not concepts of the learning order.
 *
 * `unlocks` counts what learning the note directly unblocks: the unlearned notes (not curated paths) that list it as a
 * prerequisite and whose only unlearned prerequisite it is, so they become ready next. Ranked by unlocks (most first),
 * then level (none last), then title, then path. At most `limit` results.
 */
export function computeNextUp(g: LearningGraph, learned: Uint8Array, limit: number): NextUpResult[] {
  const count = g.nodes.length;
  const remaining = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    let r = 0;
    for (const p of g.prereqs[n]) if (!learned[p]) r++;
    remaining[n] = r;
  }
  let hasPrerequisites = false;
  for (let n = 0; n < count && !hasPrerequisites; n++) hasPrerequisites = g.prereqs[n].length > 0;
  const results: NextUpResult[] = [];
  for (let n = 0; n < count; n++) {
    if (learned[n] || remaining[n] !== 0 || g.nodes[n].type === 'path') continue;
    if (hasPrerequisites && g.prereqs[n].length === 0 && g.dependents[n].length === 0) continue;
    let unlocks = 0;
    for (const d of g.dependents[n]) if (!learned[d] && remaining[d] === 1 && g.nodes[d].type !== 'path') unlocks++;
    results.push({ id: n, unlocks });
  }
  results.sort((a, b) => b.unlocks - a.unlocks || g.rank[a.id] - g.rank[b.id]);
  return results.slice(0, Math.max(0, limit));
}
