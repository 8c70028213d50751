import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Places, PLACES_LIMIT } from './view-places.ts';

test('a place is updated in parts and keeps the rest', () => {
  const p = new Places();
  assert.equal(p.get('a.md'), undefined);
  p.update('a.md', { anchor: 5, head: 9 });
  p.update('a.md', { top: 40 });
  p.update('a.md', { readingTop: 1200 });
  assert.deepEqual(p.get('a.md'), { anchor: 5, head: 9, top: 40, readingTop: 1200 });
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
