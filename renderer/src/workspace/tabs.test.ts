import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activeId,
  canGo,
  close,
  emptyWorkspace,
  forget,
  go,
  open,
  remap,
  split,
  unsplit,
  type Workspace,
} from './tabs.ts';

const shown = (ws: Workspace, pane = 0) => ws.panes[pane].tabs.map((t) => t.history[t.index]);

test('opening navigates the active tab; back and forward walk its history', () => {
  let ws = open(emptyWorkspace, 'a.md');
  ws = open(ws, 'b.md');
  ws = open(ws, 'c.md');
  assert.deepEqual(shown(ws), ['c.md']);
  ws = go(ws, -1);
  assert.equal(activeId(ws), 'b.md');
  ws = go(ws, -1);
  assert.equal(activeId(ws), 'a.md');
  assert.equal(canGo(ws, -1), false);
  ws = go(ws, 1);
  assert.equal(activeId(ws), 'b.md');
  // a new navigation drops the forward entries
  ws = open(ws, 'd.md');
  assert.equal(canGo(ws, 1), false);
  ws = go(ws, -1);
  assert.equal(activeId(ws), 'b.md');
});

test('new tabs keep their own history; a note open in another tab is focused, not duplicated', () => {
  let ws = open(emptyWorkspace, 'a.md');
  ws = open(ws, 'b.md', { newTab: true });
  assert.deepEqual(shown(ws), ['a.md', 'b.md']);
  assert.equal(canGo(ws, -1), false);
  ws = open(ws, 'a.md');
  assert.deepEqual(shown(ws), ['a.md', 'b.md']);
  assert.equal(activeId(ws), 'a.md');
});

test('rename rewrites histories; delete closes the tabs showing the note', () => {
  let ws = open(emptyWorkspace, 'x/a.md');
  ws = open(ws, 'b.md');
  ws = open(ws, 'c.md', { newTab: true });
  ws = remap(ws, 'x', 'y');
  assert.deepEqual(ws.panes[0].tabs[0].history, ['y/a.md', 'b.md']);
  ws = forget(ws, (p) => p === 'c.md');
  assert.deepEqual(shown(ws), ['b.md']);
  assert.equal(activeId(ws), 'b.md');
  ws = forget(ws, (p) => p === 'y/a.md');
  assert.deepEqual(ws.panes[0].tabs[0].history, ['b.md']);
});

test('split shows the note in a second pane; closing its last tab unsplits', () => {
  let ws = open(emptyWorkspace, 'a.md');
  ws = split(ws);
  assert.equal(ws.panes.length, 2);
  assert.equal(ws.activePane, 1);
  ws = open(ws, 'b.md');
  assert.deepEqual([shown(ws, 0), shown(ws, 1)], [['a.md'], ['b.md']]);
  ws = close(ws, ws.panes[1].tabs[0].key);
  assert.equal(ws.panes.length, 1);
  ws = unsplit(split(ws));
  assert.equal(ws.panes.length, 1);
});
