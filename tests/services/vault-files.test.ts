/** Note writes on a real temp vault: conflict detection, atomicity, create, delete to `.trash`, re-indexing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openService, read, tempFiles } from './helpers.ts';

const sha = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

test('readNote returns content, mtime and the sha256 of the bytes', async () => {
  const ctx = await openService();
  try {
    const n = await ctx.service.api.readNote('concurrency/通道.md');
    assert.equal(n.path, 'concurrency/通道.md');
    assert.equal(n.content, read(ctx.vault, 'concurrency/通道.md'));
    assert.equal(n.hash, sha(n.content));
    assert.equal(n.mtimeMs, fs.statSync(path.join(ctx.vault.root, 'concurrency/通道.md')).mtimeMs);
  } finally {
    await ctx.close();
  }
});

test('writeNote with the current hash writes atomically and re-indexes; a stale hash is a conflict and writes nothing', async () => {
  const ctx = await openService();
  const api = ctx.service.api;
  try {
    const changes: { changed: string[]; deleted: string[] }[] = [];
    ctx.service.events.on('vault-changed', (e) => changes.push(e));
    const n = await api.readNote('notes/ref.md');
    const w = await api.writeNote('notes/ref.md', n.content + '\nNow links [[goroutine]].\n', n.hash);
    assert.equal(w.hash, sha(n.content + '\nNow links [[goroutine]].\n'));
    assert.equal(read(ctx.vault, 'notes/ref.md'), n.content + '\nNow links [[goroutine]].\n');
    assert.ok(
      changes.some((c) => c.changed.includes('notes/ref.md')),
      JSON.stringify(changes),
    );
    const back = await api.backlinks('concurrency/goroutine.md');
    assert.ok(
      back.some((b) => b.source === 'notes/ref.md'),
      'the new link is indexed',
    );

    // Another program changes the file: the editor's hash is now stale.
    fs.writeFileSync(path.join(ctx.vault.root, 'notes/ref.md'), 'changed elsewhere\n');
    await assert.rejects(
      api.writeNote('notes/ref.md', 'my edit', w.hash),
      (e: { code: string }) => e.code === 'conflict',
    );
    assert.equal(read(ctx.vault, 'notes/ref.md'), 'changed elsewhere\n');

    // Deleted on disk since it was opened: also a conflict, and nothing is re-created.
    fs.rmSync(path.join(ctx.vault.root, 'notes/ref.md'));
    await assert.rejects(
      api.writeNote('notes/ref.md', 'my edit', w.hash),
      (e: { code: string }) => e.code === 'conflict',
    );
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')), false);

    assert.deepEqual(tempFiles(ctx.vault.root), []);
  } finally {
    await ctx.close();
  }
});

test('many writes leave no temp files and the last content wins', async () => {
  const ctx = await openService();
  try {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => ctx.service.api.writeNote('notes/many.md', `version ${i}\n`)),
    );
    assert.equal(read(ctx.vault, 'notes/many.md'), 'version 19\n');
    assert.deepEqual(tempFiles(ctx.vault.root), []);
  } finally {
    await ctx.close();
  }
});

test('createNote creates folders, adds .md, refuses an existing note', async () => {
  const ctx = await openService();
  const api = ctx.service.api;
  try {
    const r = await api.createNote('新文件夹/子目录/新笔记', '# 新笔记\n');
    assert.equal(r.path, '新文件夹/子目录/新笔记.md');
    assert.equal(read(ctx.vault, '新文件夹/子目录/新笔记.md'), '# 新笔记\n');
    assert.ok((await api.listFiles()).some((f) => f.path === '新文件夹/子目录/新笔记.md'));
    await assert.rejects(
      api.createNote('新文件夹/子目录/新笔记.md', 'other'),
      (e: { code: string }) => e.code === 'exists',
    );
    assert.equal(read(ctx.vault, '新文件夹/子目录/新笔记.md'), '# 新笔记\n');
    await api.createFolder('empty');
    assert.ok(fs.statSync(path.join(ctx.vault.root, 'empty')).isDirectory());
    await assert.rejects(api.createFolder('empty'), (e: { code: string }) => e.code === 'exists');
  } finally {
    await ctx.close();
  }
});

test('deletePath moves notes and folders to .trash and drops them from the index', async () => {
  const ctx = await openService();
  const api = ctx.service.api;
  try {
    const before = read(ctx.vault, 'notes/ref.md');
    await api.deletePath('notes/ref.md');
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')), false);
    assert.equal(read(ctx.vault, '.trash/ref.md'), before);
    assert.ok(!(await api.listFiles()).some((f) => f.path === 'notes/ref.md'));

    // A second note of the same name gets a numbered trash name instead of overwriting.
    fs.writeFileSync(path.join(ctx.vault.root, 'other/ref.md'), 'second');
    await api.deletePath('other/ref.md');
    assert.equal(read(ctx.vault, '.trash/ref 1.md'), 'second');

    await api.deletePath('concurrency');
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'concurrency')), false);
    assert.ok(fs.existsSync(path.join(ctx.vault.root, '.trash/concurrency/通道.md')));
    const files = await api.listFiles();
    assert.ok(!files.some((f) => f.path.startsWith('concurrency/')), JSON.stringify(files));
    await assert.rejects(api.deletePath('notes/ref.md'), (e: { code: string }) => e.code === 'not-found');
  } finally {
    await ctx.close();
  }
});
