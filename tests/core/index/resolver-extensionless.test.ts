/**
 * A file without an extension (`LICENSE`, `Makefile`) shares its key with the note of the same name: the note wins,
 * as in Obsidian, whichever is shorter; a real attachment (`x.png`) still beats a note named `x.png.md`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameTable } from '../../../electron/core/resolve/name-table.ts';

test('[[License]] names License.md, not the extensionless LICENSE beside it', () => {
  const t = new NameTable();
  for (const p of ['LICENSE', 'License.md', 'docs/说明', 'docs/说明.md', 'x.png', 'x.png.md', 'src.md']) t.addFile(p);
  assert.equal(t.resolve('src.md', 'License').path, 'License.md');
  assert.equal(t.resolve('src.md', 'LICENSE').path, 'License.md');
  assert.equal(t.resolve('src.md', 'License', true).path, 'License.md', 'markdown link too');
  assert.equal(t.resolve('src.md', '说明').path, 'docs/说明.md');
  assert.equal(t.resolve('src.md', 'x.png').path, 'x.png');
});
