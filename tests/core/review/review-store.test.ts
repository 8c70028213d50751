/** `.atlas/review.json` (electron/services/review-store.ts): damaged files kept aside, concurrent writers safe. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ReviewFileError, ReviewStore } from '../../../electron/services/review-store.ts';
import type { CardMemory } from '../../../electron/core/review/state.ts';
import { tempDir } from '../../support/temp-dir.ts';

const memory = (n: number): CardMemory => ({
  due: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
  stability: n,
  difficulty: 5,
  scheduledDays: n,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  state: 'review',
  lastReview: new Date(Date.UTC(2026, 0, 1)).toISOString(),
});

function tempVault(): string {
  return tempDir('review');
}

test('no file: empty state; an update creates .atlas/review.json atomically (no temp files left)', async () => {
  const v = tempVault();
  const store = new ReviewStore(v);
  assert.deepEqual(store.read(), { version: 1, cards: {}, notes: {} });
  await store.update((s) => {
    s.cards['a.md#x'] = memory(1);
  });
  const onDisk = JSON.parse(fs.readFileSync(path.join(v, '.atlas', 'review.json'), 'utf8'));
  assert.deepEqual(onDisk.cards['a.md#x'], memory(1));
  assert.deepEqual(fs.readdirSync(path.join(v, '.atlas')).sort(), ['review.json']);
});

for (const [what, content] of [
  ['not JSON', '{"version": 1, "cards": {'],
  ['not review state', '{"version": 1, "cards": {"a#b": {"due": "soon"}}, "notes": {}}'],
  ['another version', '{"version": 9}'],
] as const) {
  test(`a damaged file (${what}) is moved aside with its content, reported, and never reset`, async () => {
    const v = tempVault();
    const file = path.join(v, '.atlas', 'review.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, content);
    const store = new ReviewStore(v);
    let err: unknown;
    try {
      store.read();
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof ReviewFileError, 'a ReviewFileError');
    assert.match(err.message, /damaged.*kept as review\.json\.damaged-/);
    assert.equal(fs.readFileSync(err.keptAs, 'utf8'), content, 'the damaged content is kept byte for byte');
    assert.match(path.basename(err.keptAs), /^review\.json\.damaged-\d{4}-\d\d-\d\dT/);
    assert.equal(fs.existsSync(file), false);
    // the next write starts from an empty state and leaves the kept file alone
    await store.update((s) => {
      s.cards['n.md#1'] = memory(2);
    });
    assert.deepEqual(Object.keys(store.read().cards), ['n.md#1']);
    assert.equal(fs.readFileSync(err.keptAs, 'utf8'), content);
  });
}

test('a damaged file met while updating is moved aside, the change kept, and the damage reported once', async () => {
  const v = tempVault();
  const file = path.join(v, '.atlas', 'review.json');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, 'garbage');
  const store = new ReviewStore(v);
  await store.update((s) => {
    s.cards['n.md#1'] = memory(3);
  });
  const damage = store.takeDamage();
  assert.ok(damage instanceof ReviewFileError);
  assert.equal(fs.readFileSync(damage.keptAs, 'utf8'), 'garbage');
  assert.equal(store.takeDamage(), null);
  assert.deepEqual(Object.keys(store.read().cards), ['n.md#1']);
});

test('concurrent writers in one process and in another process lose no update', async () => {
  const v = tempVault();
  const a = new ReviewStore(v);
  const b = new ReviewStore(v);
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'review-store-writer.ts');
  const proc = spawn(process.execPath, [child, v, 'c', '30'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < 30; i++) {
    writes.push(
      a.update((s) => {
        s.cards[`a.md#${i}`] = memory(i);
      }),
    );
    writes.push(
      b.update((s) => {
        s.cards[`b.md#${i}`] = memory(i);
        s.notes[`b${i}.md`] = { restudy: memory(i).due };
      }),
    );
  }
  await Promise.all(writes);
  assert.equal(await exited, 0);
  const state = new ReviewStore(v).read();
  const keys = Object.keys(state.cards);
  for (const prefix of ['a', 'b', 'c']) {
    assert.equal(keys.filter((k) => k.startsWith(`${prefix}.md#`)).length, 30, `all 30 writes of ${prefix}`);
  }
  assert.equal(Object.keys(state.notes).length, 30);
  assert.deepEqual(fs.readdirSync(path.join(v, '.atlas')).sort(), ['review.json'], 'no lock or temp file left');
});
