/**
 * A wiki link or tag inside an inline footnote `^[…]` is indexed as any other (Obsidian counts it as an outgoing
 * link): real SQLite over a temp vault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('links and tags inside an inline footnote are outgoing links and tags of the note', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'Target.md', '# Target\n');
  writeVault(root, 'Other.md', '# Other\n');
  writeVault(
    root,
    'Source.md',
    'A claim^[from [[Target]], see ![[Other]] #cited\nand more] and a plain[^1].\n\n[^1]: An ordinary note.\n',
  );
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);
    assert.deepEqual(
      q.backlinks('Target.md').map((b) => [b.source, b.line]),
      [['Source.md', 1]],
    );
    assert.deepEqual(
      q.outgoing('Source.md').map((o) => [o.kind, o.raw, o.target, o.line]),
      [
        ['wiki', '[[Target]]', 'Target.md', 1],
        ['embed', '![[Other]]', 'Other.md', 1],
      ],
    );
    assert.ok(q.noteInfo('Source.md')?.tags.includes('cited'));
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
