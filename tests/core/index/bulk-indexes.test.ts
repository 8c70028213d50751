import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BULK_DEFERRED_INDEXES } from '../../../electron/core/store/schema.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('a cold index drops the secondary indexes while it loads and has every one of them afterwards', async () => {
  const { root, db, work } = tempVault();
  try {
    for (let i = 0; i < 30; i++)
      writeVault(
        root,
        `n${i}.md`,
        `---\naliases: [别名${i}]\ntags: [t]\n---\n# N${i}\n\n[[n${(i + 1) % 30}]] #x ^b${i}\n`,
      );
    const index = await openIndex(root, db);
    await index.sync();
    assert.equal(queryOf(index).backlinks('n1.md').length, 1);
    index.close();
    const raw = new Database(db, { readonly: true });
    const names = new Set(raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[]);
    raw.close();
    assert.ok(BULK_DEFERRED_INDEXES.length >= 10);
    for (const n of BULK_DEFERRED_INDEXES) assert.ok(names.has(n), `index ${n} exists after a cold index`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
