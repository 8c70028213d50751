import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { loadWorkspace, saveWorkspace } from './saved-workspace.ts';
import { activeId, close, emptyWorkspace, go, open, split } from './tabs.ts';

const store = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
};
beforeEach(() => store.clear());

const all = () => true;

test('tabs, their histories and the active tab and pane come back', () => {
  let ws = open(open(open(emptyWorkspace, 'a.md'), 'b.md'), 'c.md');
  ws = go(ws, -1); // b, with c forward
  ws = open(ws, '\u0000view:graph', { newTab: true });
  ws = open(split(ws), 'd.md', { pane: 1 });
  saveWorkspace('/v', ws);
  const back = loadWorkspace('/v', all);
  assert.ok(back);
  assert.equal(back.panes.length, 2);
  assert.equal(back.activePane, 1);
  assert.equal(activeId(back), 'd.md');
  const first = back.panes[0];
  assert.deepEqual(
    first.tabs.map((t) => [t.history, t.index]),
    [
      [['a.md', 'b.md', 'c.md'], 1],
      [['\u0000view:graph'], 0],
    ],
  );
  assert.equal(first.active, first.tabs[1].key);
  assert.equal(new Set(back.panes.flatMap((p) => p.tabs.map((t) => t.key))).size, 3, 'keys are unique');
  assert.ok(back.nextKey > Math.max(...back.panes.flatMap((p) => p.tabs.map((t) => t.key))));
});

test('entries of notes gone meanwhile are dropped; a tab left with nothing closes', () => {
  let ws = open(open(open(emptyWorkspace, 'a.md'), 'gone.md'), 'a2.md');
  ws = go(ws, -1); // shows gone.md
  ws = open(ws, 'x.md', { newTab: true });
  ws = open(ws, 'gone2.md', { newTab: true });
  saveWorkspace('/v', ws);
  const back = loadWorkspace('/v', (id) => !id.startsWith('gone'));
  assert.ok(back);
  assert.deepEqual(
    back.panes[0].tabs.map((t) => [t.history, t.index]),
    [
      [['a.md', 'a2.md'], 0],
      [['x.md'], 0],
    ],
  );
  assert.equal(activeId(back), 'a.md', 'the closed active tab gives way to the first');
});

test('nothing stored, a foreign value or no tab left restores nothing', () => {
  assert.equal(loadWorkspace('/v', all), null);
  store.set('atlas.workspace:/v', '{"panes": 3}');
  assert.equal(loadWorkspace('/v', all), null);
  store.set('atlas.workspace:/v', 'not json');
  assert.equal(loadWorkspace('/v', all), null);
  saveWorkspace('/v', close(open(emptyWorkspace, 'a.md'), 1));
  assert.equal(loadWorkspace('/v', all), null);
  saveWorkspace('/v', open(emptyWorkspace, 'a.md'));
  assert.equal(loadWorkspace('/other', all), null, 'per vault');
});
