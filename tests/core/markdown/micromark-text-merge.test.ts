/**
 * The patch of micromark 4.0.3's `resolveAllText` (patches/micromark+4.0.3.patch, applied by `patch-package` on
 * install): merging adjacent `data` events spliced the event list once per run of data, so text with many runs
 * (brackets between words after a GFM strikethrough, whose resolver leaves the runs unmerged) parsed in quadratic
 * time: `~~s~~` then `[ x ` repeated 20,000 times (80 kB) took 10 s. The patched resolver compacts the list in one pass; the tree is the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBody, type MdNode } from '../../../electron/core/markdown/index.ts';

/** The concatenated text values of a tree. */
function textOf(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

test('adjacent text is merged as before: one text node per run, its characters and positions unchanged', () => {
  const src = 'a [b *c d* e] f ^ g [ h';
  const para = parseBody(src, true).children?.[0];
  assert.equal(para?.type, 'paragraph');
  const kids = para?.children ?? [];
  assert.deepEqual(
    kids.map((c) => [c.type, textOf(c)]),
    [
      ['text', 'a [b '],
      ['emphasis', 'c d'],
      ['text', ' e] f ^ g [ h'],
    ],
  );
  assert.deepEqual(
    kids.map((c) => [c.position?.start.offset, c.position?.end.offset]),
    [
      [0, 5],
      [5, 10],
      [10, src.length],
    ],
  );
});

test('bounded: text of 40,000 bracket runs after a strikethrough parses in linear time', () => {
  const best = (md: string) => {
    let ms = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const tree = parseBody(md, true);
      ms = Math.min(ms, performance.now() - t0);
      assert.equal(textOf(tree).length, md.length - 4); // the ~~ marks
    }
    return ms;
  };
  const half = best(`~~s~~ ${'[ x '.repeat(20_000)}.`);
  const ms = best(`~~s~~ ${'[ x '.repeat(40_000)}.`);
  console.log(`40,000 runs: ${Math.round(ms)} ms (20,000: ${Math.round(half)} ms)`);
  // quadratic (before the patch): 10 s for 20,000 runs, ≈ 40 s for 40,000
  assert.ok(ms < 8000, `took ${ms} ms`);
  assert.ok(ms < 3.5 * half + 200, `not linear: ${half} ms for 20,000 runs, ${ms} ms for 40,000`);
});
