/**
 * Renaming or moving a note keeps its cards' review history (practice, #15): cards are graded by the CLI (`atlas
 * grade`, a child process), the note is renamed and then its folder moved through the service (`renamePath`), and
 * `.atlas/review.json`, the service and the CLI (`atlas review`) all show the history under the new ids, with the
 * re-study mark moved too; a rename of a note without review state writes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import { moveNoteState, emptyReviewFile } from '../../electron/core/review/state.ts';
import { tempVault } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = path.join(ROOT, 'tests/fixtures/review-vault');

interface Card {
  id: string;
  note: string;
  state: string;
  reps: number;
}

test('rename and folder move through the service carry the review history; the CLI sees it', async () => {
  const v = tempVault(FIXTURE);
  const cliDb = path.join(v.tmp, 'cli.db');
  const atlas = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'electron/cli/atlas.ts'), ...args, '--db', cliDb], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as unknown;
  };
  const reviewFile = () =>
    JSON.parse(fs.readFileSync(path.join(v.root, '.atlas/review.json'), 'utf8')) as {
      cards: Record<string, { reps: number; state: string }>;
      notes: Record<string, { restudy?: string }>;
    };
  try {
    // grade channel's cards from the command line: Good, then Again (which marks the note for re-study)
    const before = atlas('review', v.root, '--note', 'concurrency/channel.md', '--json') as Card[];
    assert.equal(before.length, 2);
    atlas('grade', v.root, before[0].id, 'good', '--json');
    atlas('grade', v.root, before[1].id, 'again', '--json');
    assert.ok(reviewFile().notes['concurrency/channel.md']?.restudy);
    const hashes = before.map((c) => c.id.slice(c.id.lastIndexOf('#')));

    const service = await createAtlasService({ vaultRoot: v.root, dbPath: v.dbPath, watch: false, workers: 0 });
    try {
      await service.ready;
      const events: string[] = [];
      service.events.on('review-changed', () => events.push('review-changed'));

      // 1: rename the note
      await service.api.renamePath('concurrency/channel.md', 'concurrency/channels.md');
      let file = reviewFile();
      assert.deepEqual(
        Object.keys(file.cards).sort(),
        hashes.map((h) => `concurrency/channels.md${h}`).sort(),
        'the ids follow the note',
      );
      assert.ok(file.notes['concurrency/channels.md']?.restudy, 'the re-study mark follows the note');
      assert.equal(file.notes['concurrency/channel.md'], undefined);
      let cards = await service.api.reviewCards({ note: 'concurrency/channels.md' });
      assert.deepEqual(
        cards.map((c) => [c.reps, c.state === 'new']),
        [
          [1, false],
          [1, false],
        ],
      );
      assert.deepEqual(events, ['review-changed']);

      // 2: move the folder
      await service.api.renamePath('concurrency', 'go/concurrency');
      file = reviewFile();
      assert.deepEqual(Object.keys(file.cards).sort(), hashes.map((h) => `go/concurrency/channels.md${h}`).sort());
      assert.ok(file.notes['go/concurrency/channels.md']?.restudy);
      cards = await service.api.reviewCards({ note: 'go/concurrency/channels.md' });
      assert.ok(cards.every((c) => c.reps === 1));
      assert.deepEqual((await service.api.reviewSummary()).restudy, ['go/concurrency/channels.md']);

      // 3: a rename that rewrites a card's question (the quiz card "What closes a [[select]] loop cleanly"): its
      // history follows the new question's id
      const quizCard = (await service.api.reviewCards()).find((c) => c.question.includes('[[select]]'));
      assert.ok(quizCard);
      await service.api.gradeCard(quizCard.id, 'easy');
      await service.api.renamePath('go/concurrency/select.md', 'go/concurrency/select statement.md');
      const moved = (await service.api.reviewCards()).find((c) => c.question.includes('[[select statement]]'));
      assert.ok(moved, 'the link in the question was rewritten');
      assert.notEqual(moved.id, quizCard.id);
      assert.equal(moved.reps, 1, 'the history followed the rewritten question');
      assert.equal(reviewFile().cards[quizCard.id], undefined);

      // 4: a note without review state: review.json is not rewritten
      const mtime = fs.statSync(path.join(v.root, '.atlas/review.json')).mtimeMs;
      await service.api.renamePath('runtime/GMP.md', 'runtime/G-M-P.md');
      assert.equal(fs.statSync(path.join(v.root, '.atlas/review.json')).mtimeMs, mtime);
    } finally {
      await service.close();
    }

    // the CLI (its own index) reads the moved history: the cards are not new again
    const after = atlas('review', v.root, '--note', 'go/concurrency/channels.md', '--json') as Card[];
    assert.deepEqual(after.map((c) => c.reps).sort(), [1, 1]);
    assert.ok(after.every((c) => c.state !== 'new'));
  } finally {
    v.cleanup();
  }
});

test('moveNoteState: ids and marks of moved notes only; a stale entry at the new id is replaced', () => {
  const m = (reps: number) => ({
    due: '2026-03-01T09:00:00.000Z',
    stability: 1,
    difficulty: 5,
    scheduledDays: 1,
    learningSteps: 0,
    reps,
    lapses: 0,
    state: 'review' as const,
    lastReview: '2026-02-28T09:00:00.000Z',
  });
  const s = emptyReviewFile();
  s.cards['a/x.md#00000000001'] = m(3);
  s.cards['a/x.md#00000000002-2'] = m(4);
  s.cards['a/x.md.bak#00000000001'] = m(9);
  s.cards['b/x.md#00000000001'] = m(1);
  s.notes['a/x.md'] = { restudy: '2026-03-01T09:00:00.000Z' };
  assert.equal(moveNoteState(s, new Map([['a/x.md', 'b/x.md']])), 2);
  assert.deepEqual(Object.keys(s.cards).sort(), [
    'a/x.md.bak#00000000001',
    'b/x.md#00000000001',
    'b/x.md#00000000002-2',
  ]);
  assert.equal(s.cards['b/x.md#00000000001'].reps, 3);
  assert.deepEqual(Object.keys(s.notes), ['b/x.md']);
});
