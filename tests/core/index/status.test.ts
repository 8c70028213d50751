/**
 * Index status: every pass that reports `indexing` through `onStatus` (sync, update, the watcher's batches) ends with
 * `idle`, or with `error` and a message when it fails, so the UI never stays on "Indexing n/n".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { IndexStatus } from '../../../electron/shared/api.ts';
import { openIndex, tempVault, waitFor, writeVault } from './helpers.ts';

test('sync and update end with an idle status after reporting indexing', async () => {
  const { root, db } = tempVault('index-resolve');
  const seen: IndexStatus[] = [];
  const index = await openIndex(root, db, { onStatus: (s) => seen.push({ ...s }) });
  try {
    await index.sync();
    assert.ok(
      seen.some((s) => s.state === 'indexing'),
      'sync reported indexing',
    );
    assert.equal(seen.at(-1)?.state, 'idle');
    assert.deepEqual(index.status().state, 'idle');

    seen.length = 0;
    writeVault(root, 'concurrency/通道.md', '# 通道\n\n与 [[goroutine]] 一起使用。\n');
    writeVault(root, 'english.md', '# English\n\nA new note.\n');
    const r = await index.update(['concurrency/通道.md', 'english.md']);
    assert.deepEqual(r.changed.sort(), ['concurrency/通道.md', 'english.md']);
    assert.ok(
      seen.some((s) => s.state === 'indexing' && s.total === 2),
      'update reported indexing 0..2/2',
    );
    assert.deepEqual(seen.at(-1), { state: 'idle', done: 2, total: 2, lastIndexMs: seen.at(-1)?.lastIndexMs });
    assert.equal(typeof seen.at(-1)?.lastIndexMs, 'number', 'lastIndexMs of the full sync is kept');

    // a deletion parses nothing but still leaves the status idle
    seen.length = 0;
    fs.rmSync(path.join(root, 'english.md'));
    await index.update(['english.md']);
    assert.equal(seen.at(-1)?.state, 'idle');
  } finally {
    index.close();
  }
});

test('a failed sync ends with an error status carrying the message', async () => {
  const { root, db, work } = tempVault('index-resolve');
  const seen: IndexStatus[] = [];
  const index = await openIndex(root, db, { onStatus: (s) => seen.push({ ...s }) });
  try {
    await index.sync();
    fs.renameSync(root, path.join(work, 'moved'));
    await assert.rejects(index.sync(), /Vault folder not found/);
    const last = seen.at(-1);
    assert.equal(last?.state, 'error');
    assert.match(last?.message ?? '', /Vault folder not found/);
  } finally {
    index.close();
  }
});

test("the watcher's batches end with an idle status", async () => {
  const { root, db } = tempVault('index-resolve');
  const seen: IndexStatus[] = [];
  const index = await openIndex(root, db, { onStatus: (s) => seen.push({ ...s }), debounceMs: 50 });
  const changes: string[][] = [];
  const stop = index.watch((e) => changes.push(e.changed));
  try {
    await index.sync();
    // The watcher is live once a file written meanwhile is reported (by a batch, or by the pass that follows
    // chokidar's walk of the vault): a condition, not a guess at how long the walk takes on a busy machine.
    writeVault(root, 'probe.md', '# Probe\n');
    assert.ok(await waitFor(() => changes.some((c) => c.includes('probe.md')), 60_000), 'the watcher is live');
    seen.length = 0;
    writeVault(root, 'watched.md', '# Watched\n\n监视的笔记。\n');
    assert.ok(await waitFor(() => changes.some((c) => c.includes('watched.md'))), 'watcher indexed the new note');
    assert.ok(
      seen.some((s) => s.state === 'indexing'),
      'the batch reported indexing',
    );
    assert.equal(seen.at(-1)?.state, 'idle');
  } finally {
    await stop();
    index.close();
  }
});
