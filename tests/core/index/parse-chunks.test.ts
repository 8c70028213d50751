import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chunkTasks, salvage } from '../../../electron/core/index/parse-chunks.ts';
import type { ParseTask } from '../../../electron/core/index/read-note.ts';

const task = (name: string, size = 10): ParseTask => ({ path: name, absPath: `/v/${name}`, size, oldHash: null });

describe('parse chunks', () => {
  test('chunks hold at most N notes and about B bytes, in order; a large note is a chunk of its own', () => {
    let id = 0;
    const tasks = [task('a'), task('b'), task('c'), task('big', 500), task('d'), task('e'), task('f')];
    const chunks = chunkTasks(tasks, { notes: 2, bytes: 100 }, () => id++);
    assert.deepEqual(
      chunks.map((c) => [c.id, c.tasks.map((t) => t.path)]),
      [
        [0, ['a', 'b']],
        [1, ['c']],
        [2, ['big']],
        [3, ['d', 'e']],
        [4, ['f']],
      ],
    );
    assert.deepEqual(
      chunkTasks([task('x', 60), task('y', 60)], { notes: 10, bytes: 100 }, () => 0).map((c) => c.tasks.length),
      [1, 1],
    );
  });

  test('a worker that died on a note: that note is a fallback, the others are requeued without a strike', () => {
    let id = 10;
    const inFlight = [
      { id: 1, tasks: [task('a'), task('b'), task('c')] },
      { id: 2, tasks: [task('d')] },
    ];
    const strikes = new Map<string, number>();
    const r = salvage(inFlight, { msgId: 1, taskIdx: 1, started: 5 }, 'timeout', strikes, () => id++);
    assert.deepEqual(
      r.fallbacks.map((f) => [f.task.path, f.kind]),
      [['b', 'timeout']],
    );
    assert.deepEqual(
      r.requeue.map((c) => [c.id, c.tasks.map((t) => t.path)]),
      [
        [10, ['a', 'c']],
        [11, ['d']],
      ],
    );
    assert.deepEqual([...strikes.values()], [0, 0, 0]);
  });

  test('deaths between notes strike every note in flight; the third strike makes it a crash fallback', () => {
    const strikes = new Map<string, number>();
    const between = { msgId: 0, taskIdx: 0, started: 0 };
    const chunk = () => [{ id: 1, tasks: [task('a'), task('b')] }];
    for (let i = 0; i < 2; i++) {
      const r = salvage(chunk(), between, 'crash', strikes, () => 0);
      assert.deepEqual([r.fallbacks.length, r.requeue[0].tasks.length], [0, 2]);
    }
    const third = salvage(chunk(), between, 'crash', strikes, () => 0);
    assert.deepEqual(
      third.fallbacks.map((f) => [f.task.path, f.kind]),
      [
        ['a', 'crash'],
        ['b', 'crash'],
      ],
    );
    assert.deepEqual(third.requeue, []);
  });
});
