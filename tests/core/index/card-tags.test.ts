/**
 * The flashcard tag is an index option that can change while the vault is open (practice, #15; the Settings
 * dialog's "Flashcard tags"): `AtlasIndex.setCardTags` re-reads every note's cards from the index at once, moves the
 * index version on, keeps the choice for notes indexed later, and a no-op change reports false.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openVault } from '../../../electron/core/vault.ts';
import { tempDir } from '../../support/temp-dir.ts';

test('setCardTags re-reads the cards at once, bumps the version, applies to later notes; same tags: false', async () => {
  const tmp = tempDir('card-tags');
  const root = path.join(tmp, 'vault');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'a.md'), '#flashcards\n\nWhat is a goroutine::A lightweight thread\n');
  fs.writeFileSync(path.join(root, 'b.md'), '---\ntags: [drill/go]\n---\nWhat is a channel::A typed pipe\n');
  fs.writeFileSync(path.join(root, 'c.md'), 'No cards here::really\n');
  const v = await openVault({ vaultRoot: root, dbPath: path.join(tmp, 'index.db'), workers: 0 });
  try {
    await v.index.sync();
    const notes = () => [...new Set(v.query.cards().map((c) => c.note))].sort();
    assert.deepEqual(notes(), ['a.md']);
    assert.deepEqual(v.index.cardTags, ['flashcards']);

    const before = v.index.version;
    assert.equal(await v.index.setCardTags(['#drill', ' ', 'drill']), true);
    assert.ok(v.index.version > before);
    assert.deepEqual(v.index.cardTags, ['drill']);
    assert.deepEqual(notes(), ['b.md'], 'the nested tag drill/go counts; #flashcards no longer does');
    assert.equal(await v.index.setCardTags(['drill']), false);

    // a note written later is read with the new tag
    fs.writeFileSync(path.join(root, 'd.md'), '#drill\n\nWhat is select::Waits on channels\n');
    await v.index.update(['d.md']);
    assert.deepEqual(notes(), ['b.md', 'd.md']);

    // none at all: the default tag again
    assert.equal(await v.index.setCardTags([]), true);
    assert.deepEqual(notes(), ['a.md']);
  } finally {
    v.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
