/**
 * The review engine on a real index of tests/fixtures/review-vault: cards from the index, FSRS grades recorded in
 * `.atlas/review.json`, implicit credit along prerequisites, re-study after Again, plans and next up, practice sets.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openVault } from '../../../electron/core/vault.ts';
import { createReviewEngine } from '../../../electron/services/review-service.ts';
import { tempDir } from '../../support/temp-dir.ts';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/review-vault');
const DAY = 86_400_000;

async function open() {
  const root = tempDir('engine');
  const vault = path.join(root, 'vault');
  fs.cpSync(FIXTURE, vault, { recursive: true });
  const v = await openVault({ vaultRoot: vault, dbPath: path.join(root, 'index.db'), workers: 0 });
  await v.index.sync();
  const learning = v.learning;
  let now = Date.UTC(2026, 2, 1, 9);
  const engine = createReviewEngine(v.query, learning, { now: () => new Date(now) });
  return {
    vault,
    learning,
    engine,
    advance: (days: number) => {
      now += days * DAY;
    },
    close: () => v.close(),
  };
}

const GOROUTINE = 'concurrency/goroutine.md';
const CHANNEL = 'concurrency/channel.md';
const SELECT = 'concurrency/select.md';

test('cards come from the index; all are due and new at first; untagged notes have none', async () => {
  const t = await open();
  try {
    const cards = t.engine.cards();
    assert.equal(cards.length, 8);
    assert.ok(cards.every((c) => c.state === 'new' && c.retention === null));
    assert.equal(t.engine.cards({ due: true }).length, 8);
    assert.deepEqual([...new Set(cards.map((c) => c.note))].sort(), [
      CHANNEL,
      GOROUTINE,
      SELECT,
      'quiz/concurrency quiz.md',
    ]);
    assert.equal(cards.find((c) => c.note === GOROUTINE)?.noteTitle, 'goroutine');
    assert.deepEqual(t.engine.summary(), { cards: 8, due: 8, new: 8, restudy: [] });
  } finally {
    t.close();
  }
});

test('grading records FSRS state in .atlas/review.json and takes the card out of the due list', async () => {
  const t = await open();
  try {
    const [card] = t.engine.cards({ note: SELECT });
    const r = await t.engine.grade(card.id, 'easy');
    assert.equal(r.card.state, 'review');
    assert.ok(Date.parse(r.card.due) > Date.UTC(2026, 2, 1, 9) + DAY);
    const file = JSON.parse(fs.readFileSync(path.join(t.vault, '.atlas/review.json'), 'utf8'));
    assert.equal(file.version, 1);
    assert.equal(file.cards[card.id].state, 'review');
    assert.equal(file.cards[card.id].reps, 1);
    assert.ok(!t.engine.cards({ due: true }).some((c) => c.id === card.id));
    // a unique hash suffix names the card too
    const hash = card.id.slice(card.id.indexOf('#') + 1);
    assert.equal(t.engine.resolveCard(hash).id, card.id);
    await assert.rejects(t.engine.grade('nope.md#zzzz', 'good'), { code: 'not-found' });
    await assert.rejects(t.engine.grade(card.id, 'great' as never), { code: 'invalid-argument' });
  } finally {
    t.close();
  }
});

test('Good on a card credits its prerequisites with decaying weight and never makes them due earlier', async () => {
  const t = await open();
  try {
    // learn goroutine's and channel's cards
    for (const c of [...t.engine.cards({ note: GOROUTINE }), ...t.engine.cards({ note: CHANNEL })])
      await t.engine.grade(c.id, 'easy');
    t.advance(3);
    const before = new Map(t.engine.cards().map((c) => [c.id, c]));
    const [sel] = t.engine.cards({ note: SELECT });
    const r = await t.engine.grade(sel.id, 'good');
    assert.deepEqual(
      r.credited.map((c) => [c.note, c.distance, c.weight]),
      [
        [CHANNEL, 1, 0.5],
        [GOROUTINE, 2, 0.25],
      ],
    );
    assert.deepEqual(
      r.credited.map((c) => c.cards),
      [2, 3],
    );
    for (const c of t.engine.cards()) {
      if (c.id === sel.id) continue;
      const b = before.get(c.id)!;
      assert.ok(Date.parse(c.due) >= Date.parse(b.due), `${c.id} was made due earlier`);
      if (c.note === CHANNEL || c.note === GOROUTINE) {
        assert.ok(Date.parse(c.due) > Date.parse(b.due), `${c.id} got credit`);
        assert.equal(c.reps, b.reps, 'an implicit review is not counted as a review');
      }
    }
    // channel (distance 1) moved further, relative to its interval, than goroutine (distance 2)
    const gain = (id: string) => {
      const b = before.get(id)!;
      const a = t.engine.cards().find((c) => c.id === id)!;
      return (Date.parse(a.due) - Date.parse(b.due)) / (Date.parse(b.due) - Date.parse(b.lastReview!));
    };
    const ch = t.engine.cards({ note: CHANNEL })[0].id;
    const go = t.engine.cards({ note: GOROUTINE })[0].id;
    assert.ok(gain(ch) > gain(go));
    // Hard gives no credit
    const quiz = t.engine.cards({ note: 'quiz/concurrency quiz.md' });
    assert.deepEqual((await t.engine.grade(quiz[0].id, 'hard')).credited, []);
  } finally {
    t.close();
  }
});

test("a quiz card practises the notes linked on its line, else the quiz note's concepts", async () => {
  const t = await open();
  try {
    for (const c of t.engine.cards()) if (c.note !== 'quiz/concurrency quiz.md') await t.engine.grade(c.id, 'easy');
    t.advance(2);
    const [linked, plain] = t.engine.cards({ note: 'quiz/concurrency quiz.md' });
    assert.match(linked.question, /\[\[select\]\]/);
    // about select: credits channel (1) and goroutine (2)
    assert.deepEqual(
      (await t.engine.grade(linked.id, 'good')).credited.map((c) => c.note),
      [CHANNEL, GOROUTINE],
    );
    // about channel (the concepts property): credits goroutine (1)
    assert.deepEqual(
      (await t.engine.grade(plain.id, 'good')).credited.map((c) => [c.note, c.distance]),
      [[GOROUTINE, 1]],
    );
  } finally {
    t.close();
  }
});

test('Again marks the note for re-study, lists the weakest prerequisites; it is not "learned" in next up and plans', async () => {
  const t = await open();
  try {
    t.learning.setProgress(GOROUTINE, 'learned');
    t.learning.setProgress(CHANNEL, 'learned');
    for (const c of t.engine.cards({ note: GOROUTINE })) await t.engine.grade(c.id, 'easy');
    assert.ok(t.learning.nextUp().some((n) => n.path === SELECT));
    const [ch] = t.engine.cards({ note: CHANNEL });
    await t.engine.grade(ch.id, 'easy');
    t.advance(10);
    const r = await t.engine.grade(ch.id, 'again');
    assert.equal(r.restudy, true);
    assert.equal(r.credited.length, 0);
    assert.deepEqual(
      r.weakPrerequisites.map((w) => w.path),
      [GOROUTINE],
    );
    assert.ok(r.weakPrerequisites[0].retention! > 0 && r.weakPrerequisites[0].retention! < 1);
    assert.deepEqual(t.engine.summary().restudy, [CHANNEL]);
    assert.equal(t.engine.retention()[CHANNEL].restudy, true);
    // channel is learned in progress, but failing: next up offers it again (restudy), not select
    const next = t.learning.nextUp();
    assert.deepEqual(next.find((n) => n.path === CHANNEL)?.restudy, true);
    assert.ok(!next.some((n) => n.path === SELECT));
    const plan = t.learning.plan(SELECT);
    const step = plan.steps.find((s) => s.path === CHANNEL);
    assert.equal(step?.review, true);
    assert.equal(step?.state, 'learned');
    // relearned: Good once no card of the note is relearning clears the mark
    t.advance(1);
    let g = await t.engine.grade(ch.id, 'good');
    for (let i = 0; i < 3 && g.restudy; i++) {
      t.advance(1);
      g = await t.engine.grade(ch.id, 'good');
    }
    assert.equal(g.restudy, false);
    assert.deepEqual(t.engine.summary().restudy, []);
  } finally {
    t.close();
  }
});

test('a learned prerequisite whose cards fade gets a "review first" step in the plan', async () => {
  const t = await open();
  try {
    t.learning.setProgress(GOROUTINE, 'learned');
    for (const c of t.engine.cards({ note: GOROUTINE })) await t.engine.grade(c.id, 'good');
    t.advance(60);
    const retention = t.engine.retention()[GOROUTINE].retention!;
    assert.ok(retention < 0.8, `retention ${retention}`);
    const plan = t.learning.plan(SELECT);
    assert.equal(plan.steps[0].path, GOROUTINE);
    assert.equal(plan.steps[0].review, true);
    assert.ok(Math.abs(plan.steps[0].retention! - retention) < 1e-9);
    assert.deepEqual(
      plan.steps.slice(1).map((s) => s.path),
      [CHANNEL, SELECT],
    );
  } finally {
    t.close();
  }
});

test('exercises per concept and "Practice this concept": its cards and exercises, then its prerequisites\'', async () => {
  const t = await open();
  try {
    assert.deepEqual(t.engine.exercises(), [
      { path: 'exercises/worker pool.md', title: 'worker pool', concepts: [CHANNEL, GOROUTINE] },
    ]);
    assert.deepEqual(t.engine.exercises(SELECT), []);
    const p = t.engine.practice(CHANNEL);
    assert.deepEqual(
      p.groups.map((g) => [g.note, g.distance]),
      [
        [CHANNEL, 0],
        [GOROUTINE, 1],
      ],
    );
    assert.equal(p.groups[0].cards.length, 3, 'its own two cards and the quiz card about it');
    assert.deepEqual(
      p.groups[0].exercises.map((e) => e.path),
      ['exercises/worker pool.md'],
    );
    assert.equal(p.groups[1].cards.length, 3);
    assert.throws(() => t.engine.practice('missing.md'), { code: 'not-found' });
  } finally {
    t.close();
  }
});
