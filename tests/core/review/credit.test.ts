/** The graph-aware credit rule (electron/core/review/credit.ts, docs/review.md) on real ts-fsrs schedules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';
import {
  CREDIT_PARAMS,
  creditWeight,
  implicitReview,
  prerequisiteDistances,
} from '../../../electron/core/review/credit.ts';

const f = fsrs(generatorParameters({ enable_fuzz: false }));
const DAY = 86_400_000;

test('weights: Good 0.5, Easy 0.7 for a direct prerequisite, halving per hop, nothing beyond 3 hops or for Again/Hard', () => {
  assert.equal(creditWeight('good', 1), 0.5);
  assert.equal(creditWeight('good', 2), 0.25);
  assert.equal(creditWeight('good', 3), 0.125);
  assert.equal(creditWeight('easy', 1), 0.7);
  assert.equal(creditWeight('easy', 2), 0.35);
  assert.equal(creditWeight('good', 4), 0);
  assert.equal(creditWeight('good', 0), 0);
  assert.equal(creditWeight('again', 1), 0);
  assert.equal(creditWeight('hard', 1), 0);
  assert.equal(creditWeight('good', 3, { ...CREDIT_PARAMS, minWeight: 0.2 }), 0);
});

test('distances: shortest prerequisite hops, start nodes left out, cycles terminate', () => {
  // 0 needs 1 and 2; 1 needs 3; 2 needs 3; 3 needs 4; 4 needs 0 (a cycle back)
  const prereqs = [[1, 2], [3], [3], [4], [0]];
  const d = prerequisiteDistances(prereqs, [0], 3);
  assert.deepEqual(
    [...d].sort((a, b) => a[0] - b[0]),
    [
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 3],
    ],
  );
  assert.deepEqual([...prerequisiteDistances(prereqs, [0], 1).keys()].sort(), [1, 2]);
  assert.equal(prerequisiteDistances(prereqs, [3, 4], 3).has(4), false);
});

/** A card learned with Easy at t0 and reviewed Good at each given day offset. */
function learned(t0: number, goods: number[]): Card {
  let c = f.next(createEmptyCard(new Date(t0)), new Date(t0), Rating.Easy).card;
  for (const d of goods) c = f.next(c, new Date(t0 + d * DAY), Rating.Good).card;
  return c;
}

test('an implicit review moves the due date later, by the weight, and never earlier', () => {
  const t0 = Date.UTC(2026, 0, 1);
  for (const goods of [[], [5], [5, 20], [3, 9, 40]]) {
    const card = learned(t0, goods);
    for (const offset of [0, 1, 3, 10, 30, 100]) {
      const now = new Date(card.last_review!.getTime() + offset * DAY);
      for (const w of [0.125, 0.25, 0.5, 0.7, 1]) {
        const after = implicitReview(f, card, w, now);
        const due = after ? after.due.getTime() : card.due.getTime();
        assert.ok(due >= card.due.getTime(), `due moved earlier (goods ${goods}, +${offset} d, w ${w})`);
        if (after) {
          assert.ok(after.stability >= card.stability);
          assert.equal(after.last_review?.getTime(), card.last_review?.getTime(), 'an implicit review is not a review');
          assert.equal(after.reps, card.reps);
        }
      }
    }
  }
});

test('the credit grows with the weight and is less than an explicit Good review', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const card = learned(t0, [4]);
  const now = new Date(card.due.getTime() - 2 * DAY);
  const good = f.next(card, now, Rating.Good).card;
  const half = implicitReview(f, card, 0.5, now)!;
  const quarter = implicitReview(f, card, 0.25, now)!;
  assert.ok(quarter.due < half.due && half.due < good.due);
  assert.ok(quarter.stability < half.stability && half.stability < good.stability);
  assert.ok(half.due > card.due);
});

test('cards not yet learned (new, learning, relearning) take no credit', () => {
  const now = new Date(Date.UTC(2026, 0, 1));
  const fresh = createEmptyCard(now);
  assert.equal(implicitReview(f, fresh, 0.5, now), null);
  const learning = f.next(fresh, now, Rating.Good).card;
  assert.notEqual(learning.state, 2);
  assert.equal(implicitReview(f, learning, 0.5, now), null);
  const lapsed = f.next(learned(now.getTime(), [5]), new Date(now.getTime() + 30 * DAY), Rating.Again).card;
  assert.equal(implicitReview(f, lapsed, 0.5, new Date(now.getTime() + 31 * DAY)), null);
});
