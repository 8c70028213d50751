import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircleGrid, nearestFree, placeNear, type Circle } from '../../renderer/src/graph/placement.ts';

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

test('nearestFree: the spot it gives overlaps no circle and is about as near as a dense brute-force search finds', () => {
  const r = rand(23);
  for (let t = 0; t < 40; t++) {
    const circles: Circle[] = [];
    for (let i = 0; i < 60; i++) circles.push({ x: (r() - 0.5) * 200, y: (r() - 0.5) * 200, r: 4 + r() * 8 });
    const grid = new CircleGrid(circles);
    const at = { x: (r() - 0.5) * 100, y: (r() - 0.5) * 100 };
    const rad = 6 + r() * 8;
    const spot = nearestFree(rad, at, grid, 4, 40);
    // brute force: the nearest spot on a 0.5 px lattice within 40 px that is free with 2 px to spare (the spiral's
    // spots are ≈ 2.2 px apart: a pocket narrower than that may fall between them)
    let best = Number.POSITIVE_INFINITY;
    for (let dx = -40; dx <= 40; dx += 0.5)
      for (let dy = -40; dy <= 40; dy += 0.5) {
        const d = Math.hypot(dx, dy);
        if (d > 40 || d >= best) continue;
        if (!circles.some((o) => Math.hypot(o.x - at.x - dx, o.y - at.y - dy) < o.r + rad + 6)) best = d;
      }
    if (!spot) {
      assert.ok(best > 38, `no spot found, yet one is free ${best.toFixed(1)} px away`);
      continue;
    }
    assert.ok(!circles.some((o) => Math.hypot(o.x - spot.x, o.y - spot.y) < o.r + rad + 4), 'the spot is free');
    const moved = Math.hypot(spot.x - at.x, spot.y - at.y);
    assert.ok(moved <= best + 2.5, `moved ${moved.toFixed(1)} px; a free spot is ${best.toFixed(1)} px away`);
  }
});
