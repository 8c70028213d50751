import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('spellings of one missing note that resolution treats alike make one unresolved graph node', async () => {
  const { root, db, work } = tempVault();
  try {
    writeVault(root, 'a.md', 'See [[Foo]] and [[foo.md]].\n');
    writeVault(root, 'b.md', 'Also [[ FOO ]] and [[另一个]].\n');
    const index = await openIndex(root, db);
    try {
      await index.sync();
      const unresolved = queryOf(index)
        .graph()
        .nodes.filter((n) => n.kind === 'unresolved');
      assert.deepEqual(unresolved.map((n) => n.id).sort(), ['unresolved:foo', 'unresolved:另一个']);
      assert.equal(unresolved.find((n) => n.id === 'unresolved:foo')?.label, 'Foo');
      const edges = queryOf(index)
        .graph()
        .edges.filter((e) => e.target === 'unresolved:foo');
      assert.deepEqual(edges.map((e) => e.source).sort(), ['a.md', 'b.md']);
    } finally {
      index.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
