/**
 * A note rewritten with the same length and an unchanged mtime (file systems keep mtimes coarsely: a few ms on Linux,
 * 2 s on FAT) is re-indexed when an update names it (a watcher event, a write): the indexer hashes named notes even
 * when their stat matches (Git's "racily clean" case). A full walk trusts mtime and size.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('a same-length rewrite with an unchanged mtime is re-indexed when named; a full walk trusts the stat', async () => {
  const v = tempVault();
  writeVault(v.root, 'a.md', '[[b]]\n');
  writeVault(v.root, 'b.md', 'b\n');
  writeVault(v.root, 'c.md', 'c\n');
  const index = await openIndex(v.root, v.db);
  try {
    await index.sync();
    const q = queryOf(index);
    const file = path.join(v.root, 'a.md');
    const { atime, mtime } = fs.statSync(file);
    // same length, then the mtime put back as the file system's coarse clock would have left it
    writeVault(v.root, 'a.md', '[[c]]\n');
    fs.utimesSync(file, atime, mtime);
    const version = index.version;
    await index.update(['a.md']);
    assert.deepEqual(
      q.outgoing('a.md').map((l) => l.target),
      ['c.md'],
      'the new link is indexed',
    );
    assert.ok(index.version > version, 'the change made a version');

    // named but unchanged: hashed, nothing re-indexed, no version
    const same = index.version;
    assert.deepEqual(await index.update(['a.md']), { changed: [], deleted: [] });
    assert.equal(index.version, same, 'an unchanged hash makes no version');

    // a full walk (warm start) trusts mtime and size: the same trick goes unseen there, and is seen once named
    const before = fs.statSync(file);
    writeVault(v.root, 'a.md', '[[b]]\n');
    fs.utimesSync(file, before.atime, before.mtime);
    await index.sync();
    assert.deepEqual(
      q.outgoing('a.md').map((l) => l.target),
      ['c.md'],
      'the walk reads no note whose stat is unchanged',
    );
    await index.update(['a.md']);
    assert.deepEqual(
      q.outgoing('a.md').map((l) => l.target),
      ['b.md'],
      'named: re-indexed',
    );
  } finally {
    index.close();
    fs.rmSync(v.work, { recursive: true, force: true });
  }
});
