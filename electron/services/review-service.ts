/**
 * The flashcard review block of `AtlasApi` (practice, #15): the review engine (electron/core/review) over the index
 * and the learning graph, its memory in `.atlas/review.json` (review-store.ts), wired into the learning engine so
 * that plans and next up see failing and fading concepts. Used by atlas-service.ts and the CLI.
 */
import type { AtlasApi, ReviewCardFilter } from '../shared/api.ts';
import type { LearningEngine } from '../core/learning/service.ts';
import { ReviewEngine, type ReviewEngineOptions, type ReviewSource } from '../core/review/engine.ts';
import type { ReviewSummary } from '../core/model.ts';
import { ReviewStore } from './review-store.ts';

export type ReviewApi = Pick<
  AtlasApi,
  'reviewCards' | 'reviewSummary' | 'gradeCard' | 'gradePreview' | 'retention' | 'practice' | 'exercises'
>;

/** The review engine of a vault, with `learning.reviewSignals` set to it. */
export function createReviewEngine(
  index: ReviewSource,
  learning: LearningEngine,
  opts: ReviewEngineOptions = {},
): ReviewEngine {
  const engine = new ReviewEngine(index, () => learning.graph(), new ReviewStore(index.vaultRoot), opts);
  learning.reviewSignals = () => engine.signals();
  return engine;
}

/**
 * The API methods. `notePath` confines and normalises a vault path (VaultPaths); `changed` is called after each
 * grade (the service emits `review-changed`). A damaged review file met while grading is reported as a warning on
 * stderr and the grade is kept (the file was moved aside, see review-store.ts).
 */
export function reviewApi(
  engine: ReviewEngine,
  notePath: (p: string) => string,
  changed: (s: ReviewSummary) => void,
): ReviewApi {
  const store = engine.store as ReviewStore;
  return {
    reviewCards: async (filter?: ReviewCardFilter) =>
      engine.cards({ ...filter, note: filter?.note === undefined ? undefined : notePath(filter.note) }),
    reviewSummary: async () => engine.summary(),
    gradeCard: async (card, grade) => {
      const r = await engine.grade(card, grade);
      const damage = store.takeDamage?.();
      if (damage) console.error(`atlas: ${damage.message}`);
      changed(engine.summary());
      return r;
    },
    gradePreview: async (card) => engine.preview(card),
    retention: async () => engine.retention(),
    practice: async (concept) => engine.practice(notePath(concept)),
    exercises: async (concept) => engine.exercises(concept === undefined ? undefined : notePath(concept)),
  };
}
