/**
 * Graph-aware review credit, after Math Academy's FIRe ("Fractional Implicit Repetition", J. Skycak): practising an
 * advanced concept exercises the simpler concepts it builds on, so a successful review of a card of concept X counts
 * as a *discounted, implicit* review of X's prerequisites. The rule, its parameters and its sources: docs/review.md.
 *
 * - Who: the prerequisites of the card's concepts, by shortest prerequisite distance d = 1..`maxDistance`.
 * - How much: weight w(d) = base(grade) · decay^(d−1) (Good 0.5, Easy 0.7, decay 0.5), dropped below `minWeight`.
 * - What it does to a prerequisite's card (`implicitReview`): only cards in the FSRS Review state (learned, not in
 *   (re)learning steps) take credit. FSRS computes what an explicit Good review now would give (stability S_g, due
 *   D_g); the card's stability moves the fraction w of the way from S to S_g, and its due the fraction w of the way
 *   from its current due D to D_g, and only ever later: a card is never made due earlier than it was. The last review
 *   time is not changed (an implicit review is not a review the learner did).
 * - Failing (Again) gives no credit and takes none away (FIRe's penalties flow to *post*-requisites, which we leave to
 *   their own cards); it marks the card's note for re-study (engine.ts).
 */
import { Rating, type Card, type FSRS } from 'ts-fsrs';
import { State } from './state.ts';
import type { ReviewGrade } from '../model.ts';

export interface CreditParams {
  /** Weight of the credit to a direct prerequisite after Good / Easy. */
  good: number;
  easy: number;
  /** Factor per further hop. */
  decay: number;
  /** Farthest prerequisite distance credited. */
  maxDistance: number;
  /** Smaller weights are dropped. */
  minWeight: number;
}

export const CREDIT_PARAMS: Readonly<CreditParams> = Object.freeze({
  good: 0.5,
  easy: 0.7,
  decay: 0.5,
  maxDistance: 3,
  minWeight: 0.1,
});

/** The credit weight of a prerequisite at `distance` hops after `grade` (0 for Again/Hard or out of range). */
export function creditWeight(grade: ReviewGrade, distance: number, p: Readonly<CreditParams> = CREDIT_PARAMS): number {
  if (grade !== 'good' && grade !== 'easy') return 0;
  if (distance < 1 || distance > p.maxDistance) return 0;
  const w = (grade === 'easy' ? p.easy : p.good) * p.decay ** (distance - 1);
  return w < p.minWeight ? 0 : w;
}

/**
 * Shortest prerequisite distance of every node reachable from `start` (node ids; `prereqs[n]` are the ids n lists
 * as prerequisites), up to `maxDistance` hops; the start nodes themselves are left out. Breadth-first: O(V + E).
 */
export function prerequisiteDistances(
  prereqs: readonly (readonly number[])[],
  start: readonly number[],
  maxDistance: number,
): Map<number, number> {
  const dist = new Map<number, number>();
  const seen = new Set<number>(start);
  let frontier = [...new Set(start)];
  for (let d = 1; d <= maxDistance && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (const p of prereqs[n] ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        dist.set(p, d);
        next.push(p);
      }
    }
    frontier = next;
  }
  return dist;
}

/**
 * The card after an implicit review of weight `weight` (0 < weight ≤ 1) at `now`, or null when it takes no credit
 * (not in the Review state, or nothing would move). Never returns a due earlier than the card's due.
 */
export function implicitReview(f: FSRS, card: Card, weight: number, now: Date): Card | null {
  if (card.state !== State.Review || weight <= 0) return null;
  const w = Math.min(1, weight);
  const good = f.next(card, now, Rating.Good).card;
  const stability =
    good.stability > card.stability ? card.stability + w * (good.stability - card.stability) : card.stability;
  const d0 = card.due.getTime();
  const dg = good.due.getTime();
  const due = dg > d0 ? new Date(Math.round(d0 + w * (dg - d0))) : card.due;
  if (stability === card.stability && due.getTime() === d0) return null;
  const scheduledDays = card.last_review
    ? Math.max(card.scheduled_days, Math.round((due.getTime() - card.last_review.getTime()) / 86_400_000))
    : card.scheduled_days;
  return { ...card, stability, due, scheduled_days: scheduledDays };
}
