/**
 * Flashcards and review (practice issue #15): the cards parsed from notes, their schedule, grades, the graph-aware
 * credit a grade gives, retention per note and practice sets.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Times are ISO 8601 UTC strings; retention and weights are fractions in [0, 1];
 * lines are 1-based lines of the whole file.
 */

/** How a card was written (electron/core/markdown/cards.ts). */
export type CardKind = 'single' | 'multi' | 'cloze';

/** One flashcard of a note, as parsed and stored in the index. */
export interface CardFact {
  /** `<note path>#<hash>`: the note, and a stable hash of the (normalised) question; unique within the note. */
  id: string;
  /** Vault path of the note the card is written in. */
  note: string;
  kind: CardKind;
  /** True for the second card of a `:::` / `??` pair (question and answer swapped). */
  reversed: boolean;
  /** Markdown of the prompt (a cloze shows `[...]` where the hidden text was). */
  question: string;
  /** Markdown of the answer (a cloze: the whole text, the hidden part kept as `==highlight==`). */
  answer: string;
  /** First and last line of the card in the file. */
  line: number;
  endLine: number;
}

/** The four FSRS grades (Anki's buttons), keys 1–4 in the Review view. */
export type ReviewGrade = 'again' | 'hard' | 'good' | 'easy';

/** FSRS memory state names (ts-fsrs `State`). */
export type ReviewCardState = 'new' | 'learning' | 'review' | 'relearning';

/** A card with its schedule. */
export interface ReviewCard {
  /** `<note path>#<hash>` (see electron/core/markdown/cards.ts). */
  id: string;
  note: string;
  noteTitle: string;
  kind: CardKind;
  reversed: boolean;
  question: string;
  answer: string;
  /** 1-based file line where the card starts. */
  line: number;
  state: ReviewCardState;
  /** When the card is due (a new card: now). */
  due: string;
  /** Probability of recall now (FSRS retrievability); null for a card never reviewed. */
  retention: number | null;
  /** FSRS stability, days (0 for a new card). */
  stability: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
}

/** What each grade would give the card shown (the intervals on the grade buttons, as Anki shows them). */
export interface GradePreview {
  card: string;
  /** Per grade: the next due time and the interval from now to it, ms. */
  grades: Record<ReviewGrade, { due: string; intervalMs: number }>;
}

/** A prerequisite credited by a Good/Easy grade (FIRe-style implicit review, docs/review.md). */
export interface ImplicitCredit {
  note: string;
  /** Prerequisite hops from the graded card's concept (1 = a direct prerequisite). */
  distance: number;
  /** Fraction of a full review given (decays with distance). */
  weight: number;
  /** Cards of that note whose schedule moved later. */
  cards: number;
}

export interface WeakNote {
  path: string;
  title: string;
  retention: number | null;
  restudy: boolean;
}

export interface GradeResult {
  card: ReviewCard;
  grade: ReviewGrade;
  /** Prerequisites that received implicit credit (Good/Easy only). */
  credited: ImplicitCredit[];
  /** The card's note is marked for re-study (after Again; cleared by a later Good/Easy once no card is relearning). */
  restudy: boolean;
  /** After Again: the weakest prerequisites of the card's concepts (lowest retention first), at most 5. */
  weakPrerequisites: WeakNote[];
}

/** Review state of one note, for the graph heat-map and the learning plan. */
export interface NoteRetention {
  /** Mean retrievability of the note's reviewed cards; null when none has been reviewed. */
  retention: number | null;
  cards: number;
  /** Cards due now (new cards included). */
  due: number;
  /** Marked for re-study after a failed card. */
  restudy: boolean;
}

/** An exercise note (`type: exercise`) and the concepts it practises. */
export interface ExerciseInfo {
  path: string;
  title: string;
  concepts: string[];
}

/** "Practice this concept": its cards and exercises, then those of its prerequisites (nearest first). */
export interface PracticeSet {
  concept: string;
  groups: { note: string; title: string; distance: number; cards: ReviewCard[]; exercises: ExerciseInfo[] }[];
}

/** Summary of the queue. */
export interface ReviewSummary {
  cards: number;
  due: number;
  new: number;
  restudy: string[];
}

/** What learning plans and next up need to know of review (LearningEngine.reviewSignals). */
export interface ReviewSignals {
  /** Notes whose cards are failing (marked for re-study): not "learned". */
  restudy: Set<string>;
  /** Mean retention per note with reviewed cards. */
  retention: Map<string, number>;
}
