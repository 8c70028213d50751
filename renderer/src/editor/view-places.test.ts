import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Places, PLACES_LIMIT } from './view-places.ts';

test('a place is updated in parts and keeps the rest', () => {
  const p = new Places();
  assert.equal(p.get('a.md'), undefined);
  p.update('a.md', { anchor: 5, head: 9 });
  p.update('a.md', { top: 40 });
  p.update('a.md', { readingTop: 1200 });
  assert.deepEqual(p.get('a.md'), { anchor: 5, head: 9, top: 40, topPx: 0, readingTop: 1200 });
});

test('only the most recently touched places are kept', () => {
  const p = new Places();
  for (let i = 0; i <= PLACES_LIMIT; i++) p.update(`n${i}.md`, { top: i });
  assert.equal(p.get('n0.md'), undefined, 'the oldest is dropped');
  assert.equal(p.get(`n${PLACES_LIMIT}.md`)?.top, PLACES_LIMIT);
  p.update('n1.md', { top: 1 }); // touched: now the newest
  p.update('extra.md', {});
  assert.equal(p.get('n1.md')?.top, 1);
  assert.equal(p.get('n2.md'), undefined);
});

test('a rename moves the places of a note and of a folder’s notes', () => {
  const p = new Places();
  p.update('a.md', { top: 1 });
  p.update('dir/b.md', { top: 2 });
  p.update('dirt.md', { top: 3 });
  p.moved('a.md', 'z.md');
  p.moved('dir', 'new');
  assert.equal(p.get('a.md'), undefined);
  assert.equal(p.get('z.md')?.top, 1);
  assert.equal(p.get('new/b.md')?.top, 2);
  assert.equal(p.get('dirt.md')?.top, 3, 'a sibling whose name starts alike stays');
});

test('places are stored per vault and read back; a restored note returns to its place once', () => {
  const store = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
  const a = new Places();
  a.save(); // no vault yet: nothing stored
  assert.equal(store.size, 0);
  a.load('/v', []);
  a.update('x.md', { anchor: 3, head: 4, top: 10, topPx: 17, readingTop: 900 });
  a.save();
  const b = new Places();
  b.load('/v', ['x.md']);
  assert.deepEqual(b.get('x.md'), { anchor: 3, head: 4, top: 10, topPx: 17, readingTop: 900 });
  assert.equal(b.takeRestore('x.md'), true);
  assert.equal(b.takeRestore('x.md'), false, 'only the first show');
  b.load('/other', []);
  assert.equal(b.get('x.md'), undefined, 'per vault');
  store.set('atlas.places:/v', '[["y.md", -1, 0, 0, 0], ["z.md", 1, 1, 1, 1], 7, "junk"]');
  b.load('/v', []);
  assert.equal(b.get('y.md'), undefined, 'a foreign value is skipped');
  assert.equal(b.get('z.md')?.top, 1);
  assert.equal(b.get('z.md')?.topPx, 0, 'a row kept before topPx: 0 px into its line');
  store.set('atlas.places:/v', '{');
  b.load('/v', []);
  assert.equal(b.get('z.md'), undefined);
});

test('each pane keeps its own places (a note open in both panes has a place in each)', () => {
  const store = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
  const left = new Places(0);
  const right = new Places(1);
  left.load('/v', []);
  right.load('/v', []);
  left.update('n.md', { top: 400 });
  right.update('n.md', { top: 0 });
  left.save();
  right.save();
  assert.deepEqual([...store.keys()].sort(), ['atlas.places:/v', 'atlas.places:/v#1']);
  const again = new Places(0);
  again.load('/v', []);
  assert.equal(again.get('n.md')?.top, 400);
});

test('a rename before a restored note is first shown keeps it to be restored', () => {
  const p = new Places();
  p.load('/v', ['old.md']);
  p.moved('old.md', 'new.md');
  assert.equal(p.takeRestore('old.md'), false);
  assert.equal(p.takeRestore('new.md'), true);
});
