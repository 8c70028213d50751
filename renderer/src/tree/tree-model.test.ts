import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileEntry } from '../../../electron/shared/api.ts';
import { ancestorsOf, buildTree, visibleRows } from './tree-model.ts';
import { findTypeahead, TypeaheadBuffer, TYPEAHEAD_RESET_MS } from './typeahead.ts';

const files: FileEntry[] = [
  { path: 'b', kind: 'folder' },
  { path: 'b/n10.md', kind: 'note', mtimeMs: 3 },
  { path: 'b/n2.md', kind: 'note', mtimeMs: 1 },
  { path: 'b/deep/x.md', kind: 'note', mtimeMs: 2 },
  { path: 'a.md', kind: 'note', mtimeMs: 5 },
  { path: 'img.png', kind: 'attachment', mtimeMs: 9 },
  { path: '.trash/old.md', kind: 'note' },
  { path: 'c', kind: 'folder' },
  { path: 'c/.hidden.md', kind: 'note' },
];
const paths = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.node.path);
/** The top-level rows (folders are sorted when shown). */
const top = (root: ReturnType<typeof buildTree>) => paths(visibleRows(root, new Set()));

test('folders first, numeric name order, dot-files left out, implied folders created (b/deep)', () => {
  const root = buildTree(files);
  assert.deepEqual(top(root), ['b', 'c', 'a.md', 'img.png']);
  const all = visibleRows(root, new Set(['b', 'b/deep', 'c']));
  assert.deepEqual(paths(all), ['b', 'b/deep', 'b/deep/x.md', 'b/n2.md', 'b/n10.md', 'c', 'a.md', 'img.png']);
});

test('collapsed folders hide their rows; ARIA level, set size, position and parent row', () => {
  const root = buildTree(files);
  assert.deepEqual(paths(visibleRows(root, new Set())), ['b', 'c', 'a.md', 'img.png']);
  const rows = visibleRows(root, new Set(['b']));
  const n2 = rows.find((r) => r.node.path === 'b/n2.md');
  assert.deepEqual(
    n2 && { level: n2.level, setSize: n2.setSize, posInSet: n2.posInSet, parent: rows[n2.parent].node.path },
    { level: 2, setSize: 3, posInSet: 2, parent: 'b' },
  );
  assert.equal(rows[0].parent, -1);
  // an expanded folder inside a collapsed one stays hidden
  assert.deepEqual(paths(visibleRows(root, new Set(['b/deep']))), ['b', 'c', 'a.md', 'img.png']);
});

test('sort orders: Z to A reverses folders and files; modified time sorts files only', () => {
  assert.deepEqual(top(buildTree(files, 'name-desc')), ['c', 'b', 'img.png', 'a.md']);
  const newest = buildTree(files, 'mtime-desc');
  assert.deepEqual(top(newest), ['b', 'c', 'img.png', 'a.md']);
  assert.deepEqual(
    visibleRows(newest, new Set(['b']))
      .filter((r) => r.level === 2)
      .map((r) => r.node.path),
    ['b/deep', 'b/n10.md', 'b/n2.md'],
  );
  const oldest = buildTree(files, 'mtime-asc', new Map([['a.md', { mtimeMs: 100 }]]));
  assert.deepEqual(top(oldest), ['b', 'c', 'img.png', 'a.md']);
  const created = buildTree(
    files,
    'ctime-desc',
    new Map([
      ['a.md', { ctimeMs: 1 }],
      ['img.png', { ctimeMs: 2 }],
    ]),
  );
  assert.deepEqual(top(created), ['b', 'c', 'img.png', 'a.md']);
});

test('10,000 notes and 3,000 nested folders: building and flattening are iterative (no recursion)', () => {
  const many: FileEntry[] = [];
  let deep = 'd';
  for (let i = 0; i < 3000; i++) deep += '/d';
  many.push({ path: `${deep}/bottom.md`, kind: 'note' });
  for (let i = 0; i < 10_000; i++) many.push({ path: `f${i % 20}/note ${i}.md`, kind: 'note' });
  const root = buildTree(many);
  assert.equal(visibleRows(root, new Set()).length, 21);
  const open = new Set(ancestorsOf(`${deep}/bottom.md`));
  const rows = visibleRows(root, open);
  assert.equal(rows.at(-21)?.node.path, `${deep}/bottom.md`);
  assert.equal(rows.at(-21)?.level, 3002);
});

test('ancestors of a path', () => {
  assert.deepEqual(ancestorsOf('a/b/c.md'), ['a', 'a/b']);
  assert.deepEqual(ancestorsOf('c.md'), []);
});

test('type-ahead: next match after the cursor, cycling on a repeated key, prefixes from the cursor, pinyin', () => {
  const labels = ['channel', 'goroutine', 'Go memory', 'Mutex', '调度器', 'select'];
  assert.equal(findTypeahead(labels, 0, 'g'), 1);
  assert.equal(findTypeahead(labels, 1, 'g'), 2);
  assert.equal(findTypeahead(labels, 2, 'gg'), 1, 'repeated key cycles, wrapping');
  assert.equal(findTypeahead(labels, 1, 'go m'), 2);
  assert.equal(findTypeahead(labels, 1, 'go'), 1, 'a longer prefix keeps a matching row');
  assert.equal(findTypeahead(labels, 0, 'ddq'), 4, 'pinyin initials');
  assert.equal(findTypeahead(labels, 0, '调'), 4);
  assert.equal(findTypeahead(labels, 0, 'zz'), -1);
  const b = new TypeaheadBuffer();
  assert.equal(b.push('g', 0), 'g');
  assert.equal(b.push('o', 10), 'go');
  assert.equal(b.push('m', 10 + TYPEAHEAD_RESET_MS + 1), 'm');
});
