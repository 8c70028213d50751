/** The file tree's backend data: listFiles carries each file's modified time; fileCreatedTimes its creation time. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openService } from './helpers.ts';

test('listFiles gives files their indexed mtime; fileCreatedTimes every file (not folders) its birth time', async () => {
  const ctx = await openService();
  const api = ctx.service.api;
  try {
    const before = Date.now();
    await api.createNote('notes/新建.md', 'x');
    const files = await api.listFiles();
    const created = files.find((f) => f.path === 'notes/新建.md');
    const abs = path.join(ctx.vault.root, 'notes/新建.md');
    assert.equal(created?.mtimeMs, fs.statSync(abs).mtimeMs);
    assert.equal(files.find((f) => f.kind === 'folder')?.mtimeMs, undefined, 'folders carry no time');
    const times = await api.fileCreatedTimes();
    const stat = fs.statSync(abs);
    assert.equal(times['notes/新建.md'], stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.ctimeMs);
    assert.ok(times['notes/新建.md'] >= before - 2000 && times['notes/新建.md'] <= Date.now() + 2000);
    const nonFolders = files.filter((f) => f.kind !== 'folder').map((f) => f.path);
    assert.deepEqual(Object.keys(times).sort(), nonFolders.sort());
  } finally {
    await ctx.close();
  }
});
