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
import type { ReviewCardState } from '../model.ts';

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
