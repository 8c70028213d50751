/**
 * The global graph's force layout (renderer/src/graph/force-layout.ts, run in the layout worker): deterministic,
 * finite, linked nodes closer than unlinked ones, components packed near each other (gravity), hubs given room, and
 * no overlap once the worker's overlap pass has run. Speed is measured by `npm run bench:graph`, not here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forceLayout, tickCount } from '../../renderer/src/graph/force-layout.ts';
import { hasOverlap, removeOverlaps } from '../../renderer/src/graph/overlap.ts';
import { DEFAULT_FORCES } from '../../renderer/src/graph/settings.ts';

/** A random graph like a vault: each new note links to 1–4 earlier ones; plus `orphans` unlinked nodes. */
function vaultLike(n: number, orphans = 0, seed = 7) {
  let s = seed;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const edges: number[] = [];
  for (let i = 1; i < n; i++) {
    const k = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) edges.push(i, Math.floor(rnd() * i));
  }
  const sizes = new Float32Array(n + orphans).fill(12);
  return { sizes, edges };
}

const dist = (xy: Float64Array, a: number, b: number) =>
  Math.hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);

test('the same graph gives the same picture, with finite coordinates', () => {
  const g = vaultLike(200);
  const a = forceLayout({ ...g, start: null, forces: DEFAULT_FORCES });
  const b = forceLayout({ ...g, start: null, forces: DEFAULT_FORCES });
  assert.deepEqual(a, b);
  assert.ok(a.every(Number.isFinite));
});

test('linked nodes end closer than the average pair', () => {
  const g = vaultLike(300);
  const xy = forceLayout({ ...g, start: null, forces: DEFAULT_FORCES });
  let linked = 0;
  for (let k = 0; k < g.edges.length; k += 2) linked += dist(xy, g.edges[k], g.edges[k + 1]);
  linked /= g.edges.length / 2;
  let all = 0;
  let pairs = 0;
  for (let i = 0; i < 300; i += 7)
    for (let j = i + 1; j < 300; j += 11) {
      all += dist(xy, i, j);
      pairs++;
    }
  assert.ok(linked < 0.5 * (all / pairs), `linked ${linked.toFixed(0)} px vs any pair ${(all / pairs).toFixed(0)} px`);
});

test('orphans and small components stay near the main component (gravity), none overlaps after the pass', () => {
  const g = vaultLike(150, 40);
  const n = g.sizes.length;
  const xy = forceLayout({ ...g, start: null, forces: DEFAULT_FORCES });
  removeOverlaps(xy, g.sizes, 6);
  assert.equal(hasOverlap(xy, g.sizes), false);
  let maxMain = 0;
  for (let i = 0; i < 150; i++) maxMain = Math.max(maxMain, Math.hypot(xy[2 * i], xy[2 * i + 1]));
  for (let i = 150; i < n; i++) {
    const r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
    assert.ok(r < 2.5 * maxMain, `orphan ${i} at ${r.toFixed(0)} px, main component radius ${maxMain.toFixed(0)} px`);
  }
});

test('from kept positions the layout only settles: nodes move little and fewer steps run', () => {
  const g = vaultLike(200);
  const first = forceLayout({ ...g, start: null, forces: DEFAULT_FORCES });
  const again = forceLayout({ ...g, start: first, forces: DEFAULT_FORCES });
  let moved = 0;
  for (let i = 0; i < 200; i++) moved += Math.hypot(again[2 * i] - first[2 * i], again[2 * i + 1] - first[2 * i + 1]);
  assert.ok(moved / 200 < DEFAULT_FORCES.linkDistance, `mean move ${(moved / 200).toFixed(0)} px`);
  assert.ok(tickCount(200, true) < tickCount(200, false));
  assert.ok(tickCount(10_000, false) < tickCount(200, false));
});

test('stronger repulsion spreads the graph wider', () => {
  const g = vaultLike(200);
  const spread = (repel: number) => {
    const xy = forceLayout({ ...g, start: null, forces: { ...DEFAULT_FORCES, repel } });
    let r = 0;
    for (let i = 0; i < 200; i++) r += Math.hypot(xy[2 * i], xy[2 * i + 1]);
    return r / 200;
  };
  assert.ok(spread(20) > spread(2) * 1.2);
});
