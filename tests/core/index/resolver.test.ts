/** The name table and Obsidian's resolution order, on hand-made path sets (English and Chinese). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameTable } from '../../../electron/core/resolve/name-table.ts';
import { headingKey, joinRelative, targetKey } from '../../../electron/core/resolve/keys.ts';

function table(paths: string[], aliases: Record<string, string[]> = {}): NameTable {
  const t = new NameTable();
  for (const p of paths) t.addFile(p);
  for (const [p, a] of Object.entries(aliases)) t.setAliases(p, a);
  return t;
}

test('keys: trim, NFC, drop .md, lower-case', () => {
  assert.equal(targetKey('  Note.md '), 'note');
  assert.equal(targetKey('b/NOTE'), 'b/note');
  assert.equal(targetKey('Cafe\u0301'), 'caf\u00e9');
  assert.equal(targetKey('diagram.PNG'), 'diagram.png');
  assert.equal(targetKey('trail .md'), 'trail', 'a name ending in a space meets its trimmed link text');
  assert.equal(joinRelative('a/b', '../x/y'), 'a/x/y');
  assert.equal(joinRelative('a', '../../../x'), null);
  assert.equal(headingKey('Step 1: Go!'), headingKey('step 1 go'));
  assert.equal(headingKey("What's in a Foam?"), headingKey('whats-in-a-foam'));
  assert.equal(headingKey('关闭 规则！'), headingKey('关闭规则'));
  assert.notEqual(headingKey('通道'), headingKey('协程'));
});

test('rule 1: an exact vault path wins over a note beside the source', () => {
  const t = table(['Note.md', 'a/Note.md', 'a/src.md']);
  assert.deepEqual(t.resolve('a/src.md', 'Note'), { path: 'Note.md', by: 'path', candidates: null });
  assert.equal(t.resolve('a/src.md', 'a/Note').path, 'a/Note.md');
});

test('rule 2: the source folder wins over shorter paths elsewhere, ancestors count for nothing', () => {
  const t = table(['x/Note.md', 'a/b/Note.md', 'a/Note.md', 'a/b/src.md']);
  assert.deepEqual(t.resolve('a/b/src.md', 'Note'), { path: 'a/b/Note.md', by: 'folder', candidates: null });
  // from a/b/c/ the parent folder a/b is not special: shortest path wins (a/Note.md vs x/Note.md: same length, alphabetical)
  const r = t.resolve('a/b/c/src.md', 'note');
  assert.equal(r.path, 'a/Note.md');
  assert.equal(r.by, 'shortest');
  assert.deepEqual(r.candidates, ['a/Note.md', 'x/Note.md', 'a/b/Note.md']);
});

test('rule 3: shortest path, alphabetical tie, ambiguity reported; path suffixes match', () => {
  const t = table(['zz/通道.md', 'aa/通道.md', 'deep/er/通道.md', 'p/q/Note.md', 'r/q/Note.md', 'q/x.md']);
  const r = t.resolve('src.md', '通道');
  assert.equal(r.path, 'aa/通道.md');
  assert.equal(r.by, 'shortest');
  assert.deepEqual(r.candidates, ['aa/通道.md', 'zz/通道.md', 'deep/er/通道.md']);
  const s = t.resolve('src.md', 'q/Note');
  assert.equal(s.path, 'p/q/Note.md');
  assert.deepEqual(s.candidates, ['p/q/Note.md', 'r/q/Note.md']);
  assert.equal(t.resolve('src.md', 'Note.md').path, 'p/q/Note.md');
});

test('rule 4: alias fallback only when no file matches', () => {
  const t = table(['concurrency/channel.md', '通道.md', 'b/goroutine.md'], {
    'concurrency/channel.md': ['通道', 'chan'],
    'b/goroutine.md': ['协程'],
  });
  assert.deepEqual(t.resolve('x.md', '协程'), { path: 'b/goroutine.md', by: 'alias', candidates: null });
  assert.equal(t.resolve('x.md', 'CHAN').path, 'concurrency/channel.md');
  // a file named 通道 exists, so the alias does not apply
  assert.equal(t.resolve('x.md', '通道').path, '通道.md');
  t.setAliases('b/goroutine.md', []);
  assert.equal(t.resolve('x.md', '协程').path, null);
});

test('case differences, attachments, same-note and relative markdown links', () => {
  const t = table(['Go Language.md', 'img/diagram.png', 'docs/x.pdf', 'a/b/s.md', 'a/x/y.md', 'y.md']);
  assert.equal(t.resolve('s.md', 'go language').path, 'Go Language.md');
  assert.equal(t.resolve('s.md', 'diagram.png').path, 'img/diagram.png');
  assert.equal(t.resolve('s.md', 'x.pdf').path, 'docs/x.pdf');
  assert.equal(t.resolve('s.md', 'diagram').path, null);
  assert.deepEqual(t.resolve('a/b/s.md', ''), { path: 'a/b/s.md', by: 'path', candidates: null });
  assert.deepEqual(t.resolve('a/b/s.md', '../x/y.md', true), { path: 'a/x/y.md', by: 'folder', candidates: null });
  // not found relative to the source folder: then the usual rules (here a path suffix)
  assert.deepEqual(t.resolve('a/b/s.md', 'x/y.md', true), { path: 'a/x/y.md', by: 'shortest', candidates: null });
  assert.equal(t.resolve('a/b/s.md', '../nowhere/y.md', true).path, null);
});

test('case twins (Note.md and note.md on a case-sensitive disk): the exact spelling wins, the twin is reported', () => {
  const t = table(['Note.md', 'note.md', 'a/X.md', 'a/x.md', 'a/src.md', 'b/Y.md', 'b/c/y.md']);
  assert.deepEqual(t.resolve('s.md', 'note'), { path: 'note.md', by: 'path', candidates: ['Note.md', 'note.md'] });
  assert.deepEqual(t.resolve('s.md', 'Note'), { path: 'Note.md', by: 'path', candidates: ['Note.md', 'note.md'] });
  assert.equal(t.resolve('s.md', 'note.md').path, 'note.md');
  // no exact spelling: the first in path order, still reported
  assert.deepEqual(t.resolve('s.md', 'NOTE').candidates, ['Note.md', 'note.md']);
  // rule 2 and rule 3 keep the spelling too
  assert.deepEqual(t.resolve('a/src.md', 'x'), { path: 'a/x.md', by: 'folder', candidates: ['a/X.md', 'a/x.md'] });
  assert.equal(t.resolve('s.md', 'x').path, 'a/x.md');
  assert.equal(t.resolve('s.md', 'X').path, 'a/X.md');
  assert.equal(t.resolve('s.md', '../a/x', true).path, 'a/x.md');
  // not twins (other folders): the shortest path wins whatever the case, as before
  assert.equal(t.resolve('s.md', 'y').path, 'b/Y.md');
});

test('a note whose name ends in a space is linkable; beside its trimmed twin the exact spelling wins', () => {
  const t = table(['trail .md', 'Other.md']);
  for (const written of ['trail ', 'trail', 'trail .md', 'Trail'])
    assert.equal(t.resolve('s.md', written).path, 'trail .md');
  t.addFile('trail.md');
  assert.equal(t.resolve('s.md', 'trail').path, 'trail.md');
  assert.equal(t.resolve('s.md', 'trail .md').path, 'trail .md');
});

test('removing a file unresolves and reports the affected name', () => {
  const t = table(['Note.md', 'a/Note.md']);
  assert.deepEqual(t.removeFile('Note.md'), ['note']);
  assert.equal(t.resolve('b/s.md', 'Note').path, 'a/Note.md');
  t.removeFile('a/Note.md');
  assert.equal(t.resolve('b/s.md', 'Note').path, null);
  assert.equal(t.addFile('c/Note.md'), 'note');
  assert.equal(t.resolve('b/s.md', 'note').path, 'c/Note.md');
});
