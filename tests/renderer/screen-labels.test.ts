/**
 * The local graph's label picking (renderer/src/graph/screen-labels.ts `pickLabels`): in priority order, a label is
 * kept only when its box overlaps none kept before it (with a gap), the first always; and the pinned force layout
 * (force-layout.ts `pin`) holds the current note at the origin, so the local graph draws it centred.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forceLayout } from '../../renderer/src/graph/force-layout.ts';
import { pickLabels, type LabelBox } from '../../renderer/src/graph/screen-labels.ts';
import { DEFAULT_FORCES } from '../../renderer/src/graph/settings.ts';

const box = (id: string, x: number, y: number, w = 40, h = 14): LabelBox => ({ id, x, y, w, h });

test('the first label is always kept; a later one overlapping a kept one is left out', () => {
  const picked = pickLabels([box('current', 0, 0), box('a', 20, 5), box('b', 100, 0), box('c', 110, 8)]);
  assert.deepEqual([...picked], ['current', 'b']);
});

test('labels closer than the gap count as overlapping; farther ones are kept', () => {
  assert.deepEqual([...pickLabels([box('a', 0, 0), box('b', 41, 0)], 2)], ['a']);
  assert.deepEqual([...pickLabels([box('a', 0, 0), box('b', 43, 0)], 2)], ['a', 'b']);
  assert.deepEqual([...pickLabels([box('a', 0, 0), box('b', 0, 17)], 2)], ['a', 'b']);
});

test('no two kept labels overlap, whatever the input', () => {
  const boxes: LabelBox[] = [];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 260;
  };
  for (let i = 0; i < 200; i++) boxes.push(box(`n${i}`, rnd(), rnd(), 20 + (i % 5) * 15));
  const picked = pickLabels(boxes);
  const kept = boxes.filter((b) => picked.has(b.id));
  assert.ok(kept.length > 5 && kept.length < 200, `${kept.length} of 200 kept`);
  for (const [i, a] of kept.entries())
    for (const b of kept.slice(i + 1))
      assert.ok(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `${a.id} / ${b.id}`);
});

test('the pinned node of a force layout stays at the origin', () => {
  // A star: node 3 is the hub, pinned; without the pin the hub drifts off the origin with its uneven leaves.
  const sizes = [8, 8, 8, 30, 8, 8, 12];
  const edges = [3, 0, 3, 1, 3, 2, 3, 4, 3, 5, 6, 0, 6, 1, 6, 2];
  const out = forceLayout({ sizes, edges, start: null, forces: DEFAULT_FORCES, pin: 3 });
  assert.deepEqual([out[6], out[7]], [0, 0]);
  const free = forceLayout({ sizes, edges, start: null, forces: DEFAULT_FORCES });
  assert.ok(Math.hypot(free[6], free[7]) > 0.5, 'unpinned, the hub is not exactly at the origin');
});
