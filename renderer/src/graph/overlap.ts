/**
 * Removes overlaps between circular nodes after a layout, so that at rest a click always hits the node under the
 * pointer: a few passes over a uniform grid push every overlapping pair apart along the line between their centres.
 * Linear in the number of nodes per pass (each node is checked against the 3×3 cells around it).
 */

/** `xy` (x0, y0, …) moved in place so no two circles of diameters `sizes` are closer than `gap` px. */
export function removeOverlaps(xy: Float64Array, sizes: ArrayLike<number>, gap = 4, maxPasses = 40): number {
  const n = sizes.length;
  if (n < 2) return 0;
  let maxD = 0;
  for (let i = 0; i < n; i++) maxD = Math.max(maxD, sizes[i]);
  const cell = maxD + gap;
  let pass = 0;
  for (; pass < maxPasses; pass++) {
    const grid = new Map<number, number[]>();
    const key = (cx: number, cy: number) => (cx * 73856093) ^ (cy * 19349663);
    for (let i = 0; i < n; i++) {
      const k = key(Math.floor(xy[2 * i] / cell), Math.floor(xy[2 * i + 1] / cell));
      const bucket = grid.get(k);
      if (bucket) bucket.push(i);
      else grid.set(k, [i]);
    }
    let moved = false;
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(xy[2 * i] / cell);
      const cy = Math.floor(xy[2 * i + 1] / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const bucket = grid.get(key(cx + dx, cy + dy));
          if (!bucket) continue;
          for (const j of bucket) {
            if (j <= i) continue;
            const min = (sizes[i] + sizes[j]) / 2 + gap;
            let vx = xy[2 * j] - xy[2 * i];
            let vy = xy[2 * j + 1] - xy[2 * i + 1];
            let d = Math.hypot(vx, vy);
            if (d >= min) continue;
            if (d < 1e-6) {
              const a = (i * 2.399963) % (2 * Math.PI);
              vx = Math.cos(a);
              vy = Math.sin(a);
              d = 1;
            } else {
              vx /= d;
              vy /= d;
            }
            const push = (min - (d < 1e-6 ? 0 : d)) / 2 + 0.01;
            xy[2 * i] -= vx * push;
            xy[2 * i + 1] -= vy * push;
            xy[2 * j] += vx * push;
            xy[2 * j + 1] += vy * push;
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
  return pass;
}

/** True when some two circles overlap (for tests and checks). */
export function hasOverlap(xy: ArrayLike<number>, sizes: ArrayLike<number>): boolean {
  const n = sizes.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]) < (sizes[i] + sizes[j]) / 2) return true;
    }
  }
  return false;
}
