import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareSwitcher, readyTargets, targetsFor } from './switcher-index.ts';
import type { SwitcherNote } from './switcher-search.ts';

const list = (titles: string[]): SwitcherNote[] =>
  titles.map((t) => ({ path: `${t}.md`, title: t, aliases: [`${t} alias`] }));

test('the same notes fetched again take the built targets over at once, pointed at the new note objects', () => {
  const first = list(['goroutine', 'channel', 'select']);
  const built = targetsFor(first);
  assert.equal(readyTargets(first), built);
  const again = list(['goroutine', 'channel', 'select']);
  prepareSwitcher(again);
  // no rebuild at idle: ready at once, the same prepared targets
  assert.equal(readyTargets(again), built);
  assert.ok(
    built.every((t) => again.includes(t.note)),
    'every target points at a note of the new list',
  );
  // a changed title is a rebuild (at idle; not ready until then)
  const renamed = list(['goroutine', 'channels', 'select']);
  prepareSwitcher(renamed);
  assert.equal(readyTargets(renamed), null);
  const rebuilt = targetsFor(renamed);
  assert.ok(rebuilt.some((t) => t.shown === 'channels'));
  assert.ok(rebuilt.every((t) => renamed.includes(t.note)));
});
