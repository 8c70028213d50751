/**
 * The flashcard review block of `AtlasApi` (practice, #15): the review engine (electron/core/review) over the index
 * and the learning graph, its memory in `.atlas/review.json` (review-store.ts), wired into the learning engine so
 * that plans and next up see failing and fading concepts. Used by atlas-service.ts and the CLI.
 */
import type { AtlasApi, ReviewCardFilter } from '../shared/api.ts';
import type { LearningEngine } from '../core/learning/service.ts';
import { ReviewEngine, type ReviewEngineOptions, type ReviewSource } from '../core/review/engine.ts';
import type { ReviewSummary } from '../core/model.ts';
import fs from 'node:fs';
import { moveNoteState } from '../core/review/state.ts';
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

/**
 * After a rename or move (`moved`: old vault path → new, every file of a moved folder; `renamedCards`: ids of cards
 * whose question the link rewrite changed, see `rewrittenCardIds`): the review history of the cards follows them
 * (`moveNoteState`), in `.atlas/review.json`, atomically and under the review lock like a
 * grade, so a concurrent `atlas grade` is not lost. Nothing is written when there is no review file or nothing to
 * move. Resolves with the number of card entries moved; rejects as `ReviewStore.update` does (lock, write).
 */
export async function moveReviewState(
  engine: ReviewEngine,
  moved: ReadonlyMap<string, string>,
  renamedCards: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const store = engine.store as ReviewStore;
  if ((moved.size === 0 && renamedCards.size === 0) || !fs.existsSync(store.file)) return 0;
  // most renames touch no reviewed note: look before taking the lock and writing
  const current = store.read();
  const has = (id: string) => {
    const at = id.lastIndexOf('#');
    return at > 0 && moved.has(id.slice(0, at));
  };
  if (
    !Object.keys(current.cards).some(has) &&
    ![...moved.keys()].some((p) => current.notes[p]) &&
    ![...renamedCards.keys()].some((id) => current.cards[id] !== undefined)
  )
    return 0;
  let n = 0;
  await store.update((s) => {
    n = moveNoteState(s, moved, renamedCards);
  });
  return n;
}
