/** color-styles.ts: the kept colour strings are exactly Cytoscape's, for kept and for uncached colours and alphas. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rgbaString } from '../../renderer/src/graph/color-styles.ts';

const cytoscapes = (r: number, g: number, b: number, a: number) => 'rgba(' + r + ',' + g + ',' + b + ',' + a + ')';

test('rgbaString gives Cytoscape’s string, also when asked again', () => {
  const alphas = [1, 0, 0.5, 0.15, 0.3 * 0.9, 1e-7, 0.123456789];
  for (const [r, g, b] of [
    [195, 200, 207],
    [0, 0, 0],
    [255, 255, 255],
    [74, 79, 87],
  ])
    for (const a of alphas) {
      assert.equal(rgbaString(r, g, b, a), cytoscapes(r, g, b, a));
      assert.equal(rgbaString(r, g, b, a), cytoscapes(r, g, b, a), 'asked again');
    }
  // more alphas than are kept for one colour, and non-integer channels: still the same characters
  for (let i = 0; i < 200; i++) assert.equal(rgbaString(10, 20, 30, i / 199), cytoscapes(10, 20, 30, i / 199));
  assert.equal(rgbaString(10.5, 20, 30, 1), cytoscapes(10.5, 20, 30, 1));
});
