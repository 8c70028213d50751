/**
 * The patch of micromark-util-edit-map 1.0.0 (patches/, applied by `patch-package` on install): micromark 4.0.3
 * closes every list and block quote through an EditMap whose `consume` copied all the document's events out and back,
 * so a note of many separate lists parsed in quadratic time (a 4.5 MB journal: 302 s, cut off by the parse budget and
 * indexed as plain text, its links lost). The patched `consume` leaves the events before the first edit in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { parseNote } from '../../../electron/core/parse/index.ts';

function fakeEvent(i: number): Event {
  return [
    'enter',
    { type: 'data', start: { line: 1, column: i + 1, offset: i }, end: { line: 1, column: i + 2, offset: i + 1 } },
    {},
  ] as unknown as Event;
}

test('EditMap.consume touches only the events from its first edit on (no copy of the whole list)', () => {
  const events = Array.from({ length: 10_000 }, (_, i) => fakeEvent(i));
  const extra = fakeEvent(-1);
  const touched = new Set<number>();
  const watched = new Proxy(events, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) touched.add(Number(key));
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) touched.add(Number(key));
      return Reflect.set(target, key, value, receiver);
    },
  });
  const map = new EditMap();
  map.add(9_990, 0, [extra]);
  map.add(9_995, 2, []);
  map.consume(watched);
  // the result is the edited list…
  assert.equal(events.length, 9_999);
  assert.equal(events[9_989][1].start.offset, 9_989);
  assert.equal(events[9_990], extra);
  assert.equal(events[9_991][1].start.offset, 9_990);
  assert.equal(events[9_996][1].start.offset, 9_997);
  // …and no index before the first edit was read or written
  assert.ok(Math.min(...touched) >= 9_990, `touched index ${Math.min(...touched)}`);
});

test('a note of thousands of separate lists parses in full, every link kept', () => {
  const n = 4000;
  let md = '';
  for (let i = 0; i < n; i++) md += `## Day ${i}\n- met [[Person${i % 300}]]\n\nSome prose.\n\n`;
  const note = parseNote('journal.md', md);
  assert.equal(note.links.length, n);
  assert.equal(note.headings.length, n);
});
