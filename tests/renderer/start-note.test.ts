/**
 * The note the first screen opens (renderer/src/shell/start-note.ts): the Home note setting, then a root home note by
 * name or by tag (the sample vault's `Go concept atlas.md` is tagged `moc`), else null — the Welcome screen — and never
 * the most linked note.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileEntry, GraphData } from '../../electron/shared/api.ts';
import { pickStartNote } from '../../renderer/src/shell/start-note.ts';

const files = (...paths: string[]): FileEntry[] =>
  paths.map((path) => ({ path, kind: 'note' }) as unknown as FileEntry);
const graph = (nodes: { id: string; tags?: string[] }[], edges: [string, string][] = []): GraphData =>
  ({
    nodes: nodes.map((n) => ({ id: n.id, label: n.id, kind: 'note', tags: n.tags ?? [] })),
    edges: edges.map(([source, target]) => ({ source, target, kind: 'wiki' })),
  }) as unknown as GraphData;

test('a vault without a home note gets the Welcome screen, not its most linked note', () => {
  const f = files('a.md', 'hub.md', 'b.md');
  const g = graph(
    [{ id: 'a.md' }, { id: 'hub.md' }, { id: 'b.md' }],
    [
      ['a.md', 'hub.md'],
      ['b.md', 'hub.md'],
    ],
  );
  assert.equal(pickStartNote(f, g), null);
  assert.equal(pickStartNote([], null), null);
});

test('a root note named home/index/readme/start/首页/目录 is the home note; one in a folder is not', () => {
  assert.equal(pickStartNote(files('x.md', 'Home.md'), null), 'Home.md');
  assert.equal(pickStartNote(files('x.md', 'README.md'), null), 'README.md');
  assert.equal(pickStartNote(files('x.md', '首页.md'), null), '首页.md');
  assert.equal(pickStartNote(files('x.md', 'docs/index.md'), null), null);
});

test('a root note tagged moc or home is the home note (the sample vault)', () => {
  const f = files('Go concept atlas.md', 'concurrency/goroutine.md', 'notes/map.md');
  const g = graph(
    [
      { id: 'Go concept atlas.md', tags: ['moc'] },
      { id: 'concurrency/goroutine.md' },
      { id: 'notes/map.md', tags: ['moc'] },
    ],
    [['Go concept atlas.md', 'concurrency/goroutine.md']],
  );
  assert.equal(pickStartNote(f, g), 'Go concept atlas.md');
});

test('the Home note setting wins when that note exists (".md" optional); a missing one falls back', () => {
  const f = files('Home.md', 'concepts/goroutine.md');
  assert.equal(pickStartNote(f, null, 'concepts/goroutine.md'), 'concepts/goroutine.md');
  assert.equal(pickStartNote(f, null, ' concepts/goroutine '), 'concepts/goroutine.md');
  assert.equal(pickStartNote(f, null, 'gone.md'), 'Home.md');
  assert.equal(pickStartNote(files('a.md'), null, 'gone.md'), null);
});
