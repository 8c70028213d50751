/**
 * A cold index lists every note at once (indexer.ts): before the first note is parsed, the file list holds all the
 * vault's notes (unread), as Obsidian's file list knows the files before its metadata cache is built; once the pass
 * ends each is indexed, and a note deleted between the scan and its parse is not left listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { IndexStatus } from '../../../electron/shared/api.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('a cold index lists every note before parsing one; a note deleted before its parse is not left listed', async () => {
  const { root, db } = tempVault();
  for (let i = 0; i < 30; i++) writeVault(root, `notes/笔记 ${i}.md`, `# 笔记 ${i}\n\n[[笔记 ${(i + 1) % 30}]]\n`);
  writeVault(root, 'gone.md', '# gone\n');
  writeVault(root, 'image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  let atStart: string[] | null = null;
  let notesAtStart = -1;
  const index = await openIndex(root, db, {
    onStatus: (s: IndexStatus) => {
      // the pass's first progress (0 of all): the scan's rows are written, nothing is parsed yet
      if (atStart || s.state !== 'indexing' || s.total === 0) return;
      const q = queryOf(index);
      atStart = q.listFiles().map((f) => `${f.kind} ${f.path}`);
      notesAtStart = q.graph({ includeUnresolved: false }).nodes.length;
      fs.rmSync(path.join(root, 'gone.md'));
    },
  });
  try {
    await index.sync();
    const notes = Array.from({ length: 30 }, (_, i) => `note notes/笔记 ${i}.md`).sort();
    assert.deepEqual(
      (atStart as string[] | null)?.filter((f) => f.startsWith('note ')).sort(),
      [...notes, 'note gone.md'].sort(),
      'every note listed before any is parsed',
    );
    assert.equal(notesAtStart, 0, 'none of them indexed yet');
    const q = queryOf(index);
    const listed = q.listFiles().map((f) => `${f.kind} ${f.path}`);
    assert.deepEqual(listed.filter((f) => f.startsWith('note ')).sort(), notes, 'the deleted note is not left listed');
    assert.ok(listed.includes('attachment image.png'));
    for (let i = 0; i < 30; i++) assert.ok(q.noteInfo(`notes/笔记 ${i}.md`), `笔记 ${i} indexed`);
  } finally {
    index.close();
  }
});

test('a warm pass lists its new notes before parsing them, and one deleted before its parse is not left listed', async () => {
  const { root, db } = tempVault();
  writeVault(root, 'old.md', '# old\n');
  let index = await openIndex(root, db);
  await index.sync();
  index.close();
  for (let i = 0; i < 12; i++) writeVault(root, `new/新 ${i}.md`, `# 新 ${i}\n\n[[old]]\n`);
  let atStart: string[] | null = null;
  let indexedAtStart = -1;
  index = await openIndex(root, db, {
    onStatus: (s: IndexStatus) => {
      if (atStart || s.state !== 'indexing' || s.total === 0) return;
      const q = queryOf(index);
      atStart = q.listFiles().map((f) => `${f.kind} ${f.path}`);
      indexedAtStart = q.graph({ includeUnresolved: false }).nodes.length;
      fs.rmSync(path.join(root, 'new/新 3.md'));
    },
  });
  try {
    await index.sync();
    const fresh = Array.from({ length: 12 }, (_, i) => `note new/新 ${i}.md`);
    assert.deepEqual(
      (atStart as string[] | null)?.filter((f) => f.startsWith('note ')).sort(),
      ['note old.md', ...fresh].sort(),
      'the new notes listed before any is parsed',
    );
    assert.equal(indexedAtStart, 1, 'only the old note indexed then');
    const q = queryOf(index);
    assert.deepEqual(
      q
        .listFiles()
        .filter((f) => f.kind === 'note')
        .map((f) => f.path)
        .sort(),
      ['old.md', ...fresh.filter((f) => f !== 'note new/新 3.md').map((f) => f.slice(5))].sort(),
      'the deleted note is not left listed',
    );
    assert.ok(q.noteInfo('new/新 0.md'), 'a new note indexed');
    assert.equal(q.backlinks('old.md').length, 11, 'their links resolved');
  } finally {
    index.close();
  }
});
