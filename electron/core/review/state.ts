/**
 * The review state kept with the vault in `.atlas/review.json` (user data: it survives index rebuilds and travels
 * with a vault synced by git), and its conversion to and from ts-fsrs cards.
 *
 * Format (version 1):
 * `{ "version": 1, "cards": { "<card id>": CardMemory }, "notes": { "<note path>": { "restudy": "<ISO time>" } } }`.
 * Entries of cards that no longer exist are kept (the card may come back with an undo or a checkout).
 */
import { createEmptyCard, State, type Card } from 'ts-fsrs';
import { z } from 'zod';
import type { CardFact, ReviewCardState } from '../model.ts';

export const REVIEW_DIR = '.atlas';
export const REVIEW_FILE = 'review.json';

const STATE_NAMES: readonly ReviewCardState[] = ['new', 'learning', 'review', 'relearning'];

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO time');

export const cardMemorySchema = z.object({
  due: isoTime,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: isoTime.nullable(),
});

export const reviewFileSchema = z.object({
  version: z.literal(1),
  cards: z.record(z.string(), cardMemorySchema),
  notes: z.record(z.string(), z.object({ restudy: isoTime.optional() })),
});

/** FSRS memory of one card as stored (ts-fsrs `Card`, camel-cased, dates as ISO strings). */
export type CardMemory = z.infer<typeof cardMemorySchema>;
export type ReviewFile = z.infer<typeof reviewFileSchema>;

export function emptyReviewFile(): ReviewFile {
  return { version: 1, cards: {}, notes: {} };
}

/** ts-fsrs card of a stored memory; a card never reviewed is a new card due `now`. */
export function toFsrsCard(m: CardMemory | undefined, now: Date): Card {
  if (!m) return createEmptyCard(now);
  const lastReview = m.lastReview ? new Date(m.lastReview) : undefined;
  return {
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: lastReview ? Math.max(0, Math.floor((now.getTime() - lastReview.getTime()) / 86_400_000)) : 0,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: STATE_NAMES.indexOf(m.state) as State,
    last_review: lastReview,
  };
}

export function fromFsrsCard(c: Card): CardMemory {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_NAMES[c.state] ?? 'new',
    lastReview: c.last_review ? c.last_review.toISOString() : null,
  };
}

export function stateName(c: Card): ReviewCardState {
  return STATE_NAMES[c.state] ?? 'new';
}

export { State };

/**
 * Moves the review state of renamed notes to their new paths (a rename or move of a note or folder keeps its cards'
 * history): every card id `<old path>#<hash>` becomes `<new path>#<hash>` and the note's re-study mark moves with
 * it. `moved` maps old vault paths to new ones (each file of a moved folder); `renamedCards` then maps card ids (in
 * their moved form) whose question the rename rewrote (a `[[link]]` to the renamed note; see `rewrittenCardIds`) to
 * their new ids. An entry already stored under a new
 * id (left by a note that was at that path before) is replaced by the moved one, which is the card the note now has.
 * Changes `state` in place; returns the number of card entries moved. O(entries).
 */
export function moveNoteState(
  state: ReviewFile,
  moved: ReadonlyMap<string, string>,
  renamedCards: ReadonlyMap<string, string> = new Map(),
): number {
  let n = 0;
  for (const id of Object.keys(state.cards)) {
    const at = id.lastIndexOf('#');
    const to = at > 0 ? moved.get(id.slice(0, at)) : undefined;
    if (to === undefined) continue;
    state.cards[to + id.slice(at)] = state.cards[id];
    delete state.cards[id];
    n++;
  }
  for (const [from, to] of renamedCards) {
    const m = state.cards[from];
    if (!m) continue;
    state.cards[to] = m;
    delete state.cards[from];
    n++;
  }
  for (const [from, to] of moved) {
    const mark = state.notes[from];
    if (!mark) continue;
    state.notes[to] = mark;
    delete state.notes[from];
  }
  return n;
}

/**
 * Card ids changed by rewriting a note's links (its text edited in place, lines unchanged): `before` and `after`
 * are the note's cards before and after the rewrite; a card at the same line, of the same kind and direction, whose
 * id changed maps old id → new id. O(n).
 */
export function rewrittenCardIds(before: readonly CardFact[], after: readonly CardFact[]): Map<string, string> {
  const key = (c: CardFact) => `${c.note}\u0000${c.line}\u0000${c.kind}\u0000${c.reversed}`;
  const now = new Map<string, string[]>();
  for (const c of after) {
    const list = now.get(key(c));
    if (list) list.push(c.id);
    else now.set(key(c), [c.id]);
  }
  const afterIds = new Set(after.map((c) => c.id));
  const out = new Map<string, string>();
  const used = new Map<string, number>();
  for (const c of before) {
    const k = key(c);
    const i = used.get(k) ?? 0;
    used.set(k, i + 1);
    const id = now.get(k)?.[i];
    if (id !== undefined && id !== c.id && !afterIds.has(c.id)) out.set(c.id, id);
  }
  return out;
}
