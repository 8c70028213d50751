/**
 * `ReviewEngine`: spaced review of the vault's flashcards with FSRS (ts-fsrs, default parameters, 90 % requested
 * retention, no fuzz so schedules are reproducible) and graph-aware credit along the prerequisite graph
 * (credit.ts, docs/review.md).
 *
 * Cards come from the index (`VaultQuery.cards()`, parsed by electron/core/markdown/cards.ts); the prerequisite
 * graph from the learning engine; memory states from a `ReviewStateStore` (`.atlas/review.json`, implemented in
 * electron/services/review-store.ts with atomic writes and a lock). A card's *concepts* are its note; for a card in
 * a `type: quiz` note, the notes linked on the card's own lines, else the quiz note's `concepts` property links
 * (card-index.ts). `type: exercise` notes practise the notes their `concepts` property links, else every note they
 * link (practice.ts).
 */
import { fsrs, generatorParameters, Rating, type FSRS, type Grade } from 'ts-fsrs';
import type { CardFact } from '../markdown/cards.ts';
import type { LearningGraph } from '../learning/graph.ts';
import { indexCards, type CardIndex } from './card-index.ts';
import { CREDIT_PARAMS, creditWeight, implicitReview, prerequisiteDistances, type CreditParams } from './credit.ts';
import {
  elapsedDays,
  forgettingCurve,
  isoMs,
  retrievabilityAt,
  retrievabilityOf,
  roundStability,
  scheduleTable,
  type ForgettingCurve,
  type ScheduleTable,
} from './schedule-table.ts';
import { fromFsrsCard, toFsrsCard, type CardMemory, type ReviewFile } from './state.ts';
import { ReviewError } from './errors.ts';
import { exercisesOf, practiceSet } from './practice.ts';
import { reviewCardOf } from './review-card.ts';
import type {
  ExerciseInfo,
  GradePreview,
  GradeResult,
  ImplicitCredit,
  NoteRetention,
  PracticeSet,
  ReviewCard,
  ReviewGrade,
  ReviewSignals,
  ReviewSummary,
  WeakNote,
} from '../model.ts';

/** Where review memory lives. `update` runs `fn` on the freshly read state and writes it back, exclusively. */
export interface ReviewStateStore {
  /**
   * The current state (empty when there is none), shared: never change it. The same object until the state changes,
   * so the engine caches per object. Throws when the file is damaged (it is moved aside).
   */
  read(): Readonly<ReviewFile>;
  update(fn: (state: ReviewFile) => void): Promise<ReviewFile>;
}

/** Prerequisite distance searched for the weakest prerequisites after a failed card. */
const WEAK_DISTANCE = 2;
const WEAK_LIMIT = 5;

/** The grades, in button order (keys 1–4). */
export const REVIEW_GRADES: readonly ReviewGrade[] = ['again', 'hard', 'good', 'easy'];

const RATINGS: Record<ReviewGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** What the engine reads of the index (a `VaultQuery`). */
export interface ReviewSource {
  readonly vaultRoot: string;
  /** Index version: the card cache is rebuilt when it changes. */
  readonly version: number;
  cards(): CardFact[];
  resolveNote(arg: string): string | null;
}

export interface ReviewEngineOptions {
  /** Clock (tests). */
  now?: () => Date;
  credit?: Partial<CreditParams>;
}

export class ReviewEngine {
  readonly index: ReviewSource;
  readonly store: ReviewStateStore;
  readonly fsrs: FSRS;
  readonly credit: Readonly<CreditParams>;
  private readonly graphOf: () => LearningGraph;
  private readonly clock: () => Date;
  private cache: CardIndex | null = null;
  /** The schedule of every card of `ix.cards`, for one state object (schedule-table.ts). */
  private tableCache: { state: Readonly<ReviewFile>; ix: CardIndex; table: ScheduleTable } | null = null;
  private readonly curve: ForgettingCurve;

  /** `graph` gives the learning graph of the current index version (LearningEngine.graph). */
  constructor(
    index: ReviewSource,
    graph: () => LearningGraph,
    store: ReviewStateStore,
    opts: ReviewEngineOptions = {},
  ) {
    this.index = index;
    this.graphOf = graph;
    this.store = store;
    this.clock = opts.now ?? (() => new Date());
    this.credit = { ...CREDIT_PARAMS, ...opts.credit };
    this.fsrs = fsrs(generatorParameters({ enable_fuzz: false }));
    this.curve = forgettingCurve(this.fsrs.parameters.w);
  }

  private indexed(): CardIndex {
    const version = this.index.version;
    const graph = this.graphOf();
    if (this.cache && this.cache.version === version && this.cache.graph === graph) return this.cache;
    this.cache = indexCards(this.index.cards(), graph, version);
    return this.cache;
  }

  /**
   * Probability of recall of a stored memory at `now`, null for a card never reviewed: FSRS's forgetting curve over
   * the whole days since the last review, the same number as ts-fsrs's `get_retrievability` (schedule-table.ts).
   */
  retrievability(m: CardMemory | undefined, now: Date): number | null {
    if (!m || m.state === 'new' || !m.lastReview) return null;
    return retrievabilityAt(elapsedDays(now.getTime(), isoMs(m.lastReview)), roundStability(m.stability), this.curve);
  }

  /** The schedule table of `ix.cards` under `state`, built once per state object. */
  private table(state: Readonly<ReviewFile>, ix: CardIndex): ScheduleTable {
    const c = this.tableCache;
    if (c && c.state === state && c.ix === ix) return c.table;
    const table = scheduleTable(
      ix.cards.map((card) => card.id),
      state.cards,
    );
    this.tableCache = { state, ix, table };
    return table;
  }

  /**
   * Cards with their schedule. `due`: only those due now (new cards included), soonest first; `note`: only that
   * note's cards. `limit` caps the result (default: all).
   */
  cards(opts: { due?: boolean; note?: string; limit?: number } = {}): ReviewCard[] {
    const now = this.clock();
    const ix = this.indexed();
    const state = this.store.read();
    const t = now.getTime();
    const table = this.table(state, ix);
    const due = table.due;
    let picked: ArrayLike<number>;
    if (opts.due) {
      const from = opts.note !== undefined ? (ix.atNote.get(opts.note) ?? []) : null;
      const n = from ? from.length : due.length;
      const order = new Uint32Array(n);
      let m = 0;
      for (let k = 0; k < n; k++) {
        const i = from ? from[k] : k;
        if (due[i] <= t) order[m++] = i;
      }
      // soonest first; new cards (due now) after the overdue ones; then note and line (ix.cards order).
      // A typed array sorts ~5× faster than an array of numbers with the same comparator.
      const key = (i: number) => (due[i] < 0 ? t : due[i]);
      picked = order.subarray(0, m).sort((a, b) => key(a) - key(b) || a - b);
    } else if (opts.note !== undefined) picked = ix.atNote.get(opts.note) ?? [];
    else picked = Array.from({ length: ix.cards.length }, (_, i) => i);
    const count = opts.limit === undefined ? picked.length : Math.min(picked.length, Math.max(0, opts.limit));
    const out: ReviewCard[] = [];
    for (let k = 0; k < count; k++) {
      const i = picked[k];
      const c = ix.cards[i];
      out.push(reviewCardOf(c, state.cards[c.id], now, ix.graph, retrievabilityOf(table, i, t, this.curve)));
    }
    return out;
  }

  /**
   * What each grade would do to `cardArg` now (FSRS, ts-fsrs `repeat`): the due time and interval per grade, for the
   * grade buttons of the card shown. Only the shown card is scheduled; listing never runs FSRS. Throws
   * `ReviewError('not-found')` for an unknown card.
   */
  preview(cardArg: string): GradePreview {
    const card = this.resolveCard(cardArg);
    const now = this.clock();
    const m = this.store.read().cards[card.id];
    const out = {} as GradePreview['grades'];
    for (const g of REVIEW_GRADES) {
      const next = this.fsrs.next(toFsrsCard(m, now), now, RATINGS[g]).card;
      out[g] = { due: next.due.toISOString(), intervalMs: next.due.getTime() - now.getTime() };
    }
    return { card: card.id, grades: out };
  }

  summary(): ReviewSummary {
    const now = this.clock().getTime();
    const ix = this.indexed();
    const state = this.store.read();
    const table = this.table(state, ix);
    let due = 0;
    let fresh = 0;
    for (let i = 0; i < table.due.length; i++) {
      const d = table.due[i];
      if (d < 0) fresh++;
      if (d <= now) due++;
    }
    const restudy = Object.entries(state.notes)
      .filter(([, v]) => v.restudy)
      .map(([p]) => p)
      .sort();
    return { cards: ix.cards.length, due, new: fresh, restudy };
  }

  /** Resolves a card argument: a full id, or a unique id suffix such as the hash after `#`. */
  resolveCard(arg: string): CardFact {
    const ix = this.indexed();
    const a = arg.trim().normalize('NFC');
    const exact = ix.byId.get(a);
    if (exact) return exact;
    const hits = a.length >= 4 ? ix.cards.filter((c) => c.id.endsWith(a.startsWith('#') ? a : `#${a}`)) : [];
    if (hits.length === 1) return hits[0];
    if (hits.length > 1)
      throw new ReviewError(
        'invalid-argument',
        `card "${arg}" is ambiguous: ${hits
          .slice(0, 5)
          .map((c) => c.id)
          .join(', ')}`,
      );
    throw new ReviewError('not-found', `no card "${arg}"`);
  }

  /**
   * Records a review of `cardArg` with `grade` (FSRS), then applies the graph-aware rule: Good/Easy credits the
   * prerequisites (credit.ts); Again marks the note for re-study and reports its weakest prerequisites.
   * Throws `ReviewError` for an unknown card or grade; the store's errors (damaged file, lock timeout) as they are.
   */
  async grade(cardArg: string, grade: ReviewGrade): Promise<GradeResult> {
    if (!Object.hasOwn(RATINGS, grade))
      throw new ReviewError(
        'invalid-argument',
        `grade must be again, hard, good or easy, not ${JSON.stringify(grade)}`,
      );
    const card = this.resolveCard(cardArg);
    const ix = this.indexed();
    const g = ix.graph;
    const now = this.clock();
    const concepts = ix.concepts.get(card.id) ?? [];
    const credited: ImplicitCredit[] = [];
    let restudy = false;
    const state = await this.store.update((s) => {
      credited.length = 0;
      const next = this.fsrs.next(toFsrsCard(s.cards[card.id], now), now, RATINGS[grade]).card;
      s.cards[card.id] = fromFsrsCard(next);
      if (grade === 'again') {
        s.notes[card.note] = { ...s.notes[card.note], restudy: now.toISOString() };
      } else if (grade === 'good' || grade === 'easy') {
        const dist = prerequisiteDistances(g.prereqs, concepts, this.credit.maxDistance);
        for (const [node, d] of dist) {
          const w = creditWeight(grade, d, this.credit);
          if (w <= 0) continue;
          let moved = 0;
          for (const c of ix.byNote.get(g.nodes[node].path) ?? []) {
            const m = s.cards[c.id];
            if (!m || c.id === card.id) continue;
            const upd = implicitReview(this.fsrs, toFsrsCard(m, now), w, now);
            if (upd) {
              s.cards[c.id] = fromFsrsCard(upd);
              moved++;
            }
          }
          if (moved > 0) credited.push({ note: g.nodes[node].path, distance: d, weight: w, cards: moved });
        }
        const relearning = (ix.byNote.get(card.note) ?? []).some((c) => s.cards[c.id]?.state === 'relearning');
        if (s.notes[card.note]?.restudy && !relearning) delete s.notes[card.note];
      }
      restudy = !!s.notes[card.note]?.restudy;
    });
    credited.sort((a, b) => a.distance - b.distance || (a.note < b.note ? -1 : 1));
    return {
      card: reviewCardOf(card, state.cards[card.id], now, g, this.retrievability(state.cards[card.id], now)),
      grade,
      credited,
      restudy,
      weakPrerequisites: grade === 'again' ? this.weakest(concepts, state, now, ix) : [],
    };
  }

  private noteRetention(path: string, state: Readonly<ReviewFile>, now: Date, ix: CardIndex): number | null {
    const table = this.table(state, ix);
    const t = now.getTime();
    let sum = 0;
    let n = 0;
    for (const i of ix.atNote.get(path) ?? []) {
      const r = retrievabilityOf(table, i, t, this.curve);
      if (r !== null) {
        sum += r;
        n++;
      }
    }
    return n ? sum / n : null;
  }

  private weakest(concepts: number[], state: ReviewFile, now: Date, ix: CardIndex): WeakNote[] {
    const g = ix.graph;
    const out: (WeakNote & { d: number })[] = [];
    for (const [node, d] of prerequisiteDistances(g.prereqs, concepts, WEAK_DISTANCE)) {
      const path = g.nodes[node].path;
      out.push({
        path,
        title: g.nodes[node].title,
        retention: this.noteRetention(path, state, now, ix),
        restudy: !!state.notes[path]?.restudy,
        d,
      });
    }
    // re-study first, then lowest retention (never reviewed counts as lowest), then nearest
    out.sort(
      (a, b) =>
        Number(b.restudy) - Number(a.restudy) ||
        (a.retention ?? -1) - (b.retention ?? -1) ||
        a.d - b.d ||
        (a.title < b.title ? -1 : 1),
    );
    return out.slice(0, WEAK_LIMIT).map(({ d: _d, ...w }) => w);
  }

  /** Review state per note that has cards or is marked for re-study (graph heat-map, learning plan). */
  retention(): Record<string, NoteRetention> {
    const now = this.clock();
    const t = now.getTime();
    const ix = this.indexed();
    const state = this.store.read();
    const table = this.table(state, ix);
    const out: Record<string, NoteRetention> = {};
    for (const [note, at] of ix.atNote) {
      let due = 0;
      for (const i of at) if (table.due[i] <= t) due++;
      out[note] = {
        retention: this.noteRetention(note, state, now, ix),
        cards: at.length,
        due,
        restudy: !!state.notes[note]?.restudy,
      };
    }
    for (const [note, v] of Object.entries(state.notes)) {
      if (v.restudy && !out[note] && ix.graph.ids.has(note))
        out[note] = { retention: null, cards: 0, due: 0, restudy: true };
    }
    return out;
  }

  /** Signals for learning plans and next up (restudy notes; retention per note). Never throws on a damaged file. */
  signals(): ReviewSignals {
    let r: Record<string, NoteRetention>;
    try {
      r = this.retention();
    } catch {
      return { restudy: new Set(), retention: new Map() };
    }
    const restudy = new Set<string>();
    const retention = new Map<string, number>();
    for (const [p, v] of Object.entries(r)) {
      if (v.restudy) restudy.add(p);
      if (v.retention !== null) retention.set(p, v.retention);
    }
    return { restudy, retention };
  }

  /** Exercise notes (`type: exercise`) with the concepts they practise; only those practising `concept` when given. */
  exercises(concept?: string): ExerciseInfo[] {
    return exercisesOf(this.indexed().graph, concept);
  }

  /**
   * "Practice this concept": the concept's cards (its own and quiz cards about it) and exercises, then those of its
   * prerequisites, nearest first (up to the credit distance); see practice.ts. Throws `ReviewError('not-found')` for
   * a path that is not a note.
   */
  practice(conceptPath: string): PracticeSet {
    const now = this.clock();
    return practiceSet(this.indexed(), conceptPath, {
      state: this.store.read(),
      now,
      maxDistance: this.credit.maxDistance,
      retrievability: (m) => this.retrievability(m, now),
    });
  }
}
