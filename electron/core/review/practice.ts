/**
 * Practice material from the prerequisite graph: exercise notes (`type: exercise`) with the concepts they practise
 * (their `concepts` property links, else every note they link; exercise and quiz notes are not concepts), and the
 * "Practice this concept" set: the concept's cards (its own and quiz cards about it, `card-index.ts`) and exercises,
 * then those of its prerequisites nearest first.
 */
import type { LearningGraph } from '../learning/graph.ts';
import type { CardFact } from '../markdown/cards.ts';
import type { ExerciseInfo, PracticeSet } from '../model.ts';
import type { CardIndex } from './card-index.ts';
import { prerequisiteDistances } from './credit.ts';
import { ReviewError } from './errors.ts';
import { reviewCardOf } from './review-card.ts';
import type { CardMemory, ReviewFile } from './state.ts';

/** Exercise notes with the concepts they practise, by title; only those practising `concept` when given. */
export function exercisesOf(g: LearningGraph, concept?: string): ExerciseInfo[] {
  const out: ExerciseInfo[] = [];
  const linksOf = new Map<number, number[]>();
  const conceptLinks = new Map<number, number[]>();
  for (const l of g.links) {
    if (l.target < 0 || l.target === l.source || g.nodes[l.source].type !== 'exercise') continue;
    const m = l.relation?.toLowerCase() === 'concepts' ? conceptLinks : linksOf;
    let list = m.get(l.source);
    if (!list) {
      list = [];
      m.set(l.source, list);
    }
    list.push(l.target);
  }
  for (let n = 0; n < g.nodes.length; n++) {
    if (g.nodes[n].type !== 'exercise') continue;
    const ids = [...new Set(conceptLinks.get(n) ?? linksOf.get(n) ?? [])].filter(
      (t) => g.nodes[t].type !== 'exercise' && g.nodes[t].type !== 'quiz',
    );
    const concepts = ids.map((t) => g.nodes[t].path);
    if (concept !== undefined && !concepts.includes(concept)) continue;
    out.push({ path: g.nodes[n].path, title: g.nodes[n].title, concepts });
  }
  return out.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

/**
 * "Practice this concept" for the note at `conceptPath`: groups of cards and exercises, the concept's first
 * (distance 0, always present), then its prerequisites up to `maxDistance` edges, nearest first, then by rank; a
 * prerequisite without cards or exercises is left out. Cards carry their schedule under `state` at `now`, with
 * `retrievability` giving a memory's probability of recall. Throws `ReviewError('not-found')` when the path is not a
 * note of the graph.
 */
export function practiceSet(
  ix: CardIndex,
  conceptPath: string,
  opts: {
    state: Readonly<ReviewFile>;
    now: Date;
    maxDistance: number;
    retrievability(m: CardMemory | undefined): number | null;
  },
): PracticeSet {
  const g = ix.graph;
  const id = g.ids.get(conceptPath);
  if (id === undefined) throw new ReviewError('not-found', `no note "${conceptPath}"`);
  const { state, now } = opts;
  const cardsAbout = new Map<number, CardFact[]>();
  for (const c of ix.cards) {
    for (const n of ix.concepts.get(c.id) ?? []) {
      let list = cardsAbout.get(n);
      if (!list) {
        list = [];
        cardsAbout.set(n, list);
      }
      list.push(c);
    }
  }
  const exercises = exercisesOf(g);
  const groups: PracticeSet['groups'] = [];
  const order: [number, number][] = [
    [id, 0],
    ...[...prerequisiteDistances(g.prereqs, [id], opts.maxDistance)].sort(
      (a, b) => a[1] - b[1] || g.rank[a[0]] - g.rank[b[0]],
    ),
  ];
  for (const [n, d] of order) {
    const path = g.nodes[n].path;
    const cards = (cardsAbout.get(n) ?? []).map((c) =>
      reviewCardOf(c, state.cards[c.id], now, g, opts.retrievability(state.cards[c.id])),
    );
    const ex = exercises.filter((e) => e.concepts.includes(path));
    if (d > 0 && cards.length === 0 && ex.length === 0) continue;
    groups.push({ note: path, title: g.nodes[n].title, distance: d, cards, exercises: ex });
  }
  return { concept: conceptPath, groups };
}
