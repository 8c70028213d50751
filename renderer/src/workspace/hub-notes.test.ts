/**
 * hub-notes.ts: the notes with the most incoming links, most first, ties by title; attachments, unresolved targets
 * and self-links are not counted; the cut-off keeps exactly `limit` even when many notes tie.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GraphData } from '../../../electron/shared/api.ts';
import { hubNotes } from './hub-notes.ts';

const note = (id: string) => ({ id, label: id, kind: 'note' as const, tags: [] });
const link = (source: string, target: string) => ({ source, target, kind: 'wiki' as const, relation: null });

test('most incoming links first, ties by title; self-links and non-notes not counted', () => {
  const graph: GraphData = {
    nodes: [
      ...['a.md', 'b.md', 'c.md', 'd.md', 'e.md'].map(note),
      { id: 'x.png', label: 'x', kind: 'attachment', tags: [] },
    ],
    edges: [
      link('a.md', 'c.md'),
      link('b.md', 'c.md'),
      link('d.md', 'c.md'),
      link('a.md', 'b.md'),
      link('c.md', 'b.md'),
      link('c.md', 'a.md'),
      link('e.md', 'd.md'),
      link('e.md', 'e.md'),
      link('e.md', 'e.md'),
      link('a.md', 'x.png'),
      link('a.md', 'x.png'),
      link('a.md', 'x.png'),
    ],
  } as GraphData;
  assert.deepEqual(hubNotes(graph, 3), [
    { path: 'c.md', links: 3 },
    { path: 'b.md', links: 2 },
    { path: 'a.md', links: 1 },
  ]);
  assert.deepEqual(
    hubNotes(graph, 10).map((h) => h.path),
    ['c.md', 'b.md', 'a.md', 'd.md'],
  );
  assert.deepEqual(hubNotes(null, 3), []);
  assert.deepEqual(hubNotes(graph, 0), []);
});

test('many notes tied at the cut-off: exactly `limit`, the first titles among the tied', () => {
  const n = 5000;
  const ids = Array.from({ length: n }, (_, i) => `notes/n${String(n - i).padStart(5, '0')}.md`);
  const graph = {
    nodes: [...ids.map(note), note('hub.md')],
    edges: [...ids.map((id) => link('hub.md', id)), ...ids.slice(0, 3).map((id) => link(id, 'hub.md'))],
  } as GraphData;
  const hubs = hubNotes(graph, 4);
  assert.deepEqual(hubs, [
    { path: 'hub.md', links: 3 },
    { path: 'notes/n00001.md', links: 1 },
    { path: 'notes/n00002.md', links: 1 },
    { path: 'notes/n00003.md', links: 1 },
  ]);
});
