/**
 * A card as the review UI and the API show it (`ReviewCard`): the card's text and place, its note's title, and its
 * schedule from the stored memory (a card never reviewed is `new`, due now, with stability 0).
 */
import type { CardFact } from '../markdown/cards.ts';
import type { LearningGraph } from '../learning/graph.ts';
import type { ReviewCard } from '../model.ts';
import type { CardMemory } from './state.ts';

/**
 * `c` with its memory `m` at `now`; `retention` is the probability of recall now (null when never reviewed), as the
 * engine computes it (FSRS's forgetting curve, schedule-table.ts).
 */
export function reviewCardOf(
  c: CardFact,
  m: CardMemory | undefined,
  now: Date,
  g: LearningGraph,
  retention: number | null,
): ReviewCard {
  const id = g.ids.get(c.note);
  return {
    id: c.id,
    note: c.note,
    noteTitle: id === undefined ? c.note : g.nodes[id].title,
    kind: c.kind,
    reversed: c.reversed,
    question: c.question,
    answer: c.answer,
    line: c.line,
    state: m?.state ?? 'new',
    due: m?.due ?? now.toISOString(),
    retention,
    stability: m?.stability ?? 0,
    reps: m?.reps ?? 0,
    lapses: m?.lapses ?? 0,
    lastReview: m?.lastReview ?? null,
  };
}
