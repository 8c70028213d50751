/**
 * `![[image.png]]^id` (a block id right after an embed, as Obsidian's help vault writes it) is a block: links to it
 * are not reported broken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('a block id right after an embed is a block; [[Note#^id]] to it is not broken', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'Internal links.md', '# Internal links\n\n![[Engelbart.jpg]]^b15695\n\nText. ^t1\n');
  writeVault(root, 'Engelbart.jpg', 'not really a jpeg');
  writeVault(root, 'user.md', 'See [[Internal links#^b15695]], [[Internal links#^t1]] and [[Internal links#^nope]].\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);
    assert.deepEqual(q.noteInfo('Internal links.md')?.blocks, ['b15695', 't1']);
    assert.deepEqual(
      q.indexReport().brokenAnchors.map((b) => b.raw),
      ['[[Internal links#^nope]]'],
    );
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
