import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircleGrid, placeNear, type Circle } from '../../renderer/src/graph/placement.ts';

function rand(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

test('CircleGrid.overlaps answers as a check against every circle does', () => {
  const r = rand(7);
  const circles: Circle[] = [];
  for (let i = 0; i < 800; i++) circles.push({ x: (r() - 0.5) * 3000, y: (r() - 0.5) * 3000, r: 4 + r() * 20 });
  const grid = new CircleGrid(circles);
  for (let i = 0; i < 4000; i++) {
    const x = (r() - 0.5) * 3200;
    const y = (r() - 0.5) * 3200;
    const rad = 4 + r() * 20;
    const brute = circles.some((o) => Math.hypot(o.x - x, o.y - y) < o.r + rad + 6);
    assert.equal(grid.overlaps(x, y, rad, 6), brute, `at ${x},${y} r ${rad}`);
  }
});

test('placeNear gives the same spot from a grid as from a list of circles', () => {
  const r = rand(11);
  const circles: Circle[] = [];
  for (let i = 0; i < 300; i++) circles.push({ x: (r() - 0.5) * 600, y: (r() - 0.5) * 600, r: 4 + r() * 12 });
  for (let i = 0; i < 50; i++) {
    const nbs = [{ x: (r() - 0.5) * 600, y: (r() - 0.5) * 600 }];
    const a = placeNear(`n${i}`, 6, nbs, circles, { x: 0, y: 0 }, 80);
    const b = placeNear(`n${i}`, 6, nbs, new CircleGrid(circles), { x: 0, y: 0 }, 80);
    assert.deepEqual(a, b);
    assert.ok(!circles.some((o) => Math.hypot(o.x - a.x, o.y - a.y) < o.r + 6 + 6), 'the spot overlaps no circle');
  }
});

test('CircleGrid.set and delete by id: overlaps answers as a check against the circles left does', () => {
  const r = rand(13);
  const grid = new CircleGrid();
  const held = new Map<string, Circle>();
  for (let i = 0; i < 3000; i++) {
    const id = `n${Math.floor(r() * 400)}`;
    if (r() < 0.3) {
      grid.delete(id);
      held.delete(id);
    } else {
      const c = { x: (r() - 0.5) * 2000, y: (r() - 0.5) * 2000, r: 4 + r() * 16 };
      grid.set(id, c);
      held.set(id, c);
    }
  }
  assert.equal(grid.size, held.size);
  for (const id of held.keys()) assert.ok(grid.has(id));
  for (let i = 0; i < 3000; i++) {
    const x = (r() - 0.5) * 2200;
    const y = (r() - 0.5) * 2200;
    const brute = [...held.values()].some((o) => Math.hypot(o.x - x, o.y - y) < o.r + 6 + 6);
    assert.equal(grid.overlaps(x, y, 6, 6), brute, `at ${x},${y}`);
  }
});
