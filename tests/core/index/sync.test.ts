/**
 * Cold index, warm start and incremental updates: what is re-parsed, and which links change resolution when notes
 * are added, deleted, renamed or change their aliases. Also corrupt/outdated databases and parse workers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AtlasIndex, VaultError, defaultDbPath } from '../../../electron/core/index/atlas-index.ts';
import { SCHEMA_VERSION } from '../../../electron/core/store/schema.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('cold then warm: a warm start re-parses nothing; one touched file re-parses one', async () => {
  const { root, db } = tempVault('index-resolve');
  let index = await openIndex(root, db);
  const cold = await index.sync();
  assert.equal(cold.mode, 'cold');
  assert.equal(cold.notes, 15);
  assert.equal(cold.parsed, 15);
  index.close();
  index = await openIndex(root, db);
  const warm = await index.sync();
  assert.deepEqual([warm.mode, warm.parsed, warm.notes, warm.deleted], ['warm', 0, 15, 0]);
  // same content, new mtime: hashed, not parsed
  const t = new Date(Date.now() + 60_000);
  fs.utimesSync(path.join(root, 'orphan.md'), t, t);
  assert.equal((await index.sync()).parsed, 0);
  writeVault(root, 'orphan.md', '# 孤立\n\n现在链接到 [[Note]]。\n');
  const one = await index.sync();
  assert.deepEqual([one.parsed, one.deleted], [1, 0]);
  assert.deepEqual(
    queryOf(index)
      .backlinks('Note.md')
      .map((b) => b.source),
    ['a/source.md', 'orphan.md'],
  );
  fs.rmSync(path.join(root, 'orphan.md'));
  const del = await index.sync();
  assert.deepEqual([del.parsed, del.deleted, del.notes], [0, 1, 14]);
  index.close();
});

test('incremental: adding Note resolves unresolved links, deleting unresolves them, rename, alias change', async () => {
  const { root, db } = tempVault('index-resolve');
  const index = await openIndex(root, db);
  await index.sync();
  const target = (src: string, raw: string) =>
    queryOf(index)
      .outgoing(src)
      .find((l) => l.raw === raw)?.target ?? null;
  assert.equal(target('concurrency/goroutine.md', '[[不存在的笔记]]'), null);

  const v0 = index.version;
  writeVault(root, 'notes/不存在的笔记.md', '# 现在存在了\n');
  assert.deepEqual(await index.update(['notes/不存在的笔记.md']), { changed: ['notes/不存在的笔记.md'], deleted: [] });
  assert.ok(index.version > v0);
  assert.equal(target('concurrency/goroutine.md', '[[不存在的笔记]]'), 'notes/不存在的笔记.md');
  // a new root topic.md is an exact path: it wins over alpha/topic.md and the ambiguity is gone
  writeVault(root, 'topic.md', '# Root topic\n');
  await index.update(['topic.md']);
  assert.equal(target('shortest.md', '[[topic]]'), 'topic.md');
  assert.ok(
    !queryOf(index)
      .indexReport()
      .ambiguous.some((a) => a.source === 'shortest.md'),
  );

  fs.rmSync(path.join(root, 'notes/不存在的笔记.md'));
  assert.deepEqual(await index.update(['notes/不存在的笔记.md']), { changed: [], deleted: ['notes/不存在的笔记.md'] });
  assert.equal(target('concurrency/goroutine.md', '[[不存在的笔记]]'), null);

  // rename channel.md: name links unresolve, the alias link follows the note, anchors are re-checked
  fs.renameSync(path.join(root, 'concurrency/channel.md'), path.join(root, 'concurrency/管道.md'));
  const r = await index.update(['concurrency/channel.md', 'concurrency/管道.md']);
  assert.deepEqual(r, { changed: ['concurrency/管道.md'], deleted: ['concurrency/channel.md'] });
  assert.equal(target('concurrency/goroutine.md', '[[channel#关闭规则]]'), null);
  assert.equal(target('concurrency/goroutine.md', '[[通道]]'), 'concurrency/管道.md');
  assert.deepEqual(
    queryOf(index)
      .backlinks('concurrency/管道.md')
      .map((b) => b.line),
    [7],
  );
  assert.deepEqual(queryOf(index).indexReport().brokenAnchors, []);

  // alias change: dropping 通道 unresolves [[通道]]; adding it back resolves it again
  const file = path.join(root, 'concurrency/管道.md');
  const text = fs.readFileSync(file, 'utf8');
  writeVault(root, 'concurrency/管道.md', text.replace('  - 通道\n', ''));
  await index.update(['concurrency/管道.md']);
  assert.equal(target('concurrency/goroutine.md', '[[通道]]'), null);
  writeVault(root, 'concurrency/管道.md', text);
  await index.update(['concurrency/管道.md']);
  assert.equal(target('concurrency/goroutine.md', '[[通道]]'), 'concurrency/管道.md');

  // headings change: a broken anchor becomes valid when the heading appears
  writeVault(root, 'concurrency/管道.md', text + '\n## 不存在\n');
  fs.renameSync(path.join(root, 'concurrency/管道.md'), path.join(root, 'concurrency/channel.md'));
  await index.update(['concurrency/管道.md', 'concurrency/channel.md']);
  assert.deepEqual(
    queryOf(index)
      .indexReport()
      .brokenAnchors.map((b) => b.raw),
    ['[[channel#^nope]]'],
  );

  // paths outside the vault are ignored; absolute paths inside it are accepted
  fs.writeFileSync(path.join(root, '..', 'outside.md'), '# outside\n');
  assert.deepEqual(await index.update(['../outside.md', path.join(root, '..', 'outside.md')]), {
    changed: [],
    deleted: [],
  });
  writeVault(root, 'abs.md', '# abs\n');
  assert.deepEqual(await index.update([path.join(root, 'abs.md')]), { changed: ['abs.md'], deleted: [] });

  // a folder deleted at once
  fs.rmSync(path.join(root, 'deep'), { recursive: true });
  const d = await index.update(['deep']);
  assert.deepEqual(d.deleted.sort(), ['deep', 'deep/folder', 'deep/folder/local.md', 'deep/folder/source2.md']);
  assert.ok(
    !queryOf(index)
      .listFiles()
      .some((f) => f.path.startsWith('deep')),
  );
  index.close();
});

test('parse workers give the same index as the calling thread', async () => {
  const a = tempVault('index-resolve');
  const b = tempVault('index-resolve');
  const inThread = await openIndex(a.root, a.db, { workers: 0 });
  const threaded = await openIndex(b.root, b.db, { workers: 2 });
  await inThread.sync();
  const s = await threaded.sync();
  assert.equal(s.parsed, 15);
  assert.deepEqual(queryOf(threaded).export(), queryOf(inThread).export());
  inThread.close();
  threaded.close();
});

test('a corrupt database file is deleted and rebuilt; a schema version bump rebuilds', async () => {
  const { root, db } = tempVault('index-resolve');
  fs.writeFileSync(db, Buffer.alloc(8192, 0x5a));
  let index = await openIndex(root, db);
  let s = await index.sync();
  assert.deepEqual([s.mode, s.notes], ['cold', 15]);
  index.close();
  const raw = new Database(db);
  raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
  raw.close();
  index = await openIndex(root, db);
  s = await index.sync();
  assert.deepEqual([s.mode, s.notes], ['cold', 15]);
  index.close();
  index = await openIndex(root, db);
  assert.equal((await index.sync()).mode, 'warm');
  index.close();
  // a database cut short (header intact, pages missing) is found out by open or by sync, and rebuilt
  fs.truncateSync(db, Math.floor(fs.statSync(db).size / 3));
  index = await openIndex(root, db);
  s = await index.sync();
  assert.equal(s.notes, 15);
  assert.equal(queryOf(index).backlinks('concurrency/channel.md').length, 5);
  index.close();
});

test('VaultError for a missing vault or a file; defaultDbPath lives in the cache folder', async () => {
  const { root, work, db } = tempVault();
  await assert.rejects(AtlasIndex.open({ vaultRoot: path.join(work, 'nope') }), VaultError);
  // a vault that disappears after open: sync refuses instead of emptying the index
  fs.writeFileSync(path.join(root, 'a.md'), '# A\n');
  const index = await openIndex(root, db);
  assert.equal((await index.sync()).notes, 1);
  fs.renameSync(root, root + '-moved');
  await assert.rejects(index.sync(), VaultError);
  fs.renameSync(root + '-moved', root);
  assert.equal((await index.sync()).notes, 1);
  index.close();
  fs.writeFileSync(path.join(work, 'file.md'), 'x');
  await assert.rejects(
    AtlasIndex.open({ vaultRoot: path.join(work, 'file.md') }),
    (e: Error) => e.name === 'VaultError',
  );
  const saved = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = path.join(work, 'cache');
  try {
    const p = defaultDbPath(root);
    assert.match(p, new RegExp(`^${work}/cache/concept-atlas/[0-9a-f]{64}\\.db$`));
    assert.equal(defaultDbPath(root + '/'), p);
  } finally {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  }
});
